// Timestamp-only lines printed by `date` in retry loops: each accepted form with its UTC
// instant, zone handling, and the lines that must not be taken for timestamps.
import test from 'ava';
import { isValidZone, parseDateLine } from '../../src/time/date-line.js';

const second = (iso: string) => {
  const t = Date.parse(iso);
  return { earliest: t, latest: t + 999 };
};

const accepted: Array<[line: string, zone: string, at: { earliest: number; latest: number }]> = [
  ['2024-11-05 14:03:22', 'UTC', second('2024-11-05T14:03:22Z')],
  ['2024-11-05 14:03:22', 'Asia/Seoul', second('2024-11-05T05:03:22Z')],
  ['2024-11-05T14:03:22', 'UTC', second('2024-11-05T14:03:22Z')],
  ['  2024-11-05 14:03:22  ', 'UTC', second('2024-11-05T14:03:22Z')],
  ['2024-11-05T14:03:22+09:00', 'UTC', second('2024-11-05T05:03:22Z')],
  ['2024-11-05T14:03:22Z', 'Asia/Seoul', second('2024-11-05T14:03:22Z')],
  ['2024-11-05 14:03:22+09:00', 'UTC', second('2024-11-05T05:03:22Z')],
  ['2024-11-05 14:03:22 KST', 'UTC', second('2024-11-05T05:03:22Z')],
  [
    '2024-11-05T14:03:22,123456789+09:00',
    'UTC',
    { earliest: Date.parse('2024-11-05T05:03:22.123Z'), latest: Date.parse('2024-11-05T05:03:22.124Z') },
  ],
  ['2024-11-05T14:03:22.123-05:00', 'UTC', { earliest: Date.parse('2024-11-05T19:03:22.123Z'), latest: Date.parse('2024-11-05T19:03:22.123Z') }],
  ['2024-11-05T14:03:22.5Z', 'UTC', { earliest: Date.parse('2024-11-05T14:03:22.500Z'), latest: Date.parse('2024-11-05T14:03:22.599Z') }],
  ['Tue Nov  5 14:03:22 KST 2024', 'UTC', second('2024-11-05T05:03:22Z')],
  ['Tue Nov 5 14:03:22 UTC 2024', 'Asia/Seoul', second('2024-11-05T14:03:22Z')],
  ['Tue Nov  5 14:03:22 PST 2024', 'UTC', second('2024-11-05T22:03:22Z')],
  ['Tue Nov  5 14:03:22 +08 2024', 'UTC', second('2024-11-05T06:03:22Z')],
  ['Tue Nov  5 14:03:22 2024', 'Asia/Tokyo', second('2024-11-05T05:03:22Z')],
  ['Tue 05 Nov 2024 02:03:22 PM KST', 'UTC', second('2024-11-05T05:03:22Z')],
  ['Tue 05 Nov 2024 12:03:22 AM UTC', 'Asia/Seoul', second('2024-11-05T00:03:22Z')],
  ['Tue Nov  5 02:03:22 PM KST 2024', 'UTC', second('2024-11-05T05:03:22Z')],
  ['Tue  5 Nov 14:03:22 GMT 2024', 'Asia/Seoul', second('2024-11-05T14:03:22Z')],
  ['Tue, 05 Nov 2024 14:03:22 +0900', 'UTC', second('2024-11-05T05:03:22Z')],
  ['Tue, 05 Nov 2024 14:03:22 -0000', 'Asia/Seoul', second('2024-11-05T14:03:22Z')],
  ['1730783002', 'Asia/Seoul', second('2024-11-05T05:03:22Z')],
  ['1730783002.5', 'UTC', { earliest: Date.parse('2024-11-05T05:03:22.500Z'), latest: Date.parse('2024-11-05T05:03:22.599Z') }],
];

for (const [line, zone, at] of accepted) {
  test(`accepts ${JSON.stringify(line)} in ${zone}`, (t) => {
    t.deepEqual(parseDateLine(line, zone), { at });
  });
}

test('an ambiguous abbreviation is read in the given zone, with a note', (t) => {
  const result = parseDateLine('Tue Nov  5 14:03:22 CST 2024', 'America/Chicago');
  t.deepEqual(result?.at, second('2024-11-05T20:03:22Z'));
  t.regex(result?.zoneNote ?? '', /CST/);
  t.regex(result?.zoneNote ?? '', /ambiguous/);
  t.regex(result?.zoneNote ?? '', /America\/Chicago/);
});

test('an unknown abbreviation is read in the given zone, with a note', (t) => {
  const result = parseDateLine('Tue Nov  5 14:03:22 XYZT 2024', 'Asia/Seoul');
  t.deepEqual(result?.at, second('2024-11-05T05:03:22Z'));
  t.regex(result?.zoneNote ?? '', /XYZT.*Asia\/Seoul/);
});

test('a local time that occurs twice keeps both readings', (t) => {
  // 2024-11-03 01:30 happened at 06:30Z (CDT) and again at 07:30Z (CST) in Chicago.
  const result = parseDateLine('2024-11-03 01:30:00', 'America/Chicago');
  t.deepEqual(result?.at, { earliest: Date.parse('2024-11-03T06:30:00Z'), latest: Date.parse('2024-11-03T07:30:00.999Z') });
  t.truthy(result?.zoneNote);
});

test('a local time that never existed spans the offsets either side', (t) => {
  const result = parseDateLine('2024-03-10 02:30:00', 'America/Chicago');
  t.deepEqual(result?.at, { earliest: Date.parse('2024-03-10T07:30:00Z'), latest: Date.parse('2024-03-10T08:30:00.999Z') });
  t.truthy(result?.zoneNote);
});

test('rejects lines that are not only a timestamp', (t) => {
  const rejected = [
    '',
    'kube-system 60m Normal LeaderElection lease/kube-scheduler became leader',
    '2024-11-05 14:03:22 ERROR foo',
    '2024-11-05 14:03:22 ERROR',
    'I1105 14:03:22.123456       1 leaderelection.go:250] attempting to acquire leader lease',
    'LAST SEEN   TYPE     REASON   OBJECT   MESSAGE',
    '12345',
    '123456789012',
    '090000000',
    '2024-02-30 10:00:00',
    '2024-11-05 25:03:22',
    '2024-11-05',
    'Nov  5 14:03:22',
    'Tue Nov  5 14:03:22 KST',
    'Tue 05 Nov 2024 13:03:22 PM KST',
    '2024-11-05T14:03:22+25:00',
    'date: 2024-11-05 14:03:22',
  ];
  for (const line of rejected) t.is(parseDateLine(line, 'UTC'), null, JSON.stringify(line));
});

test('isValidZone', (t) => {
  t.true(isValidZone('UTC'));
  t.true(isValidZone('Asia/Seoul'));
  t.true(isValidZone('America/Chicago'));
  t.false(isValidZone('Mars/Olympus_Mons'));
  t.false(isValidZone(''));
});
