// The lines of `probes.ndjson`, as the recorder writes them (the `probe-samples` format reads
// them back). `kind` comes first so that a format can recognise a line from its first bytes.
import type { ErrorClass } from '../model/probe-record.js';

/** kubectl's stderr is kept to this many characters per line (the class is taken from all of it). */
export const STDERR_KEPT = 2000;

interface RunLine {
  /** When kubectl was started: ISO 8601, UTC, milliseconds. */
  at: string;
  durationMs: number;
  /** Null when kubectl was killed (timeout) or never ran. */
  exitCode: number | null;
  ok: boolean;
  /** Null when ok; `timeout` when the recorder killed kubectl. */
  errorClass: ErrorClass | null;
  stderr: string;
  /** kubectl and its arguments. */
  command: string[];
}

/** One run of the probe command: did the API answer at that moment? */
export interface ProbeSampleLine extends RunLine {
  kind: 'probe-sample';
}

/** A `kubectl get events` capture that gave nothing to save. */
export interface EventsCaptureFailedLine extends RunLine {
  kind: 'events-capture-failed';
  ok: false;
}

export type RecordLine = ProbeSampleLine | EventsCaptureFailedLine;

/** Fixed key order, `kind` first. */
export function formatLine(line: RecordLine): string {
  const { kind, at, durationMs, exitCode, ok, errorClass, stderr, command } = line;
  return JSON.stringify({ kind, at, durationMs, exitCode, ok, errorClass, stderr, command });
}
