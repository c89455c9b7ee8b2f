// Error windows: Warning events grouped in time. A Warning seen N times counts N occurrences
// spread over its first..last seen; each window says which reasons, namespaces and objects,
// and how much of the window each reason covers.
import type { ErrorWindow, MergedEvent } from '../model/findings.js';
import type { TimeSpan } from '../model/time-span.js';
import { joinByGap, startAndEnd } from './join-by-gap.js';

export interface ErrorSignal {
  event: MergedEvent;
  reason: string;
  /** From the first possible moment of the first occurrence to the last of the last. */
  span: TimeSpan;
  occurrences: number;
}

const shownTop = 5;

export function errorSignals(events: readonly MergedEvent[], ignoredReasons: ReadonlySet<string>): ErrorSignal[] {
  return events.flatMap((event) => {
    const reason = event.reason ?? '(no reason)';
    const last = event.lastSeen ?? event.firstSeen;
    if (event.type !== 'Warning' || ignoredReasons.has(reason) || !last) return [];
    const first = event.firstSeen ?? last;
    return [{ event, reason, span: { earliest: Math.min(first.earliest, last.earliest), latest: last.latest }, occurrences: event.count ?? 1 }];
  });
}

export function errorWindows(signals: readonly ErrorSignal[], gap: number): ErrorWindow[] {
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
      namespaces: countBy(group, (signal) => signal.event.namespace ?? '(none)').slice(0, shownTop),
      objects: countBy(group, (signal) => objectName(signal.event)).slice(0, shownTop),
      occurrences: group.reduce((sum, signal) => sum + signal.occurrences, 0),
      evidence: group.flatMap((signal) => signal.event.copies),
    };
  });
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
