// The files of a batch parsed by a pool of worker threads, handed back in the order they were
// given whatever order they finish in, so that the output never depends on scheduling. `jobs` 1
// parses in this thread, without workers.
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
  const results = pool.parse(tasks, arrived);
  for (let index = 0; index < results.length; index += 1) {
    const outcomes = await results[index]!;
    // Let go of what was taken: the group it belongs to holds it for as long as it needs it.
    results[index] = released;
    pool.taken(index + 1);
    yield outcomes;
  }
}

/** What stands in the place of a result once it was taken. */
const released: Promise<FileOutcome[]> = Promise.resolve([]);

/** The shared counters: the next file to take, and how many results the main thread has taken. */
export const NEXT = 0;
export const TAKEN = 1;
/** How far past the last result taken a worker may parse: results are small, and these few wait. */
export const AHEAD = 256;

const sharedCounters = () => new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));

/**
 * Worker threads that take files off a shared counter (parse-worker.ts). Results wait here until
 * they are taken in order; the workers stay at most AHEAD files past the last one taken.
 */
export class Pool {
  private readonly workers: Worker[] = [];
  private settles: Settle[] = [];
  private counters = sharedCounters();

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
      worker.on('message', (reply: WorkerReply) => this.finished(reply));
      worker.on('error', (error) => this.failed(error));
      worker.on('exit', (code) => this.failed(new Error(`a parse worker exited (code ${code})`)));
      this.workers.push(worker);
    }
  }

  /** One promise per task, settled as its file is parsed. One run at a time. */
  parse(tasks: readonly FileTask[], arrived: (index: number) => void): Promise<FileOutcome[]>[] {
    const results = tasks.map(
      (_, index) =>
        new Promise<FileOutcome[]>((resolve, reject) => {
          this.settles[index] = {
            resolve: (outcomes) => {
              arrived(index);
              resolve(outcomes);
            },
            reject,
          };
        }),
    );
    // Taken in order by the caller; until then a failure must not count as unhandled.
    for (const result of results) result.catch(() => undefined);
    this.counters = sharedCounters();
    for (const worker of this.workers) worker.postMessage({ tasks: [...tasks], counters: this.counters.buffer as SharedArrayBuffer } satisfies WorkerRequest);
    return results;
  }

  /** The results of the first `count` files have been taken: workers waiting for that may go on. */
  taken(count: number): void {
    Atomics.store(this.counters, TAKEN, count);
    Atomics.notify(this.counters, TAKEN);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private finished(reply: WorkerReply): void {
    const settle = this.settles[reply.index];
    if (!settle) return;
    delete this.settles[reply.index];
    if (reply.ok) settle.resolve(reply.outcomes);
    else settle.reject(new Error(`parsing failed in a worker: ${reply.error}`));
  }

  /** A worker that dies takes its files with it: the run fails, as an exception in-process would. */
  private failed(error: Error): void {
    for (const settle of this.settles.splice(0)) settle?.reject(error);
  }
}

interface Settle {
  resolve: (outcomes: FileOutcome[]) => void;
  reject: (error: Error) => void;
}
