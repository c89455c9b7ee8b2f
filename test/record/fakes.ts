// A clock that moves only when everything else is waiting, and a kubectl that answers from a
// script: the recorder's loop, timeouts and stops, tested in no time.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/record/clock.js';
import type { ProcessExit, RunningProcess, Spawn } from '../../src/record/spawn.js';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private seq = 0;

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = (): void => {
        this.timers = this.timers.filter((timer) => timer !== entry);
        resolve();
      };
      const entry: Timer = {
        at: this.time + Math.max(0, ms),
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(entry);
    });
  }

  /** Runs `promise` to its end, moving time to the next timer whenever nothing else can happen. */
  async drive<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await idle();
      if (settled) return promise;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('stuck: the recorder waits for something that never comes');
      this.time = Math.max(this.time, next.at);
      next.fire();
    }
  }
}

/** setImmediate runs after every pending promise job: the recorder's fs calls are synchronous. */
async function idle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

export type Behaviour =
  | { after: number; exitCode: number; stderr?: string; stdout?: string }
  | { hang: true; stderr?: string }
  | { spawnError: string };

export interface Call {
  args: string[];
  at: number;
  killedAt: number | null;
}

/** A kubectl whose every run does what `script` says for its arguments at that moment. */
export function fakeKubectl(clock: FakeClock, script: (args: string[], at: number) => Behaviour): { spawn: Spawn; calls: Call[] } {
  const calls: Call[] = [];
  const spawn: Spawn = (command, args) => {
    const behaviour = script([...args], clock.now());
    const call: Call = { args: [...args], at: clock.now(), killedAt: null };
    calls.push(call);
    if ('spawnError' in behaviour) {
      return { done: Promise.resolve({ kind: 'spawn-failed', code: behaviour.spawnError, message: `spawn ${command} ${behaviour.spawnError}` }), kill: () => undefined };
    }
    let finish!: (exit: ProcessExit) => void;
    const done = new Promise<ProcessExit>((resolve) => (finish = resolve));
    const ended = new AbortController();
    const end = (exit: ProcessExit): void => {
      if (ended.signal.aborted) return;
      ended.abort();
      finish(exit);
    };
    if (!('hang' in behaviour)) {
      void clock.sleep(behaviour.after, ended.signal).then(() =>
        end({ kind: 'exited', exitCode: behaviour.exitCode, signal: null, stdout: Buffer.from(behaviour.stdout ?? ''), stderr: behaviour.stderr ?? '' }),
      );
    }
    const process: RunningProcess = {
      done,
      kill: () => {
        if (ended.signal.aborted) return;
        call.killedAt = clock.now();
        end({ kind: 'exited', exitCode: null, signal: 'SIGKILL', stdout: Buffer.alloc(0), stderr: behaviour.stderr ?? '' });
      },
    };
    return process;
  };
  return { spawn, calls };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'kp-record-'));

export function readLines(dir: string, name = 'probes.ndjson'): Record<string, unknown>[] {
  return readFileSync(join(dir, name), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export const filesIn = (dir: string): string[] => readdirSync(dir).sort();
