// Leader-election clusters: `LeaderElection` events grouped in time, each lock's new holder
// and host, and a verdict. Several control-plane locks re-elected together, or a lock moving to
// another host, is a control-plane fail-over (design.md, "Analyses").
import type { Lock, LockChange, LeaderElectionCluster, MergedEvent } from '../model/findings.js';
import type { LogRecord } from '../model/log-record.js';
import type { Provenance } from '../model/provenance.js';
import type { TimeSpan } from '../model/time-span.js';
import { readElectionMessage, regionOfHost, type HolderIdentity, type LeaderAction } from './holder-identity.js';
import { joinByGap, startAndEnd } from './join-by-gap.js';

export interface ElectionSignal {
  lock: Lock;
  /** Null for a log line, which names the lock but not who took it. */
  identity: HolderIdentity | null;
  action: LeaderAction;
  at: TimeSpan;
  evidence: readonly Provenance[];
}

/** Locks of the components that run on the control plane (EKS adds its own, formats.md §5.2). */
const controlPlaneLocks: ReadonlySet<string> = new Set([
  'kube-controller-manager',
  'kube-scheduler',
  'cloud-controller-manager',
  'cloud-provider-extraction-migration',
  'cp-vpc-resource-controller',
  'eks-certificates-controller',
  'kube-apiserver',
]);

export function electionSignals(events: readonly MergedEvent[], logs: readonly LogRecord[] = []): ElectionSignal[] {
  const fromEvents = events.flatMap((event): ElectionSignal[] => {
    const election = event.reason === 'LeaderElection' ? readElectionMessage(event.message) : null;
    if (!election || !event.lastSeen) return [];
    const lock = { kind: event.object.kind, namespace: event.object.namespace ?? event.namespace, name: event.object.name };
    return [{ lock, identity: election.identity, action: election.action, at: event.lastSeen, evidence: event.copies }];
  });
  // `successfully acquired lease ns/name` is an election; `failed to renew`, `lost` end one.
  const fromLogs = logs.flatMap((log): ElectionSignal[] => {
    const election = log.leaderElection;
    if (!election?.lock || election.action === 'attempting') return [];
    const action = election.action === 'acquired' ? 'became-leader' : 'stopped-leading';
    return [{ lock: { kind: null, ...election.lock }, identity: null, action, at: log.at, evidence: [log.source] }];
  });
  return [...fromEvents, ...fromLogs];
}

export function electionClusters(signals: readonly ElectionSignal[], gap: number): LeaderElectionCluster[] {
  const hostBefore = new Map<string, string>();
  return joinByGap(signals, (signal) => signal.at, gap).map((group, index) => {
    const kinds = kindsByName(group);
    const locks = [...groupBy(group, (signal) => lockKey(signal.lock, kinds)).values()].map((lockSignals) =>
      lockChange(lockSignals, hostBefore, kinds),
    );
    const hosts = [...new Set(group.flatMap((signal) => (signal.identity ? [signal.identity.host] : [])))].sort();
    const { verdict, because } = verdictOf(locks);
    return {
      kind: 'leader-election-cluster' as const,
      id: `cluster-${index + 1}`,
      ...startAndEnd(group.map((signal) => signal.at)),
      locks,
      hosts,
      regions: distinctRegions(hosts),
      verdict,
      because,
      signals: group.length,
      evidence: group.flatMap((signal) => signal.evidence),
    };
  });
}

function lockChange(signals: readonly ElectionSignal[], hostBefore: Map<string, string>, kinds: ReadonlyMap<string, string>): LockChange {
  const ordered = [...signals].sort((a, b) => a.at.earliest - b.at.earliest);
  const key = lockKey(ordered[0]!.lock, kinds);
  const became = ordered.filter((signal) => signal.action === 'became-leader');
  const stopped = ordered.filter((signal) => signal.action === 'stopped-leading');
  const holder = became.findLast((signal) => signal.identity !== null)?.identity ?? null;
  const hostsElected = became.flatMap((signal) => (signal.identity ? [signal.identity.host] : []));
  // Who held it before: one that stopped leading, an earlier election here, or the last cluster.
  const previous =
    stopped.find((signal) => signal.identity)?.identity?.host ??
    (hostsElected.length > 1 ? hostsElected.at(-2) : hostBefore.get(key)) ??
    null;
  if (holder) hostBefore.set(key, holder.host);
  const { start, end } = startAndEnd(ordered.map((signal) => signal.at));
  const lock = ordered.find((signal) => signal.lock.kind !== null)?.lock ?? { ...ordered[0]!.lock, kind: kinds.get(nameKey(ordered[0]!.lock)) ?? null };
  return {
    lock,
    holder: holder?.identity ?? null,
    host: holder?.host ?? null,
    previousHost: previous,
    // An election seen both as an event and in a log is one election.
    elections: hostsElected.length > 0 ? hostsElected.length : became.length,
    stoppedLeading: stopped.map((signal) => signal.identity?.identity ?? 'the holder, per its log'),
    span: { earliest: start.earliest, latest: end.latest },
    controlPlane: lock.name !== null && controlPlaneLocks.has(lock.name),
  };
}

function verdictOf(locks: readonly LockChange[]): Pick<LeaderElectionCluster, 'verdict' | 'because'> {
  const reElected = [...new Set(locks.filter((lock) => lock.controlPlane && lock.elections > 0).map((lock) => lock.lock.name!))];
  const moved = locks.filter((lock) => lock.host && lock.previousHost && lock.host !== lock.previousHost);
  if (reElected.length >= 2) {
    // Dumps keep about an hour of events: a first election looks the same as a re-election.
    const noEarlierHolder = locks.every((lock) => lock.previousHost === null)
      ? '; no earlier holder is in the inputs, so this may also be the control plane starting'
      : '';
    return {
      verdict: 'control-plane-failover',
      because: `${reElected.length} control-plane locks were re-elected together (${reElected.join(', ')})${noEarlierHolder}`,
    };
  }
  if (moved.length > 0) {
    const [first] = moved;
    return { verdict: 'control-plane-failover', because: `${lockName(first!.lock)} moved from ${first!.previousHost} to ${first!.host}` };
  }
  return { verdict: 'leader-change', because: 'no lock changed host and fewer than two control-plane locks were re-elected' };
}

export function lockName(lock: Lock): string {
  const kind = (lock.kind ?? 'lock').toLowerCase();
  return lock.name ? `${kind}/${lock.name}` : `${kind} (name not printed)`;
}

/** A log line names a lock without its kind; it is the lock of that name the events name. */
function lockKey(lock: Lock, kinds: ReadonlyMap<string, string>): string {
  return [lock.kind ?? kinds.get(nameKey(lock)) ?? null, lock.namespace, lock.name].join('\u0000');
}

function nameKey(lock: Lock): string {
  return `${lock.namespace ?? ''}/${lock.name ?? ''}`;
}

/** The kind of each named lock among the event signals, preferring a Lease (the lock since 1.20). */
function kindsByName(signals: readonly ElectionSignal[]): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const { lock } of signals) {
    if (lock.kind && lock.name && (!kinds.has(nameKey(lock)) || lock.kind === 'Lease')) kinds.set(nameKey(lock), lock.kind);
  }
  return kinds;
}

function distinctRegions(hosts: readonly string[]): LeaderElectionCluster['regions'] {
  const readings = hosts.map(regionOfHost);
  const regions = [...new Map(readings.map((reading) => [JSON.stringify(reading), reading])).values()];
  const known = regions.filter((reading) => reading.kind === 'region');
  return known.length > 0 ? known : regions.slice(0, 1);
}

function groupBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
