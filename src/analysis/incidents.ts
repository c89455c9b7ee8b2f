// Incidents: leader-election clusters and error windows that overlap or lie within
// `--correlate` of each other, with a title that says in plain words what happened.
import type { ErrorWindow, Incident, LeaderElectionCluster } from '../model/findings.js';
import { withinText } from '../time/index.js';
import { joinByGap, startAndEnd } from './join-by-gap.js';

type Finding = LeaderElectionCluster | ErrorWindow;

export function incidents(clusters: readonly LeaderElectionCluster[], windows: readonly ErrorWindow[], correlate: number): Incident[] {
  const findings: Finding[] = [...clusters, ...windows];
  const spanOf = (finding: Finding) => ({ earliest: finding.start.earliest, latest: finding.end.latest });
  return joinByGap(findings, spanOf, correlate).map((group, index) => {
    const { start, end } = startAndEnd(group.flatMap((finding) => [finding.start, finding.end]));
    const groupClusters = group.filter((finding): finding is LeaderElectionCluster => finding.kind === 'leader-election-cluster');
    const groupWindows = group.filter((finding): finding is ErrorWindow => finding.kind === 'error-window');
    return {
      id: `incident-${index + 1}`,
      title: titleOf(groupClusters, groupWindows),
      start,
      end,
      duration: { shortest: Math.max(0, end.earliest - start.latest), longest: end.latest - start.earliest },
      clusters: groupClusters.map((cluster) => cluster.id),
      windows: groupWindows.map((window) => window.id),
    };
  });
}

function titleOf(clusters: readonly LeaderElectionCluster[], windows: readonly ErrorWindow[]): string {
  const parts = clusters.length > 0 ? [electionsText(clusters)] : [];
  if (windows.length > 0) parts.push(warningsText(windows, clusters));
  return parts.join('; ');
}

function electionsText(clusters: readonly LeaderElectionCluster[]): string {
  const failover = clusters.some((cluster) => cluster.verdict === 'control-plane-failover');
  const locks = clusters.flatMap((cluster) => cluster.locks.filter((lock) => lock.elections > 0));
  const names = new Set(locks.map((lock) => lock.lock.name ?? `${lock.lock.kind ?? 'lock'} without a name`));
  const allLeases = locks.every((lock) => lock.lock.kind === 'Lease');
  const hosts = new Set(clusters.flatMap((cluster) => cluster.hosts));
  const regions = [...new Set(clusters.flatMap((cluster) => cluster.regions.flatMap((region) => (region.kind === 'region' ? [region.region] : []))))];
  const { start, end } = startAndEnd(clusters.flatMap((cluster) => [cluster.start, cluster.end]));
  const what = `${names.size} ${allLeases ? plural(names.size, 'lease') : plural(names.size, 'lock')} re-elected`;
  const where = `on ${hosts.size} ${plural(hosts.size, 'host')}${regions.length > 0 ? ` in ${regions.join(', ')}` : ''}`;
  return `${failover ? 'Control-plane fail-over' : 'Leader change'}: ${what} ${where} within ${withinText(end.latest - start.earliest)}`;
}

function warningsText(windows: readonly ErrorWindow[], clusters: readonly LeaderElectionCluster[]): string {
  const isProbe = (reason: string) => reason.startsWith('kubectl ');
  const isLog = (reason: string) => reason.endsWith(' log');
  const count = (wanted: (reason: string) => boolean) =>
    windows.flatMap((window) => window.reasons).filter((reason) => wanted(reason.name)).reduce((sum, reason) => sum + reason.count, 0);
  const warnings = count((reason) => !isProbe(reason) && !isLog(reason));
  const failedSamples = count(isProbe);
  const errorLogs = count(isLog);
  const { start, end } = startAndEnd(windows.flatMap((window) => [window.start, window.end]));
  const parts = [
    ...(warnings > 0 ? [`${warnings} Warning ${plural(warnings, 'event')}${topReasons(windows, (name) => !isProbe(name) && !isLog(name))}`] : []),
    ...(failedSamples > 0 ? [`kubectl failed ${failedSamples} ${plural(failedSamples, 'time')}${topReasons(windows, isProbe)}`] : []),
    ...(errorLogs > 0 ? [`${errorLogs} control-plane error log ${plural(errorLogs, 'line')}`] : []),
  ];
  const what = parts.join(' and ');
  if (clusters.length === 0) return `${what} within ${withinText(end.latest - start.earliest)}`;
  const electionsEnd = Math.max(...clusters.map((cluster) => cluster.end.latest));
  if (start.earliest >= electionsEnd) return `${what} in the next ${withinText(end.latest - electionsEnd)}`;
  return `${what} within ${withinText(end.latest - start.earliest)} around it`;
}

function topReasons(windows: readonly ErrorWindow[], wanted: (reason: string) => boolean): string {
  const byReason = new Map<string, number>();
  for (const reason of windows.flatMap((window) => window.reasons).filter((reason) => wanted(reason.name))) {
    byReason.set(reason.name, (byReason.get(reason.name) ?? 0) + reason.count);
  }
  const top = [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([name]) => name.replace(/^kubectl /u, ''));
  return top.length > 0 ? ` (${top.join(', ')})` : '';
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

