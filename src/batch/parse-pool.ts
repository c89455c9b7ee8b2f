// The files of a batch parsed by a pool of worker threads, handed back in the order they were
// given whatever order they finish in, so that the output never depends on scheduling. At most
// a few files (twice the pool) are in flight or waiting to be taken, so results of fast files
// do not pile up behind a slow one. `jobs` 1 parses in this thread, without workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseFile, type FileOutcome, type FileTask } from './parse-file.js';
import type { WorkerReply, WorkerRequest } from './parse-worker.js';

/** Both cores of a small machine, at most four: parsing is CPU-bound, and each worker holds one file's text. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/**
 * Each task's outcomes, in task order. `arrived` is called as each file's result comes in (in
 * whatever order), for progress.
 */
export async function* parseFiles(
  tasks: readonly FileTask[],
  jobs: number,
  arrived: (index: number) => void,
): AsyncGenerator<FileOutcome[]> {
  if (jobs <= 1 || tasks.length <= 1) {
    for (const [index, task] of tasks.entries()) {
      const outcomes = await parseFile(task);
      arrived(index);
      yield outcomes;
    }
    return;
  }
  const pool = new Pool(Math.min(jobs, tasks.length));
  const window = pool.size * 2;
  const pending: Promise<FileOutcome[]>[] = [];
  let next = 0;
  const submit = (): void => {
    const index = next++;
    const result = pool.run(tasks[index]!).then((outcomes) => {
      arrived(index);
      return outcomes;
    });
    // Awaited in order below; until then a failure must not count as unhandled.
    result.catch(() => undefined);
    pending.push(result);
  };
  try {
    while (next < tasks.length && pending.length < window) submit();
    while (pending.length > 0) {
      const outcomes = await pending.shift()!;
      if (next < tasks.length) submit();
      yield outcomes;
    }
  } finally {
    await pool.close();
  }
}

class Pool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: { request: WorkerRequest; settle: Settle }[] = [];
  private readonly running = new Map<Worker, { id: number; settle: Settle }>();
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
      this.idle.push(worker);
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

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const { request, settle } = this.queue.shift()!;
      this.running.set(worker, { id: request.id, settle });
      worker.postMessage(request);
    }
  }

  private finished(worker: Worker, reply: WorkerReply): void {
    const job = this.running.get(worker);
    if (!job || job.id !== reply.id) return;
    this.running.delete(worker);
    this.idle.push(worker);
    if (reply.ok) job.settle.resolve(reply.outcomes);
    else job.settle.reject(new Error(`parsing failed in a worker: ${reply.error}`));
    this.dispatch();
  }

  /** A worker that dies takes its file with it: the run fails, as an exception in-process would. */
  private failed(worker: Worker, error: Error): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    const position = this.idle.indexOf(worker);
    if (position >= 0) this.idle.splice(position, 1);
    job?.settle.reject(error);
    if (this.idle.length === 0 && this.running.size === 0) {
      for (const { settle } of this.queue.splice(0)) settle.reject(error);
    }
  }
}

interface Settle {
  resolve: (outcomes: FileOutcome[]) => void;
  reject: (error: Error) => void;
}
