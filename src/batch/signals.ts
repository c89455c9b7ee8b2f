// What `batch` keeps of an input: the records the analyses can turn into findings; every other
// record is counted and dropped as it streams past, so memory follows the findings and not the
// archive. Pure, so a worker thread and the main thread filter alike.
//
// Kept whole:
// - events with reason `LeaderElection` (election clusters) or type `Warning` (error windows), and
//   events of unknown type, since another copy of the same event may say Warning;
// - every `probe` record: failed ones are signals, ok ones bound the outage around them;
// - `log` records that name a leader-election action, or of severity error or fatal.
// Dropped: every other log line and every other event. Dropped events are counted as copies, not
// merged with one another (a dump saved every five minutes shows an event a dozen times): what the
// reports say of them is how many copies were read, how many had no time, and whether a watch
// printed any.
import { watchNote } from '../formats/tables/table-scan.js';
import { noOtherEvents, type OtherEvents } from '../model/other-events.js';
import type { ParsedRecord } from '../model/record.js';

export interface SignalCounts {
  /** Events read, kept or not. */
  events: number;
  /** Log lines dropped. */
  droppedLogs: number;
}

export interface FilteredRecords {
  /** The records findings are made of, in input order. */
  kept: ParsedRecord[];
  other: OtherEvents;
  counts: SignalCounts;
}

/** Whether the analyses can use this record for a finding or an outage bound. */
export function isSignal(record: ParsedRecord): boolean {
  switch (record.kind) {
    case 'event':
      return record.reason === 'LeaderElection' || record.type === 'Warning' || record.type === null;
    case 'probe':
      return true;
    case 'log':
      return record.leaderElection !== null || record.severity === 'error' || record.severity === 'fatal';
  }
}

export function filterSignals(records: readonly ParsedRecord[]): FilteredRecords {
  const kept: ParsedRecord[] = [];
  const other = { ...noOtherEvents };
  const counts: SignalCounts = { events: 0, droppedLogs: 0 };
  for (const record of records) {
    if (record.kind === 'event') counts.events += 1;
    if (isSignal(record)) kept.push(record);
    else if (record.kind === 'log') counts.droppedLogs += 1;
    else if (record.kind === 'event') {
      other.copies += 1;
      if (!record.firstSeen && !record.lastSeen) other.untimed += 1;
      if (!other.watch && record.notes.includes(watchNote)) other.watch = true;
    }
  }
  return { kept, other, counts };
}
