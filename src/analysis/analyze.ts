// The analyses in order: merge the copies of each event, then find leader-election clusters
// and error windows, then join them into incidents.
import type { ErrorWindow, Incident, LeaderElectionCluster, MergedEvent } from '../model/findings.js';
import type { ParsedRecord } from '../model/record.js';
import { mergeDuplicates } from './dedupe.js';
import { electionClusters, electionSignals } from './election-clusters.js';
import { errorSignals, errorWindows } from './error-windows.js';
import { incidents } from './incidents.js';

export interface AnalysisOptions {
  /** Neighbouring signals this close (ms) belong to one cluster or window. */
  gap: number;
  /** Clusters and windows this close (ms) belong to one incident. */
  correlate: number;
  ignoreReasons: readonly string[];
}

export const defaultAnalysisOptions: AnalysisOptions = { gap: 2 * 60_000, correlate: 5 * 60_000, ignoreReasons: [] };

export interface Analysis {
  events: MergedEvent[];
  duplicatesMerged: number;
  /** Events that cannot be placed in time (`<unknown>` ages, rows that lost their time). */
  untimed: number;
  clusters: LeaderElectionCluster[];
  windows: ErrorWindow[];
  incidents: Incident[];
}

export function analyze(records: readonly ParsedRecord[], options: AnalysisOptions = defaultAnalysisOptions): Analysis {
  const { events, merged } = mergeDuplicates(records.filter((record) => record.kind === 'event'));
  const clusters = electionClusters(electionSignals(events), options.gap);
  const windows = errorWindows(errorSignals(events, new Set(options.ignoreReasons)), options.gap);
  return {
    events,
    duplicatesMerged: merged,
    untimed: events.filter((event) => !event.lastSeen && !event.firstSeen).length,
    clusters,
    windows,
    incidents: incidents(clusters, windows, options.correlate),
  };
}
