// The reference incident in table and JSON form (printed by a real kubectl 1.32.4): every
// table row must agree with the JSON of the same event, and its spans must hold the true times.
import test from 'ava';
import type { EventRecord } from '../../src/model/event-record.js';
import {
  assertSameEvent,
  findRecord,
  getEventsLastSeen,
  holdsTime,
  jsonEvents,
  kubectlEventsTimes,
} from '../helpers/json-oracle.js';
import { at, fixture, parseText } from '../helpers/parse-text.js';

const capturedAt = '2024-06-12T10:48:30Z';

const json = jsonEvents('reference/kubectl-get-events-A-o-json.json');

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
    assertSameEvent(t, record, event, { namespace: true, fieldPath: true, source: true, cutsNewlines: true });
    t.is(record.count, event.series?.count ?? event.count ?? 1);
    t.true(holdsTime(record.lastSeen, getEventsLastSeen(event)), `${event.metadata.name} LAST SEEN`);
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
    const record = findRecord(records, event);
    if (!record) {
      t.fail(`no row for ${event.metadata.name}`);
      continue;
    }
    assertSameEvent(t, record, event, { namespace: true, fieldPath: false, source: false, cutsNewlines: false });
    t.is(record.count, event.series?.count ?? event.count ?? 1);
    const { first, last } = kubectlEventsTimes(event);
    t.true(holdsTime(record.firstSeen, first), `${event.metadata.name} first`);
    t.true(holdsTime(record.lastSeen, last), `${event.metadata.name} last`);
  }
});

test('the wide table and `kubectl events` give the same events, with the wide table more precise', (t) => {
  const wide = parseText(fixture('reference/kubectl-get-events-A-o-wide.txt'), { capturedAt }).records;
  const client = parseText(fixture('reference/kubectl-events-A.txt'), { capturedAt }).records;
  const key = (record: EventRecord) => `${record.namespace} ${record.object.kind}/${record.object.name} ${record.reason} ${record.message}`;
  t.deepEqual(wide.map(key).sort(), client.map(key).sort());
});
