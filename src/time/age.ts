// Age strings of kubectl tables ("60m", "5m30s", "2d4h"): the two apimachinery printers,
// and their inverse, the interval of true ages a printed string can stand for (formats.md §1).

export type AgeStyle = 'human' | 'short' | 'either';

/** min/max in ms; the true age a lies in [min, max). */
export type Age = { kind: 'range'; min: number; max: number } | { kind: 'unknown' } | { kind: 'invalid' };

type AgeRange = { min: number; max: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY; // the printers' year, no leap days

// "0s" covers both the clock-skew tolerance (int(seconds) === -1) and the first second.
const ZERO_AGE: AgeRange = { min: -2 * SECOND + 1, max: SECOND };

// kubectl prints %d: no sign, no leading zeros. Six digits is far beyond any real age.
const NUMBER = '(?:0|[1-9][0-9]{0,5})';

/**
 * Regex source (no anchors, no capturing groups) for any text parseAge may accept, so table
 * parsers can embed it in a row pattern. It matches shapes; parseAge still checks the ranges.
 */
export const agePattern =
  `(?:<unknown>|<invalid>|${NUMBER}s|${NUMBER}m(?:${NUMBER}s)?|${NUMBER}h(?:${NUMBER}m)?` +
  `|${NUMBER}d(?:${NUMBER}h)?|${NUMBER}y(?:${NUMBER}d)?)`;

type Unit = 's' | 'm' | 'h' | 'd' | 'y';

/** A printed age taken apart: "2d4h" is {unit 'd', major 2, minor 4}. */
type AgeShape = { unit: Unit; major: number; minor: number | undefined };

const SHAPE = new RegExp(`^(${NUMBER})([smhdy])(?:(${NUMBER})([smhd]))?$`);

// The only unit that may follow each leading unit ("XmYs", "XhYm", "XdYh", "XyYd").
const MINOR_UNIT: Record<Unit, string | undefined> = { s: undefined, m: 's', h: 'm', d: 'h', y: 'd' };

function readShape(text: string): AgeShape | null {
  const match = SHAPE.exec(text);
  if (!match) return null;
  const [, major, unit, minor, minorUnit] = match;
  if (major === undefined || unit === undefined) return null;
  const leading = unit as Unit;
  if (minor !== undefined && minorUnit !== MINOR_UNIT[leading]) return null;
  return { unit: leading, major: Number(major), minor: minor === undefined ? undefined : Number(minor) };
}

function span(start: number, width: number): AgeRange {
  return { min: start, max: start + width };
}

const between = (n: number, low: number, high: number): boolean => n >= low && n <= high;

/** The ages HumanDuration prints as this shape (formats.md §1.1 inverse table), or null. */
function humanReading({ unit, major: x, minor: y }: AgeShape): AgeRange | null {
  switch (unit) {
    case 's':
      if (x === 0) return ZERO_AGE;
      return between(x, 1, 119) ? span(x * SECOND, SECOND) : null;
    case 'm':
      if (y !== undefined) {
        // A zero sub-unit is dropped since 1.12 ("5m", never "5m0s").
        return between(x, 2, 9) && between(y, 1, 59) ? span(x * MINUTE + y * SECOND, SECOND) : null;
      }
      if (between(x, 2, 9)) return span(x * MINUTE, SECOND);
      return between(x, 10, 179) ? span(x * MINUTE, MINUTE) : null;
    case 'h':
      if (y !== undefined) {
        return between(x, 3, 7) && between(y, 1, 59) ? span(x * HOUR + y * MINUTE, MINUTE) : null;
      }
      if (between(x, 3, 7)) return span(x * HOUR, MINUTE);
      return between(x, 8, 47) ? span(x * HOUR, HOUR) : null;
    case 'd':
      if (y !== undefined) {
        return between(x, 2, 7) && between(y, 1, 23) ? span(x * DAY + y * HOUR, HOUR) : null;
      }
      if (between(x, 2, 7)) return span(x * DAY, HOUR);
      return between(x, 8, 729) ? span(x * DAY, DAY) : null;
    case 'y':
      if (y !== undefined) {
        // Servers 1.12–1.18 printed "2y0d" where newer ones print "2y", so 0 days is allowed.
        return between(x, 2, 7) && between(y, 0, 364) ? span(x * YEAR + y * DAY, DAY) : null;
      }
      if (between(x, 2, 7)) return span(x * YEAR, DAY);
      return x >= 8 ? span(x * YEAR, YEAR) : null;
  }
}

/** The ages ShortHumanDuration prints as this shape (formats.md §1.2), or null. */
function shortReading({ unit, major: x, minor: y }: AgeShape): AgeRange | null {
  if (y !== undefined) return null;
  switch (unit) {
    case 's':
      if (x === 0) return ZERO_AGE;
      return between(x, 1, 59) ? span(x * SECOND, SECOND) : null;
    case 'm':
      return between(x, 1, 59) ? span(x * MINUTE, MINUTE) : null;
    case 'h':
      return between(x, 1, 23) ? span(x * HOUR, HOUR) : null;
    case 'd':
      return between(x, 1, 364) ? span(x * DAY, DAY) : null;
    case 'y':
      return x >= 1 ? span(x * YEAR, YEAR) : null;
  }
}

function hull(a: AgeRange | null, b: AgeRange | null): AgeRange | null {
  if (!a) return b;
  if (!b) return a;
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

function readingFor(shape: AgeShape, style: AgeStyle): AgeRange | null {
  if (style === 'human') return humanReading(shape);
  if (style === 'short') return shortReading(shape);
  // Unknown printer: the string may come from either, so keep every age both allow.
  return hull(humanReading(shape), shortReading(shape));
}

/**
 * The true-age interval a printed age stands for, or null when the text is not an age the
 * given printer can produce (strict: no surrounding spaces, no leading zeros).
 */
export function parseAge(text: string, style: AgeStyle): Age | null {
  if (text === '<unknown>') return { kind: 'unknown' };
  if (text === '<invalid>') return { kind: 'invalid' };
  const shape = readShape(text);
  if (!shape) return null;
  const range = readingFor(shape, style);
  return range ? { kind: 'range', ...range } : null;
}

/**
 * Which printer a single age string proves, if any (formats.md §1.2 "Telling the two functions
 * apart"): a string only one of them can print is evidence for that one.
 */
export function ageStyleEvidence(text: string): 'human' | 'short' | null {
  const shape = readShape(text);
  if (!shape) return null;
  const human = humanReading(shape) !== null;
  const short = shortReading(shape) !== null;
  if (human && !short) return 'human';
  if (short && !human) return 'short';
  return null;
}

// Go's integer division and int(float) conversion both truncate toward zero.
const whole = (ms: number, unit: number): number => Math.trunc(ms / unit);

/** Port of apimachinery duration.HumanDuration (event ages since server 1.12). */
export function formatHumanDuration(ms: number): string {
  const seconds = whole(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  // Up to 2 s in the future is tolerated as clock skew and shown as "now".
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = whole(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = whole(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Port of apimachinery duration.ShortHumanDuration (event tables before server 1.12). */
export function formatShortHumanDuration(ms: number): string {
  const seconds = whole(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = whole(ms, MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = whole(ms, HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${whole(ms, YEAR)}y`;
}
