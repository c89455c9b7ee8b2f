// What `batch` keeps of an input: the records the analyses can turn into findings, and for every
// other event only what deduplication needs to count it. Pure, so a worker thread and the main
// thread filter alike.
//
// Kept whole:
// - events with reason `LeaderElection` (election clusters) or type `Warning` (error windows), and
//   events of unknown type, since another copy of the same event may say Warning;
// - every `probe` record: failed ones are signals, ok ones bound the outage around them;
// - `log` records that name a leader-election action, or of severity error or fatal.
// Dropped: every other log line (counted), and every other event, which is replaced by a
// skeleton: its identity (uid, namespace and name, object, reason, a hash of the message) and
// times, count and notes, nothing else. The skeletons of a group are deduplicated apart from the
// kept events (a Normal event and a Warning are never copies of one event), so the group's event
// total, duplicates merged, untimed count and the watch caveat stay what they were.
import { createHash } from 'node:crypto';
import type { EventRecord } from '../model/event-record.js';
import type { Provenance } from '../model/provenance.js';
import type { ParsedRecord } from '../model/record.js';

export interface SignalCounts {
  /** Events read, kept or not. */
  events: number;
  /** Events dropped (kept as skeletons). */
  droppedEvents: number;
  /** Log lines dropped outright. */
  droppedLogs: number;
}

export interface FilteredRecords {
  /** The records findings are made of, in input order. */
  kept: ParsedRecord[];
  /** Skeletons of the dropped events, in input order. */
  dropped: EventRecord[];
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
  const dropped: EventRecord[] = [];
  const counts: SignalCounts = { events: 0, droppedEvents: 0, droppedLogs: 0 };
  // One provenance and one object for all skeletons of an input: skeletons are never evidence.
  const sources = new Map<string, Provenance>();
  for (const record of records) {
    if (record.kind === 'event') counts.events += 1;
    if (isSignal(record)) {
      kept.push(record);
      continue;
    }
    if (record.kind === 'log') {
      counts.droppedLogs += 1;
      continue;
    }
    if (record.kind !== 'event') continue;
    counts.droppedEvents += 1;
    const sourceKey = `${record.source.path}\u0000${record.source.format}`;
    let source = sources.get(sourceKey);
    if (!source) {
      source = { path: record.source.path, line: 1, format: record.source.format };
      sources.set(sourceKey, source);
    }
    dropped.push(skeletonOf(record, source));
  }
  return { kept, dropped, counts };
}

const noNotes: string[] = [];

/** What deduplication and the event counts look at; the message only as a hash, so equal messages stay equal. */
export function skeletonOf(record: EventRecord, source: Provenance): EventRecord {
  return {
    kind: 'event',
    namespace: record.namespace,
    type: record.type,
    reason: record.reason,
    object: { kind: record.object.kind, name: record.object.name, namespace: record.object.namespace, fieldPath: null },
    message: createHash('sha1').update(record.message).digest('base64'),
    component: null,
    host: null,
    count: record.count,
    firstSeen: record.firstSeen,
    lastSeen: record.lastSeen,
    uid: record.uid,
    name: record.name,
    cluster: null,
    capture: null,
    notes: record.notes.length === 0 ? noNotes : record.notes,
    source,
  };
}
