// The things parser authors get wrong about kubectl's tables (formats.md §0), one test each.
// §0.9, §0.11 (JSON) and §0.12 (leader-election logs) belong to the JSON and log formats.
import test from 'ava';
import { at, fixture, minutes, parseText, seconds, skippedLines } from '../helpers/parse-text.js';
import { watchNote } from '../../src/formats/tables/table-scan.js';
import { tabwrite } from '../helpers/kubectl-printer.js';

const capturedAt = '2024-06-12T10:48:30Z';
const capture = at(capturedAt);
const hour = minutes(60);
const table = (rows: string[][]) => tabwrite(rows, 6, 3).join('\n');

test('§0.1 the server prints the columns: a 1.13 server gives KIND, whatever the kubectl', (t) => {
  const { records, shapes } = parseText(fixture('public/006-k8s113-kind-column-endpoints-leaderelection.txt'), { capturedAt });
  t.deepEqual(shapes, ['kubectl-get-events-v1.12']);
  t.true(records.every((record) => record.object.name === null && record.object.kind !== null));
});

test('§0.2 ages are intervals: 60m, 8h, 2d, 5m30s and 90s each stand for their own width', (t) => {
  const ages: [string, number, number][] = [
    ['60m', minutes(60), minutes(61)],
    ['8h', 8 * hour, 9 * hour],
    ['2d', 48 * hour, 49 * hour],
    ['5m30s', minutes(5) + seconds(30), minutes(5) + seconds(31)],
    ['90s', seconds(90), seconds(91)],
    ['3h20m', 3 * hour + minutes(20), 3 * hour + minutes(21)],
  ];
  const text = table([
    ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    ...ages.map(([age]) => [age, 'Normal', 'Pulled', 'pod/web', 'pulled']),
  ]);
  const { records } = parseText(text, { capturedAt });
  records.forEach((record, index) => {
    const [, min, max] = ages[index]!;
    t.deepEqual(record.lastSeen, { earliest: capture - max, latest: capture - min }, ages[index]![0]);
  });
});

test('§0.3 rows are not in time order: each keeps its own time, in input order', (t) => {
  const { records } = parseText(fixture('public/007-kind130-events-A-fluentbit-blog.txt'), { capturedAt });
  const lines = records.map((record) => record.source.line);
  t.deepEqual(lines, [...lines].sort((a, b) => a - b));
  const times = records.map((record) => record.lastSeen!.earliest);
  t.notDeepEqual(times, [...times].sort((a, b) => a - b));
});

test('§0.4 `lease/x` from get events and `Lease/x` from kubectl events are the same object', (t) => {
  const get = parseText('kube-system   5m   Normal   LeaderElection   lease/kube-scheduler   a became leader').records[0]!;
  const events = parseText('kube-system   5m   Normal   LeaderElection   Lease/kube-scheduler   a became leader').records[0]!;
  t.deepEqual(get.object, events.object);
  t.is(get.source.format, 'kubectl-get-events');
  t.is(events.source.format, 'kubectl-events');
  const nameless = parseText('NAMESPACE   LAST SEEN   TYPE   REASON   OBJECT   MESSAGE\ndefault   7m   Normal   LeaderElection   lease   x stopped leading').records[0]!;
  t.deepEqual(nameless.object, { kind: 'Lease', name: null, namespace: 'default', fieldPath: null });
});

test('§0.5 LAST SEEN of `kubectl events` holds spaces: `24m (x7 over 26m)`', (t) => {
  const { records } = parseText(fixture('reference/kubectl-events-A.txt'), { capturedAt });
  const unhealthy = records.find((record) => record.reason === 'Unhealthy')!;
  t.is(unhealthy.count, 7);
  t.deepEqual(unhealthy.lastSeen, { earliest: capture - minutes(25), latest: capture - minutes(24) });
  t.deepEqual(unhealthy.firstSeen, { earliest: capture - minutes(27), latest: capture - minutes(26) });
});

test('§0.6 in -w output widths grow and the same event reappears: every appearance is a record', (t) => {
  const header = ['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const first = tabwrite([header, ['default', '24m', 'Warning', 'Unhealthy', 'pod/web-1', 'Readiness probe failed']], 6, 3);
  // A later row with a longer REASON and OBJECT is wider than the header it follows.
  const later = tabwrite([header, ['default', '3s', 'Warning', 'FailedCreatePodSandBox', 'pod/checkout-7c9d8f6b5d-4hx8n', 'failed to create sandbox']], 6, 3);
  const again = tabwrite([header, ['default', '0s', 'Warning', 'Unhealthy', 'pod/web-1', 'Readiness probe failed']], 6, 3);
  const text = [...first, later[1], again[1], later[1]].join('\n');
  const { records, accounting } = parseText(text, { capturedAt });
  t.is(accounting.skipped, 0);
  t.deepEqual(records.map((record) => record.reason), ['Unhealthy', 'FailedCreatePodSandBox', 'Unhealthy', 'FailedCreatePodSandBox']);
  t.is(records[1]!.object.name, 'checkout-7c9d8f6b5d-4hx8n');
  t.is(records[1]!.message, 'failed to create sandbox');
});

test('§0.7 widths count runes: an emoji or Hangul before a column does not shift it', (t) => {
  const text = table([
    ['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
    ['default', '5m', 'Normal', 'Deployed', 'deployment/web', '', 'argo', 'deploy 🚀 done', '6m', '2', 'web.17d83aacb7f96361'],
    ['default', '5m', 'Normal', 'Deployed', 'deployment/api', '', 'argo', '배포 완료', '7m', '3', 'api.17d83aacb7f96362'],
  ]);
  const { records } = parseText(text, { capturedAt });
  t.deepEqual(records.map((record) => [record.message, record.count, record.component]), [
    ['deploy 🚀 done', 2, 'argo'],
    ['배포 완료', 3, 'argo'],
  ]);
});

test('§0.8 multi-line messages: get events cuts them, kubectl events prints the newline', (t) => {
  const cut = parseText(table([
    ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    ['5m', 'Warning', 'BackOff', 'pod/web', 'line one...'],
  ]));
  t.is(cut.records[0]!.message, 'line one...');
  const raw = parseText(
    [
      'NAMESPACE   LAST SEEN   TYPE      REASON    OBJECT     MESSAGE',
      'default     5m          Warning   BackOff   Pod/web    line one',
      'line two',
      'default     4m          Normal    Pulled    Pod/web    pulled',
    ].join('\n'),
  );
  t.deepEqual(raw.records.map((record) => record.message), ['line one\nline two', 'pulled']);
  t.is(raw.accounting.record, 3);
});

test('§0.10 the event name gives the creation time to the nanosecond (0x17d83aa2f76e9fe1 ns)', (t) => {
  const { records } = parseText(fixture('reference/kubectl-get-events-A-o-wide.txt'), { capturedAt });
  const scheduler = records.find((record) => record.name === 'kube-scheduler.17d83aa2f76e9fe1')!;
  t.is(scheduler.firstSeen!.latest - scheduler.firstSeen!.earliest, 1);
  t.is(new Date(scheduler.firstSeen!.earliest).toISOString(), '2024-06-12T10:22:09.452Z');
});

test('terminal-wrapped rows are rejoined when the wrap width is confirmed by two lines', (t) => {
  const rows = [
    'NAMESPACE     LAST SEEN   TYPE      REASON      OBJECT              MESSAGE',
    'kube-system   5m          Warning   Unhealthy   pod/coredns-abc12   Readiness probe failed: HTTP probe failed with statuscode: 503 (attempt 1 of many)',
    'kube-system   4m          Warning   Unhealthy   pod/coredns-abc12   Readiness probe failed: HTTP probe failed with statuscode: 500 (second attempt, still failing)',
  ];
  const width = 100;
  const wrapped = rows.flatMap((row) => row.match(new RegExp(`.{1,${width}}`, 'gu'))!);
  const { records, accounting } = parseText(wrapped.join('\n'), { capturedAt });
  t.is(wrapped.length, 5);
  t.deepEqual(records.map((record) => record.message), [
    'Readiness probe failed: HTTP probe failed with statuscode: 503 (attempt 1 of many)',
    'Readiness probe failed: HTTP probe failed with statuscode: 500 (second attempt, still failing)',
  ]);
  t.true(records[0]!.notes.includes('rejoined from 2 lines wrapped at 100 columns'));
  t.is(accounting.record, 4);
});

test('a line after a row that may be a wrapped message but cannot be confirmed is skipped, not guessed', (t) => {
  const { records, classes } = parseText(
    [
      'NAMESPACE     LAST SEEN   TYPE      REASON      OBJECT              MESSAGE',
      'kube-system   5m          Warning   Unhealthy   pod/coredns-abc12   Readiness probe failed: HTTP probe failed with',
      'statuscode: 503',
    ].join('\n'),
  );
  t.is(records[0]!.message, 'Readiness probe failed: HTTP probe failed with');
  t.deepEqual(skippedLines(classes), { 3: 'unconfirmed-wrap' });
});

test('text around tables is skipped with its reason, never turned into events', (t) => {
  const text = [
    '## Events during the incident',
    '```',
    'ubuntu@bastion:~$ kubectl get lease -n kube-system',
    'NAME                      HOLDER                                             AGE',
    'kube-scheduler            ip-10-0-59-113.ap-northeast-2.compute.internal_9   12d',
    '$ date',
    'Tue Nov  5 15:03:22 KST 2024',
    '$ kubectl get events -A',
    'NAMESPACE     LAST SEEN   TYPE     REASON           OBJECT                 MESSAGE',
    'kube-system   60m         Normal   LeaderElection   lease/kube-scheduler   x became leader',
    'No resources found in default namespace.',
    'E1105 06:03:30.123456   12345 memcache.go:265] couldn\'t get current server API group list',
    '```',
    'We restarted the nodes afterwards.',
  ].join('\n');
  const { records, classes } = parseText(text, { inputZone: 'UTC' });
  t.is(records.length, 1);
  t.deepEqual(records[0]!.capture, { at: { earliest: at('2024-11-05T06:03:22Z'), latest: at('2024-11-05T06:03:22.999Z') }, origin: 'date-line', line: 7 });
  t.deepEqual(skippedLines(classes), {
    1: 'markdown',
    2: 'markdown',
    3: 'shell-prompt',
    4: 'other-table',
    5: 'other-table',
    6: 'shell-prompt',
    8: 'shell-prompt',
    11: 'kubectl-message',
    13: 'markdown',
    14: 'prose',
  });
  // `date`, then a command that printed a table and an error: one retry-loop sample, failed.
  t.deepEqual(classes[6], { kind: 'record' });
  t.deepEqual(classes[11], { kind: 'record' });
});

test('describe output: the object named above the Events section is the events\' object', (t) => {
  const text = [
    'Name:         kube-controller-manager',
    'Namespace:    kube-system',
    'Labels:       <none>',
    'API Version:  coordination.k8s.io/v1',
    'Kind:         Lease',
    'Events:',
    '  Type    Reason          Age   From                     Message',
    '  ----    ------          ----  ----                     -------',
    '  Normal  LeaderElection  26m   kube-controller-manager  control-plane_056a86ec became leader',
  ].join('\n');
  const { records, accounting } = parseText(text, { capturedAt });
  t.deepEqual(records[0]!.object, { kind: 'Lease', name: 'kube-controller-manager', namespace: 'kube-system', fieldPath: null });
  t.is(records[0]!.namespace, 'kube-system');
  t.deepEqual(accounting, { total: 9, record: 1, header: 3, structure: 0, blank: 0, skipped: 5, skippedByReason: { 'describe-field': 5 } });
});

test('--output-watch-events rows: the EVENT column is kept as a note', (t) => {
  const { records } = parseText(table([
    ['EVENT', 'NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    ['ADDED', 'default', '5m', 'Normal', 'Pulled', 'pod/web', 'pulled'],
    ['DELETED', 'default', '65m', 'Normal', 'Pulled', 'pod/web', 'pulled'],
  ]));
  t.deepEqual(records.map((record) => record.notes), [
    ['watch event ADDED', watchNote],
    ['watch event DELETED', watchNote],
  ]);
});

test('a custom-columns table is another table, even when it borrows event column names', (t) => {
  const { records, classes } = parseText('LASTSEEN               REASON   MESSAGE\n2024-11-05T05:01:10Z   Pulled   pulled image "nginx"\n');
  t.is(records.length, 0);
  t.deepEqual(skippedLines(classes), { 1: 'other-table', 2: 'other-table' });
});
