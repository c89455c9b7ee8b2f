// Recognises a line that is nothing but a timestamp, as shell retry loops print with `date`
// before each kubectl run, and returns the instant it names (the capture anchor).
import { IANAZone } from 'luxon';
import type { TimeSpan } from '../model/time-span.js';
import { spanOfSecondFraction, unionSpans } from './span.js';

export type DateLine = { at: TimeSpan; zoneNote?: string };

const MINUTE = 60_000;
const DAY = 86_400_000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const CLOCK = '(\\d{2}):(\\d{2}):(\\d{2})';
const NUMERIC_OFFSET = '[+-]\\d{2}(?::?\\d{2})?';
// What `date` prints for %Z: an abbreviation, or a numeric one ("+08") for zones without one.
const PRINTED_ZONE = `([A-Z]{1,6}|${NUMERIC_OFFSET})`;

/** Abbreviations with one meaning in practice, as offsets in minutes east of UTC. */
const ZONE_ABBREVIATIONS: Record<string, number> = {
  UTC: 0, UT: 0, GMT: 0, Z: 0, WET: 0, WEST: 60,
  CET: 60, CEST: 120, MET: 60, MEST: 120, WAT: 60,
  EET: 120, EEST: 180, CAT: 120, SAST: 120, EAT: 180,
  PKT: 300, WIB: 420, WITA: 480, WIT: 540,
  HKT: 480, SGT: 480, AWST: 480, JST: 540, KST: 540,
  ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  HST: -600, AKST: -540, AKDT: -480, PST: -480, PDT: -420,
  MST: -420, MDT: -360, EST: -300, EDT: -240, NST: -210, NDT: -150,
};

/** Abbreviations that name several offsets (CST: Chicago, China, Cuba; IST: India, Israel, Ireland). */
const AMBIGUOUS_ABBREVIATIONS = new Set(['CST', 'CDT', 'IST', 'IDT', 'BST', 'AST', 'ADT', 'MSK', 'PHT', 'SST']);

/** Wall-clock reading of a line, before any zone is applied. */
type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string | undefined;
  zone: string | undefined;
};

/** How the instant's offset is known: printed, or taken from the caller's zone. */
type ZoneReading = { offsetMinutes: number } | { zone: string; note?: string };

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

function twelveHourClock(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return null;
  const base = hour % 12;
  return meridiem === 'PM' ? base + 12 : base;
}

function numericOffset(text: string): number | null {
  const match = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [, sign, hours, minutes] = match;
  const total = Number(hours) * 60 + Number(minutes ?? '0');
  if (Number(hours) > 14 || Number(minutes ?? '0') > 59) return null;
  return sign === '-' ? -total : total;
}

// `2024-11-05 14:03:22`, `2024-11-05T14:03:22,123+09:00`, `2024-11-05 14:03:22+09:00` (rfc-3339).
const ISO_LIKE = new RegExp(
  `^(\\d{4})-(\\d{2})-(\\d{2})(?:T|\\s+)${CLOCK}(?:[.,](\\d{1,9}))?(?:\\s*(Z|${NUMERIC_OFFSET})|\\s+([A-Z]{1,5}))?$`,
);
// coreutils C locale and newer en_US: `Tue Nov  5 14:03:22 KST 2024`, `Tue Nov  5 02:03:22 PM KST 2024`.
const MONTH_FIRST = new RegExp(
  `^${WEEKDAY}\\s+${MONTH}\\s+(\\d{1,2})\\s+${CLOCK}(?:\\s+(AM|PM))?(?:\\s+${PRINTED_ZONE})?\\s+(\\d{4})$`,
);
// RFC 2822 (`date -R`) and older en_US: `Tue, 05 Nov 2024 14:03:22 +0900`, `Tue 05 Nov 2024 02:03:22 PM KST`.
const DAY_FIRST_YEAR_BEFORE_CLOCK = new RegExp(
  `^(?:${WEEKDAY},?\\s+)?(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\s+${CLOCK}(?:\\s+(AM|PM))?(?:\\s+${PRINTED_ZONE})?$`,
);
// en_GB style: `Tue  5 Nov 14:03:22 GMT 2024`.
const DAY_FIRST_YEAR_LAST = new RegExp(
  `^${WEEKDAY}\\s+(\\d{1,2})\\s+${MONTH}\\s+${CLOCK}(?:\\s+(AM|PM))?(?:\\s+${PRINTED_ZONE})?\\s+(\\d{4})$`,
);
// `date +%s`, optionally `date +%s.%N`.
const EPOCH_SECONDS = /^(\d{9,11})(?:\.(\d{1,9}))?$/;

function wallTime(
  parts: { year?: string; month: number; day?: string; hour?: string; minute?: string; second?: string },
  meridiem: string | undefined,
  fraction: string | undefined,
  zone: string | undefined,
): WallTime | null {
  const hour = twelveHourClock(Number(parts.hour), meridiem);
  if (hour === null) return null;
  return {
    year: Number(parts.year),
    month: parts.month,
    day: Number(parts.day),
    hour,
    minute: Number(parts.minute),
    second: Number(parts.second),
    fraction,
    zone,
  };
}

function readWallTime(line: string): WallTime | null {
  let m = ISO_LIKE.exec(line);
  if (m) {
    const [, year, month, day, hour, minute, second, fraction, offset, abbreviation] = m;
    // A trailing word is taken as a zone only when it is one we know, so that
    // "2024-11-05 14:03:22 ERROR" stays a log line, not a timestamp.
    if (abbreviation !== undefined && !isKnownAbbreviation(abbreviation)) return null;
    return wallTime({ year, month: Number(month), day, hour, minute, second }, undefined, fraction, offset ?? abbreviation);
  }
  m = MONTH_FIRST.exec(line);
  if (m) {
    const [, month, day, hour, minute, second, meridiem, zone, year] = m;
    return wallTime({ year, month: monthNumber(month ?? ''), day, hour, minute, second }, meridiem, undefined, zone);
  }
  m = DAY_FIRST_YEAR_BEFORE_CLOCK.exec(line);
  if (m) {
    const [, day, month, year, hour, minute, second, meridiem, zone] = m;
    return wallTime({ year, month: monthNumber(month ?? ''), day, hour, minute, second }, meridiem, undefined, zone);
  }
  m = DAY_FIRST_YEAR_LAST.exec(line);
  if (m) {
    const [, day, month, hour, minute, second, meridiem, zone, year] = m;
    return wallTime({ year, month: monthNumber(month ?? ''), day, hour, minute, second }, meridiem, undefined, zone);
  }
  return null;
}

function isKnownAbbreviation(name: string): boolean {
  return name in ZONE_ABBREVIATIONS || AMBIGUOUS_ABBREVIATIONS.has(name);
}

/** The wall time as if it were UTC, or null for a date that does not exist (Feb 30, 25:00). */
function wallAsUtc(w: WallTime): number | null {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const back = new Date(ms);
  const same =
    back.getUTCFullYear() === w.year &&
    back.getUTCMonth() === w.month - 1 &&
    back.getUTCDate() === w.day &&
    back.getUTCHours() === w.hour &&
    back.getUTCMinutes() === w.minute &&
    back.getUTCSeconds() === w.second;
  return same ? ms : null;
}

function readZone(printed: string | undefined, fallbackZone: string): ZoneReading | null {
  if (printed === undefined) return { zone: fallbackZone };
  if (/^[+-]/.test(printed)) {
    const offsetMinutes = numericOffset(printed);
    return offsetMinutes === null ? null : { offsetMinutes };
  }
  const known = ZONE_ABBREVIATIONS[printed];
  if (known !== undefined) return { offsetMinutes: known };
  const why = AMBIGUOUS_ABBREVIATIONS.has(printed) ? 'is ambiguous' : 'is not one this tool knows';
  return {
    zone: fallbackZone,
    note: `zone abbreviation ${printed} ${why}; the time was read in ${fallbackZone}, the zone given for inputs without one`,
  };
}

/**
 * Every instant whose local time in `zone` is the wall time `local` (as-if-UTC ms): one
 * normally, two in a fall-back overlap, none in a spring-forward gap.
 */
function instantsOfWallTime(local: number, zone: IANAZone): { instants: number[]; offsets: number[] } {
  const offsets = [...new Set([zone.offset(local - DAY), zone.offset(local), zone.offset(local + DAY)])];
  const instants = offsets.map((o) => local - o * MINUTE).filter((t) => zone.offset(t) * MINUTE === local - t);
  return { instants: [...new Set(instants)].sort((a, b) => a - b), offsets };
}

function placeInZone(local: number, zoneName: string): { seconds: number[]; note?: string } {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid) throw new RangeError(`not an IANA time zone: ${zoneName}`);
  const { instants, offsets } = instantsOfWallTime(local, zone);
  if (instants.length === 1) return { seconds: instants };
  if (instants.length > 1) {
    return { seconds: instants, note: `the local time occurs twice in ${zoneName} (clocks went back); both readings are kept` };
  }
  // A clock that was never shown: keep every offset in play rather than guess.
  return {
    seconds: offsets.map((o) => local - o * MINUTE),
    note: `the local time does not exist in ${zoneName} (clocks went forward); read with the offsets either side`,
  };
}

function epochLine(line: string): DateLine | null {
  const m = EPOCH_SECONDS.exec(line);
  if (!m) return null;
  const seconds = Number(m[1]);
  // Only 2000-01-01 .. 2100-01-01: other digit runs are counters or ids, not `date +%s`.
  if (seconds < 946_684_800 || seconds >= 4_102_444_800) return null;
  return { at: spanOfSecondFraction(seconds * 1000, m[2]) };
}

/**
 * The instant a timestamp-only line names, or null when the line is anything else.
 * `zone` (IANA) applies when the line carries no zone or an abbreviation that cannot be trusted.
 */
export function parseDateLine(line: string, zone: string): DateLine | null {
  const text = line.trim();
  const epoch = epochLine(text);
  if (epoch) return epoch;
  const wall = readWallTime(text);
  if (!wall) return null;
  const local = wallAsUtc(wall);
  if (local === null) return null;
  const reading = readZone(wall.zone, zone);
  if (!reading) return null;
  if ('offsetMinutes' in reading) {
    return { at: spanOfSecondFraction(local - reading.offsetMinutes * MINUTE, wall.fraction) };
  }
  const placed = placeInZone(local, reading.zone);
  const spans = placed.seconds.map((t) => spanOfSecondFraction(t, wall.fraction));
  const [first, ...rest] = spans;
  if (!first) return null;
  const at = rest.reduce(unionSpans, first);
  const notes = [reading.note, placed.note].filter((n): n is string => n !== undefined);
  return notes.length > 0 ? { at, zoneNote: notes.join('; ') } : { at };
}
