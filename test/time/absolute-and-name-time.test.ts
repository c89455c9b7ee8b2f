// Absolute times of very old kubectl tables, and creation times decoded from event names.
import test from 'ava';
import { absoluteTimePattern, parseAbsoluteTime } from '../../src/time/absolute-time.js';
import { eventNameTime } from '../../src/time/event-name-time.js';

const second = (iso: string) => {
  const t = Date.parse(iso);
  return { earliest: t, latest: t + 999 };
};
const at = (earliest: string, latest = earliest) => ({ earliest: Date.parse(earliest), latest: Date.parse(latest) });

test('RFC1123Z times stand for their whole second', (t) => {
  t.deepEqual(parseAbsoluteTime('Sat, 21 Feb 2015 02:59:53 +0000'), second('2015-02-21T02:59:53Z'));
  t.deepEqual(parseAbsoluteTime('Wed, 21 Oct 2015 12:56:47 -0700'), second('2015-10-21T19:56:47Z'));
  t.deepEqual(parseAbsoluteTime('Wed, 21 Oct 2015 12:56:47 UTC'), second('2015-10-21T12:56:47Z'));
});

test("Go's default time format, with and without a fraction", (t) => {
  t.deepEqual(parseAbsoluteTime('2016-01-02 15:04:05 +0000 UTC'), second('2016-01-02T15:04:05Z'));
  t.deepEqual(parseAbsoluteTime('2016-01-02 15:04:05 -0700 MST'), second('2016-01-02T22:04:05Z'));
  t.deepEqual(
    parseAbsoluteTime('2016-01-02 15:04:05.999999999 -0700 MST'),
    at('2016-01-02T22:04:05.999Z', '2016-01-02T22:04:06.000Z'),
  );
  t.deepEqual(parseAbsoluteTime('2016-01-02 15:04:05.123 +0900 KST'), at('2016-01-02T06:04:05.123Z'));
  t.deepEqual(parseAbsoluteTime('2016-01-02 15:04:05.5 +0000 UTC'), at('2016-01-02T15:04:05.500Z', '2016-01-02T15:04:05.599Z'));
  t.deepEqual(parseAbsoluteTime('2016-01-02 15:04:05 -0300 -03'), second('2016-01-02T18:04:05Z'));
});

test('rejects other text', (t) => {
  for (const text of [
    '',
    '60m',
    '2016-01-02 15:04:05',
    '2016-01-02 15:04:05 +0000',
    'Sat, 21 Feb 2015 02:59:53',
    'Sat, 21 Foo 2015 02:59:53 +0000',
    'Sat, 31 Feb 2015 02:59:53 +0000',
    '2016-01-02 15:04:05.1234567890 +0000 UTC',
    ' 2016-01-02 15:04:05 +0000 UTC',
  ]) {
    t.is(parseAbsoluteTime(text), null, JSON.stringify(text));
  }
});

test('absoluteTimePattern embeds in a row regex', (t) => {
  t.is(new RegExp(`${absoluteTimePattern}|`).exec('')?.length, 1, 'no capturing groups');
  const row = new RegExp(`^(${absoluteTimePattern})\\s+(${absoluteTimePattern})\\s+(\\d+)\\s+(\\S+)`);
  const old = row.exec('Sat, 21 Feb 2015 02:59:53 +0000   Sat, 21 Feb 2015 03:01:10 +0000   3         node-1    Node');
  t.is(old?.[1], 'Sat, 21 Feb 2015 02:59:53 +0000');
  t.is(old?.[2], 'Sat, 21 Feb 2015 03:01:10 +0000');
  t.is(old?.[4], 'node-1');
  const watch = row.exec('2016-01-02 15:04:05 -0700 MST   2016-01-02 15:04:09.25 -0700 MST   2         nginx-1   Pod');
  t.is(watch?.[2], '2016-01-02 15:04:09.25 -0700 MST');
  t.is(watch?.[3], '2');
});

test('event name suffixes decode to the creation time', (t) => {
  // 0x15f6761d8d3f60d5 = 1582582188363178197 ns (formats.md §4.6).
  t.deepEqual(eventNameTime('kube-scheduler.15f6761d8d3f60d5'), at('2020-02-24T22:09:48.363Z', '2020-02-24T22:09:48.364Z'));
  // 0x1822e9ada6eadb76 = 1739209338157456246 ns.
  t.deepEqual(eventNameTime('.1822e9ada6eadb76'), at('2025-02-10T17:42:18.157Z', '2025-02-10T17:42:18.158Z'));
  t.deepEqual(
    eventNameTime('alertmanager-monit-alertmanager-0.1608c507df74c9ad'),
    at('2020-04-24T13:38:26.252Z', '2020-04-24T13:38:26.253Z'),
  );
  // Object names contain dots; only the last one separates the suffix.
  t.deepEqual(eventNameTime('ip-10-0-1-5.ec2.internal.15f6761d8d3f60d5'), eventNameTime('x.15f6761d8d3f60d5'));
  // A whole millisecond is exact.
  t.deepEqual(eventNameTime(`pod.${(1_582_582_188_363_000_000n).toString(16)}`), at('2020-02-24T22:09:48.363Z'));
});

test('names without a plausible time suffix', (t) => {
  for (const name of [
    'kube-scheduler',
    'kube-scheduler.',
    'pod.15F6761D8D3F60D5',
    'pod.12345',
    'pod.15f6761d8d3f60d5a',
    'pod.15f6761d8d3f60dz',
    'pod.000000000000',
    'pod.7fffffffffffffff',
    'ip-10-0-1-5.ec2.internal',
  ]) {
    t.is(eventNameTime(name), null, name);
  }
});
