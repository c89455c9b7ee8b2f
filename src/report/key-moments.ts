// The key moments of a report's timeline, in time order: each lock's election and each error
// window's start and end. Markdown and HTML show the same list.
import type { IsoSpan, Report } from './report-model.js';

export interface KeyMoment {
  at: IsoSpan;
  what: string;
}

export function keyMoments(report: Report): KeyMoment[] {
  return [
    ...report.leaderElectionClusters.flatMap((cluster) =>
      cluster.locks.map((lock) => ({ at: lock.elected, what: `${lock.kind ?? 'lock'} ${lock.name ?? '(name not printed)'}: new holder ${lock.host ?? 'unknown'}` })),
    ),
    ...report.errorWindows.flatMap((window) => [
      { at: window.start, what: `${window.id} begins: ${window.reasons.map((reason) => reason.reason).join(', ')}` },
      { at: window.end, what: `${window.id} ends (${window.occurrences} Warning events)` },
    ]),
  ].sort((a, b) => Date.parse(a.at.earliest) - Date.parse(b.at.earliest));
}
