// Leader-election clusters: `LeaderElection` events grouped in time, each lock's new holder
// and host, and a verdict. Several control-plane locks re-elected together, or a lock moving to
// another host, is a control-plane fail-over (design.md, "Analyses").
import type { Lock, LockChange, LeaderElectionCluster, MergedEvent } from '../model/findings.js';
import type { TimeSpan } from '../model/time-span.js';
import { readElectionMessage, regionOfHost, type HolderIdentity, type LeaderAction } from './holder-identity.js';
import { joinByGap, startAndEnd } from './join-by-gap.js';

export interface ElectionSignal {
  event: MergedEvent;
  lock: Lock;
  identity: HolderIdentity;
  action: LeaderAction;
  at: TimeSpan;
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

export function electionSignals(events: readonly MergedEvent[]): ElectionSignal[] {
  return events.flatMap((event) => {
    const election = event.reason === 'LeaderElection' ? readElectionMessage(event.message) : null;
    if (!election || !event.lastSeen) return [];
    const lock = { kind: event.object.kind, namespace: event.object.namespace ?? event.namespace, name: event.object.name };
    return [{ event, lock, identity: election.identity, action: election.action, at: event.lastSeen }];
  });
}

export function electionClusters(signals: readonly ElectionSignal[], gap: number): LeaderElectionCluster[] {
  const hostBefore = new Map<string, string>();
  return joinByGap(signals, (signal) => signal.at, gap).map((group, index) => {
    const locks = [...groupBy(group, (signal) => lockKey(signal.lock)).values()].map((lockSignals) =>
      lockChange(lockSignals, hostBefore),
    );
    const hosts = [...new Set(group.map((signal) => signal.identity.host))].sort();
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
      evidence: group.flatMap((signal) => signal.event.copies),
    };
  });
}

function lockChange(signals: readonly ElectionSignal[], hostBefore: Map<string, string>): LockChange {
  const ordered = [...signals].sort((a, b) => a.at.earliest - b.at.earliest);
  const key = lockKey(ordered[0]!.lock);
  const became = ordered.filter((signal) => signal.action === 'became-leader');
  const stopped = ordered.filter((signal) => signal.action === 'stopped-leading');
  const holder = became.at(-1)?.identity ?? null;
  // Who held it before: one that stopped leading, an earlier election here, or the last cluster.
  const previous = stopped[0]?.identity.host ?? (became.length > 1 ? became.at(-2)!.identity.host : hostBefore.get(key)) ?? null;
  if (holder) hostBefore.set(key, holder.host);
  const { start, end } = startAndEnd(ordered.map((signal) => signal.at));
  return {
    lock: ordered[0]!.lock,
    holder: holder?.identity ?? null,
    host: holder?.host ?? null,
    previousHost: previous,
    elections: became.length,
    stoppedLeading: stopped.map((signal) => signal.identity.identity),
    span: { earliest: start.earliest, latest: end.latest },
    controlPlane: ordered[0]!.lock.name !== null && controlPlaneLocks.has(ordered[0]!.lock.name),
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

function lockKey(lock: Lock): string {
  return [lock.kind, lock.namespace, lock.name].join('\u0000');
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
