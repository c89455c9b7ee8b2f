// Age strings: the inverse mapping tables of formats.md §1.1/§1.2, row by row, plus junk
// rejection, style evidence and the embeddable regex.
import test from 'ava';
import { ageStyleEvidence, agePattern, parseAge, type Age, type AgeStyle } from '../../src/time/age.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

const range = (min: number, max: number): Age => ({ kind: 'range', min, max });
const ZERO = range(-1999, 1000);

type Row = [text: string, expected: Age | null];

const check = test.macro({
  exec(t, style: AgeStyle, rows: Row[]) {
    for (const [text, expected] of rows) {
      t.deepEqual(parseAge(text, style), expected, `${style} ${JSON.stringify(text)}`);
    }
  },
  title: (provided = '') => provided,
});

// formats.md §1.1 inverse mapping, every row, at both ends of each numeric range.
test('HumanDuration inverse table', check, 'human', [
  ['<invalid>', { kind: 'invalid' }],
  ['0s', ZERO],
  ['1s', range(1 * S, 2 * S)],
  ['90s', range(90 * S, 91 * S)],
  ['119s', range(119 * S, 120 * S)],
  ['2m', range(2 * M, 2 * M + S)],
  ['9m', range(9 * M, 9 * M + S)],
  ['5m30s', range(5 * M + 30 * S, 5 * M + 31 * S)],
  ['2m1s', range(2 * M + 1 * S, 2 * M + 2 * S)],
  ['9m59s', range(9 * M + 59 * S, 10 * M)],
  ['10m', range(10 * M, 11 * M)],
  ['60m', range(60 * M, 61 * M)],
  ['179m', range(179 * M, 180 * M)],
  ['3h', range(3 * H, 3 * H + M)],
  ['7h', range(7 * H, 7 * H + M)],
  ['3h20m', range(3 * H + 20 * M, 3 * H + 21 * M)],
  ['7h59m', range(7 * H + 59 * M, 8 * H)],
  ['8h', range(8 * H, 9 * H)],
  ['47h', range(47 * H, 48 * H)],
  ['2d', range(2 * D, 2 * D + H)],
  ['7d', range(7 * D, 7 * D + H)],
  ['2d4h', range(2 * D + 4 * H, 2 * D + 5 * H)],
  ['7d23h', range(7 * D + 23 * H, 8 * D)],
  ['8d', range(8 * D, 9 * D)],
  ['400d', range(400 * D, 401 * D)],
  ['729d', range(729 * D, 730 * D)],
  ['2y', range(2 * Y, 2 * Y + D)],
  ['7y', range(7 * Y, 7 * Y + D)],
  ['2y3d', range(2 * Y + 3 * D, 2 * Y + 4 * D)],
  ['7y364d', range(7 * Y + 364 * D, 8 * Y)],
  ['8y', range(8 * Y, 9 * Y)],
  ['12y', range(12 * Y, 13 * Y)],
  // Servers 1.12–1.18 printed a zero day count.
  ['2y0d', range(2 * Y, 2 * Y + D)],
]);

test('shapes HumanDuration never prints', check, 'human', [
  ['0m', null],
  ['1m', null],
  ['1h', null],
  ['2h', null],
  ['0d', null],
  ['1d', null],
  ['1y', null],
  ['120s', null],
  ['180m', null],
  ['48h', null],
  ['730d', null],
  ['5m0s', null],
  ['3h0m', null],
  ['2d0h', null],
  ['1m30s', null],
  ['10m5s', null],
  ['8h30m', null],
  ['8d2h', null],
  ['8y3d', null],
  ['5m60s', null],
]);

// formats.md §1.2.
test('ShortHumanDuration inverse table', check, 'short', [
  ['<invalid>', { kind: 'invalid' }],
  ['0s', ZERO],
  ['1s', range(1 * S, 2 * S)],
  ['59s', range(59 * S, 60 * S)],
  ['1m', range(1 * M, 2 * M)],
  ['59m', range(59 * M, 60 * M)],
  ['1h', range(1 * H, 2 * H)],
  ['23h', range(23 * H, 24 * H)],
  ['1d', range(1 * D, 2 * D)],
  ['364d', range(364 * D, 365 * D)],
  ['1y', range(1 * Y, 2 * Y)],
  ['8y', range(8 * Y, 9 * Y)],
]);

test('shapes ShortHumanDuration never prints', check, 'short', [
  ['60s', null],
  ['90s', null],
  ['60m', null],
  ['24h', null],
  ['365d', null],
  ['0m', null],
  ['5m30s', null],
  ['3h20m', null],
  ['2d4h', null],
  ['2y3d', null],
]);

test('either: the union of the readings each printer allows', check, 'either', [
  ['0s', ZERO],
  ['1m', range(1 * M, 2 * M)],
  ['5m', range(5 * M, 6 * M)],
  ['90s', range(90 * S, 91 * S)],
  ['5m30s', range(5 * M + 30 * S, 5 * M + 31 * S)],
  ['3h', range(3 * H, 4 * H)],
  ['30h', range(30 * H, 31 * H)],
  ['2d', range(2 * D, 3 * D)],
  ['400d', range(400 * D, 401 * D)],
  ['2y', range(2 * Y, 3 * Y)],
  ['2y0d', range(2 * Y, 2 * Y + D)],
  ['8y', range(8 * Y, 9 * Y)],
  ['120s', null],
  ['0m', null],
  ['1000d', null],
]);

test('<unknown> and <invalid> under every style', (t) => {
  for (const style of ['human', 'short', 'either'] as const) {
    t.deepEqual(parseAge('<unknown>', style), { kind: 'unknown' });
    t.deepEqual(parseAge('<invalid>', style), { kind: 'invalid' });
  }
});

test('text that is not an age string', (t) => {
  const junk = ['Normal', '5x', '', '12', ' 5m', '5m ', '05m', '-5s', '+5s', '1.5h', '5s30m', '5h30s', '5m30', 'm', '<none>', '5M', '2d4h3m', '1w'];
  for (const text of junk) {
    for (const style of ['human', 'short', 'either'] as const) {
      t.is(parseAge(text, style), null, `${style} ${JSON.stringify(text)}`);
    }
  }
});

test('style evidence (formats.md §1.2, telling the two apart)', (t) => {
  const cases: Array<[string, 'human' | 'short' | null]> = [
    ['1m', 'short'],
    ['1h', 'short'],
    ['2h', 'short'],
    ['1d', 'short'],
    ['60s', 'human'],
    ['119s', 'human'],
    ['60m', 'human'],
    ['179m', 'human'],
    ['5m30s', 'human'],
    ['3h20m', 'human'],
    ['24h', 'human'],
    ['47h', 'human'],
    ['2d4h', 'human'],
    ['2y3d', 'human'],
    // Both printers can print these.
    ['0s', null],
    ['30s', null],
    ['5m', null],
    ['3h', null],
    ['10d', null],
    ['2y', null],
    ['8y', null],
    ['<unknown>', null],
    ['<invalid>', null],
    // Neither printer can print these, so they prove nothing.
    ['120s', null],
    ['200m', null],
    ['Normal', null],
  ];
  for (const [text, expected] of cases) t.is(ageStyleEvidence(text), expected, text);
});

test('agePattern matches every accepted age and embeds without capturing groups', (t) => {
  const whole = new RegExp(`^${agePattern}$`);
  const samples = ['<unknown>', '<invalid>', '0s', '119s', '5m', '5m30s', '179m', '3h20m', '47h', '2d4h', '729d', '2y', '2y3d', '2y0d', '8y'];
  for (const text of samples) t.true(whole.test(text), text);
  for (const text of ['Normal', '5x', '', '05m', '1.5h']) t.false(whole.test(text), text);
  t.is(new RegExp(`${agePattern}|`).exec('')?.length, 1, 'no capturing groups');

  const row = new RegExp(`^(\\S+)\\s+(${agePattern})\\s+(Normal|Warning)\\s`);
  const match = row.exec('kube-system   3h20m   Normal   LeaderElection   lease/kube-scheduler   x became leader');
  t.is(match?.[2], '3h20m');
  t.is(match?.[3], 'Normal');
});
