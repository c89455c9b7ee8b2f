// Event names are "<object name>.<hex of UnixNano() at first occurrence>" (formats.md §4.6),
// so even a wide table's NAME column gives the reporter's creation time to the nanosecond.
import type { TimeSpan } from '../model/time-span.js';
import { spanOfNanoseconds } from './span.js';

// Names made by other tools can end in anything; only a plausible decoded time counts.
const EARLIEST_PLAUSIBLE_NS = BigInt(Date.UTC(2014, 0, 1)) * 1_000_000n;
const LATEST_PLAUSIBLE_NS = BigInt(Date.UTC(2100, 0, 1)) * 1_000_000n;

export function eventNameTime(name: string): TimeSpan | null {
  // Object names contain dots; the suffix follows the last one.
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const suffix = name.slice(dot + 1);
  if (!/^[0-9a-f]{12,16}$/.test(suffix)) return null;
  const ns = BigInt(`0x${suffix}`);
  if (ns < EARLIEST_PLAUSIBLE_NS || ns > LATEST_PLAUSIBLE_NS) return null;
  return spanOfNanoseconds(ns);
}
