// The analyses on small hand-built record sets, and on the seed incident.
import test from 'ava';
import { analyze, defaultAnalysisOptions } from '../../src/analysis/analyze.js';
import { mergeDuplicates } from '../../src/analysis/dedupe.js';
import { joinByGap } from '../../src/analysis/join-by-gap.js';
import { fixture, parseText } from '../helpers/parse-text.js';
import { T0, election, event, minute, minutesAfter, warning } from '../helpers/records.js';

const hostA = 'ip-10-0-96-181.ap-northeast-2.compute.internal';
const hostB = 'ip-10-0-59-113.ap-northeast-2.compute.internal';
const id = (host: string, n: number) => `${host}_0000000${n}-2657-4180-ba3c-a2d39f55f3dd`;

test('the seed incident: one control-plane fail-over, 8 elections over 6 locks, 2 hosts, ap-northeast-2, ≤ 2 min', (t) => {
  const { records } = parseText(fixture('seed/eks-failover.txt'), { capturedAt: '2024-11-05T06:02:00Z' });
  const { clusters, incidents } = analyze(records);
  t.is(clusters.length, 1);
  const [cluster] = clusters;
  t.is(cluster!.verdict, 'control-plane-failover');
  t.is(cluster!.signals, 8);
  t.is(new Set(cluster!.locks.map((lock) => lock.lock.name)).size, 6);
  t.deepEqual(cluster!.hosts, [hostB, hostA]);
  t.deepEqual(cluster!.regions, [{ kind: 'region', cloud: 'aws', region: 'ap-northeast-2' }]);
  t.true(cluster!.end.latest - cluster!.start.earliest <= 2 * minute);
  t.is(incidents.length, 1);
  t.is(incidents[0]!.title, 'Control-plane fail-over: 6 locks re-elected on 2 hosts in ap-northeast-2 within 2 min');
});

test('gap: neighbours exactly --gap apart join, one millisecond more splits', (t) => {
  const spans = [minutesAfter(0), minutesAfter(2), { earliest: T0 + 4 * minute + 1, latest: T0 + 4 * minute + 1 }];
  t.deepEqual(joinByGap(spans, (span) => span, 2 * minute).map((group) => group.length), [2, 1]);
  // Spans count at their closest: a span reaching to within the gap joins.
  t.deepEqual(joinByGap([minutesAfter(0, 1), minutesAfter(3, 10)], (span) => span, 2 * minute).map((group) => group.length), [2]);
  t.deepEqual(joinByGap([minutesAfter(0, 1), minutesAfter(3.5, 10)], (span) => span, 2 * minute).map((group) => group.length), [1, 1]);
});

test('a lock moving to another host is a fail-over; one lock re-elected on its own host is a leader change', (t) => {
  const moved = analyze([
    election('Lease/kube-scheduler', id(hostA, 1), minutesAfter(0)),
    election('Lease/kube-scheduler', id(hostA, 1), minutesAfter(30), 'stopped leading'),
    election('Lease/kube-scheduler', id(hostB, 2), minutesAfter(30.5)),
  ]);
  t.deepEqual(moved.clusters.map((cluster) => cluster.verdict), ['leader-change', 'control-plane-failover']);
  t.like(moved.clusters[1]!.locks[0]!, { host: hostB, previousHost: hostA, elections: 1, stoppedLeading: [id(hostA, 1)] });
  t.regex(moved.clusters[1]!.because, /lease\/kube-scheduler moved from ip-10-0-96-181\S+ to ip-10-0-59-113/u);

  const restarted = analyze([election('Lease/my-operator', id(hostA, 1), minutesAfter(0)), election('Lease/my-operator', id(hostA, 2), minutesAfter(40))]);
  t.deepEqual(restarted.clusters.map((cluster) => cluster.verdict), ['leader-change', 'leader-change']);
});

test('a Warning seen many times counts every occurrence; windows say reasons, shares and objects', (t) => {
  const { windows } = analyze([
    warning('Unhealthy', 'coredns-1', minutesAfter(10), 7),
    warning('FailedScheduling', 'checkout-1', minutesAfter(6)),
    warning('Unhealthy', 'coredns-1', minutesAfter(60)),
  ]);
  t.is(windows.length, 2);
  t.is(windows[0]!.occurrences, 8);
  t.deepEqual(windows[0]!.reasons.map(({ name, count }) => [name, count]), [['Unhealthy', 7], ['FailedScheduling', 1]]);
  t.is(windows[0]!.reasons[0]!.share, 1, 'first..last seen of the 7 occurrences covers the window');
  t.deepEqual(windows[0]!.objects, [{ name: 'pod/coredns-1', count: 7 }, { name: 'pod/checkout-1', count: 1 }]);
  t.deepEqual(analyze([warning('Unhealthy', 'x', minutesAfter(1))], { ...defaultAnalysisOptions, ignoreReasons: ['Unhealthy'] }).windows, []);
});

test('warnings 30 s after a fail-over join it; the same warnings 3 hours later are their own incident', (t) => {
  const failover = [election('Lease/kube-scheduler', id(hostA, 1), minutesAfter(0)), election('Lease/kube-controller-manager', id(hostA, 2), minutesAfter(0.2))];
  const soon = analyze([...failover, warning('Unhealthy', 'coredns-1', minutesAfter(0.7)), warning('Unhealthy', 'coredns-2', minutesAfter(2.5))]);
  t.is(soon.incidents.length, 1);
  t.deepEqual(soon.incidents[0]!.windows, ['window-1']);
  t.is(soon.incidents[0]!.title, 'Control-plane fail-over: 2 leases re-elected on 1 host in ap-northeast-2 within 1 min; 2 Warning events (Unhealthy) in the next 3 min');
  const late = analyze([...failover, warning('Unhealthy', 'coredns-1', minutesAfter(180.5))]);
  t.is(late.incidents.length, 2);
  t.is(late.incidents[1]!.title, '1 Warning event (Unhealthy) within 1 min');
});

test('incidents: duration bounds come from the spans, not from a made-up minute', (t) => {
  const { incidents } = analyze([warning('BackOff', 'a', minutesAfter(0, 1)), warning('BackOff', 'b', minutesAfter(4, 5))]);
  t.deepEqual(incidents[0]!.duration, { shortest: 3 * minute, longest: 5 * minute });
});

test('dedupe: same uid, same namespace and name, or same content with overlapping spans', (t) => {
  const a = event({ uid: 'u1', at: minutesAfter(0, 1) });
  const b = event({ uid: 'u1', at: minutesAfter(0.5, 2), source: { path: 'later.json', line: 3, format: 'x' } });
  const { events, merged } = mergeDuplicates([a, b]);
  t.is(merged, 1);
  t.deepEqual(events[0]!.lastSeen, minutesAfter(0.5, 1), 'both copies are true: their spans intersect');
  t.deepEqual(events[0]!.copies.map((copy) => copy.path), ['test.txt', 'later.json']);

  const byName = mergeDuplicates([event({ name: 'web.17d8', at: minutesAfter(0) }), event({ name: 'web.17d8', namespace: 'other', at: minutesAfter(0) })]);
  t.is(byName.events.length, 2, 'names are per namespace');

  const apart = mergeDuplicates([event({ at: minutesAfter(0) }), event({ at: minutesAfter(30) })]);
  t.is(apart.events.length, 2, 'the same content at different times is two events');
  const overlapping = mergeDuplicates([event({ at: minutesAfter(0, 1) }), event({ at: minutesAfter(0.5, 1.5) })]);
  t.is(overlapping.events.length, 1);
});

test('a later dump with a higher count widens the event: first seen kept, last seen moves on', (t) => {
  const early = event({ uid: 'u', count: 3, firstSeen: minutesAfter(0, 1), lastSeen: minutesAfter(5, 6) });
  const later = event({ uid: 'u', count: 7, firstSeen: minutesAfter(0.5, 1.5), lastSeen: minutesAfter(14, 15) });
  const [merged] = mergeDuplicates([early, later]).events;
  t.is(merged!.count, 7);
  t.deepEqual(merged!.firstSeen, minutesAfter(0.5, 1));
  t.deepEqual(merged!.lastSeen, minutesAfter(14, 15));
  const [reversed] = mergeDuplicates([later, early]).events;
  t.deepEqual(reversed!.lastSeen, minutesAfter(14, 15), 'an older copy with a lower count does not pull last seen back');
});

test('two overlapping dumps, the second 10 minutes later with counts grown, give the findings of the later dump alone', (t) => {
  const at = (minutes: number) => new Date(T0 + minutes * minute).toISOString();
  const dump = (capturedMinutes: number, unhealthyCount: number, unhealthyAge: string) =>
    parseText(
      [
        'NAMESPACE     LAST SEEN   TYPE      REASON           OBJECT                      SUBOBJECT   SOURCE    MESSAGE                FIRST SEEN   COUNT   NAME',
        `kube-system   ${capturedMinutes === 20 ? '20m' : '30m'}         Normal    LeaderElection   lease/kube-scheduler                    kube-scheduler   ${id(hostA, 1)} became leader   ${capturedMinutes === 20 ? '20m' : '30m'}          1       kube-scheduler.17d83aa2f76e9fe1`,
        `kube-system   ${capturedMinutes === 20 ? '19m' : '29m'}         Normal    LeaderElection   lease/kube-controller-manager           kcm       ${id(hostB, 2)} became leader   ${capturedMinutes === 20 ? '19m' : '29m'}          1       kube-controller-manager.17d83aa2f76e9fe2`,
        `kube-system   ${unhealthyAge}         Warning   Unhealthy        pod/coredns-1                           kubelet   probe failed           ${capturedMinutes === 20 ? '18m' : '28m'}          ${unhealthyCount}       coredns-1.17d83aa2f76e9fe3`,
      ].join('\n'),
      { capturedAt: at(capturedMinutes) },
    ).records;
  const first = dump(20, 3, '15m');
  const second = dump(30, 9, '2m');
  const together = analyze([...first, ...second]);
  const alone = analyze(second);
  t.is(together.duplicatesMerged, 3);
  const findings = (analysis: typeof alone) => ({
    clusters: analysis.clusters.map(({ evidence, ...cluster }) => cluster),
    windows: analysis.windows.map(({ evidence, ...window }) => window),
    incidents: analysis.incidents,
  });
  t.deepEqual(findings(together), findings(alone));
});
