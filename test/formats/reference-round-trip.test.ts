// The reference incident in table and JSON form (printed by a real kubectl 1.32.4): every
// table row must agree with the JSON of the same event, and its spans must hold the true times.
import { resolve } from 'node:path';
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
import { at, fixture, parseText, withEvents } from '../helpers/parse-text.js';

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

test('all six forms of the reference incident give the same events, detected on their own', async (t) => {
  const { readInputs } = await import('../../src/inputs/index.js');
  const { parseSource } = await import('../../src/pipeline.js');
  const outcomes = await readInputs([resolve('fixtures/reference')]);
  const parsed = new Map(
    outcomes.flatMap((outcome) =>
      outcome.ok && !outcome.source.path.endsWith('README.md')
        ? [[outcome.source.path.split('/').pop()!, withEvents(parseSource(outcome.source, { capturedAt: { earliest: at(capturedAt), latest: at(capturedAt) }, inputZone: 'UTC' }))]]
        : [],
    ),
  );
  t.deepEqual([...parsed.values()].map((input) => input.summary.format), ['kubectl-text', 'json-events', 'kubectl-text', 'json-events', 'json-events', 'json-events']);
  const truth = parsed.get('kubectl-get-events-A-o-json.json')!.records;
  const key = (record: EventRecord) => `${record.namespace} ${record.object.kind}/${record.object.name} ${record.reason} ${record.message}`;
  for (const [name, input] of parsed) {
    t.is(input.summary.accounting.skipped, 0, name);
    for (const record of input.records) {
      const same = truth.find((event) => key(event) === key(record));
      if (!same) {
        t.fail(`${name}: ${key(record)} is not in the JSON`);
        continue;
      }
      if (record.capture) t.true(holdsTime(record.lastSeen, new Date(same.lastSeen!.earliest).toISOString()), `${name}: ${key(record)}`);
    }
  }
  const tables = [...parsed].filter(([, input]) => input.summary.format === 'kubectl-text');
  for (const [name, input] of tables) t.deepEqual(input.records.map(key).sort(), truth.map(key).sort(), name);
});
