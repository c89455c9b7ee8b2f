// The Go printer ports against the doc's examples, and properties tying printers and parser
// together: every printed age covers the duration printed, and the covered range is tight.
import test from 'ava';
import fc from 'fast-check';
import { formatHumanDuration, formatShortHumanDuration, parseAge, type AgeStyle } from '../../src/time/age.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

// Integer ms in [−5 s, 9 years], with the small scales drawn often enough to exercise them.
const duration = fc.oneof(
  fc.integer({ min: -5 * S, max: 5 * S }),
  fc.integer({ min: -5 * S, max: 15 * M }),
  fc.integer({ min: 0, max: 10 * H }),
  fc.integer({ min: 0, max: 10 * D }),
  fc.integer({ min: 0, max: 800 * D }),
  fc.integer({ min: -5 * S, max: 9 * Y }),
);

const printers: Array<[AgeStyle, (ms: number) => string]> = [
  ['human', formatHumanDuration],
  ['short', formatShortHumanDuration],
];

for (const [style, print] of printers) {
  test(`${style}: the parsed range of a printed age contains the duration`, (t) => {
    fc.assert(
      fc.property(duration, (d) => {
        const text = print(d);
        for (const readAs of [style, 'either'] as const) {
          const age = parseAge(text, readAs);
          if (d <= -2 * S) {
            if (age?.kind !== 'invalid') return false;
            continue;
          }
          if (age?.kind !== 'range' || !(age.min <= d && d < age.max)) return false;
        }
        return true;
      }),
      { numRuns: 20_000 },
    );
    t.pass();
  });

  test(`${style}: the parsed range is tight (its ends print the same, just outside does not)`, (t) => {
    fc.assert(
      fc.property(duration.filter((d) => d > -2 * S), (d) => {
        const text = print(d);
        const age = parseAge(text, style);
        if (age?.kind !== 'range') return false;
        return (
          print(age.min) === text &&
          print(age.max - 1) === text &&
          print(age.min - 1) !== text &&
          print(age.max) !== text
        );
      }),
      { numRuns: 20_000 },
    );
    t.pass();
  });
}

test('HumanDuration port: examples from formats.md', (t) => {
  const cases: Array<[number, string]> = [
    [-2 * S, '<invalid>'],
    [-1999, '0s'],
    [-1 * S, '0s'],
    [999, '0s'],
    [1 * S, '1s'],
    [119 * S + 999, '119s'],
    [120 * S, '2m'],
    [5 * M + 30 * S, '5m30s'],
    [9 * M + 59 * S + 999, '9m59s'],
    [10 * M, '10m'],
    [60 * M, '60m'],
    [60 * M + 59 * S, '60m'],
    [179 * M + 59 * S, '179m'],
    [180 * M, '3h'],
    [3 * H + 20 * M + 59 * S, '3h20m'],
    [8 * H, '8h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [2 * D + 4 * H + 30 * M, '2d4h'],
    [8 * D, '8d'],
    [400 * D + 23 * H, '400d'],
    [730 * D, '2y'],
    [2 * Y + 3 * D + 12 * H, '2y3d'],
    [8 * Y - 1, '7y364d'],
    [8 * Y, '8y'],
    [8 * Y + 364 * D, '8y'],
  ];
  for (const [ms, expected] of cases) t.is(formatHumanDuration(ms), expected, `${ms} ms`);
});

test('ShortHumanDuration port: boundaries', (t) => {
  const cases: Array<[number, string]> = [
    [-2 * S, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [59 * S + 999, '59s'],
    [60 * S, '1m'],
    [119 * S, '1m'],
    [59 * M + 59 * S, '59m'],
    [60 * M, '1h'],
    [23 * H + 59 * M, '23h'],
    [24 * H, '1d'],
    [364 * D + 23 * H, '364d'],
    [365 * D, '1y'],
    [2 * Y - 1, '1y'],
    [8 * Y + 100 * D, '8y'],
  ];
  for (const [ms, expected] of cases) t.is(formatShortHumanDuration(ms), expected, `${ms} ms`);
});
