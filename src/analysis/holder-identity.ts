// Leader-election identities as client-go builds them: `<hostname>_<uuid>`, or a bare host
// for some components (formats.md §5.1). The host names the control-plane instance; a new
// uuid on the same host means the process restarted.

export interface HolderIdentity {
  /** The identity as the event printed it. */
  identity: string;
  host: string;
  /** The per-process uuid, when the identity carries one. */
  instance: string | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export function parseIdentity(identity: string): HolderIdentity {
  const separator = identity.lastIndexOf('_');
  const suffix = identity.slice(separator + 1);
  if (separator > 0 && uuid.test(suffix)) return { identity, host: identity.slice(0, separator), instance: suffix };
  return { identity, host: identity, instance: null };
}

export type LeaderAction = 'became-leader' | 'stopped-leading';

/** `<identity> became leader` / `<identity> stopped leading` (formats.md §5.1). */
export function readElectionMessage(message: string): { identity: HolderIdentity; action: LeaderAction } | null {
  const match = /^\s*(?<identity>\S+) (?<action>became leader|stopped leading)\s*$/u.exec(message);
  if (!match?.groups) return null;
  return {
    identity: parseIdentity(match.groups.identity!),
    action: match.groups.action === 'became leader' ? 'became-leader' : 'stopped-leading',
  };
}

export type RegionReading =
  | { kind: 'region'; cloud: 'aws'; region: string }
  | { kind: 'unknown'; reason: string };

/**
 * The cloud region a host name shows: EC2 private DNS names carry it
 * (`ip-10-0-59-113.ap-northeast-2.compute.internal`; `*.ec2.internal` is us-east-1).
 * GKE and AKS node names do not; the reading says why it cannot be told.
 */
export function regionOfHost(host: string): RegionReading {
  const name = host.toLowerCase();
  const ec2 = /\.(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d)\.compute\.(?:internal|amazonaws\.com)$/u.exec(name);
  if (ec2?.groups) return { kind: 'region', cloud: 'aws', region: ec2.groups.region! };
  if (/\.ec2\.internal$|\.compute-1\.amazonaws\.com$/u.test(name)) return { kind: 'region', cloud: 'aws', region: 'us-east-1' };
  if (/^gke-/u.test(name)) return { kind: 'unknown', reason: 'a GKE node name does not carry its region' };
  if (/^aks-/u.test(name)) return { kind: 'unknown', reason: 'an AKS node name does not carry its region' };
  return { kind: 'unknown', reason: 'the host name does not show a cloud region' };
}
