// The analyses in order: merge the copies of each event, then find leader-election clusters
// and error windows, then join them into incidents.
import type { ErrorWindow, Incident, LeaderElectionCluster, MergedEvent } from '../model/findings.js';
import type { LogRecord } from '../model/log-record.js';
import type { ProbeRecord } from '../model/probe-record.js';
import { isEventRecord, type ParsedRecord } from '../model/record.js';
import { mergeDuplicates, type Deduplicated } from './dedupe.js';
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
  /** Retry-loop samples, each moment once. */
  probes: ProbeRecord[];
  duplicatesMerged: number;
  /** Events that cannot be placed in time (`<unknown>` ages, rows that lost their time). */
  untimed: number;
  clusters: LeaderElectionCluster[];
  windows: ErrorWindow[];
  incidents: Incident[];
}

export function analyze(records: readonly ParsedRecord[], options: AnalysisOptions = defaultAnalysisOptions): Analysis {
  const probes = records.filter((record): record is ProbeRecord => record.kind === 'probe');
  const logs = records.filter((record): record is LogRecord => record.kind === 'log');
  return analyzeMerged(mergeDuplicates(records.filter(isEventRecord)), probes, logs, options);
}

/** The analyses of events whose copies were merged already (as batch merges them, dump by dump). */
export function analyzeMerged(
  { events, merged }: Deduplicated,
  allProbes: readonly ProbeRecord[],
  logs: readonly LogRecord[],
  options: AnalysisOptions = defaultAnalysisOptions,
): Analysis {
  const probes = distinctProbes(allProbes);
  const clusters = electionClusters(electionSignals(events, logs), options.gap);
  const windows = errorWindows(errorSignals(events, probes, new Set(options.ignoreReasons), logs), probes, options.gap);
  return {
    events,
    probes,
    duplicatesMerged: merged,
    untimed: events.filter((event) => !event.lastSeen && !event.firstSeen).length,
    clusters,
    windows,
    incidents: incidents(clusters, windows, options.correlate),
  };
}

/** The same loop log given twice, or two copies of it, is one set of samples. */
function distinctProbes(probes: readonly ProbeRecord[]): ProbeRecord[] {
  const seen = new Map<string, ProbeRecord>();
  for (const probe of probes) seen.set(`${probe.at.earliest}\u0000${probe.at.latest}\u0000${probe.ok}\u0000${probe.error ?? ''}`, probe);
  return [...seen.values()].sort((a, b) => a.at.earliest - b.at.earliest);
}
