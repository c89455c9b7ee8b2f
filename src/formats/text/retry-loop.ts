// The retry loops operators run while the API is away (`echo $(date …); kubectl get po;`
// then `-- success --` or errors, design.md): each `date` line starts a sample, and what
// follows it says whether the API answered. A sample becomes a `probe` record.
import type { ProbeRecord } from '../../model/probe-record.js';
import type { TimeSpan } from '../../model/time-span.js';
import { classifyKubectlError } from '../shared/kubectl-errors.js';

/** One loop iteration, from its `date` line to the next. */
export interface Iteration {
  dateLine: number;
  at: TimeSpan;
  errorLines: number[];
  errors: string[];
  /** `-- success --`, `-- success--` (sic, the seed's second loop), `-- fail --`. */
  markerLines: number[];
  success: boolean;
  fail: boolean;
  /** The command printed something that is not an error (a table, "No resources found"). */
  output: boolean;
}

export function startIteration(dateLine: number, at: TimeSpan): Iteration {
  return { dateLine, at, errorLines: [], errors: [], markerLines: [], success: false, fail: false, output: false };
}

const marker = /^\s*-+\s*(?<word>success|fail|failed|failure|ok|error)\s*-*\s*$/iu;

/** A loop's own verdict line; null for anything else. */
export function loopMarker(line: string): 'success' | 'fail' | null {
  const word = marker.exec(line)?.groups?.word?.toLowerCase();
  if (!word) return null;
  return word === 'success' || word === 'ok' ? 'success' : 'fail';
}

/** The sample an iteration makes, or null when it says nothing either way (no output, no marker). */
export function probeOf(iteration: Iteration, path: string): ProbeRecord | null {
  const failed = iteration.errors.length > 0 || iteration.fail;
  if (!failed && !iteration.success && !iteration.output) return null;
  const error = iteration.errors.length > 0 ? iteration.errors.join('\n') : null;
  const notes = iteration.errors.length === 0 && iteration.fail ? ['the loop printed its failure marker; kubectl printed no error'] : [];
  return {
    kind: 'probe',
    at: iteration.at,
    ok: !failed,
    errorClass: failed ? (error ? classifyKubectlError(error) : 'other') : null,
    error,
    notes,
    source: { path, line: iteration.dateLine + 1, format: 'kubectl-retry-loop' },
  };
}
