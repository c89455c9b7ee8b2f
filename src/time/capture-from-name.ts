// The capture time a periodic dump's name states: `events-2024-11-05T0510Z.txt`,
// `2024-11-05T05:10:00Z.txt`, `20241105T051000Z.txt`, `2024/11/05/0510.txt`,
// `2024-11-05/05-10.txt`. As precise as the name: a minute is a one-minute span, a day alone a
// one-day span. UTC when the name says `Z` or an offset, else the zone given (--input-tz).
import { DateTime } from 'luxon';
import type { TimeSpan } from '../model/time-span.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

// A date with one separator throughout (or none), then optionally a time of day with one
// separator throughout (or none), seconds, a fraction, and a zone. Digits may not touch it.
const datedName = new RegExp(
  [
    '(?<!\\d)(?<year>(?:19|20)\\d{2})(?<ds>[-/_.]?)(?<month>\\d{2})\\k<ds>(?<day>\\d{2})',
    '(?:[T_/ -]?(?<hour>\\d{2})(?<ts>[:.h-]?)(?<minute>\\d{2})(?:\\k<ts>(?<second>\\d{2})(?:[.,](?<fraction>\\d{1,9}))?)?)?',
    '(?<zone>Z|[+-]\\d{2}:?\\d{2})?(?!\\d)',
  ].join(''),
  'gu',
);

/**
 * The capture time in a path's last few parts (the file's name and the directories just above
 * it), null when they hold no date. When several dates appear the last one, nearest the file,
 * wins. Extensions are not part of the name.
 */
export function captureFromName(path: string, zone: string): TimeSpan | null {
  const parts = path.split(/[\\/]+/u).filter(Boolean);
  const last = parts.pop();
  if (last === undefined) return null;
  const name = [...parts.slice(-3), last.replace(/(?:\.[A-Za-z][A-Za-z0-9]*)+$/u, '')].join('/');
  let found: TimeSpan | null = null;
  for (const match of name.matchAll(datedName)) found = spanOfMatch(match.groups ?? {}, zone) ?? found;
  return found;
}

function spanOfMatch(groups: Record<string, string | undefined>, zone: string): TimeSpan | null {
  const number = (value: string | undefined) => (value === undefined ? 0 : Number(value));
  const fields = {
    year: number(groups.year),
    month: number(groups.month),
    day: number(groups.day),
    hour: number(groups.hour),
    minute: number(groups.minute),
    second: number(groups.second),
  };
  const printed = groups.zone;
  const offsetZone = printed === undefined ? zone : printed === 'Z' ? 'UTC' : `UTC${printed.slice(0, 3)}:${printed.slice(-2)}`;
  const time = DateTime.fromObject(fields, { zone: offsetZone });
  // luxon rejects 2024-13-05 and 25:00; it also must not have shifted a wall time (a DST gap).
  if (!time.isValid || time.month !== fields.month || time.day !== fields.day || time.hour !== fields.hour) return null;
  const start = time.toMillis();
  if (groups.hour === undefined) return { earliest: start, latest: start + DAY - 1 };
  if (groups.second === undefined) return { earliest: start, latest: start + MINUTE - 1 };
  const fraction = groups.fraction;
  if (fraction === undefined) return { earliest: start, latest: start + SECOND - 1 };
  const digits = Math.min(fraction.length, 3);
  const step = 10 ** (3 - digits);
  const at = start + Number(fraction.slice(0, digits)) * step;
  return { earliest: at, latest: at + step - 1 };
}
