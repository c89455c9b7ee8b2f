// Timestamps as the Kubernetes API writes them: metav1.Time (RFC 3339, whole seconds,
// truncated) and metav1.MicroTime (six fraction digits) (formats.md §1.3).
import type { TimeSpan } from '../model/time-span.js';
import { spanOfSecondFraction } from './span.js';

const rfc3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:[.,](\d+))?([Zz]|[+-]\d\d:?\d\d)$/u;

/** The instant an API timestamp names, as wide as its printed precision; null if it is not one. */
export function parseApiTime(text: string): TimeSpan | null {
  const match = rfc3339.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(wall) || Number(month) > 12 || Number(day) > 31 || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) {
    return null;
  }
  return spanOfSecondFraction(wall - offsetMinutes(zone!) * 60_000, fraction);
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}
