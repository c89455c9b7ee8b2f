// Arithmetic on TimeSpans (UTC epoch ms, both ends inclusive): building them from printed
// precision, combining them, placing an age before a capture time, and showing them.
import type { TimeSpan } from '../model/time-span.js';

const SECOND = 1000;

export function exactly(ms: number): TimeSpan {
  return { earliest: ms, latest: ms };
}

/** A time printed with whole seconds was truncated, so it stands for the whole second. */
export function toSecond(ms: number): TimeSpan {
  return { earliest: ms, latest: ms + SECOND - 1 };
}

/**
 * A time printed as a whole second plus `fraction` (the digits after the separator, may be
 * absent): the span those digits allow. Digits below the millisecond widen it by 1 ms when
 * they are not all zero, because the instant then lies strictly between two milliseconds.
 */
export function spanOfSecondFraction(secondStart: number, fraction: string | undefined): TimeSpan {
  if (fraction === undefined || fraction === '') return toSecond(secondStart);
  if (fraction.length <= 3) {
    const step = 10 ** (3 - fraction.length);
    const start = secondStart + Number(fraction) * step;
    return { earliest: start, latest: start + step - 1 };
  }
  const start = secondStart + Number(fraction.slice(0, 3));
  return /^0*$/.test(fraction.slice(3)) ? exactly(start) : { earliest: start, latest: start + 1 };
}

/** An instant in epoch nanoseconds, as a millisecond span (1 ms wide when not a whole ms). */
export function spanOfNanoseconds(ns: bigint): TimeSpan {
  const ms = ns / 1_000_000n;
  const rest = ns % 1_000_000n;
  // BigInt division truncates toward zero; step down for instants before 1970.
  const floor = rest < 0n ? ms - 1n : ms;
  const start = Number(floor);
  return rest === 0n ? exactly(start) : { earliest: start, latest: start + 1 };
}

/** latest − earliest: 0 for an exact time, 60 000 for "60m" read against an exact capture. */
export function spanWidth(s: TimeSpan): number {
  return s.latest - s.earliest;
}

/** The times both spans allow, or null when they do not overlap. */
export function intersectSpans(a: TimeSpan, b: TimeSpan): TimeSpan | null {
  const earliest = Math.max(a.earliest, b.earliest);
  const latest = Math.min(a.latest, b.latest);
  return earliest <= latest ? { earliest, latest } : null;
}

/** The smallest span holding both (their hull, including any gap between them). */
export function unionSpans(a: TimeSpan, b: TimeSpan): TimeSpan {
  return { earliest: Math.min(a.earliest, b.earliest), latest: Math.max(a.latest, b.latest) };
}

/**
 * When something of age a ∈ [min, max) at capture time C ∈ capture happened: C − a. The open
 * end is closed here, which errs by 1 ms on the wide side rather than ever excluding the truth.
 */
export function spanBeforeCapture(age: { min: number; max: number }, capture: TimeSpan): TimeSpan {
  return { earliest: capture.earliest - age.max, latest: capture.latest - age.min };
}

function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A length of time in compact units, e.g. "30s", "1h30m", "250ms", "1.5s". */
function compactLength(ms: number): string {
  if (ms < SECOND) return `${ms}ms`;
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ];
  let rest = ms;
  let text = '';
  for (const [name, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${name}`;
    rest -= count * size;
  }
  if (rest > 0) text += `${Number((rest / SECOND).toFixed(3))}s`;
  return text;
}

/**
 * Human text: the ISO instant when exact or exactly one whole second (how whole-second
 * timestamps read), else "earliest .. latest (±half the width)".
 */
export function formatSpan(s: TimeSpan): string {
  if (s.earliest === s.latest) return isoInstant(s.earliest);
  const wholeSecond = s.earliest % SECOND === 0 && s.latest === s.earliest + SECOND - 1;
  if (wholeSecond) return isoInstant(s.earliest);
  const halfWidth = Math.ceil(spanWidth(s) / 2);
  return `${isoInstant(s.earliest)} .. ${isoInstant(s.latest)} (±${compactLength(halfWidth)})`;
}

export function toIsoSpan(s: TimeSpan): { earliest: string; latest: string } {
  return { earliest: new Date(s.earliest).toISOString(), latest: new Date(s.latest).toISOString() };
}
