// EKS control-plane logs saved from CloudWatch Logs (formats.md §7). The exports in
// fixtures/cloudwatch/ are hand-made (see their README) around the fail-over of
// fixtures/reference/: kube-controller-manager at 10:22:05, kube-scheduler at 10:22:09.
import test from 'ava';
import { cloudwatchLogs, readCloudWatchTime } from '../../src/formats/cloudwatch-logs.js';
import type { ParseContext } from '../../src/formats/define-format.js';
import { detectFormat } from '../../src/formats/detect.js';
import { jsonEvents } from '../../src/formats/json-events.js';
import { klog } from '../../src/formats/klog.js';
import { readKlogEventLine } from '../../src/formats/shared/leader-election-log.js';
import { splitLines } from '../../src/inputs/index.js';
import { LogRecordSchema, type LogRecord } from '../../src/model/log-record.js';
import { at, fixture, mtime, skippedLines } from '../helpers/parse-text.js';
import { jsonEvents as referenceEvents } from '../helpers/json-oracle.js';

const context: ParseContext = {
  path: 'cloudwatch',
  inputZone: 'Asia/Seoul', // must not matter: CloudWatch times are UTC
  capturedAt: null,
  fallbackAnchor: { at: { earliest: mtime, latest: mtime }, origin: 'file-mtime' },
};

function parseLines(lines: string[]) {
  const result = cloudwatchLogs.parse(lines, context);
  const records = result.records.filter((record): record is LogRecord => record.kind === 'log');
  return { ...result, records, lines };
}

const parseText = (text: string) => parseLines(splitLines(text).lines);
const parseFixture = (name: string) => parseText(fixture(`cloudwatch/${name}`));
const iso = (ms: number) => new Date(ms).toISOString();
const OLD = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const NEW = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';

/** What every export of the same rows must agree on. */
const summary = (records: readonly LogRecord[]) =>
  records.map((record) => ({
    at: iso(record.at.earliest),
    exact: record.at.earliest === record.at.latest,
    severity: record.severity,
    component: record.component,
    action: record.leaderElection?.action ?? null,
    lock: record.leaderElection?.lock ? `${record.leaderElection.lock.namespace}/${record.leaderElection.lock.name}` : null,
    message: record.message,
  }));

test('Logs Insights CSV: quoted fields, doubled quotes, a quoted multi-line trace, rows oldest first', (t) => {
  const parsed = parseFixture('insights-control-plane.csv');
  t.is(parsed.lineClasses.length, parsed.lines.length);
  t.deepEqual(parsed.shapes, ['cloudwatch-insights-csv']);
  t.is(parsed.lineClasses[0]!.kind, 'header');
  t.true(parsed.lineClasses.slice(1).every((lineClass) => lineClass.kind === 'record'));
  const { records } = parsed;
  t.is(records.length, 13);
  for (const record of records) t.notThrows(() => LogRecordSchema.parse(record));
  const rows = summary(records);
  t.true(rows.every((row) => row.exact), 'the CloudWatch timestamp is exact to the millisecond');
  t.deepEqual(
    rows.filter((row) => row.action !== null).map((row) => [row.at, row.component, row.action, row.lock]),
    [
      ['2024-06-12T10:21:41.512Z', 'kube-controller-manager', 'attempting', 'kube-system/kube-controller-manager'],
      ['2024-06-12T10:21:43.207Z', 'kube-scheduler', 'attempting', 'kube-system/kube-scheduler'],
      ['2024-06-12T10:21:53.902Z', 'kube-controller-manager', 'renew-failed', 'kube-system/kube-controller-manager'],
      ['2024-06-12T10:21:53.902Z', 'kube-controller-manager', 'lost', null],
      ['2024-06-12T10:21:57.441Z', 'kube-scheduler', 'renew-failed', 'kube-system/kube-scheduler'],
      ['2024-06-12T10:21:57.441Z', 'kube-scheduler', 'lost', null],
      ['2024-06-12T10:22:05.118Z', 'kube-controller-manager', 'acquired', 'kube-system/kube-controller-manager'],
      ['2024-06-12T10:22:09.650Z', 'kube-scheduler', 'acquired', 'kube-system/kube-scheduler'],
      ['2024-06-12T10:22:31.204Z', 'cloud-controller-manager', 'acquired', 'kube-system/cloud-controller-manager'],
    ],
  );
  // Two rows in one millisecond, newest first in the export: the klog microseconds order them.
  const sameMs = records.filter((record) => record.at.earliest === at('2024-06-12T10:22:05.118Z'));
  t.deepEqual(sameMs.map((record) => record.source.line), [5, 4]);
  t.is(sameMs[0]!.leaderElection?.action, 'acquired');
  t.like(readKlogEventLine(sameMs[1]!.message), {
    kind: 'Lease',
    namespace: 'kube-system',
    name: 'kube-controller-manager',
    reason: 'LeaderElection',
    message: 'ip-10-0-142-31.us-west-2.compute.internal_1f0c1c8e-7d2a-4b6e-9c3f-8a5d2e1b4c70 became leader',
  });
  const trace = records.find((record) => record.component === 'kube-apiserver')!;
  t.is(trace.message.split('\n').length, 3, 'the quoted newlines stay in the message');
  t.true(trace.message.includes('---"Write to database call failed"'), 'doubled quotes are undone');
  t.is(trace.source.line, 7);
  const authenticator = records.find((record) => record.component === 'authenticator')!;
  t.like(authenticator, { severity: 'info', leaderElection: null });
  t.true(authenticator.notes.includes('not a klog line: severity from its level field'));
  t.true(records[0]!.notes[0]!.startsWith('time from the CloudWatch timestamp'));
});

test('every export of the same rows agrees: CSV, console JSON, get-query-results, filter-log-events', (t) => {
  const csv = summary(parseFixture('insights-control-plane.csv').records);
  const consoleJson = parseFixture('insights-control-plane.json');
  t.deepEqual(consoleJson.shapes, ['cloudwatch-insights-json']);
  t.deepEqual(summary(consoleJson.records), csv);
  const queryResults = parseFixture('get-query-results.json');
  t.deepEqual(queryResults.shapes, ['cloudwatch-get-query-results-json']);
  t.is(queryResults.records.length, 12);
  t.deepEqual(summary(queryResults.records), csv.filter((row) => row.component !== 'authenticator'));
  const filtered = parseFixture('filter-log-events.json');
  t.deepEqual(filtered.shapes, ['cloudwatch-filter-log-events-json']);
  t.is(filtered.records.length, 10);
  t.deepEqual(summary(filtered.records), csv.filter((row) => row.component === 'kube-controller-manager' || row.component === 'kube-scheduler'));
  for (const parsed of [consoleJson, queryResults, filtered]) {
    t.is(parsed.lineClasses.length, parsed.lines.length);
    t.deepEqual(skippedLines(parsed.lineClasses), {});
  }
});

test('the fail-over matches the reference incident: the new leaders acquire in the seconds their events were recorded', (t) => {
  const elections = referenceEvents('reference/kubectl-get-events-A-o-json.json').filter(
    (event) => event.reason === 'LeaderElection' && event.message?.startsWith('ip-10-0-142-31'),
  );
  const { records } = parseFixture('filter-log-events.json');
  for (const name of ['kube-controller-manager', 'kube-scheduler']) {
    const event = elections.find((candidate) => candidate.involvedObject.name === name)!;
    const acquired = records.find((record) => record.component === name && record.leaderElection?.action === 'acquired')!;
    t.is(acquired.leaderElection?.lock?.name, name);
    const second = at(event.firstTimestamp!);
    t.true(acquired.at.earliest >= second && acquired.at.latest < second + 1000, `${name} at ${event.firstTimestamp}`);
    // The old instance's stream gave up before the new instance's stream took over.
    const lost = records.find((record) => record.component === name && record.leaderElection?.action === 'lost')!;
    t.true(lost.at.earliest < acquired.at.earliest);
    t.true(lost.notes.includes(`log stream ${name}-${OLD}`));
    t.true(acquired.notes.includes(`log stream ${name}-${NEW}`));
  }
});

test('detection: 0.95 beats json-events on every CloudWatch JSON, and klog does not claim the exports', (t) => {
  for (const name of ['insights-control-plane.csv', 'insights-control-plane.json', 'get-query-results.json', 'filter-log-events.json']) {
    const { lines } = splitLines(fixture(`cloudwatch/${name}`));
    t.is(cloudwatchLogs.detect(lines), 0.95, name);
    t.is(klog.detect(lines), 0, name);
    t.is(detectFormat(lines)?.id, 'cloudwatch-logs', name);
  }
  t.is(jsonEvents.detect(splitLines(fixture('cloudwatch/filter-log-events.json')).lines), 0.9);
  // Kubernetes events as JSON stay with json-events.
  t.is(cloudwatchLogs.detect(splitLines(fixture('reference/kubectl-get-events-A-o-json.json')).lines), 0);
  t.is(cloudwatchLogs.detect(splitLines(fixture('reference/kubernetes-event-exporter-file-sink.ndjson')).lines), 0);
  t.is(cloudwatchLogs.detect(splitLines(fixture('reference/kubectl-get-events-A-o-wide.txt')).lines), 0);
  t.is(cloudwatchLogs.detect(['timestamp,message', '1,2']), 0);
});

test('CSV: any column order, unquoted fields, a BOM, CRLF, a quoted newline, a bad timestamp, a prompt after, a cut-off field', (t) => {
  const text = [
    '\uFEFF@logStream,@timestamp,@message',
    `kube-scheduler-${NEW},2024-06-12 10:22:09.650,I0612 10:22:09.650213      11 leaderelection.go:268] successfully acquired lease kube-system/kube-scheduler`,
    '',
    `kube-scheduler-${OLD},yesterday,I0612 10:21:57.441018      10 leaderelection.go:285] failed to renew lease kube-system/kube-scheduler: context deadline exceeded`,
    `kube-controller-manager-${OLD},"2024-06-12 10:21:53.902","E0612 10:21:53.902687      10 controllermanager.go:340] ""leaderelection lost"""`,
    `kube-controller-manager-${OLD},"2024-06-12 10:21:54.000","I0612 10:21:54.000000      10 a.go:1] cut`,
    'off"',
    '$ echo done, all of it',
  ].join('\r\n');
  const parsed = parseText(text);
  t.is(parsed.lineClasses.length, 8);
  t.deepEqual(
    parsed.records.map((record) => [iso(record.at.earliest), record.component, record.leaderElection?.action, record.message]),
    [
      ['2024-06-12T10:21:53.902Z', 'kube-controller-manager', 'lost', '"leaderelection lost"'],
      ['2024-06-12T10:21:54.000Z', 'kube-controller-manager', undefined, 'cut\noff'],
      ['2024-06-12T10:22:09.650Z', 'kube-scheduler', 'acquired', 'successfully acquired lease kube-system/kube-scheduler'],
    ],
  );
  t.is(parsed.lineClasses[0]!.kind, 'header');
  t.is(parsed.lineClasses[2]!.kind, 'blank');
  t.deepEqual(skippedLines(parsed.lineClasses), { 4: 'invalid-item', 8: 'shell-prompt' });
  // A quoted field still open at the end of the input: the export was cut off.
  const cut = parseText(['@timestamp,@message', '2024-06-12 10:21:54.000,"I0612 10:21:54.000000      10 a.go:1] cut', 'off'].join('\n'));
  t.is(cut.records.length, 0);
  t.deepEqual(skippedLines(cut.lineClasses), { 2: 'truncated', 3: 'truncated' });
});

test('JSON: a lone field/value row, get-log-events without stream names, NDJSON rows, and a prompt around them', (t) => {
  const pairs = parseText(
    JSON.stringify([
      { field: '@timestamp', value: '2024-06-12 10:22:05.118' },
      { field: '@message', value: 'I0612 10:22:05.118442      11 leaderelection.go:268] successfully acquired lease kube-system/kube-controller-manager' },
      { field: '@logStream', value: `kube-controller-manager-${NEW}` },
    ]),
  );
  t.is(pairs.records.length, 1);
  t.like(pairs.records[0]!, { component: 'kube-controller-manager', leaderElection: { action: 'acquired' } });

  const getLogEvents = parseText(
    JSON.stringify(
      {
        events: [{ timestamp: 1718187729650, message: 'I0612 10:22:09.650213      11 leaderelection.go:268] successfully acquired lease kube-system/kube-scheduler\n', ingestionTime: 1718187731000 }],
        nextForwardToken: 'f/3834',
        nextBackwardToken: 'b/3834',
      },
      null,
      4,
    ),
  );
  t.deepEqual(getLogEvents.shapes, ['cloudwatch-get-log-events-json']);
  t.like(getLogEvents.records[0]!, { component: null, message: 'successfully acquired lease kube-system/kube-scheduler' });
  t.is(iso(getLogEvents.records[0]!.at.earliest), '2024-06-12T10:22:09.650Z');

  const ndjson = parseText(
    [
      '$ aws logs start-query ... && aws logs get-query-results ... | jq -c \'.results[] | from_entries\'',
      JSON.stringify({ '@timestamp': '2024-06-12T10:22:31.204Z', '@message': 'W0612 10:22:31.204377      12 a.go:1] careful', '@logStream': `cloud-controller-manager-${NEW}` }),
      JSON.stringify({ something: 'else' }),
    ].join('\n'),
  );
  t.like(ndjson.records[0]!, { severity: 'warning', component: 'cloud-controller-manager' });
  t.deepEqual(skippedLines(ndjson.lineClasses), { 1: 'shell-prompt', 3: 'not-an-event' });
});

test('a klog clock far from the CloudWatch timestamp is pointed out', (t) => {
  const parsed = parseText(
    ['@timestamp,@message,@logStream', `2024-06-12 10:22:05.118,I0612 19:22:05.118442      11 a.go:1] hello,kube-scheduler-${NEW}`].join('\n'),
  );
  t.is(iso(parsed.records[0]!.at.earliest), '2024-06-12T10:22:05.118Z', 'the row timestamp wins');
  t.true(parsed.records[0]!.notes.some((note) => note.includes('the klog clock reads 19:22:05.118442, 32400 s from the CloudWatch timestamp')));
});

test('CloudWatch times: Insights text, RFC 3339, epoch milliseconds', (t) => {
  t.deepEqual(readCloudWatchTime('2024-06-12 10:22:05.118'), { earliest: at('2024-06-12T10:22:05.118Z'), latest: at('2024-06-12T10:22:05.118Z') });
  t.deepEqual(readCloudWatchTime(1718187725118), { earliest: at('2024-06-12T10:22:05.118Z'), latest: at('2024-06-12T10:22:05.118Z') });
  t.deepEqual(readCloudWatchTime('1718187725118'), { earliest: at('2024-06-12T10:22:05.118Z'), latest: at('2024-06-12T10:22:05.118Z') });
  t.deepEqual(readCloudWatchTime('2024-06-12T19:22:05.118+09:00'), { earliest: at('2024-06-12T10:22:05.118Z'), latest: at('2024-06-12T10:22:05.118Z') });
  t.deepEqual(readCloudWatchTime('2024-06-12 10:22:05'), { earliest: at('2024-06-12T10:22:05Z'), latest: at('2024-06-12T10:22:05.999Z') });
  t.is(readCloudWatchTime('yesterday'), null);
  t.is(readCloudWatchTime(undefined), null);
});
