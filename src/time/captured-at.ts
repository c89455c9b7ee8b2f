// The --captured-at option: the moment the user says the dump was taken. It is taken as
// exact, whatever its precision, since it is the user's own statement.
import type { TimeSpan } from '../model/time-span.js';
import { parseDateLine } from './date-line.js';

/** Any timestamp a date line may hold (ISO 8601, `date` output, epoch seconds); null if none. */
export function parseCapturedAt(text: string, zone: string): TimeSpan | null {
  const reading = parseDateLine(text, zone);
  return reading && { earliest: reading.at.earliest, latest: reading.at.earliest };
}
