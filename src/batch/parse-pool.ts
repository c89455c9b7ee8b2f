// The files of a batch parsed by a pool of worker threads, handed back in the order they were
// given whatever order they finish in, so that the output never depends on scheduling. At most
// 32 files a worker are in flight or waiting to be taken, so results of fast files do not pile
// up behind a slow one without bound. `jobs` 1 parses in this thread, without workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseFile, type FileOutcome, type FileTask } from './parse-file.js';
import type { WorkerReply, WorkerRequest } from './parse-worker.js';

/** Both cores of a small machine, at most four: parsing is CPU-bound, and each worker holds one file's text. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** The worker threads of a batch; null parses in this thread (`jobs` 1). Started before the files are planned, so that they load while the archive is walked. */
export function startPool(jobs: number): Pool | null {
  return jobs > 1 ? new Pool(jobs) : null;
}

/**
 * Each task's outcomes, in task order. `arrived` is called as each file's result comes in (in
 * whatever order), for progress. The caller closes the pool.
 */
export async function* parseFiles(
  tasks: readonly FileTask[],
  pool: Pool | null,
  arrived: (index: number) => void,
): AsyncGenerator<FileOutcome[]> {
  if (pool === null) {
    for (const [index, task] of tasks.entries()) {
      const outcomes = await parseFile(task);
      arrived(index);
      yield outcomes;
    }
    return;
  }
  // Results are small (what findings need), so many may wait to be taken: files go on being
  // parsed while this thread is busy with a group's reports, or waiting for a slow file.
  const window = pool.size * 32;
  const pending: Promise<FileOutcome[]>[] = [];
  let next = 0;
  let taken = 0;
  const topUp = (): void => {
    while (next < tasks.length && next - taken < window) submit();
  };
  const submit = (): void => {
    const index = next++;
    const result = pool.run(tasks[index]!).then((outcomes) => {
      arrived(index);
      topUp();
      return outcomes;
    });
    // Awaited in order below; until then a failure must not count as unhandled.
    result.catch(() => undefined);
    pending.push(result);
  };
  topUp();
  while (taken < tasks.length) {
    const outcomes = await pending[taken]!;
    pending[taken] = done;
    taken += 1;
    topUp();
    yield outcomes;
  }
}

const done: Promise<FileOutcome[]> = Promise.resolve([]);

/**
 * Each worker holds a few tasks at once and works through them in turn, so it never waits for
 * this thread while it is busy writing reports.
 */
const TASKS_PER_WORKER = 3;

export class Pool {
  private readonly all: Worker[] = [];
  private readonly queue: { request: WorkerRequest; settle: Settle }[] = [];
  private readonly running = new Map<Worker, Map<number, Settle>>();
  private lastId = 0;

  constructor(readonly size: number) {
    // Under tsx (tests, `tsx src/cli.ts`) this module is a .ts file, and so is its worker: a
    // worker thread loads it only once tsx's loader is registered in that thread (`execArgv:
    // ['--import=tsx']` does not reach a worker's entry on Node 20), so a few lines do that first.
    const fromSource = import.meta.url.endsWith('.ts');
    const bootstrap = fromSource
      ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href)}); });`
      : null;
    for (let index = 0; index < size; index += 1) {
      const worker = bootstrap === null ? new Worker(new URL('./parse-worker.js', import.meta.url)) : new Worker(bootstrap, { eval: true });
      worker.on('message', (reply: WorkerReply) => this.finished(worker, reply));
      worker.on('error', (error) => this.failed(worker, error));
      worker.on('exit', (code) => this.failed(worker, new Error(`a parse worker exited (code ${code})`)));
      this.all.push(worker);
      this.running.set(worker, new Map());
    }
  }

  run(task: FileTask): Promise<FileOutcome[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: ++this.lastId, task }, settle: { resolve, reject } });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = this.all.splice(0);
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** The next task to the worker holding the fewest, while any holds fewer than it may. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let chosen: [Worker, Map<number, Settle>] | null = null;
      for (const entry of this.running) if (entry[1].size < TASKS_PER_WORKER && (chosen === null || entry[1].size < chosen[1].size)) chosen = entry;
      if (chosen === null) return;
      const { request, settle } = this.queue.shift()!;
      chosen[1].set(request.id, settle);
      chosen[0].postMessage(request);
    }
  }

  private finished(worker: Worker, reply: WorkerReply): void {
    const settle = this.running.get(worker)?.get(reply.id);
    if (!settle) return;
    this.running.get(worker)!.delete(reply.id);
    if (reply.ok) settle.resolve(reply.outcomes);
    else settle.reject(new Error(`parsing failed in a worker: ${reply.error}`));
    this.dispatch();
  }

  /** A worker that dies takes its files with it: the run fails, as an exception in-process would. */
  private failed(worker: Worker, error: Error): void {
    const held = this.running.get(worker);
    this.running.delete(worker);
    for (const settle of held?.values() ?? []) settle.reject(error);
    if (this.running.size === 0) {
      for (const { settle } of this.queue.splice(0)) settle.reject(error);
    }
  }
}

interface Settle {
  resolve: (outcomes: FileOutcome[]) => void;
  reject: (error: Error) => void;
}
