// The public samples (fixtures/public/CATALOG.md says where each comes from and what it
// holds): every table in them is found, and nothing else is turned into an event.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import test from 'ava';
import type { EventRecord } from '../../src/model/event-record.js';
import { at, fixture, minutes, parseText, seconds, skippedLines } from '../helpers/parse-text.js';

const capturedAt = '2024-01-01T00:00:00Z';
const capture = at(capturedAt);
const sample = (prefix: string) => {
  const name = readdirSync('fixtures/public').find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no public sample ${prefix}`);
  return parseText(fixture(`public/${name}`), { capturedAt, path: name });
};
const reasons = (records: EventRecord[]) => records.map((record) => record.reason);
/** An age in [from, to) before the capture time, as a span. */
const agedBetween = (from: number, to: number) => ({ earliest: capture - to, latest: capture - from });

test('002: an Events section collapsed onto one line gives both elections', (t) => {
  const { records, accounting } = sample('002');
  t.deepEqual(reasons(records), ['LeaderElection', 'LeaderElection']);
  t.deepEqual(records.map((record) => record.message.split('_')[0]), ['control-plane', 'control-plane2']);
  t.deepEqual(records.map((record) => record.component), ['kube-controller-manager', 'kube-controller-manager']);
  t.deepEqual(records[0]!.lastSeen, agedBetween(minutes(26), minutes(27)));
  t.deepEqual(records[1]!.lastSeen, agedBetween(minutes(5) + seconds(20), minutes(5) + seconds(21)));
  t.is(accounting.record, 1);
});

test('004: the 2016 LASTSEEN FIRSTSEEN ... SOURCE table, with struct-dump sources', (t) => {
  const { records, shapes } = sample('004');
  t.deepEqual(shapes, ['kubectl-get-events-legacy']);
  t.deepEqual(reasons(records), ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  t.true(records.every((record) => record.type === 'Normal' && record.count === 1));
  t.deepEqual(records.map((record) => record.object.name), Array(5).fill('nginx-deployment-3392909933-1tfwp'));
  t.is(records[0]!.component, 'default-scheduler');
  t.is(records[0]!.host, null);
  t.is(records[0]!.object.fieldPath, null);
  t.is(records[1]!.host, 'kubernetes-minion-group-kcbf');
  t.is(records[1]!.object.fieldPath, 'spec.containers{nginx}');
  // ShortHumanDuration: "13m" is [13m, 14m).
  t.deepEqual(records[0]!.lastSeen, agedBetween(minutes(13), minutes(14)));
  t.is(records[4]!.message, '', 'the excerpt ends before the last MESSAGE');
});

test('005: a lease printed without a name, and a row cut after its namespace', (t) => {
  const { records, classes } = sample('005');
  t.is(records.length, 7);
  t.is(records[0]!.reason, 'LeaderElection');
  t.regex(records[0]!.message, /^kind-control-plane_bfbae46f-5277-442c-aeac-6d1e4a6a9bde stopped leading$/);
  t.deepEqual(records[0]!.object, { kind: 'Lease', name: null, namespace: 'default', fieldPath: null });
  t.true(records[0]!.notes.includes('kubectl printed the object without a name'));
  t.deepEqual(records[0]!.lastSeen, agedBetween(minutes(7) + seconds(10), minutes(7) + seconds(11)));
  t.deepEqual(skippedLines(classes), { 9: 'row-fragment' });
});

test('006: 1.13 columns give kinds but no names, and none is invented', (t) => {
  const { records, shapes } = sample('006');
  t.deepEqual(shapes, ['kubectl-get-events-v1.12']);
  t.is(records.length, 17);
  const elections = records.filter((record) => record.reason === 'LeaderElection');
  t.is(elections.length, 2);
  for (const election of elections) {
    t.deepEqual(election.object, { kind: 'Endpoints', name: null, namespace: null, fieldPath: null });
    t.true(election.notes.some((note) => note.includes('not its name')));
    t.deepEqual(election.lastSeen, agedBetween(minutes(7) + seconds(34), minutes(7) + seconds(35)));
  }
  const failures = records.filter((record) => record.type === 'Warning');
  t.deepEqual(failures.map((record) => `${record.reason} ${record.object.kind}`), ['FailedCreate ReplicaSet', 'FailedCreate DaemonSet']);
  t.deepEqual(failures[0]!.lastSeen, agedBetween(seconds(110), seconds(111)));
});

test('007: a kind cluster starting, after a prompt line, rows not in time order', (t) => {
  const { records, classes } = sample('007');
  t.is(records.length, 42);
  t.deepEqual(skippedLines(classes), { 1: 'shell-prompt' });
  const elections = records.filter((record) => record.reason === 'LeaderElection');
  t.deepEqual(elections.map((record) => record.object.name), ['kube-controller-manager', 'kube-scheduler']);
  t.deepEqual(elections[0]!.lastSeen, agedBetween(seconds(42), seconds(43)));
  t.deepEqual(elections[1]!.lastSeen, agedBetween(seconds(40), seconds(41)));
  t.is(records.filter((record) => record.reason === 'FailedScheduling').length, 3);
  t.is(records.filter((record) => record.reason === 'FailedMount').length, 2);
  const emptyMessage = records.find((record) => record.source.line === 9)!;
  t.is(emptyMessage.reason, 'Starting');
  t.is(emptyMessage.message, '');
});

test('008: a grep of `-o wide` output, with an orphan row tail', (t) => {
  const { records, classes } = sample('008');
  t.is(records.length, 1);
  const [election] = records;
  t.is(election!.reason, 'LeaderElection');
  t.deepEqual(election!.object, { kind: 'Endpoints', name: 'kube-scheduler', namespace: 'kube-system', fieldPath: null });
  t.is(election!.component, 'default-scheduler');
  t.is(election!.count, 1);
  t.is(election!.name, 'kube-scheduler.15f6761d8d3f3d73');
  t.is(election!.message, 'ubuntu_ae3b2864-fa00-4e84-ad4f-2a24aa388868 became leader');
  t.deepEqual(skippedLines(classes), { 1: 'shell-prompt', 3: 'row-fragment', 6: 'shell-prompt' });
});

test('008: the event name gives the exact creation time when the capture time agrees', (t) => {
  const name = parseText(fixture('public/008-k8s117-o-wide-A-grep-scheduler-fragment.txt'), {
    capturedAt: '2020-02-24T22:17:09Z',
  }).records[0]!;
  // 0x15f6761d8d3f3d73 ns = 2020-02-24T22:09:48.363169139Z; 7m21s before the capture agrees.
  t.deepEqual(name.firstSeen, { earliest: at('2020-02-24T22:09:48.363Z'), latest: at('2020-02-24T22:09:48.364Z') });
  t.true(name.notes.includes('first seen exactly: decoded from the event name'));
});

test('010 and 028: describe sections, `<unknown>` ages and `kubelet, host` sources', (t) => {
  for (const [prefix, host] of [['010', 'ubuntu'], ['028', 'master03']] as const) {
    const { records } = sample(prefix);
    t.deepEqual(reasons(records), prefix === '010'
      ? ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']
      : ['Scheduled', 'Pulled', 'Created', 'Started']);
    t.is(records[0]!.lastSeen, null);
    t.true(records[0]!.notes.some((note) => note.includes('<unknown>')));
    t.is(records[1]!.component, 'kubelet');
    t.is(records[1]!.host, host);
    t.is(records[1]!.count, 1, 'describe prints a single age only for an event seen once');
  }
});

test('011: `-w` rows without header or namespace', (t) => {
  const { records } = sample('011');
  t.deepEqual(reasons(records), ['Created', 'Started', 'Unhealthy', 'LeaderElection', 'GitOperationFailed']);
  t.is(records[3]!.object.name, 'notification-controller-leader-election');
  t.true(records.every((record) => record.namespace === null));
});

test('031 and 033: watch rows behind prompts, and rows that lost their first column', (t) => {
  const watch = sample('031');
  t.deepEqual(reasons(watch.records), ['Scheduled', 'Pulled', 'Created', 'Started', 'Evicted', 'Killing']);
  t.true(watch.records.every((record) => record.notes.some((note) => note.startsWith('printed by a watch'))), 'the prompt ran `kubectl get events -w`');
  t.is(watch.records[4]!.type, 'Warning');
  const crash = sample('033');
  t.deepEqual(reasons(crash.records), ['NodeNotReady', 'Killing', 'Pulled', 'Created', 'Failed', 'BackOff', 'Failed']);
  t.is(crash.records[0]!.lastSeen, null);
  t.true(crash.records[0]!.notes.includes('the row has lost its first column(s)'));
  t.deepEqual(crash.records[1]!.lastSeen, agedBetween(minutes(3) + seconds(25), minutes(3) + seconds(26)));
});

test('032: a trimmed legacy table inside a Markdown fence', (t) => {
  const { records, classes } = sample('032');
  t.is(records.length, 1);
  t.like(records[0]!, { type: 'Warning', reason: 'Evicted', component: 'kubelet', host: 'node-1', count: 1 });
  t.is(records[0]!.message, 'The node was low on resource: memory.');
  t.deepEqual(records[0]!.lastSeen, agedBetween(minutes(1), minutes(2)), 'ShortHumanDuration: 1m is [1m, 2m)');
  t.deepEqual(skippedLines(classes), { 1: 'markdown', 4: 'markdown' });
});

test('037: 2015 describe rows with absolute dates and spaced sub-object paths', (t) => {
  const { records, classes } = sample('037');
  t.deepEqual(reasons(records), ['scheduled', 'pulled']);
  t.deepEqual(records[0]!.lastSeen, { earliest: at('2015-10-21T19:56:47Z'), latest: at('2015-10-21T19:56:47.999Z') });
  t.is(records[1]!.object.fieldPath, 'implicitly required container POD');
  t.is(records[1]!.host, '172.17.4.99');
  t.is(records[0]!.capture, null, 'absolute times need no capture time');
  t.deepEqual(skippedLines(classes), { 5: 'row-fragment' });
});

test('038 and 039: describe rows without a header, in two eras', (t) => {
  const modern = sample('038');
  t.is(modern.records.length, 8);
  const notReady = modern.records.find((record) => record.reason === 'NodeNotReady')!;
  t.is(notReady.count, 3);
  t.deepEqual(notReady.firstSeen, agedBetween(minutes(72), minutes(73)));
  t.deepEqual(notReady.lastSeen, agedBetween(minutes(4) + seconds(33), minutes(4) + seconds(34)));
  const old = sample('039');
  t.deepEqual(reasons(old.records), ['FailedMount', 'Pulling', 'Pulled', 'Created', 'Started']);
  t.like(old.records[0]!, { count: 3, component: 'kubelet', host: 'ip-172-20-55-145.us-west-2.compute.internal' });
  t.deepEqual(old.records[0]!.firstSeen, agedBetween(minutes(34), minutes(35)));
  t.deepEqual(old.records[0]!.lastSeen, agedBetween(minutes(29), minutes(30)));
});

test('040: headerless `-o wide` rows, the last one cut after MESSAGE', (t) => {
  const { records } = sample('040');
  t.deepEqual(reasons(records), ['ExternalProvisioning', 'SuccessfulCreate', 'ScalingReplicaSet']);
  t.is(records[0]!.count, 2);
  t.is(records[0]!.component, 'persistentvolume-controller');
  t.is(records[2]!.component, 'deployment-controller');
  t.regex(records[2]!.message, /^Scaled up replica set apprise-fanm4zykwu-64df64699 from 0 to 1$/);
  t.true(records[2]!.notes.some((note) => note.includes('cut after MESSAGE')));
});

test('045: a tab-separated describe row whose message continues on the next line', (t) => {
  const { records, accounting } = sample('045');
  t.is(records.length, 1);
  t.like(records[0]!, { type: 'Warning', reason: 'OOMKilling', component: 'kernel-monitor', host: 'gke-cluster-1-default-pool-81a54c78-gl40' });
  t.is(records[0]!.message.split('\n').length, 2);
  t.is(accounting.record, 2);
});

const notTables = ['013', '014', '015', '017', '018', '019', '020', '022', '023', '025', '026', '034', '042', '043', '044', '046', '048', '051'];

test('samples holding no event table give no records, and every line is accounted for', (t) => {
  for (const prefix of notTables) {
    const { records, accounting } = sample(prefix);
    t.is(records.length, 0, prefix);
    t.is(accounting.record + accounting.header + accounting.blank + accounting.skipped, accounting.total, prefix);
    t.is(accounting.record, 0, prefix);
  }
});

test('020: a node table and ServiceUnavailable errors are told apart from events', (t) => {
  const { classes } = sample('020');
  const skipped = skippedLines(classes);
  t.is(skipped[1], 'other-table');
  t.is(skipped[7], 'other-table');
  t.is(skipped[8], 'kubectl-message');
});

test('every fixture file, whatever its format, parses without a crash and accounts for every line', async (t) => {
  const { readInputs } = await import('../../src/inputs/index.js');
  const { parseSource } = await import('../../src/pipeline.js');
  const outcomes = await readInputs([resolve('fixtures')]);
  t.true(outcomes.length > 50);
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    const { summary, lineClasses } = parseSource(outcome.source, { capturedAt: null, inputZone: 'UTC' });
    t.is(lineClasses.length, outcome.source.lines.length, summary.path);
  }
});
