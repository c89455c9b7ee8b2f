// `kube-postmortem record`: the retry loop operators run during an outage, done properly. A probe
// command runs on a fixed cadence with a timeout, each run becomes one line of probes.ndjson, and
// every so often `kubectl get events -A -o json` is saved beside it. Errors are what it is there to
// record, so none stops it; the one exception is kubectl not existing at all.
import type { ErrorClass } from '../model/probe-record.js';
import { classifyKubectlError } from '../formats/shared/kubectl-errors.js';
import type { Clock } from './clock.js';
import { ProbeLog, writeEventsFile } from './files.js';
import { formatLine, STDERR_KEPT, type EventsCaptureFailedLine, type ProbeSampleLine, type RecordLine } from './probe-line.js';
import type { ProcessExit, Spawn } from './spawn.js';

/**
 * `/readyz` is the apiserver's own readiness (etcd, informers, shutdown), readable by every
 * client through the `system:public-info-viewer` role. `get --raw` skips discovery, so a failed
 * sample is one request and one error line, the same strings as any other kubectl call.
 */
export const defaultProbeArgs: readonly string[] = ['get', '--raw', '/readyz'];
export const eventsArgs: readonly string[] = ['get', 'events', '-A', '-o', 'json'];

export interface RecorderOptions {
  /** Existing directory to write into. */
  dir: string;
  kubectl: string;
  probeArgs: readonly string[];
  eventsArgs: readonly string[];
  intervalMs: number;
  /** A probe run is killed after this long; an events capture after twice as long. */
  timeoutMs: number;
  /** 0: no events captures. */
  eventsEveryMs: number;
  maxFileBytes: number;
  /** Stop starting runs this long after the start; null: until `signal`. */
  durationMs: number | null;
  /** After `signal`, runs in flight get this long to finish and be recorded; then they are killed. */
  stopGraceMs?: number;
  signal?: AbortSignal;
}

export interface RecorderHooks {
  clock: Clock;
  spawn: Spawn;
  /** Every line written to probes.ndjson, after it was written. */
  onLine?(line: RecordLine): void;
  /** Something could not be written; the recorder carries on. */
  warn?(message: string): void;
}

export interface RecordSummary {
  startedAt: number;
  endedAt: number;
  samples: number;
  failed: number;
  failuresByClass: Partial<Record<ErrorClass, number>>;
  /** Cadence slots passed over while a slow sample was still running. */
  missedSlots: number;
  /** Runs killed at the stop: what they would have said is unknown, so they are not recorded. */
  interrupted: number;
  eventsCaptured: number;
  eventsFailed: number;
  /** Names (in `dir`) of the files this run wrote to. */
  files: string[];
  writeErrors: number;
}

/** kubectl could not be started at all: nothing this loop could record would mean anything. */
export class KubectlNotFoundError extends Error {
  override readonly name = 'KubectlNotFoundError';
  constructor(readonly command: string) {
    super(`cannot run ${command}: no such program (give --kubectl with the path to kubectl, or put it on PATH)`);
  }
}

interface Run {
  command: string[];
  startedAt: number;
  durationMs: number;
  exit: ProcessExit;
  timedOut: boolean;
}

const DEFAULT_STOP_GRACE_MS = 2000;

export async function record(options: RecorderOptions, hooks: RecorderHooks): Promise<RecordSummary> {
  const { clock, spawn } = hooks;
  const stop = new AbortController();
  const stopNow = (): void => stop.abort();
  if (options.signal?.aborted) stop.abort();
  else options.signal?.addEventListener('abort', stopNow, { once: true });

  const start = clock.now();
  const deadline = options.durationMs === null ? null : start + options.durationMs;
  const log = new ProbeLog(options.dir, options.maxFileBytes);
  const eventsFiles: string[] = [];
  const summary: RecordSummary = {
    startedAt: start,
    endedAt: start,
    samples: 0,
    failed: 0,
    failuresByClass: {},
    missedSlots: 0,
    interrupted: 0,
    eventsCaptured: 0,
    eventsFailed: 0,
    files: [],
    writeErrors: 0,
  };
  let fatal: KubectlNotFoundError | null = null;
  let lastWarning = '';

  const writeFailed = (what: string, error: unknown): void => {
    summary.writeErrors += 1;
    const message = `cannot write ${what} in ${options.dir}: ${error instanceof Error ? error.message : String(error)}`;
    if (message !== lastWarning) hooks.warn?.(message);
    lastWarning = message;
  };

  const write = (line: RecordLine): void => {
    try {
      log.append(formatLine(line));
    } catch (error) {
      writeFailed('probes.ndjson', error);
      return;
    }
    hooks.onLine?.(line);
  };

  /** One kubectl run with its timeout; null when there is nothing to record (stopped, or no kubectl). */
  const run = async (args: readonly string[], timeoutMs: number, keepStdout: boolean): Promise<Run | null> => {
    const command = [options.kubectl, ...args];
    const startedAt = clock.now();
    const child = spawn(options.kubectl, args, { keepStdout });
    const settled = new AbortController();
    const state: { ending: 'timeout' | 'stopped' | null } = { ending: null };
    const killAfter = (ms: number, ending: 'timeout' | 'stopped'): void => {
      void clock.sleep(ms, settled.signal).then(() => {
        if (settled.signal.aborted) return;
        state.ending ??= ending;
        child.kill();
      });
    };
    killAfter(timeoutMs, 'timeout');
    const onStop = (): void => killAfter(options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS, 'stopped');
    if (stop.signal.aborted) onStop();
    else stop.signal.addEventListener('abort', onStop, { once: true });
    const exit = await child.done;
    settled.abort();
    stop.signal.removeEventListener('abort', onStop);
    const durationMs = clock.now() - startedAt;
    if (exit.kind === 'spawn-failed' && exit.code === 'ENOENT') {
      fatal ??= new KubectlNotFoundError(options.kubectl);
      stop.abort();
      return null;
    }
    // A run that ended by itself just as it was being killed says what it says.
    const killed = exit.kind === 'exited' && exit.exitCode === null;
    if (state.ending === 'stopped' && killed) {
      summary.interrupted += 1;
      return null;
    }
    return { command, startedAt, durationMs, exit, timedOut: state.ending === 'timeout' && killed };
  };

  const probe = async (): Promise<void> => {
    const result = await run(options.probeArgs, options.timeoutMs, false);
    if (result === null) return;
    const line: ProbeSampleLine = { kind: 'probe-sample', ...describeRun(result) };
    summary.samples += 1;
    if (!line.ok) {
      summary.failed += 1;
      const errorClass = line.errorClass ?? 'other';
      summary.failuresByClass[errorClass] = (summary.failuresByClass[errorClass] ?? 0) + 1;
    }
    write(line);
  };

  const captureEvents = async (): Promise<void> => {
    const result = await run(options.eventsArgs, options.timeoutMs * 2, true);
    if (result === null) return;
    const { exit } = result;
    if (exit.kind === 'exited' && exit.exitCode === 0 && !result.timedOut && exit.stdout.length > 0) {
      try {
        eventsFiles.push(writeEventsFile(options.dir, result.startedAt, exit.stdout));
        summary.eventsCaptured += 1;
      } catch (error) {
        writeFailed('an events capture', error);
      }
      return;
    }
    summary.eventsFailed += 1;
    const described = describeRun(result);
    const line: EventsCaptureFailedLine = {
      ...described,
      kind: 'events-capture-failed',
      ok: false,
      errorClass: described.errorClass ?? 'other',
      stderr: described.ok ? `${options.kubectl} printed nothing` : described.stderr,
    };
    write(line);
  };

  /** Runs `work` at start, start + every, start + 2·every …: the cadence never drifts with the work. */
  const every = async (everyMs: number, work: () => Promise<void>, missed: (slots: number) => void): Promise<void> => {
    for (let slotIndex = 0; !stop.signal.aborted; slotIndex += 1) {
      const now = clock.now();
      // Slots whose whole interval went by while the last run was still going are passed over.
      const behind = Math.floor((now - (start + slotIndex * everyMs)) / everyMs);
      if (behind > 0) {
        missed(behind);
        slotIndex += behind;
      }
      const slot = start + slotIndex * everyMs;
      if (deadline !== null && Math.max(slot, now) >= deadline) return;
      if (slot > now) await clock.sleep(slot - now, stop.signal);
      if (stop.signal.aborted) return;
      await work();
    }
  };

  const describeRun = (result: Run): Omit<ProbeSampleLine, 'kind'> => {
    const base = { at: new Date(result.startedAt).toISOString(), durationMs: result.durationMs, command: result.command };
    const { exit } = result;
    if (exit.kind === 'spawn-failed') {
      return { ...base, exitCode: null, ok: false, errorClass: 'other', stderr: `cannot run ${options.kubectl}: ${exit.message}`.slice(0, STDERR_KEPT) };
    }
    const ok = !result.timedOut && exit.exitCode === 0;
    const errorClass: ErrorClass | null = ok ? null : result.timedOut ? 'timeout' : classifyKubectlError(exit.stderr);
    return { ...base, exitCode: exit.exitCode, ok, errorClass, stderr: exit.stderr.slice(0, STDERR_KEPT) };
  };

  await Promise.all([
    every(options.intervalMs, probe, (slots) => {
      summary.missedSlots += slots;
    }),
    options.eventsEveryMs > 0 ? every(options.eventsEveryMs, captureEvents, () => undefined) : Promise.resolve(),
  ]);
  options.signal?.removeEventListener('abort', stopNow);
  if (fatal) throw fatal;
  summary.endedAt = clock.now();
  summary.files = [...log.written, ...eventsFiles].sort();
  return summary;
}
