// A worker thread of `batch`: given the whole list of files and a counter shared by every
// worker, it takes the next file off the counter, parses it and posts back its outcomes (see
// parse-file.ts), or the error that stopped it, until none is left. Taking work this way keeps
// every core busy whatever the main thread is doing, and a slow file holds up no other.
import { parentPort } from 'node:worker_threads';
import { parseFile, type FileOutcome, type FileTask } from './parse-file.js';

export interface WorkerRequest {
  tasks: FileTask[];
  /** One Int32: the index of the next file to take. */
  next: SharedArrayBuffer;
}

export type WorkerReply = { index: number; ok: true; outcomes: FileOutcome[] } | { index: number; ok: false; error: string };

const port = parentPort;
if (port) {
  port.on('message', async ({ tasks, next }: WorkerRequest) => {
    const counter = new Int32Array(next);
    for (let index = Atomics.add(counter, 0, 1); index < tasks.length; index = Atomics.add(counter, 0, 1)) {
      try {
        port.postMessage({ index, ok: true, outcomes: await parseFile(tasks[index]!) } satisfies WorkerReply);
      } catch (error) {
        port.postMessage({ index, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
      }
    }
  });
}
