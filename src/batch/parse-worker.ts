// A worker thread of `batch`: given the whole list of files and a counter shared by every
// worker, it takes the next file off the counter, parses it and posts back its outcomes (see
// parse-file.ts), or the error that stopped it, until none is left. Taking work this way keeps
// every core busy whatever the main thread is doing, and a slow file holds up no other. A worker
// that has got too far ahead of what the main thread has taken waits, so that the results
// waiting there stay few.
import { parentPort } from 'node:worker_threads';
import { parseFile, type FileOutcome, type FileTask } from './parse-file.js';
import { AHEAD, NEXT, TAKEN } from './parse-pool.js';

export interface WorkerRequest {
  tasks: FileTask[];
  /** Two Int32s: the index of the next file to take (NEXT), and how many results the main thread has taken (TAKEN). */
  counters: SharedArrayBuffer;
}

export type WorkerReply = { index: number; ok: true; outcomes: FileOutcome[] } | { index: number; ok: false; error: string };

const port = parentPort;
if (port) {
  port.on('message', async ({ tasks, counters }: WorkerRequest) => {
    const counter = new Int32Array(counters);
    for (let index = Atomics.add(counter, NEXT, 1); index < tasks.length; index = Atomics.add(counter, NEXT, 1)) {
      // Woken when a result is taken; the timeout only keeps a terminated worker from hanging.
      for (let taken = Atomics.load(counter, TAKEN); index - taken >= AHEAD; taken = Atomics.load(counter, TAKEN)) Atomics.wait(counter, TAKEN, taken, 1000);
      try {
        port.postMessage({ index, ok: true, outcomes: await parseFile(tasks[index]!) } satisfies WorkerReply);
      } catch (error) {
        port.postMessage({ index, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
      }
    }
  });
}
