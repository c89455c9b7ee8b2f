// The reference incident in table and JSON form (printed by a real kubectl 1.32.4): every
// table row must agree with the JSON of the same event, and its spans must hold the true times.
import test from 'ava';
import type { EventRecord } from '../../src/model/event-record.js';
import type { TimeSpan } from '../../src/model/time-span.js';
import { at, fixture, parseText } from '../helpers/parse-text.js';

const capturedAt = '2024-06-12T10:48:30Z';

interface JsonEvent {
  metadata: { name: string; namespace: string };
  involvedObject: { kind: string; name: string; namespace?: string; fieldPath?: string };
  reason: string;
  message: string;
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

const json: JsonEvent[] = JSON.parse(fixture('reference/kubectl-get-events-A-o-json.json')).items;

const within = (span: TimeSpan | null, iso: string | null) =>
  span !== null && iso !== null && span.earliest <= at(iso) && at(iso) <= span.latest;

/** What printEvent shows as LAST SEEN (formats.md §2.3). */
const printedLastSeen = (event: JsonEvent) =>
  event.series?.lastObservedTime ?? event.lastTimestamp ?? event.firstTimestamp ?? event.eventTime;

function sameEventFields(
  t: import('ava').ExecutionContext,
  record: EventRecord,
  event: JsonEvent,
  printsFieldPath = true,
): void {
  t.is(record.namespace, event.metadata.namespace);
  t.is(record.type, event.type);
  t.is(record.reason, event.reason);
  t.is(record.message, event.message.trim());
  t.deepEqual(record.object, {
    kind: event.involvedObject.kind,
    name: event.involvedObject.name,
    namespace: event.involvedObject.namespace ?? null,
    fieldPath: printsFieldPath ? (event.involvedObject.fieldPath ?? null) : null,
  });
}

test('`get events -A -o wide` agrees with `-o json` field by field', (t) => {
  const { records, accounting, shapes } = parseText(fixture('reference/kubectl-get-events-A-o-wide.txt'), { capturedAt });
  t.deepEqual(shapes, ['kubectl-get-events']);
  t.is(records.length, json.length);
  t.is(accounting.header, 1);
  for (const event of json) {
    const record = records.find((candidate) => candidate.name === event.metadata.name);
    if (!record) {
      t.fail(`no row for ${event.metadata.name}`);
      continue;
    }
    sameEventFields(t, record, event);
    t.is(record.component, event.source.component || event.reportingComponent || null);
    t.is(record.host, event.source.host || event.reportingInstance || null);
    t.is(record.count, event.series?.count ?? event.count ?? 1);
    t.true(within(record.lastSeen, printedLastSeen(event)), `${event.metadata.name} LAST SEEN`);
    // The name's hex suffix is the creation time to the nanosecond: within a second of the JSON's.
    const created = at(event.firstTimestamp ?? event.eventTime!);
    t.true(record.firstSeen!.earliest >= created - 1000 && record.firstSeen!.latest <= created + 1000, event.metadata.name);
    t.true(record.firstSeen!.latest - record.firstSeen!.earliest <= 1);
  }
});

test('`kubectl events -A` agrees with `-o json`, series included', (t) => {
  const { records, shapes } = parseText(fixture('reference/kubectl-events-A.txt'), { capturedAt });
  t.deepEqual(shapes, ['kubectl-events']);
  t.is(records.length, json.length);
  for (const event of json) {
    const record = records.find(
      (candidate) =>
        candidate.object.name === event.involvedObject.name &&
        candidate.reason === event.reason &&
        candidate.message === event.message.trim(),
    );
    if (!record) {
      t.fail(`no row for ${event.metadata.name}`);
      continue;
    }
    sameEventFields(t, record, event, false);
    t.is(record.count, event.series?.count ?? event.count ?? 1);
    // kubectl events: first is eventTime before firstTimestamp (formats.md §3).
    t.true(within(record.firstSeen, event.eventTime ?? event.firstTimestamp), `${event.metadata.name} first`);
    const last = event.series
      ? event.series.lastObservedTime
      : (event.count ?? 1) > 1
        ? event.lastTimestamp
        : (event.eventTime ?? event.firstTimestamp);
    t.true(within(record.lastSeen, last), `${event.metadata.name} last`);
  }
});

test('the wide table and `kubectl events` give the same events, with the wide table more precise', (t) => {
  const wide = parseText(fixture('reference/kubectl-get-events-A-o-wide.txt'), { capturedAt }).records;
  const client = parseText(fixture('reference/kubectl-events-A.txt'), { capturedAt }).records;
  const key = (record: EventRecord) => `${record.namespace} ${record.object.kind}/${record.object.name} ${record.reason} ${record.message}`;
  t.deepEqual(wide.map(key).sort(), client.map(key).sort());
});
