// klog files (formats.md §5.3, §5.4): the public samples with klog lines give the lines
// fixtures/public/CATALOG.md lists, wrappers are taken off, the year comes from the capture
// time and the zone from --input-tz, and every line is accounted for.
import { readdirSync } from 'node:fs';
import test from 'ava';
import type { ParseContext, ParseResult } from '../../src/formats/define-format.js';
import { detectFormat } from '../../src/formats/detect.js';
import { klog } from '../../src/formats/klog.js';
import { readKlogEventLine } from '../../src/formats/shared/leader-election-log.js';
import { splitLines } from '../../src/inputs/index.js';
import { LogRecordSchema, type LogRecord } from '../../src/model/log-record.js';
import { at, fixture, mtime, skippedLines } from '../helpers/parse-text.js';

interface Options {
  capturedAt?: string;
  inputZone?: string;
  path?: string;
}

function context(options: Options = {}): ParseContext {
  return {
    path: options.path ?? 'test.log',
    inputZone: options.inputZone ?? 'UTC',
    capturedAt: options.capturedAt ? { earliest: at(options.capturedAt), latest: at(options.capturedAt) } : null,
    fallbackAnchor: { at: { earliest: mtime, latest: mtime }, origin: 'file-mtime' },
  };
}

type Parsed = Omit<ParseResult, 'records'> & { records: LogRecord[]; lines: string[] };

function parse(text: string, options: Options = {}): Parsed {
  const { lines } = splitLines(text);
  const result = klog.parse(lines, context(options));
  const records = result.records.filter((record): record is LogRecord => record.kind === 'log');
  return { ...result, records, lines };
}

const sampleText = (prefix: string): { name: string; text: string } => {
  const name = readdirSync('fixtures/public').find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no public sample ${prefix}`);
  return { name, text: fixture(`public/${name}`) };
};

function sample(prefix: string, capturedAt: string): Parsed {
  const { name, text } = sampleText(prefix);
  return parse(text, { capturedAt, path: `fixtures/public/${name}` });
}

/** Every record is a valid LogRecord and every line has exactly one class. */
function assertWellFormed(t: import('ava').ExecutionContext, parsed: Parsed): void {
  t.is(parsed.lineClasses.length, parsed.lines.length);
  for (const record of parsed.records) t.notThrows(() => LogRecordSchema.parse(record));
}

const iso = (ms: number) => new Date(ms).toISOString();
const yearNote = 'year from the capture time; zone from --input-tz';

test('014: twelve "lock is held" lines are info lines with no election step', (t) => {
  const parsed = sample('014', '2016-10-13T00:00:00Z');
  assertWellFormed(t, parsed);
  const { records } = parsed;
  t.is(records.length, 12);
  t.true(records.every((record) => record.severity === 'info' && record.leaderElection === null && record.component === null));
  t.true(records.slice(0, 11).every((record) => record.message === 'lock is held by utv-kube03 and has not yet expired'));
  t.is(records[11]!.message, 'lock is held', 'the excerpt ends mid-line');
  // klog's microseconds: the span is the millisecond they fall in.
  t.deepEqual(records[0]!.at, { earliest: at('2016-10-12T07:13:30.700Z'), latest: at('2016-10-12T07:13:30.701Z') });
  t.true(records[0]!.notes.includes(yearNote));
  const gaps = records.slice(1).map((record, i) => record.at.earliest - records[i]!.at.earliest);
  t.true(gaps.every((gap) => gap >= 2400 && gap <= 4300), 'every 2.4–4.3 s');
  t.true(parsed.lineClasses.every((lineClass) => lineClass.kind === 'record'));
  t.deepEqual(parsed.shapes, ['klog']);
  t.is(klog.detect(parsed.lines), 0.8);
});

test('017: "sucessfully acquired lease" at 05:06:48, the old Event(...) line, then a cut F line', (t) => {
  const parsed = sample('017', '2017-03-02T06:00:00Z');
  assertWellFormed(t, parsed);
  const { records } = parsed;
  t.is(records.length, 9);
  t.is(records[0]!.severity, 'warning');
  t.true(records.slice(1, 6).every((record) => record.message.startsWith('lock is held by kube-controller-manager-2039395169-p5rh5') && record.leaderElection === null));
  const acquired = records[6]!;
  t.is(acquired.message, 'sucessfully acquired lease kube-system/kube-controller-manager');
  t.deepEqual(acquired.leaderElection, { action: 'acquired', lock: { namespace: 'kube-system', name: 'kube-controller-manager' } });
  t.deepEqual(acquired.at, { earliest: at('2017-03-02T05:06:48.260Z'), latest: at('2017-03-02T05:06:48.261Z') });
  t.is(acquired.source.line, 7);
  t.deepEqual(readKlogEventLine(records[7]!.message), {
    kind: 'Endpoints',
    namespace: 'kube-system',
    name: 'kube-controller-manager',
    type: 'Normal',
    reason: 'LeaderElection',
    message: 'kube-controller-manager-2039395169-6ntgx became leader',
  });
  const fatal = records[8]!;
  t.is(fatal.severity, 'fatal');
  t.is(fatal.message, '');
  t.true(fatal.notes.some((note) => note.includes('cut off inside its klog header') && note.includes('controllerman')));
  t.is(fatal.at.earliest - records[7]!.at.earliest, 31, 'the F line comes 31 ms after the event line');
  t.is(klog.detect(parsed.lines), 0.8);
});

test('013: the klog lines among controller-runtime zap lines: Failed to update lock, then failed to renew lease', (t) => {
  const parsed = sample('013', '2022-05-27T00:00:00Z');
  assertWellFormed(t, parsed);
  const { records } = parsed;
  t.is(records.length, 2);
  t.like(records[0]!, { severity: 'error', leaderElection: null });
  t.true(records[0]!.message.startsWith('Failed to update lock: Put "https://172.16.0.1:443/'), 'the leading backtick is taken off');
  t.true(records[0]!.message.endsWith('context deadline exceeded'));
  t.deepEqual(records[1]!.leaderElection, { action: 'renew-failed', lock: { namespace: 'kubewarden', name: 'a4ddbf36.kubewarden.io' } });
  t.deepEqual(records[1]!.at, { earliest: at('2022-05-26T17:09:12.948Z'), latest: at('2022-05-26T17:09:12.949Z') });
  t.deepEqual(skippedLines(parsed.lineClasses), { 3: 'log-line', 4: 'log-line', 5: 'log-line', 6: 'prose' });
  t.is(klog.detect(parsed.lines), 0, 'two klog lines out of seven: not a klog file');
});

test('023: attempting (two spaces) at 03:30:44 and acquired at 03:31:02, between tab-separated zap lines', (t) => {
  const parsed = sample('023', '2020-10-29T04:00:00Z');
  assertWellFormed(t, parsed);
  const { records } = parsed;
  const lock = { namespace: 'music-system', name: '9f9c4fd4.example.io' };
  t.deepEqual(
    records.map((record) => [iso(record.at.earliest), record.leaderElection]),
    [
      ['2020-10-29T03:30:44.859Z', { action: 'attempting', lock }],
      ['2020-10-29T03:31:02.369Z', { action: 'acquired', lock }],
    ],
  );
  t.deepEqual(records.map((record) => record.source.line), [4, 6]);
  const skipped = skippedLines(parsed.lineClasses);
  t.is(skipped[1], 'shell-prompt');
  t.true([2, 3, 5, 7, 8, 9, 10, 11, 12].every((line) => skipped[line] === 'log-line'));
});

test('034: failed to renew lease Kube-system/Kube-scheduler, lost master, and the bare "lost lease"', (t) => {
  const parsed = sample('034', '2019-11-12T07:00:00Z');
  assertWellFormed(t, parsed);
  const { records } = parsed;
  t.is(records.length, 3);
  const [renew, master, lease] = records as [LogRecord, LogRecord, LogRecord];
  t.deepEqual(renew.leaderElection, { action: 'renew-failed', lock: { namespace: 'Kube-system', name: 'Kube-scheduler' } });
  // The container's Finished time, "Tue, 12 Nov 2019 01:04:31 -0500", is the same instant.
  t.is(iso(renew.at.earliest), '2019-11-12T06:04:31.664Z');
  t.like(master, { severity: 'error', message: 'lost master', leaderElection: { action: 'lost', lock: null } });
  t.like(lease, { severity: 'error', message: 'lost lease', leaderElection: { action: 'lost', lock: null } });
  t.is(lease.source.line, 6);
  // No header, no time of its own: after the line before it, before the capture time.
  t.deepEqual(lease.at, { earliest: master.at.earliest, latest: at('2019-11-12T07:00:00Z') });
  t.true(lease.notes.some((note) => note.startsWith('printed without a klog header')));
  const skipped = skippedLines(parsed.lineClasses);
  t.is(skipped[1], 'prose');
  t.is(skipped[2], 'separator');
  t.is(skipped[9], 'markdown');
  t.is(parsed.lineClasses[6]!.kind, 'blank');
});

test('015: lines hard-wrapped inside the quoted message are rejoined; the cut "I0805" at the end is truncated', (t) => {
  const parsed = sample('015', '2021-08-06T00:00:00Z');
  assertWellFormed(t, parsed);
  const { records } = parsed;
  t.is(records.length, 9);
  const events = records.slice(0, 2).map((record) => readKlogEventLine(record.message));
  const holder = 'green-m4_3c8f3404-f0c0-4789-8610-342c381665ac became leader';
  t.deepEqual(events, [
    { kind: 'Endpoints', namespace: 'kube-system', name: 'kube-controller-manager', type: 'Normal', reason: 'LeaderElection', message: holder },
    { kind: 'Lease', namespace: 'kube-system', name: 'kube-controller-manager', type: 'Normal', reason: 'LeaderElection', message: holder },
  ]);
  t.deepEqual(records.slice(0, 2).map((record) => record.source.line), [1, 3]);
  t.true(records[0]!.notes.includes('rejoined from 2 lines: the line was cut inside a quoted value'));
  t.deepEqual(parsed.lineClasses.slice(0, 4).map((lineClass) => lineClass.kind), ['record', 'record', 'record', 'record']);
  t.is(iso(records[0]!.at.earliest), '2021-08-05T15:31:30.000Z');
  t.deepEqual(skippedLines(parsed.lineClasses), { 12: 'truncated' });
});

test('051: docker json-file lines take their time from "time"; the component from the tailed file; the lone "{" is truncated', (t) => {
  const parsed = sample('051', '2021-09-02T00:00:00Z');
  assertWellFormed(t, parsed);
  const { records } = parsed;
  t.is(records.length, 4);
  t.deepEqual(parsed.shapes, ['klog-docker-json']);
  // "time":"2021-09-01T00:25:09.311544102Z": nanoseconds, so a 1 ms span.
  t.deepEqual(records[0]!.at, { earliest: at('2021-09-01T00:25:09.311Z'), latest: at('2021-09-01T00:25:09.312Z') });
  t.true(records[0]!.notes.includes('time from the docker json-file "time" field, not the klog header'));
  t.false(records[0]!.notes.includes(yearNote));
  t.true(records.every((record) => record.component === 'kube-controller-manager'));
  const objects = records.map((record) => readKlogEventLine(record.message));
  t.deepEqual(
    objects.map((event) => [event?.kind, event?.namespace, event?.name, event?.type, event?.reason, event?.message]),
    ['coredns-f9fd979d6-w9lb9', 'etcd-minikube', 'kube-apiserver-minikube', 'kube-controller-manager-minikube'].map((name) => [
      'Pod',
      'kube-system',
      name,
      'Warning',
      'NodeNotReady',
      'Node is not ready',
    ]),
  );
  t.true(records[3]!.at.earliest - records[0]!.at.earliest <= 12, 'within 12 ms');
  t.deepEqual(skippedLines(parsed.lineClasses), { 1: 'markdown', 2: 'shell-prompt', 7: 'truncated' });
  t.is(klog.detect(parsed.lines), 0.8);
});

test('the year comes from the capture time: a month and day after it belong to the year before', (t) => {
  const text = ['I1231 23:59:59.999999       1 a.go:1] old year', 'I0101 00:00:00.000001       1 a.go:1] new year', 'I0102 00:00:00.000000       1 a.go:1] capture day'].join('\n');
  const { records } = parse(text, { capturedAt: '2024-01-02T12:00:00Z' });
  t.deepEqual(
    records.map((record) => record.at),
    [
      { earliest: at('2023-12-31T23:59:59.999Z'), latest: at('2024-01-01T00:00:00.000Z') },
      { earliest: at('2024-01-01T00:00:00.000Z'), latest: at('2024-01-01T00:00:00.001Z') },
      { earliest: at('2024-01-02T00:00:00.000Z'), latest: at('2024-01-02T00:00:00.000Z') },
    ],
  );
});

test('without --captured-at the year comes from the fallback anchor, and a diagnostic says so', (t) => {
  const parsed = parse('I0612 10:22:05.118442      10 leaderelection.go:268] successfully acquired lease kube-system/kube-scheduler');
  t.is(new Date(parsed.records[0]!.at.earliest).getUTCFullYear(), new Date(mtime).getUTCFullYear() - 1, 'mtime is 2030-01-01, so June is the year before');
  const diagnostic = parsed.diagnostics.find((d) => d.code === 'klog-year-and-zone');
  t.is(diagnostic?.severity, 'warning');
  t.regex(diagnostic?.message ?? '', /modification time/u);
});

test('the zone comes from --input-tz, and a time that occurs twice keeps both readings', (t) => {
  const line = 'I0612 10:22:05.118442      10 leaderelection.go:268] successfully acquired lease kube-system/kube-controller-manager';
  const { records } = parse(line, { capturedAt: '2024-06-13T00:00:00Z', inputZone: 'America/New_York' });
  t.is(iso(records[0]!.at.earliest), '2024-06-12T14:22:05.118Z');
  const twice = parse('I1103 01:30:00.000000       1 a.go:1] fall back', { capturedAt: '2024-11-10T00:00:00Z', inputZone: 'America/New_York' });
  t.deepEqual(twice.records[0]!.at, { earliest: at('2024-11-03T05:30:00Z'), latest: at('2024-11-03T06:30:00Z') });
  t.true(twice.records[0]!.notes.some((note) => note.includes('occurs twice')));
});

test('wrappers: Markdown quote, CRI, kubectl logs --timestamps, BSD and RFC 3339 syslog', (t) => {
  const lines = [
    '> I0612 10:22:05.118442      10 leaderelection.go:268] successfully acquired lease kube-system/kube-controller-manager',
    '2024-06-12T10:22:09.650213456Z stderr F I0612 10:22:09.650213      11 leaderelection.go:268] successfully acquired lease kube-system/kube-scheduler',
    '2017-09-22T12:23:11.52811713Z I0922 12:23:11.528000       1 leaderelection.go:174] attempting to acquire leader lease  kube-system/kube-scheduler...',
    'Nov  7 14:37:56 master-1 kube-scheduler[30766]: I1107 14:37:56.123456   30766 leaderelection.go:227] failed to renew lease kube-system/kube-scheduler: failed to tryAcquireOrRenew context deadline exceeded',
    '2024-06-12T10:22:31.204377+00:00 cp-2 cloud-controller-manager[812]: I0612 10:22:31.204377     812 leaderelection.go:268] successfully acquired lease kube-system/cloud-controller-manager',
  ];
  const parsed = parse(lines.join('\n'), { capturedAt: '2024-12-01T00:00:00Z' });
  assertWellFormed(t, parsed);
  const { records } = parsed;
  t.deepEqual(parsed.shapes, ['klog', 'klog-cri', 'klog-timestamps', 'klog-syslog']);
  t.deepEqual(
    records.map((record) => record.leaderElection?.action),
    ['acquired', 'acquired', 'attempting', 'renew-failed', 'acquired'],
  );
  t.deepEqual(records[1]!.at, { earliest: at('2024-06-12T10:22:09.650Z'), latest: at('2024-06-12T10:22:09.651Z') });
  t.is(iso(records[2]!.at.earliest), '2017-09-22T12:23:11.528Z', "the prefix's year wins over the capture year");
  // BSD syslog has no year: the klog time (year from the capture) is used.
  t.is(iso(records[3]!.at.earliest), '2024-11-07T14:37:56.123Z');
  t.deepEqual(
    records.map((record) => record.component),
    [null, null, null, 'kube-scheduler', 'cloud-controller-manager'],
  );
});

test('the component comes from a path that names one', (t) => {
  const line = 'I0612 10:22:09.650213      11 leaderelection.go:268] successfully acquired lease kube-system/kube-scheduler';
  const named = (path: string) => parse(line, { path, capturedAt: '2024-06-13T00:00:00Z' }).records[0]!.component;
  t.is(named('/var/log/containers/kube-scheduler-ip-10-0-142-31_kube-system_kube-scheduler-8d41.log'), 'kube-scheduler');
  t.is(named('incident/kube-controller-manager.log'), 'kube-controller-manager');
  t.is(named('logs/cloud-controller-manager-0.txt'), 'cloud-controller-manager');
  t.is(named('logs/my-kube-scheduler-fork.log'), null);
  t.is(named('logs/scheduler.log'), null);
});

test('a goroutine dump after an F line belongs to its record', (t) => {
  const text = [
    'F0612 10:21:53.902687      10 controllermanager.go:294] leaderelection lost',
    'goroutine 1 [running]:',
    'k8s.io/kubernetes/vendor/k8s.io/klog/v2.stacks(0x1)',
    '\t/workspace/src/k8s.io/kubernetes/vendor/k8s.io/klog/v2/klog.go:1026 +0x8a',
    '',
    'goroutine 6 [chan receive]:',
    'created by k8s.io/kubernetes/vendor/k8s.io/klog/v2.init.0',
    '',
    'after the dump',
  ].join('\n');
  const parsed = parse(text, { capturedAt: '2024-06-13T00:00:00Z' });
  assertWellFormed(t, parsed);
  t.is(parsed.records.length, 1);
  t.like(parsed.records[0]!, { severity: 'fatal', leaderElection: { action: 'lost', lock: null } });
  t.true(parsed.records[0]!.notes.includes('followed by a goroutine dump of 5 lines'));
  t.deepEqual(
    parsed.lineClasses.map((lineClass) => (lineClass.kind === 'skipped' ? lineClass.reason : lineClass.kind)),
    ['record', 'record', 'record', 'record', 'blank', 'record', 'record', 'blank', 'prose'],
  );
});

test('a line after a klog line that does not end inside a quote is an unconfirmed wrap, not joined', (t) => {
  const text = ['I0612 10:22:05.118442      10 leaderelection.go:268] successfully acquired lease kube-system/kube-controller-', 'manager', '', 'manager'].join('\n');
  const parsed = parse(text, { capturedAt: '2024-06-13T00:00:00Z' });
  t.is(parsed.records[0]!.message, 'successfully acquired lease kube-system/kube-controller-');
  t.deepEqual(skippedLines(parsed.lineClasses), { 2: 'unconfirmed-wrap', 4: 'prose' });
});

test('a rejoined line keeps the text at the cut as printed, including a leading space and a Markdown quote', (t) => {
  const text = [
    '> I0612 10:22:05.118901      11 event.go:389] "Event occurred" object="kube-system/kube-scheduler" kind="Lease" apiVersion="coordination.k8s.io/v1" type="Normal" reason="LeaderElection" message="ip-10-0-142-31_9b2d4e7a became',
    '>  leader"',
    '> I0612 10:22:09.650213      11 leaderelection.go:268] "Successfully acquired lease" lock="kube-system/kube-scheduler"',
  ].join('\n');
  const parsed = parse(text, { capturedAt: '2024-06-13T00:00:00Z' });
  assertWellFormed(t, parsed);
  t.is(parsed.records.length, 2);
  t.is(readKlogEventLine(parsed.records[0]!.message)?.message, 'ip-10-0-142-31_9b2d4e7a became leader');
  t.deepEqual(parsed.records[1]!.leaderElection, { action: 'acquired', lock: { namespace: 'kube-system', name: 'kube-scheduler' } });
  t.true(parsed.lineClasses.every((lineClass) => lineClass.kind === 'record'));
});

test('29 February is read in the latest leap year not after the guess', (t) => {
  const { records } = parse('I0229 12:00:00.000000       1 a.go:1] leap', { capturedAt: '2026-03-01T00:00:00Z' });
  t.is(iso(records[0]!.at.earliest), '2024-02-29T12:00:00.000Z');
  t.true(records[0]!.notes.includes('29 February does not exist in 2026; read as 2024'));
});

test('a docker json-file line split by the runtime (no final newline) continues on the next', (t) => {
  const text = [
    '{"log":"I0612 10:22:05.118442      10 leaderelection.go:268] successfully acquired ","stream":"stderr","time":"2024-06-12T10:22:05.118500000Z"}',
    '{"log":"lease kube-system/kube-controller-manager\\n","stream":"stderr","time":"2024-06-12T10:22:05.118501000Z"}',
    '{"log":"I0612 10:22:05.2',
  ].join('\n');
  const parsed = parse(text, { capturedAt: '2024-06-13T00:00:00Z' });
  assertWellFormed(t, parsed);
  t.is(parsed.records.length, 1);
  t.deepEqual(parsed.records[0]!.leaderElection, { action: 'acquired', lock: { namespace: 'kube-system', name: 'kube-controller-manager' } });
  t.deepEqual(skippedLines(parsed.lineClasses), { 3: 'truncated' });
});

test('detection: klog files score 0.8; retry-loop logs with kubectl memcache lines do not', (t) => {
  const retryLoop = [];
  for (let i = 0; i < 6; i += 1) {
    retryLoop.push('-----------------------------------------------', `2024-11-05 15:00:0${i}`);
    for (let j = 0; j < 5; j += 1) {
      retryLoop.push(`E1105 15:00:0${i}.12345${j}   4242${i} memcache.go:265] couldn't get current server API group list: Get "https://10.100.0.1:443/api?timeout=32s": dial tcp 10.100.0.1:443: connect: connection refused`);
    }
    retryLoop.push('The connection to the server 10.100.0.1:443 was refused - did you specify the right host or port?');
  }
  t.is(klog.detect(retryLoop), 0);
  t.not(detectFormat(retryLoop)?.id, 'klog');
  t.is(klog.detect(splitLines(fixture('capture/retry-loop-with-tables.log')).lines), 0);
  t.is(klog.detect(splitLines(fixture('reference/kubectl-get-events-A-o-wide.txt')).lines), 0);
  const twoLines = ['I0612 10:22:05.118442      10 a.go:1] one', 'I0612 10:22:05.118442      10 a.go:1] two'];
  t.is(klog.detect(twoLines), 0, 'at least three klog lines');
  t.is(detectFormat(splitLines(sampleText('014').text).lines)?.id, 'klog');
  t.is(detectFormat(splitLines(sampleText('017').text).lines)?.id, 'klog');
});

test('every public sample with klog lines accounts for every line', (t) => {
  for (const prefix of ['013', '014', '015', '017', '023', '034', '051']) {
    const parsed = sample(prefix, '2024-01-01T00:00:00Z');
    t.is(parsed.lineClasses.length, parsed.lines.length, prefix);
    t.true(parsed.records.length > 0, prefix);
    t.is(parsed.lineClasses.filter((lineClass) => lineClass.kind === 'record').length >= parsed.records.length, true, prefix);
  }
});
