// Benchmark archive generator (not a test): a deterministic (seeded) archive of periodic
// `kubectl get events -A` dumps for a few clusters, in several shapes (default and `-o wide`
// tables aligned like kubectl's tabwriter, `-o json` Lists, exporter-style NDJSON), part of it
// gzipped, with a few injected control-plane fail-overs and Warning bursts at known times.
//
//   <dir>/manifest.json                      seed, size, counts, injected incidents
//   <dir>/archive/cluster-a/2024-11-05/events-2024-11-05T0510Z.txt       (get events -A)
//   <dir>/archive/cluster-a/2024-11-05/events-wide-2024-11-05T0515Z.txt  (get events -A -o wide)
//   <dir>/archive/cluster-a/2024-11-05/events-2024-11-05T0520Z.json      (get events -A -o json)
//   <dir>/archive/cluster-a/exporter/events-2024-11-05T0600Z.ndjson      (one event a line)
//   … some of them .gz
//
// Each periodic dump holds the events last seen in the hour before its capture time (an event
// TTL of 1 h), so dumps overlap; table ages are relative to the capture time in the file name.
// Usage: node --import=tsx scripts/bench/generate.ts [--size 64m] [--seed 1] [--warnings 0.1] [--dir DIR]
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// PRNG
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
  hex(length: number): string {
    return this.chars('0123456789abcdef', length);
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

// ---------------------------------------------------------------------------------------------
// Events
export interface BenchEvent {
  namespace: string;
  type: 'Normal' | 'Warning';
  reason: string;
  kind: string;
  objectName: string;
  fieldPath: string | null;
  component: string;
  host: string | null;
  message: string;
  count: number;
  /** Seconds since the epoch. */
  first: number;
  last: number;
  name: string;
  uid: string;
  resourceVersion: number;
}

export interface InjectedIncident {
  group: string;
  kind: 'failover' | 'error-window';
  start: string;
  end: string;
  events: number;
}

/** What an archive is generated from: its size, its seed, and the share of events that are background Warnings (0: only the injected bursts). */
export interface ArchiveSpec {
  sizeBytes: number;
  seed: number;
  warningShare: number;
}

export interface BenchManifest {
  generatorVersion: number;
  seed: number;
  sizeBytes: number;
  /** Absent in archives generated before the option: 0. */
  warningShare?: number;
  groups: string[];
  files: { table: number; json: number; ndjson: number; gz: number; total: number };
  bytes: { uncompressed: number; onDisk: number; tableUncompressed: number; jsonUncompressed: number; tableOnDisk: number; jsonOnDisk: number };
  /** Event copies written (an event in six dumps counts six), and distinct events written (in at least one file). */
  eventCopies: number;
  uniqueEvents: number;
  timeline: { start: string; end: string; eventsPerMinutePerGroup: number };
  incidents: InjectedIncident[];
}

const POD_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const CLUSTERS = [
  { name: 'cluster-a', region: 'us-east-1' },
  { name: 'cluster-b', region: 'eu-west-1' },
  { name: 'cluster-c', region: 'ap-northeast-2' },
];
const NAMESPACES = ['default', 'payments', 'checkout', 'catalog', 'search', 'monitoring', 'ingress-nginx', 'logging', 'cert-manager', 'kube-system'];
const APPS = ['api-gateway', 'checkout-web', 'payment-worker', 'catalog-svc', 'search-indexer', 'prometheus-node-exporter', 'ingress-nginx-controller', 'fluent-bit', 'cert-manager-webhook', 'coredns', 'orders-api', 'inventory-sync', 'notification-svc', 'redis-cache', 'session-store'];
const REGISTRIES = ['123456789012.dkr.ecr.us-east-1.amazonaws.com', 'docker.io/library', 'quay.io/prometheus', 'registry.k8s.io', 'ghcr.io/acme'];
const LOCKS = ['kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager', 'cp-vpc-resource-controller', 'eks-certificates-controller', 'cloud-provider-extraction-migration'];

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

function ip(rng: Rng): string {
  return `10.0.${rng.int(0, 127)}.${rng.int(2, 254)}`;
}

function nodeName(rng: Rng, region: string): string {
  return `ip-${ip(rng).replaceAll('.', '-')}.${region}.compute.internal`;
}

function eventName(rng: Rng, objectName: string, first: number): string {
  const nanos = BigInt(first) * 1_000_000_000n + BigInt(rng.int(0, 999_999_999));
  return `${objectName}.${nanos.toString(16)}`;
}

interface GroupPlan {
  name: string;
  region: string;
  start: number;
  end: number;
  rate: number;
}

/** Every event of one cluster over its timeline (plus the hour before), sorted by first occurrence. */
function clusterEvents(rng: Rng, plan: GroupPlan, incidents: InjectedIncident[], warningShare = 0): BenchEvent[] {
  const events: BenchEvent[] = [];
  let resourceVersion = 100_000;
  const nodes = Array.from({ length: 12 }, () => nodeName(rng, plan.region));
  const apps = APPS.map((app) => ({ app, namespace: rng.pick(NAMESPACES), rs: `${app}-${rng.chars(POD_ALPHABET, 10)}`, image: `${rng.pick(REGISTRIES)}/${app}:v1.${rng.int(0, 40)}.${rng.int(0, 9)}`, replicas: rng.int(2, 6) }));
  const add = (event: Omit<BenchEvent, 'name' | 'uid' | 'resourceVersion'>) => {
    resourceVersion += rng.int(1, 40);
    events.push({ ...event, name: eventName(rng, event.objectName, event.first), uid: rng.uuid(), resourceVersion });
  };

  // Background: pods starting (6 events each, sometimes a scale-up first), Normal only.
  let t = plan.start - 3600;
  const perPodStart = 6.1;
  while (t < plan.end) {
    t += rng.exp(60 / (plan.rate / perPodStart));
    const at = Math.floor(t);
    const app = rng.pick(apps);
    if (rng.next() < 0.02) app.rs = `${app.app}-${rng.chars(POD_ALPHABET, 10)}`;
    const pod = `${app.rs}-${rng.chars(POD_ALPHABET, 5)}`;
    const node = rng.pick(nodes);
    const base = { namespace: app.namespace, type: 'Normal' as const, count: 1, fieldPath: null, host: null };
    if (rng.next() < 0.1) {
      add({ ...base, reason: 'ScalingReplicaSet', kind: 'Deployment', objectName: app.app, component: 'deployment-controller', message: `Scaled up replica set ${app.rs} to ${app.replicas + rng.int(0, 3)}`, first: at, last: at });
    }
    add({ ...base, reason: 'SuccessfulCreate', kind: 'ReplicaSet', objectName: app.rs, component: 'replicaset-controller', message: `Created pod: ${pod}`, first: at, last: at });
    add({ ...base, reason: 'Scheduled', kind: 'Pod', objectName: pod, component: 'default-scheduler', message: `Successfully assigned ${app.namespace}/${pod} to ${node}`, first: at, last: at });
    const kubelet = { ...base, kind: 'Pod', objectName: pod, fieldPath: 'spec.containers{app}', component: 'kubelet', host: node };
    let k = at + rng.int(0, 2);
    if (rng.next() < 0.5) {
      add({ ...kubelet, reason: 'Pulling', message: `Pulling image "${app.image}"`, first: k, last: k });
      const pull = (rng.next() * 8 + 0.3).toFixed(3);
      k += Math.ceil(Number(pull));
      add({ ...kubelet, reason: 'Pulled', message: `Successfully pulled image "${app.image}" in ${pull}s (${pull}s including waiting). Image size: ${rng.int(5_000_000, 400_000_000)} bytes.`, first: k, last: k });
    } else {
      add({ ...kubelet, reason: 'Pulled', message: `Container image "${app.image}" already present on machine`, first: k, last: k });
      add({ ...base, reason: 'TaintManagerEviction', kind: 'Pod', objectName: pod, component: 'taint-controller', message: `Cancelling deletion of Pod ${app.namespace}/${pod}`, first: k, last: k });
    }
    k += rng.int(0, 1);
    add({ ...kubelet, reason: 'Created', message: 'Created container app', first: k, last: k });
    add({ ...kubelet, reason: 'Started', message: 'Started container app', first: k, last: k });
    // Background Warnings, at the share asked for: a pod that goes on failing, seen again and again. No draw when none are asked for, so the default archive stays as it was.
    if (warningShare > 0 && rng.next() < (perPodStart * warningShare) / (1 - warningShare)) {
      const reason = rng.pick(['BackOff', 'Unhealthy', 'FailedMount']);
      const count = rng.int(1, 20);
      const message =
        reason === 'BackOff'
          ? `Back-off restarting failed container app in pod ${pod}_${app.namespace}(${rng.uuid()})`
          : reason === 'Unhealthy'
            ? `Readiness probe failed: Get "http://${ip(rng)}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
            : `MountVolume.SetUp failed for volume "config" : configmap "${app.app}-config" not found`;
      add({ ...kubelet, type: 'Warning', reason, message, count, first: k + 5, last: k + 5 + (count - 1) * rng.int(10, 60) });
    }
  }

  // Injected incidents at known times, alternating fail-over / error window, well apart.
  const hosts = [nodeName(rng, plan.region), nodeName(rng, plan.region)];
  const span = plan.end - plan.start;
  const fractions = [0.15, 0.35, 0.55, 0.75];
  fractions.forEach((fraction, index) => {
    const at = plan.start + Math.floor(span * fraction) + rng.int(0, 600);
    if (index % 2 === 0) {
      // Fail-over: every control-plane lock re-elected on the other host within about a minute.
      const host = hosts[(index / 2) % 2]!;
      const process = rng.uuid();
      let t2 = at;
      for (const lock of LOCKS) {
        for (const kind of ['Lease', ...(lock === 'cp-vpc-resource-controller' || lock === 'eks-certificates-controller' ? ['ConfigMap'] : [])]) {
          add({ namespace: 'kube-system', type: 'Normal', reason: 'LeaderElection', kind, objectName: lock, fieldPath: null, component: lock, host: null, message: `${host}_${lock === 'eks-certificates-controller' ? process : rng.uuid()} became leader`, count: 1, first: t2, last: t2 });
        }
        t2 += rng.int(2, 12);
      }
      incidents.push({ group: plan.name, kind: 'failover', start: iso(at), end: iso(t2), events: LOCKS.length + 2 });
    } else {
      // Error window: a burst of Warning events over about four minutes.
      const burst = 40 + rng.int(0, 30);
      let last = at;
      for (let i = 0; i < burst; i += 1) {
        const app = rng.pick(apps);
        const pod = `${app.rs}-${rng.chars(POD_ALPHABET, 5)}`;
        const first = at + rng.int(0, 180);
        const count = rng.next() < 0.3 ? rng.int(2, 6) : 1;
        const end = count > 1 ? first + rng.int(10, 60) : first;
        last = Math.max(last, end);
        const node = rng.pick(nodes);
        const reason = rng.pick(['Unhealthy', 'Unhealthy', 'BackOff', 'FailedScheduling', 'FailedMount']);
        const message =
          reason === 'Unhealthy'
            ? `Readiness probe failed: Get "http://${ip(rng)}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
            : reason === 'BackOff'
              ? `Back-off restarting failed container app in pod ${pod}_${app.namespace}(${rng.uuid()})`
              : reason === 'FailedScheduling'
                ? `0/12 nodes are available: 3 Insufficient cpu, 9 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/12 nodes are available: 12 No preemption victims found for incoming pod.`
                : `MountVolume.SetUp failed for volume "kube-api-access-${rng.chars(POD_ALPHABET, 5)}" : failed to fetch token: Post "https://10.100.0.1:443/api/v1/namespaces/${app.namespace}/serviceaccounts/default/token": dial tcp 10.100.0.1:443: i/o timeout`;
        const onKubelet = reason !== 'FailedScheduling';
        add({ namespace: app.namespace, type: 'Warning', reason, kind: 'Pod', objectName: pod, fieldPath: onKubelet && reason !== 'FailedMount' ? 'spec.containers{app}' : null, component: onKubelet ? 'kubelet' : 'default-scheduler', host: onKubelet ? node : null, message, count, first, last: end });
      }
      incidents.push({ group: plan.name, kind: 'error-window', start: iso(at), end: iso(last), events: burst });
    }
  });
  events.sort((a, b) => a.first - b.first);
  return events;
}

/** The event as a dump captured at `capture` shows it: the occurrences so far, or null if not seen yet or expired. */
function snapshot(event: BenchEvent, capture: number): BenchEvent | null {
  if (event.first > capture) return null;
  if (event.count === 1 || event.last <= capture) return event.last > capture - 3600 ? event : null;
  const step = (event.last - event.first) / (event.count - 1);
  const seen = Math.floor((capture - event.first) / step) + 1;
  const last = event.first + Math.floor((seen - 1) * step);
  return last > capture - 3600 ? { ...event, count: seen, last } : null;
}

// ---------------------------------------------------------------------------------------------
// Printers (kubectl's shapes; see test/helpers/kubectl-printer.ts and kubectl-json.ts)

/** kubectl's HumanDuration (k8s.io/apimachinery duration.HumanDuration), for ages under 3 h. */
function human(seconds: number): string {
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
}

/** tabwriter with minwidth 6, padding 3 (kubectl's printer); ASCII cells only. */
function tabwrite(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) for (let c = 0; c < row.length; c += 1) widths[c] = Math.max(widths[c] ?? 0, 6, row[c]!.length + 3);
  const out: string[] = [];
  for (const row of rows) {
    let line = '';
    for (let c = 0; c < row.length - 1; c += 1) line += row[c]!.padEnd(widths[c]!);
    out.push(`${(line + row[row.length - 1]!).trimEnd()}\n`);
  }
  return out.join('');
}

const object = (e: BenchEvent) => `${e.kind.toLowerCase()}/${e.objectName}`;

function tableDefault(events: readonly BenchEvent[], capture: number): string {
  return tabwrite([['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ...events.map((e) => [e.namespace, human(capture - e.last), e.type, e.reason, object(e), e.message])]);
}

function tableWide(events: readonly BenchEvent[], capture: number): string {
  return tabwrite([
    ['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
    ...events.map((e) => [e.namespace, human(capture - e.last), e.type, e.reason, object(e), e.fieldPath ?? '', e.host ? `${e.component}, ${e.host}` : e.component, e.message, human(capture - e.first), String(e.count), e.name]),
  ]);
}

/** A core/v1 Event as the API serves it, keys in sorted order (as `kubectl -o json` prints them). */
function coreEvent(e: BenchEvent): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    count: e.count,
    eventTime: null,
    firstTimestamp: iso(e.first),
    involvedObject: {
      apiVersion: e.kind === 'Pod' || e.kind === 'ConfigMap' ? 'v1' : e.kind === 'Lease' ? 'coordination.k8s.io/v1' : 'apps/v1',
      ...(e.fieldPath ? { fieldPath: e.fieldPath } : {}),
      kind: e.kind,
      name: e.objectName,
      namespace: e.namespace,
    },
    kind: 'Event',
    lastTimestamp: iso(e.last),
    message: e.message,
    metadata: { creationTimestamp: iso(e.first), name: e.name, namespace: e.namespace, resourceVersion: String(e.resourceVersion + e.count - 1), uid: e.uid },
    reason: e.reason,
    reportingComponent: e.component,
    reportingInstance: e.host ?? '',
    source: { component: e.component, ...(e.host ? { host: e.host } : {}) },
    type: e.type,
  };
}

function jsonList(events: readonly BenchEvent[]): string {
  return `${JSON.stringify({ apiVersion: 'v1', items: events.map(coreEvent), kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
}

function ndjson(events: readonly BenchEvent[]): string {
  return events.map((e) => `${JSON.stringify(coreEvent(e))}\n`).join('');
}

// ---------------------------------------------------------------------------------------------
// Archive

const DUMP_EVERY = 300; // seconds
/** The shape of the k-th dump of a cluster: a cycle of six, two of them gzipped. */
const DUMP_CYCLE = [
  { shape: 'default', ext: 'txt', gz: false },
  { shape: 'wide', ext: 'txt', gz: false },
  { shape: 'json', ext: 'json', gz: false },
  { shape: 'default', ext: 'txt', gz: true },
  { shape: 'wide', ext: 'txt', gz: false },
  { shape: 'json', ext: 'json', gz: true },
] as const;

const stamp = (seconds: number) => iso(seconds).slice(0, 16).replace(':', '').replace(/$/u, 'Z'); // 2024-11-05T0510Z
const day = (seconds: number) => iso(seconds).slice(0, 10);

/** About how many uncompressed bytes one event costs across its twelve dumps and the NDJSON, from a sample. */
function bytesPerEvent(spec: ArchiveSpec): number {
  const rng = new Rng(spec.seed ^ 0x5eed);
  const plan: GroupPlan = { name: 'sample', region: 'us-east-1', start: 1_730_764_800, end: 1_730_764_800 + 3600, rate: 60 };
  const sample = clusterEvents(rng, plan, [], spec.warningShare).slice(0, 2000);
  const capture = sample[sample.length - 1]!.last;
  const per = (text: string) => Buffer.byteLength(text) / sample.length;
  const dumpsPerEvent = 3600 / DUMP_EVERY;
  const share = (shape: string) => DUMP_CYCLE.filter((entry) => entry.shape === shape).length / DUMP_CYCLE.length;
  return dumpsPerEvent * (share('default') * per(tableDefault(sample, capture)) + share('wide') * per(tableWide(sample, capture)) + share('json') * per(jsonList(sample))) + per(ndjson(sample));
}

export function archiveDir(spec: ArchiveSpec, base = join(tmpdir(), 'kube-postmortem-bench')): string {
  return join(base, `${formatSize(spec.sizeBytes)}-seed${spec.seed}${spec.warningShare > 0 ? `-warnings${spec.warningShare}` : ''}`);
}

/** The archive's manifest if one was generated from this spec by this generator version, else null. */
export function cachedManifest(dir: string, spec: ArchiveSpec): BenchManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BenchManifest;
    const same = manifest.seed === spec.seed && manifest.sizeBytes === spec.sizeBytes && (manifest.warningShare ?? 0) === spec.warningShare;
    return same && manifest.generatorVersion === GENERATOR_VERSION && existsSync(join(dir, 'archive')) ? manifest : null;
  } catch {
    return null;
  }
}

/** Generates (or reuses) the archive of about `sizeBytes` uncompressed bytes in `dir` (`dir/archive`, `dir/manifest.json`). */
export function ensureArchive(dir: string, spec: ArchiveSpec, log: (text: string) => void = () => {}): BenchManifest {
  const cached = cachedManifest(dir, spec);
  if (cached) {
    log(`reusing ${dir}\n`);
    return cached;
  }
  const work = `${dir}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  try {
    const manifest = generate(work, spec, log);
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
    return manifest;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

function generate(dir: string, spec: ArchiveSpec, log: (text: string) => void): BenchManifest {
  const { sizeBytes, seed } = spec;
  const started = Date.now();
  const perEvent = bytesPerEvent(spec);
  const groups = CLUSTERS;
  const budget = sizeBytes / groups.length;
  // At least six hours of timeline (room for the incidents), at most 30 events a minute per cluster.
  const rate = Math.max(1, Math.min(30, budget / (perEvent * 360)));
  const minutes = Math.max(60, budget / (perEvent * rate));
  const start = Date.UTC(2024, 10, 5, 0, 0, 0) / 1000;
  const end = start + Math.round(minutes / 5) * 300;
  const manifest: BenchManifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    sizeBytes,
    ...(spec.warningShare > 0 ? { warningShare: spec.warningShare } : {}),
    groups: groups.map((group) => group.name),
    files: { table: 0, json: 0, ndjson: 0, gz: 0, total: 0 },
    bytes: { uncompressed: 0, onDisk: 0, tableUncompressed: 0, jsonUncompressed: 0, tableOnDisk: 0, jsonOnDisk: 0 },
    eventCopies: 0,
    uniqueEvents: 0,
    timeline: { start: iso(start), end: iso(end), eventsPerMinutePerGroup: Number(rate.toFixed(2)) },
    incidents: [],
  };
  const write = (path: string, text: string, gz: boolean, part: 'table' | 'json', events: number) => {
    mkdirSync(dirname(path), { recursive: true });
    const raw = Buffer.from(text);
    const data = gz ? gzipSync(raw, { level: 6 }) : raw;
    writeFileSync(gz ? `${path}.gz` : path, data);
    manifest.files.total += 1;
    if (gz) manifest.files.gz += 1;
    manifest.bytes.uncompressed += raw.length;
    manifest.bytes.onDisk += data.length;
    manifest.bytes[part === 'table' ? 'tableUncompressed' : 'jsonUncompressed'] += raw.length;
    manifest.bytes[part === 'table' ? 'tableOnDisk' : 'jsonOnDisk'] += data.length;
    manifest.eventCopies += events;
  };

  groups.forEach((cluster, groupIndex) => {
    const rng = new Rng((seed * 7919 + groupIndex * 104_729) >>> 0);
    const plan: GroupPlan = { name: cluster.name, region: cluster.region, start, end, rate };
    const events = clusterEvents(rng, plan, manifest.incidents, spec.warningShare);
    const written = new Set<string>();
    const root = join(dir, 'archive', cluster.name);
    // Periodic dumps: each holds what was last seen in the hour before its capture time.
    let lo = 0;
    for (let k = 1, capture = start + DUMP_EVERY; capture <= end; k += 1, capture += DUMP_EVERY) {
      while (lo < events.length && events[lo]!.first < capture - 3600 - 900) lo += 1;
      const visible: BenchEvent[] = [];
      for (let i = lo; i < events.length && events[i]!.first <= capture; i += 1) {
        const seen = snapshot(events[i]!, capture);
        if (seen) {
          visible.push(seen);
          written.add(seen.name);
        }
      }
      visible.sort((a, b) => a.last - b.last || a.first - b.first); // --sort-by=.lastTimestamp
      const { shape, ext, gz } = DUMP_CYCLE[(k + groupIndex) % DUMP_CYCLE.length]!;
      const name = `events-${shape === 'wide' ? 'wide-' : ''}${stamp(capture)}.${ext}`;
      const path = join(root, day(capture), name);
      if (shape === 'json') {
        write(path, jsonList(visible), gz, 'json', visible.length);
        manifest.files.json += 1;
      } else {
        write(path, shape === 'wide' ? tableWide(visible, capture) : tableDefault(visible, capture), gz, 'table', visible.length);
        manifest.files.table += 1;
      }
    }
    // Exporter: every event once, in its final state, in the file of the hour it was last seen; every third hour gzipped.
    const hourly = new Map<number, BenchEvent[]>();
    for (const event of events) {
      if (event.last < start || event.last >= end) continue;
      const hour = Math.floor(event.last / 3600) * 3600;
      (hourly.get(hour) ?? hourly.set(hour, []).get(hour)!).push(event);
      written.add(event.name);
    }
    for (const [hour, list] of [...hourly].sort((a, b) => a[0] - b[0])) {
      list.sort((a, b) => a.last - b.last);
      write(join(root, 'exporter', `events-${stamp(hour + 3600)}.ndjson`), ndjson(list), Math.floor(hour / 3600) % 3 === 0, 'json', list.length);
      manifest.files.ndjson += 1;
    }
    manifest.uniqueEvents += written.size;
    log(`  ${cluster.name}: ${written.size} events, ${manifest.files.total} files so far, ${formatSize(manifest.bytes.uncompressed)} so far (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// Sizes: 1g, 256m, 64m, 1500k, 123456 (bytes)

export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/iu.exec(text.trim());
  if (!match) throw new Error(`--size: expected e.g. 1g, 256m, 64m, not ${JSON.stringify(text)}`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(match[1]) * unit);
}

export function formatSize(bytes: number): string {
  if (bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3}g`;
  if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}m`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)}m`;
  return `${Math.round(bytes / 1024)}k`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const spec: ArchiveSpec = { sizeBytes: parseSize(value('--size') ?? '64m'), seed: Number(value('--seed') ?? '1'), warningShare: Number(value('--warnings') ?? '0') };
  const dir = value('--dir') ?? archiveDir(spec);
  const manifest = ensureArchive(dir, spec, (text) => process.stderr.write(text));
  process.stdout.write(`${dir}\n${JSON.stringify({ ...manifest, incidents: manifest.incidents.length }, null, 2)}\n`);
}
