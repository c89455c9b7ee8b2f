// The `-o json` form of a captured set of events, as an oracle for what the tables of the
// same events must parse into (formats.md §2.3, §3: which timestamp each column prints).
import type { ExecutionContext } from 'ava';
import { lowerCaseKindNote } from '../../src/formats/tables/cells-to-event.js';
import type { EventRecord } from '../../src/model/event-record.js';
import type { TimeSpan } from '../../src/model/time-span.js';
import { at, fixture } from './parse-text.js';

export interface JsonEvent {
  metadata: { name: string; namespace: string };
  involvedObject: { kind: string; name: string; namespace?: string; fieldPath?: string };
  reason: string;
  message?: string;
  type: string;
  count?: number;
  series?: { count: number; lastObservedTime: string };
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  eventTime: string | null;
  source: { component?: string; host?: string };
  reportingComponent: string;
  reportingInstance: string;
}

export function jsonEvents(path: string): JsonEvent[] {
  return JSON.parse(fixture(path)).items;
}

export const holdsTime = (span: TimeSpan | null, iso: string | null): boolean =>
  span !== null && iso !== null && span.earliest <= at(iso) && at(iso) <= span.latest;

/** What `kubectl get events` prints as LAST SEEN (printEvent). */
export const getEventsLastSeen = (event: JsonEvent): string | null =>
  event.series?.lastObservedTime ?? event.lastTimestamp ?? event.firstTimestamp ?? event.eventTime;

/** What `kubectl events` prints: first is eventTime before firstTimestamp. */
export function kubectlEventsTimes(event: JsonEvent): { first: string | null; last: string | null } {
  const first = event.eventTime ?? event.firstTimestamp;
  if (event.series) return { first, last: event.series.lastObservedTime };
  return { first, last: (event.count ?? 1) > 1 ? event.lastTimestamp : first };
}

/** A message as a table prints it: trimmed, cut at its first newline (get events). */
export function printedMessage(event: JsonEvent, cutsNewlines: boolean): string {
  const message = (event.message ?? '').trim();
  const newline = message.search(/[\n\r\f]/u);
  return cutsNewlines && newline >= 0 ? `${message.slice(0, newline)}...` : message;
}

export function findRecord(records: readonly EventRecord[], event: JsonEvent): EventRecord | undefined {
  const byName = records.find((record) => record.name === event.metadata.name);
  if (byName) return byName;
  return records.find(
    (record) =>
      record.object.name === event.involvedObject.name &&
      record.reason === event.reason &&
      record.message.split('\n')[0] === printedMessage(event, false).split('\n')[0] &&
      (record.namespace === null || record.namespace === event.metadata.namespace),
  );
}

export interface Printed {
  namespace: boolean;
  fieldPath: boolean;
  source: boolean;
  cutsNewlines: boolean;
}

export function assertSameEvent(t: ExecutionContext, record: EventRecord, event: JsonEvent, printed: Printed): void {
  const label = event.metadata.name;
  t.is(record.namespace, printed.namespace ? event.metadata.namespace : null, label);
  t.is(record.type, event.type, label);
  t.is(record.reason, event.reason, label);
  t.is(record.message, printedMessage(event, printed.cutsNewlines), label);
  // A custom resource's kind comes back lower-cased from `get events`, and says so.
  const kind = record.notes.includes(lowerCaseKindNote) ? event.involvedObject.kind.toLowerCase() : event.involvedObject.kind;
  t.deepEqual(
    record.object,
    {
      kind,
      name: event.involvedObject.name,
      namespace: printed.namespace ? (event.involvedObject.namespace ?? null) : record.object.namespace,
      fieldPath: printed.fieldPath ? (event.involvedObject.fieldPath ?? null) : null,
    },
    label,
  );
  if (printed.source) {
    t.is(record.component, event.source.component || event.reportingComponent || null, label);
    t.is(record.host, event.source.host || event.reportingInstance || null, label);
  }
}
