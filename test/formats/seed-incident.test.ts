// The incident this project grew from: eight LeaderElection rows, collapsed whitespace, no header.
import test from 'ava';
import { at, fixture, minutes, parseText } from '../helpers/parse-text.js';

const capturedAt = '2024-11-05T06:02:00Z';
const seed = () => parseText(fixture('seed/eks-failover.txt'), { capturedAt, path: 'fixtures/seed/eks-failover.txt' });

test('the seed incident parses into 8 LeaderElection records', (t) => {
  const { records, accounting } = seed();
  t.is(records.length, 8);
  t.deepEqual(accounting, { total: 8, record: 8, header: 0, structure: 0, blank: 0, skipped: 0, skippedByReason: {} });
  for (const record of records) {
    t.is(record.type, 'Normal');
    t.is(record.reason, 'LeaderElection');
    t.is(record.namespace, 'kube-system');
    t.true(record.object.kind === 'Lease' || record.object.kind === 'ConfigMap');
    t.is(record.object.namespace, 'kube-system');
    t.regex(record.message, /^ip-10-0-(96-181|59-113)\.ap-northeast-2\.compute\.internal(_[0-9a-f-]{36})? became leader$/);
    t.is(record.source.format, 'kubectl-get-events');
  }
});

test('the seed incident names every lock as printed', (t) => {
  const locks = seed().records.map((record) => `${record.object.kind}/${record.object.name}`);
  t.deepEqual(locks, [
    'Lease/kube-scheduler',
    'Lease/cloud-controller-manager',
    'Lease/kube-controller-manager',
    'Lease/cloud-provider-extraction-migration',
    'Lease/cp-vpc-resource-controller',
    'ConfigMap/cp-vpc-resource-controller',
    'ConfigMap/eks-certificates-controller',
    'Lease/eks-certificates-controller',
  ]);
});

test('with --captured-at, "60m" and "59m" become spans exactly one minute wide', (t) => {
  const { records } = seed();
  const capture = at(capturedAt);
  for (const record of records.slice(0, 4)) {
    t.deepEqual(record.lastSeen, { earliest: capture - minutes(61), latest: capture - minutes(60) });
  }
  for (const record of records.slice(4)) {
    t.deepEqual(record.lastSeen, { earliest: capture - minutes(60), latest: capture - minutes(59) });
  }
  for (const record of records) {
    t.is(record.lastSeen!.latest - record.lastSeen!.earliest, minutes(1));
    t.is(record.firstSeen, null, 'the default columns do not say when an event was first seen');
    t.is(record.count, null, 'the default columns print no count');
    t.deepEqual(record.capture, { at: { earliest: capture, latest: capture }, origin: 'option' });
  }
});

test('without --captured-at the ages are measured from the fallback anchor and say so', (t) => {
  const { records } = parseText(fixture('seed/eks-failover.txt'));
  t.is(records[0]!.capture?.origin, 'file-mtime');
});
