// The same event seen in several dumps (a `get events -A` saved every few minutes, a table and
// the JSON of the same moment, every update in a `-w` capture) is one event. Identity: the
// uid; else namespace and event name; else namespace, object, reason and message with
// overlapping times. Every copy's provenance is kept.
import type { EventRecord } from '../model/event-record.js';
import type { MergedEvent } from '../model/findings.js';
import type { TimeSpan } from '../model/time-span.js';
import { intersectSpans } from '../time/index.js';

export interface Deduplicated {
  events: MergedEvent[];
  /** How many records were folded into an event seen before. */
  merged: number;
}

export function mergeDuplicates(records: readonly EventRecord[]): Deduplicated {
  const merger = new EventMerger();
  for (const record of records) merger.add(record);
  return merger.result();
}

/**
 * The same, one record at a time: a caller reading many dumps merges each copy as it comes and
 * holds the merged events, not every copy. The records' order is the order of `mergeDuplicates`.
 */
export class EventMerger {
  private readonly events: MergedEvent[] = [];
  private readonly byUid = new Map<string, MergedEvent>();
  private readonly byName = new Map<string, MergedEvent>();
  private readonly byContent = new Map<string, MergedEvent[]>();
  private merged = 0;

  /** Merges the record in; returns the event it is a copy of (its last copy is this record's source). */
  add(record: EventRecord): MergedEvent {
    const same = findSame(record, this.byUid, this.byName, this.byContent);
    let event: MergedEvent;
    if (same) {
      mergeInto(same, record);
      this.merged += 1;
      event = same;
    } else {
      event = { ...record, notes: [...record.notes], copies: [record.source] };
      this.events.push(event);
      const content = contentKey(record);
      const alike = this.byContent.get(content);
      if (alike) alike.push(event);
      else this.byContent.set(content, [event]);
    }
    if (record.uid) this.byUid.set(record.uid, event);
    if (record.name) this.byName.set(nameKey(record), event);
    return event;
  }

  result(): Deduplicated {
    return { events: this.events, merged: this.merged };
  }
}

function findSame(
  record: EventRecord,
  byUid: ReadonlyMap<string, MergedEvent>,
  byName: ReadonlyMap<string, MergedEvent>,
  byContent: ReadonlyMap<string, MergedEvent[]>,
): MergedEvent | undefined {
  if (record.uid && byUid.has(record.uid)) return byUid.get(record.uid);
  if (record.name && byName.has(nameKey(record))) return byName.get(nameKey(record));
  return byContent.get(contentKey(record))?.find((event) => overlaps(lifeSpan(event), lifeSpan(record)));
}

const nameKey = (record: EventRecord) => `${record.namespace ?? ''}\u0000${record.name}`;

function contentKey(record: EventRecord): string {
  const { object } = record;
  return [record.namespace, object.kind, object.name, object.namespace, record.reason, record.message].join('\u0000');
}

/** From the first time the event may have happened to the last, whichever field says so. */
function lifeSpan(record: EventRecord): TimeSpan | null {
  const first = record.firstSeen ?? record.lastSeen;
  const last = record.lastSeen ?? record.firstSeen;
  return first && last ? { earliest: Math.min(first.earliest, last.earliest), latest: Math.max(first.latest, last.latest) } : null;
}

function overlaps(a: TimeSpan | null, b: TimeSpan | null): boolean {
  return a !== null && b !== null && intersectSpans(a, b) !== null;
}

/** The fields a copy fills in when the event has none. */
const fillableFields = ['type', 'component', 'host', 'uid', 'name', 'cluster'] as const;

/**
 * Both copies tell the truth about the same event: where they describe the same moment their
 * spans are intersected; where the count grew, the later copy saw later occurrences and the
 * last-seen span moves on with it.
 */
function mergeInto(event: MergedEvent, copy: EventRecord): void {
  const grew = (copy.count ?? 0) > (event.count ?? 0) && event.count !== null;
  const shrank = copy.count !== null && event.count !== null && copy.count < event.count;
  event.firstSeen = narrowest(event, event.firstSeen, copy.firstSeen);
  if (grew) event.lastSeen = copy.lastSeen ?? event.lastSeen;
  else if (!shrank) event.lastSeen = narrowest(event, event.lastSeen, copy.lastSeen);
  event.count = maxCount(event.count, copy.count);
  for (const field of fillableFields) event[field] ??= copy[field];
  const { object } = event;
  // A new object only when the copy fills a gap: most copies of an event say the same.
  if (object.kind === null || object.name === null || object.namespace === null || object.fieldPath === null) {
    event.object = {
      kind: object.kind ?? copy.object.kind,
      name: object.name ?? copy.object.name,
      namespace: object.namespace ?? copy.object.namespace,
      fieldPath: object.fieldPath ?? copy.object.fieldPath,
    };
  }
  if (copy.message.length > event.message.length && copy.message.startsWith(event.message.replace(/\.\.\.$/u, ''))) {
    event.message = copy.message;
  }
  event.copies.push(copy.source);
}

/** The intersection of two true statements; when they cannot both be true, the later copy, said. */
function narrowest(event: MergedEvent, a: TimeSpan | null, b: TimeSpan | null): TimeSpan | null {
  if (!a || !b) return a ?? b;
  const both = intersectSpans(a, b);
  if (both) return both;
  if (!event.notes.includes(disagreementNote)) event.notes.push(disagreementNote);
  return b.latest >= a.latest ? b : a;
}

const disagreementNote = 'copies of this event disagree on its time (was a capture time wrong?); the later one is kept';

function maxCount(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
