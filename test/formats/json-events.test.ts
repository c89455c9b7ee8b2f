// Structured dumps: the reference incident in every JSON form, cut-off streams, invalid and
// foreign items, the public JSON/YAML samples, and the time rules of formats.md §4.
import test from 'ava';
import { jsonEvents } from '../../src/formats/json-events.js';
import { yamlEvents } from '../../src/formats/yaml-events.js';
import { accountingOf } from '../../src/formats/text/line-ledger.js';
import { splitLines } from '../../src/inputs/index.js';
import type { EventRecord } from '../../src/model/event-record.js';
import { isEventRecord } from '../../src/model/record.js';
import { at, fixture, mtime, skippedLines } from '../helpers/parse-text.js';

function parse(text: string, format = jsonEvents) {
  const { lines } = splitLines(text);
  const result = format.parse(lines, {
    path: 'test.json',
    inputZone: 'UTC',
    capturedAt: null,
    fallbackAnchor: { at: { earliest: mtime, latest: mtime }, origin: 'file-mtime' },
  });
  return { ...result, records: result.records.filter(isEventRecord), accounting: accountingOf(result.lineClasses), lines };
}

const identity = (record: EventRecord) => `${record.namespace}/${record.name}`;
const second = (iso: string) => ({ earliest: at(iso), latest: at(iso) + 999 });

test('`get events -A -o json`: every item a record with exact times, the List frame is structure', (t) => {
  const { records, accounting, shapes } = parse(fixture('reference/kubectl-get-events-A-o-json.json'));
  t.deepEqual(shapes, ['kubectl-get-events-json']);
  t.is(records.length, 12);
  t.is(accounting.record + accounting.structure, accounting.total);
  t.is(accounting.structure, 9);
  const unhealthy = records.find((record) => record.reason === 'Unhealthy')!;
  t.like(unhealthy, { namespace: 'kube-system', type: 'Warning', count: 7, component: 'kubelet', capture: null });
  t.deepEqual(unhealthy.object, { kind: 'Pod', name: 'coredns-5b8cc885bc-7xk2p', namespace: 'kube-system', fieldPath: 'spec.containers{coredns}' });
  // firstTimestamp says 10:21:40; the name's suffix says when in that second, to the nanosecond.
  t.deepEqual(unhealthy.firstSeen, { earliest: at('2024-06-12T10:21:40.559Z'), latest: at('2024-06-12T10:21:40.560Z') });
  t.deepEqual(unhealthy.lastSeen, second('2024-06-12T10:23:40Z'));
  t.is(unhealthy.source.line, records.indexOf(unhealthy) === 0 ? 5 : unhealthy.source.line);
});

test('events.k8s.io/v1 gives the same events as core/v1 (regarding, note, deprecated*)', (t) => {
  const core = parse(fixture('reference/kubectl-get-events-A-o-json.json')).records;
  const v1 = parse(fixture('reference/kubectl-get-events.events.k8s.io-A-o-json.json')).records;
  const essence = ({ source, notes, ...record }: EventRecord) => record;
  t.deepEqual(v1.map(essence), core.map(essence));
});

test('series carry the count and the last time; eventTime stands in for null timestamps', (t) => {
  const core = parse(fixture('reference/kubectl-get-events-A-o-json.json')).records;
  const scheduling = core.find((record) => record.reason === 'FailedScheduling')!;
  t.is(scheduling.count, 4);
  t.deepEqual(scheduling.firstSeen, { earliest: at('2024-06-12T10:22:51.337Z'), latest: at('2024-06-12T10:22:51.338Z') });
  t.deepEqual(scheduling.lastSeen, { earliest: at('2024-06-12T10:27:55.402Z'), latest: at('2024-06-12T10:27:55.403Z') });
  t.is(scheduling.component, 'default-scheduler');
  t.is(scheduling.host, 'default-scheduler-ip-10-0-142-31.us-west-2.compute.internal');
});

test('`-w -o json`: concatenated objects, each appearance a record; the update is newer', (t) => {
  const { records, accounting, shapes } = parse(fixture('reference/kubectl-get-events-n-kube-system-w-o-json.stream'));
  t.deepEqual(shapes, ['kubectl-watch-json']);
  t.is(records.length, 8);
  t.is(accounting.record, accounting.total);
  const coredns = records.filter((record) => record.reason === 'Unhealthy');
  t.deepEqual(coredns.map((record) => record.count), [7, 8]);
  t.true(coredns[1]!.lastSeen!.earliest > coredns[0]!.lastSeen!.earliest);
  t.deepEqual(records.map((record) => record.source.line), [1, 32, 63, 96, 127, 158, 189, 220]);
});

test('a `-w -o json` stream cut inside its third object: two records and one skipped entry at its line', (t) => {
  const stream = fixture('reference/kubectl-get-events-n-kube-system-w-o-json.stream').split('\n');
  const cut = stream.slice(0, 80).join('\n');
  const { records, lineClasses, diagnostics, accounting } = parse(cut);
  t.is(records.length, 2);
  t.is(accounting.total, 80);
  t.deepEqual(new Set(Object.values(skippedLines(lineClasses))), new Set(['truncated']));
  t.is(Object.keys(skippedLines(lineClasses)).length, 80 - 62);
  const [warning] = diagnostics;
  t.like(warning, { code: 'truncated', line: 63, help: 'was the dump cut off?' });
  t.regex(warning!.message, /^JSON ends inside an object \(coredns-5b8cc885bc-7xk2p\), lines 63–80$/u);
});

test('kubernetes-event-exporter NDJSON: first occurrences, cluster name kept', (t) => {
  const { records, shapes } = parse(fixture('reference/kubernetes-event-exporter-file-sink.ndjson'));
  t.deepEqual(shapes, ['event-exporter-ndjson']);
  t.is(records.length, 12);
  t.true(records.every((record) => record.cluster === 'prod-eks-usw2'));
  t.is(records.find((record) => record.reason === 'Unhealthy')!.count, 1, 'the exporter only sees the first occurrence');
  const core = parse(fixture('reference/kubectl-get-events-A-o-json.json')).records;
  t.deepEqual(records.map(identity).sort(), core.map(identity).sort());
});

test('exporter stdout: its own log lines between the events are skipped as log lines', (t) => {
  const events = fixture('reference/kubernetes-event-exporter-file-sink.ndjson').split('\n').slice(0, 2);
  const text = ['2024-06-12T10:15:02Z INF Starting event exporter', events[0], '2024-06-12T10:15:03Z DBG sending event', events[1]].join('\n');
  const { records, lineClasses } = parse(text);
  t.is(records.length, 2);
  t.deepEqual(skippedLines(lineClasses), { 1: 'log-line', 3: 'log-line' });
});

test('an item with wrong field types is skipped with its line and the reason; the others are read', (t) => {
  const list = JSON.parse(fixture('reference/kubectl-get-events-A-o-json.json'));
  list.items[1].count = 'five';
  list.items[2].lastTimestamp = 'yesterday';
  const { records, diagnostics, lineClasses } = parse(JSON.stringify(list, null, 4));
  t.is(records.length, 10);
  t.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message.replace(/, lines .*/u, '')]), [
    ['invalid-item', 'event skipped: count: expected number, received string'],
    ['invalid-item', 'event skipped: lastTimestamp: "yesterday" is not an RFC 3339 time'],
  ]);
  t.is(lineClasses[diagnostics[0]!.line! - 1]!.kind, 'skipped');
});

test('a JSON document that is not about events is reported as such, not parsed into garbage', (t) => {
  const pods = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } }, { hello: 'world' }] };
  const { records, diagnostics } = parse(JSON.stringify(pods, null, 2));
  t.is(records.length, 0);
  t.deepEqual(diagnostics.map((diagnostic) => diagnostic.message.replace(/, lines .*/u, '')), [
    'a Pod, not an event',
    'an object with keys hello, not an event',
  ]);
});

test('time rules: lastObservedTime, lastTimestamp, eventTime, creationTimestamp in that order; count defaults to 1', (t) => {
  const base = { metadata: { name: 'x.1', namespace: 'default', creationTimestamp: '2024-01-01T00:00:09Z' }, involvedObject: { kind: 'Pod', name: 'x' }, reason: 'R' };
  const cases: [Record<string, unknown>, string, string, number][] = [
    [{ firstTimestamp: '2024-01-01T00:00:01Z', lastTimestamp: '2024-01-01T00:00:02Z', count: 3 }, '00:00:01', '00:00:02', 3],
    [{ eventTime: '2024-01-01T00:00:03.000000Z', series: { count: 5, lastObservedTime: '2024-01-01T00:00:04.000000Z' } }, '00:00:03', '00:00:04', 5],
    [{ eventTime: '2024-01-01T00:00:05.000000Z', firstTimestamp: null, lastTimestamp: null }, '00:00:05', '00:00:05', 1],
    [{}, '00:00:09', '00:00:09', 1],
  ];
  for (const [fields, first, last, count] of cases) {
    const [record] = parse(JSON.stringify({ ...base, ...fields })).records;
    t.is(new Date(record!.firstSeen!.earliest).toISOString().slice(11, 19), first);
    t.is(new Date(record!.lastSeen!.earliest).toISOString().slice(11, 19), last);
    t.is(record!.count, count);
  }
  const [creationOnly] = parse(JSON.stringify(base)).records;
  t.deepEqual(creationOnly!.notes, ['the event carries no timestamps; its creation time is used']);
});

test('public 025: a List cut inside its only item, behind a prompt', (t) => {
  const { records, lineClasses, diagnostics } = parse(fixture('public/025-events-k8s-io-v1beta1-json-truncated.json'));
  t.is(records.length, 0);
  t.deepEqual(lineClasses.slice(0, 5).map((lineClass) => (lineClass.kind === 'skipped' ? lineClass.reason : lineClass.kind)), [
    'shell-prompt', 'structure', 'structure', 'structure', 'truncated',
  ]);
  t.regex(diagnostics[0]!.message, /^JSON ends inside an object \(FailedScheduling for pvc\.15ea92d8cdd043b9\)/u);
});

test('public 026: an eventrouter line after a prompt', (t) => {
  const { records, shapes } = parse(fixture('public/026-openshift-eventrouter-json-line-with-prompt.txt'));
  t.deepEqual(shapes, ['eventrouter-json']);
  t.like(records[0]!, { type: 'Normal', reason: 'Created', component: 'kubelet', host: 'master-0' });
  t.is(records[0]!.object.name, 'redhat-operators-w8svm');
});

test('public 044: a fenced eventrouter object cut off', (t) => {
  const { records, diagnostics, lineClasses } = parse(fixture('public/044-eventrouter-pretty-json-oomkilling-truncated.json'));
  t.is(records.length, 0);
  t.is(lineClasses[0]!.kind === 'skipped' && lineClasses[0]!.reason, 'markdown');
  t.regex(diagnostics[0]!.message, /OOMKilling/u);
});

test('public 048: an events.k8s.io/v1 object without apiVersion, null eventTime, deprecated timestamps', (t) => {
  const { records } = parse(fixture('public/048-events-k8s-io-v1-object-deprecated-fields.json'));
  t.is(records.length, 1);
  t.like(records[0]!, { namespace: 'stradvision', type: 'Normal', reason: 'Scheduled', component: 'default-scheduler', count: 1 });
  t.deepEqual(records[0]!.object, { kind: 'Pod', name: 'recovery-6f86dc46dc-288hv', namespace: 'stradvision', fieldPath: null });
  t.deepEqual(records[0]!.lastSeen, second('2025-03-06T07:08:10Z'));
});

test('public 043 (YAML): a LeaderElection on a ConfigMap with no name', (t) => {
  const { records, accounting } = parse(fixture('public/043-gke-events-o-yaml-leaderelection-no-object-name.yaml'), yamlEvents);
  t.is(records.length, 1);
  t.like(records[0]!, { reason: 'LeaderElection', message: 'gke-49fe-vm became leader', component: 'kubestore', name: '.1822e9ada6eadb76' });
  t.deepEqual(records[0]!.object, { kind: 'ConfigMap', name: null, namespace: null, fieldPath: null });
  t.is(accounting.record + accounting.structure, accounting.total);
});

test('YAML documents separated by `---`, and a document that is not an event', (t) => {
  const text = [
    '$ kubectl get events -w -o yaml',
    'apiVersion: v1',
    'kind: Event',
    'metadata: {name: a.1, namespace: default}',
    'involvedObject: {kind: Pod, name: a}',
    'reason: Pulled',
    'lastTimestamp: "2024-06-12T10:00:00Z"',
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: a}',
  ].join('\n');
  const { records, lineClasses, diagnostics } = parse(text, yamlEvents);
  t.is(records.length, 1);
  t.deepEqual(records[0]!.lastSeen, second('2024-06-12T10:00:00Z'));
  t.is(lineClasses[0]!.kind === 'skipped' && lineClasses[0]!.reason, 'shell-prompt');
  t.deepEqual(diagnostics.map((diagnostic) => diagnostic.message.replace(/, lines .*/u, '')), ['a Pod, not an event']);
});
