// TimeSpan arithmetic: placing an age before a capture time, combining spans, showing them.
import test from 'ava';
import { parseAge } from '../../src/time/age.js';
import {
  exactly,
  formatSpan,
  intersectSpans,
  spanBeforeCapture,
  spanOfNanoseconds,
  spanOfSecondFraction,
  spanWidth,
  toIsoSpan,
  toSecond,
  unionSpans,
} from '../../src/time/span.js';

const M = 60_000;
const C = Date.parse('2024-06-12T10:22:05Z');

function rangeOf(text: string): { min: number; max: number } {
  const age = parseAge(text, 'human');
  if (age?.kind !== 'range') throw new Error(`not a range: ${text}`);
  return age;
}

test('"60m" before an exact capture is exactly [C − 61m, C − 60m], one minute wide', (t) => {
  const at = spanBeforeCapture(rangeOf('60m'), exactly(C));
  t.deepEqual(at, { earliest: C - 61 * M, latest: C - 60 * M });
  t.is(spanWidth(at), M);
});

test('an uncertain capture widens the event span by its own width', (t) => {
  const capture = toSecond(C);
  const at = spanBeforeCapture(rangeOf('60m'), capture);
  t.deepEqual(at, { earliest: C - 61 * M, latest: C + 999 - 60 * M });
  t.is(spanWidth(at), M + 999);
});

test('"5m30s" against an exact capture is one second wide', (t) => {
  const at = spanBeforeCapture(rangeOf('5m30s'), exactly(C));
  t.deepEqual(at, { earliest: C - 5 * M - 31_000, latest: C - 5 * M - 30_000 });
});

test('exactly, toSecond and width', (t) => {
  t.deepEqual(exactly(C), { earliest: C, latest: C });
  t.deepEqual(toSecond(C), { earliest: C, latest: C + 999 });
  t.is(spanWidth(exactly(C)), 0);
  t.is(spanWidth(toSecond(C)), 999);
});

test('intersection and union', (t) => {
  const a = { earliest: 0, latest: 100 };
  const b = { earliest: 50, latest: 200 };
  const c = { earliest: 300, latest: 400 };
  t.deepEqual(intersectSpans(a, b), { earliest: 50, latest: 100 });
  t.deepEqual(intersectSpans(a, { earliest: 100, latest: 150 }), { earliest: 100, latest: 100 });
  t.is(intersectSpans(a, c), null);
  t.deepEqual(unionSpans(a, c), { earliest: 0, latest: 400 });
  t.deepEqual(unionSpans(b, a), { earliest: 0, latest: 200 });
});

test('spans from printed second fractions', (t) => {
  t.deepEqual(spanOfSecondFraction(C, undefined), { earliest: C, latest: C + 999 });
  t.deepEqual(spanOfSecondFraction(C, '5'), { earliest: C + 500, latest: C + 599 });
  t.deepEqual(spanOfSecondFraction(C, '12'), { earliest: C + 120, latest: C + 129 });
  t.deepEqual(spanOfSecondFraction(C, '123'), exactly(C + 123));
  t.deepEqual(spanOfSecondFraction(C, '123000'), exactly(C + 123));
  t.deepEqual(spanOfSecondFraction(C, '123456789'), { earliest: C + 123, latest: C + 124 });
});

test('spans from nanoseconds', (t) => {
  t.deepEqual(spanOfNanoseconds(1_582_582_188_363_000_000n), exactly(1_582_582_188_363));
  t.deepEqual(spanOfNanoseconds(1_582_582_188_363_178_197n), { earliest: 1_582_582_188_363, latest: 1_582_582_188_364 });
});

test('formatSpan', (t) => {
  t.is(formatSpan(exactly(C)), '2024-06-12T10:22:05Z');
  t.is(formatSpan(exactly(C + 250)), '2024-06-12T10:22:05.250Z');
  t.is(formatSpan(toSecond(C)), '2024-06-12T10:22:05Z');
  t.is(
    formatSpan({ earliest: C - 61 * M, latest: C - 60 * M }),
    '2024-06-12T09:21:05Z .. 2024-06-12T09:22:05Z (±30s)',
  );
  t.is(
    formatSpan({ earliest: C, latest: C + 3 * 3_600_000 }),
    '2024-06-12T10:22:05Z .. 2024-06-12T13:22:05Z (±1h30m)',
  );
});

test('toIsoSpan keeps milliseconds', (t) => {
  t.deepEqual(toIsoSpan(toSecond(C)), {
    earliest: '2024-06-12T10:22:05.000Z',
    latest: '2024-06-12T10:22:05.999Z',
  });
});
