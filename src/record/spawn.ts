// Running kubectl: a process whose output is collected and which can be killed, with its whole
// process group, when it overstays its timeout. Injectable, so that tests run no processes.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export type ProcessExit =
  /** The process ran and ended; `exitCode` is null when a signal ended it. */
  | { kind: 'exited'; exitCode: number | null; signal: string | null; stdout: Buffer; stderr: string }
  /** The process never started: `code` is the errno name (ENOENT: no such program). */
  | { kind: 'spawn-failed'; code: string; message: string };

export interface RunningProcess {
  /** Resolves once the process has ended and its output is closed; never rejects. */
  readonly done: Promise<ProcessExit>;
  /** Ends it at once (SIGKILL to its process group); harmless after it has ended. */
  kill(): void;
}

export interface SpawnOptions {
  /** Keep stdout (the events dump); probes only need the exit code and stderr. */
  keepStdout: boolean;
}

export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => RunningProcess;

/** kubectl's stderr is a few lines; a runaway one is cut here rather than held in memory. */
const STDERR_LIMIT = 64 * 1024;

const ownGroup = process.platform !== 'win32';

export const spawnProcess: Spawn = (command, args, options) => {
  // stdin is /dev/null so kubectl never waits at a credentials prompt; its own process group so
  // that a Ctrl-C at the terminal reaches the recorder only, and a kill reaches any helper it ran
  // (exec credential plugins such as aws-iam-authenticator, the gcloud dispatcher's kubectl).
  let child: ChildProcessByStdio<null, Readable, Readable>;
  try {
    child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: ownGroup, windowsHide: true });
  } catch (error) {
    // Arguments Node refuses outright (a NUL byte): a failed run like any other, not a crash.
    const failure = error as NodeJS.ErrnoException;
    return { done: Promise.resolve({ kind: 'spawn-failed', code: failure.code ?? 'UNKNOWN', message: failure.message }), kill: () => undefined };
  }
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let stderrBytes = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    if (options.keepStdout) stdout.push(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderrBytes >= STDERR_LIMIT) return;
    stderr.push(chunk.subarray(0, STDERR_LIMIT - stderrBytes));
    stderrBytes += chunk.length;
  });
  let spawnError: NodeJS.ErrnoException | null = null;
  child.on('error', (error: NodeJS.ErrnoException) => {
    if (child.pid === undefined) spawnError = error;
  });
  const done = new Promise<ProcessExit>((resolve) => {
    child.once('close', (exitCode, signal) => {
      const failed = spawnError as NodeJS.ErrnoException | null;
      if (failed) resolve({ kind: 'spawn-failed', code: failed.code ?? 'UNKNOWN', message: failed.message });
      else resolve({ kind: 'exited', exitCode, signal, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
  return {
    done,
    kill: () => {
      const pid = child.pid;
      if (pid === undefined) return;
      try {
        if (!ownGroup) throw new Error('no process groups');
        process.kill(-pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    },
  };
};
