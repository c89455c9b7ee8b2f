// Error windows: Warning events and failed retry-loop samples grouped in time. A Warning seen
// N times counts N occurrences spread over its first..last seen; each window says which
// reasons, namespaces and objects, how much of the window each reason covers, and, when a
// retry loop was running, the outage it measured.
import type { ErrorWindow, MeasuredOutage, MergedEvent } from '../model/findings.js';
import type { LogRecord } from '../model/log-record.js';
import type { ProbeRecord } from '../model/probe-record.js';
import type { Provenance } from '../model/provenance.js';
import type { TimeSpan } from '../model/time-span.js';
import { joinByGap, startAndEnd } from './join-by-gap.js';

export interface ErrorSignal {
  reason: string;
  /** From the first possible moment of the first occurrence to the last of the last. */
  span: TimeSpan;
  occurrences: number;
  namespace: string;
  object: string;
  evidence: readonly Provenance[];
  probe: ProbeRecord | null;
}

const shownTop = 5;
/** Failed samples are about the API itself, not an object in the cluster. */
const apiObject = 'the API (kubectl retry loop)';

export function errorSignals(
  events: readonly MergedEvent[],
  probes: readonly ProbeRecord[],
  ignoredReasons: ReadonlySet<string>,
  logs: readonly LogRecord[] = [],
): ErrorSignal[] {
  const fromEvents = events.flatMap((event): ErrorSignal[] => {
    const reason = event.reason ?? '(no reason)';
    const last = event.lastSeen ?? event.firstSeen;
    if (event.type !== 'Warning' || ignoredReasons.has(reason) || !last) return [];
    const first = event.firstSeen ?? last;
    return [
      {
        reason,
        span: { earliest: Math.min(first.earliest, last.earliest), latest: last.latest },
        occurrences: event.count ?? 1,
        namespace: event.namespace ?? '(none)',
        object: objectName(event),
        evidence: event.copies,
        probe: null,
      },
    ];
  });
  const fromProbes = probes
    .filter((probe) => !probe.ok && !ignoredReasons.has(probe.errorClass ?? 'other'))
    .map((probe): ErrorSignal => ({
      reason: `kubectl ${probe.errorClass ?? 'other'}`,
      span: probe.at,
      occurrences: 1,
      namespace: '(API)',
      object: apiObject,
      evidence: [probe.source],
      probe,
    }));
  const fromLogs = logs
    .filter((log) => log.severity === 'error' || log.severity === 'fatal')
    .map((log): ErrorSignal => ({
      reason: `${log.component ?? 'control-plane'} ${log.severity} log`,
      span: log.at,
      occurrences: 1,
      namespace: '(control plane)',
      object: log.component ?? 'a control-plane component',
      evidence: [log.source],
      probe: null,
    }))
    .filter((signal) => !ignoredReasons.has(signal.reason));
  return [...fromEvents, ...fromProbes, ...fromLogs];
}

export function errorWindows(signals: readonly ErrorSignal[], probes: readonly ProbeRecord[], gap: number): ErrorWindow[] {
  const samples = [...probes].sort((a, b) => a.at.earliest - b.at.earliest);
  return joinByGap(signals, (signal) => signal.span, gap).map((group, index) => {
    const { start, end } = startAndEnd(group.map((signal) => signal.span));
    const window = { earliest: start.earliest, latest: end.latest };
    return {
      kind: 'error-window' as const,
      id: `window-${index + 1}`,
      start,
      end,
      reasons: countBy(group, (signal) => signal.reason).map(({ name, count }) => ({
        name,
        count,
        share: coveredShare(group.filter((signal) => signal.reason === name).map((signal) => signal.span), window),
      })),
      namespaces: countBy(group, (signal) => signal.namespace).slice(0, shownTop),
      objects: countBy(group, (signal) => signal.object).slice(0, shownTop),
      occurrences: group.reduce((sum, signal) => sum + signal.occurrences, 0),
      outage: measuredOutage(group.flatMap((signal) => (signal.probe ? [signal.probe] : [])), samples),
      evidence: group.flatMap((signal) => signal.evidence),
    };
  });
}

/** Bounds of the outage from the samples around the failed ones, and the loop's resolution. */
function measuredOutage(failed: readonly ProbeRecord[], samples: readonly ProbeRecord[]): MeasuredOutage | null {
  if (failed.length === 0) return null;
  const ordered = [...failed].sort((a, b) => a.at.earliest - b.at.earliest);
  const first = ordered[0]!;
  const last = ordered.at(-1)!;
  const before = samples.filter((sample) => sample.ok && sample.at.latest <= first.at.earliest).at(-1) ?? null;
  const after = samples.find((sample) => sample.ok && sample.at.earliest >= last.at.latest) ?? null;
  return {
    lastSuccessBefore: before?.at ?? null,
    firstFailure: first.at,
    lastFailure: last.at,
    firstSuccessAfter: after?.at ?? null,
    failedSamples: failed.length,
    interval: typicalInterval(samples),
  };
}

/** The median gap between consecutive samples: a loop's `sleep` plus the time kubectl took. */
function typicalInterval(samples: readonly ProbeRecord[]): number | null {
  const gaps = samples.slice(1).map((sample, index) => sample.at.earliest - samples[index]!.at.earliest).filter((gap) => gap > 0).sort((a, b) => a - b);
  return gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : null;
}

function objectName(event: MergedEvent): string {
  const kind = (event.object.kind ?? 'object').toLowerCase();
  return event.object.name ? `${kind}/${event.object.name}` : kind;
}

/** Occurrences by key, most first, ties by name so the order does not depend on the input's. */
function countBy(signals: readonly ErrorSignal[], keyOf: (signal: ErrorSignal) => string): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const signal of signals) counts.set(keyOf(signal), (counts.get(keyOf(signal)) ?? 0) + signal.occurrences);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The part of the window the spans cover, from 0 to 1 (a point in time covers nothing of a long window). */
function coveredShare(spans: readonly TimeSpan[], window: TimeSpan): number {
  const width = window.latest - window.earliest;
  if (width <= 0) return 1;
  const sorted = [...spans].sort((a, b) => a.earliest - b.earliest);
  let covered = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const span of sorted) {
    const from = Math.max(span.earliest, reach);
    if (span.latest > from) covered += span.latest - from;
    reach = Math.max(reach, span.latest);
  }
  return Math.min(1, covered / width);
}
