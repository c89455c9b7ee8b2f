// A capture time from a dump's name, and where it ranks: after --captured-at, before a `date`
// line in the file and before its mtime.
import test from 'ava';
import type { SourceText } from '../../src/inputs/index.js';
import { parseSource } from '../../src/pipeline.js';
import { captureFromName } from '../../src/time/capture-from-name.js';

const at = (iso: string) => Date.parse(iso);
const span = (earliest: string, widthMs: number) => ({ earliest: at(earliest), latest: at(earliest) + widthMs - 1 });
const MINUTE = 60_000;

test('the name forms periodic dumps take, as precise as the name', (t) => {
  t.deepEqual(captureFromName('events-2024-11-05T0510Z.txt', 'UTC'), span('2024-11-05T05:10:00Z', MINUTE));
  t.deepEqual(captureFromName('dumps/2024-11-05T05:10:00Z.txt', 'UTC'), span('2024-11-05T05:10:00Z', 1000));
  t.deepEqual(captureFromName('20241105T051000Z.log', 'UTC'), span('2024-11-05T05:10:00Z', 1000));
  t.deepEqual(captureFromName('prod/2024/11/05/0510.txt', 'UTC'), span('2024-11-05T05:10:00Z', MINUTE));
  t.deepEqual(captureFromName('2024-11-05/05-10.txt', 'UTC'), span('2024-11-05T05:10:00Z', MINUTE));
  t.deepEqual(captureFromName('events_20241105_0510.json.gz', 'UTC'), span('2024-11-05T05:10:00Z', MINUTE));
  t.deepEqual(captureFromName('2024-11-05T05:10:00.250Z.txt', 'UTC'), span('2024-11-05T05:10:00.250Z', 1));
  t.deepEqual(captureFromName('events-2024-11-05.txt', 'UTC'), span('2024-11-05T00:00:00Z', 24 * 60 * MINUTE));
});

test('a zone in the name wins; else --input-tz', (t) => {
  t.deepEqual(captureFromName('events-2024-11-05T1410+0900.txt', 'UTC'), span('2024-11-05T05:10:00Z', MINUTE));
  t.deepEqual(captureFromName('events-2024-11-05T14:10+09:00.txt', 'America/New_York'), span('2024-11-05T05:10:00Z', MINUTE));
  t.deepEqual(captureFromName('2024/11/05/1410.txt', 'Asia/Seoul'), span('2024-11-05T05:10:00Z', MINUTE));
});

test('the date nearest the file wins; no date, or an impossible one, is null', (t) => {
  t.deepEqual(captureFromName('2024-11-01/prod/events-2024-11-05T0510Z.txt', 'UTC'), span('2024-11-05T05:10:00Z', MINUTE));
  t.is(captureFromName('prod-apne2/events.txt', 'UTC'), null);
  t.is(captureFromName('ip-10-0-96-181/kube-scheduler-1234.log', 'UTC'), null);
  t.is(captureFromName('events-2024-13-05T0510Z.txt', 'UTC'), null);
  t.is(captureFromName('events-2024-11-05T2510Z.txt', 'UTC'), null);
  t.is(captureFromName('build-12345678.txt', 'UTC'), null);
});

const source = (path: string, lines: string[]): SourceText => ({
  path,
  size: 0,
  sha256: '0'.repeat(64),
  gzip: false,
  encoding: 'utf-8',
  crlf: false,
  ansi: false,
  mtimeMs: at('2030-01-01T00:00:00Z'),
  readAtMs: at('2030-01-01T00:00:00Z'),
  lines,
});

const table = [
  'Tue Nov  5 06:02:00 UTC 2024',
  'NAMESPACE     LAST SEEN   TYPE     REASON           OBJECT                 MESSAGE',
  'kube-system   10m         Normal   LeaderElection   lease/kube-scheduler   ip-10-0-96-181.ap-northeast-2.compute.internal_f02cf5ab became leader',
];
const path = 'prod/2024/11/05/0512.txt';
const fromName = (name: string) => captureFromName(name, 'UTC');

test('a date in the name beats a date line in the file and the mtime, and loses to --captured-at', (t) => {
  const named = parseSource(source(path, table), { capturedAt: null, inputZone: 'UTC', captureFromPath: fromName });
  t.deepEqual(named.summary.captures, [{ at: span('2024-11-05T05:12:00Z', MINUTE), origin: 'file-name' }]);

  const option = parseSource(source(path, table), { capturedAt: { earliest: at('2024-11-05T05:20:00Z'), latest: at('2024-11-05T05:20:00Z') }, inputZone: 'UTC', captureFromPath: fromName });
  t.deepEqual(option.summary.captures.map((capture) => capture.origin), ['option']);

  const unnamed = parseSource(source('prod/events.txt', table), { capturedAt: null, inputZone: 'UTC', captureFromPath: fromName });
  t.deepEqual(unnamed.summary.captures.map((capture) => capture.origin), ['date-line']);

  const plain = parseSource(source('prod/events.txt', table.slice(1)), { capturedAt: null, inputZone: 'UTC', captureFromPath: fromName });
  t.deepEqual(plain.summary.captures.map((capture) => capture.origin), ['file-mtime']);
});
