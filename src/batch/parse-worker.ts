// A worker thread of `batch`: parses the files it is sent, one at a time, and posts back each
// file's outcomes (see parse-file.ts), or the error that stopped it.
import { parentPort } from 'node:worker_threads';
import { parseFile, type FileTask } from './parse-file.js';

export interface WorkerRequest {
  id: number;
  task: FileTask;
}

export type WorkerReply = { id: number; ok: true; outcomes: Awaited<ReturnType<typeof parseFile>> } | { id: number; ok: false; error: string };

const port = parentPort;
if (port) {
  // One file at a time, in the order sent: the pool sends a few ahead so that this thread never waits.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    previous = previous.then(() =>
      parseFile(request.task).then(
        (outcomes) => port.postMessage({ id: request.id, ok: true, outcomes } satisfies WorkerReply),
        (error: unknown) =>
          port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
      ),
    );
  });
}
