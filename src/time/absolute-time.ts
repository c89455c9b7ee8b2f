// Absolute times in very old kubectl event tables: RFC1123Z (~2015) and Go's default
// time.Time String() used while watching (~1.2–1.11), formats.md §2.7 and §2.8.
import type { TimeSpan } from '../model/time-span.js';
import { spanOfSecondFraction } from './span.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(?:${MONTHS.join('|')})`;
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';

// Go's RFC1123Z "Mon, 02 Jan 2006 15:04:05 -0700"; RFC1123 proper prints a name, which for
// API times (always UTC) is "UTC" or "GMT".
const RFC1123_SOURCE = `${WEEKDAY}, \\d{2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} (?:[+-]\\d{4}|UTC|GMT)`;
// Go's "2006-01-02 15:04:05.999999999 -0700 MST": trailing fraction zeros are dropped, and
// zones without an abbreviation print a numeric name ("-0300 -03").
const GO_DEFAULT_SOURCE = `\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})? [+-]\\d{4} (?:[A-Za-z]{1,6}|[+-]\\d{2,4})`;

/** Regex source (no anchors, no capturing groups) for either absolute shape. */
export const absoluteTimePattern = `(?:${RFC1123_SOURCE}|${GO_DEFAULT_SOURCE})`;

const RFC1123 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|UTC|GMT)$/;
const GO_DEFAULT =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? ([+-]\d{4}) (?:[A-Za-z]{1,6}|[+-]\d{2,4})$/;

/** Minutes east of UTC for "+0900" / "-0700"; the printed name after it adds nothing. */
function offsetMinutes(text: string): number | null {
  if (text === 'UTC' || text === 'GMT') return 0;
  const m = /^([+-])(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59) return null;
  return m[1] === '-' ? -minutes : minutes;
}

/** Start of the printed second in UTC ms, or null for a calendar date that does not exist. */
function printedSecond(fields: Array<string | undefined>, month: number, offset: number): number | null {
  const [year, day, hour, minute, second] = fields.map(Number) as [number, number, number, number, number];
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(local);
  const exists =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return exists ? local - offset * 60_000 : null;
}

export function parseAbsoluteTime(text: string): TimeSpan | null {
  const rfc = RFC1123.exec(text);
  if (rfc) {
    const [, day, monthName, year, hour, minute, second, zone] = rfc;
    const month = MONTHS.indexOf(monthName ?? '') + 1;
    const offset = offsetMinutes(zone ?? '');
    if (month === 0 || offset === null) return null;
    const start = printedSecond([year, day, hour, minute, second], month, offset);
    return start === null ? null : spanOfSecondFraction(start, undefined);
  }
  const go = GO_DEFAULT.exec(text);
  if (go) {
    const [, year, month, day, hour, minute, second, fraction, zone] = go;
    const offset = offsetMinutes(zone ?? '');
    if (offset === null) return null;
    const start = printedSecond([year, day, hour, minute, second], Number(month), offset);
    return start === null ? null : spanOfSecondFraction(start, fraction);
  }
  return null;
}
