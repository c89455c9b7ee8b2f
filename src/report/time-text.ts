// Times as people read them in reports: a span in a zone, with its precision said plainly
// ("05:01:00–05:02:00 UTC", "10:22:05 UTC" when exact to the second).
import { DateTime } from 'luxon';
import type { TimeSpan } from '../model/time-span.js';

export function spanInZone(span: TimeSpan, zone: string, withDate = true): string {
  const from = DateTime.fromMillis(span.earliest, { zone });
  const to = DateTime.fromMillis(span.latest, { zone });
  const label = zoneLabel(from, zone);
  const dateOf = (time: DateTime) => (withDate ? `${time.toFormat('yyyy-MM-dd')} ` : '');
  if (clock(from, span) === clock(to, span)) return `${dateOf(from)}${clock(from, span)} ${label}`;
  const sameDay = from.hasSame(to, 'day');
  return `${dateOf(from)}${clock(from, span)}–${sameDay ? '' : dateOf(to)}${clock(to, span)} ${label}`;
}

/** Seconds always; milliseconds only when the time is known more finely than its second. */
function clock(time: DateTime, span: TimeSpan): string {
  return span.latest - span.earliest < 999 && time.millisecond + (span.latest % 1000) > 0
    ? time.toFormat('HH:mm:ss.SSS')
    : time.toFormat('HH:mm:ss');
}

/** The zone's own name: abbreviations such as CST or IST mean several zones. */
function zoneLabel(_time: DateTime, zone: string): string {
  return zone;
}

/** "2–4 min" from duration bounds in ms; one figure when both round alike; "up to" from zero. */
export function durationBoundsText(shortest: number, longest: number, format: (ms: number) => string): string {
  const low = format(shortest);
  const high = format(longest);
  if (low === high) return high;
  if (shortest < 1000) return `up to ${high}`;
  const unit = / (?:s|min|h|d)$/u.exec(high)?.[0];
  const lowNumber = unit && low.endsWith(unit) ? low.slice(0, -unit.length) : null;
  return lowNumber && !lowNumber.includes(' ') ? `${lowNumber}–${high}` : `${low} – ${high}`;
}
