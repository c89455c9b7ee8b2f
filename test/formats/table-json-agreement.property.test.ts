// Property: for the same generated events, the table form (with --captured-at) and the JSON
// form give the same namespace, type, reason, object, message and count, and every span the
// table gives holds the exact time the JSON gives.
import test from 'ava';
import fc from 'fast-check';
import { jsonEvents } from '../../src/formats/json-events.js';
import { splitLines } from '../../src/inputs/index.js';
import type { EventRecord } from '../../src/model/event-record.js';
import { isEventRecord } from '../../src/model/record.js';
import { printJsonList } from '../helpers/kubectl-json.js';
import { printTable, type SampleEvent, type TableShapeName } from '../helpers/kubectl-printer.js';
import { at, mtime, parseText } from '../helpers/parse-text.js';
import { sampleEvent } from '../helpers/sample-events.js';

const capturedAt = '2024-06-12T10:48:30Z';
const capture = at(capturedAt);
const runs = { seed: Number(process.env.PROPERTY_SEED ?? 20_261_125), numRuns: Number(process.env.PROPERTY_RUNS ?? 100) };

/** API timestamps have whole seconds, and the server prints ages from them. */
const wholeSeconds = (event: SampleEvent): SampleEvent => {
  const lastAge = Math.ceil(event.lastAge / 1000) * 1000;
  const firstAge = Math.max(lastAge, Math.ceil(event.firstAge / 1000) * 1000);
  const nanos = BigInt(capture - firstAge) * 1_000_000n;
  return { ...event, lastAge, firstAge: event.count === 1 ? lastAge : firstAge, name: `${event.objectName}.${nanos.toString(16)}` };
};

function parseJson(text: string): EventRecord[] {
  return jsonEvents.parse(splitLines(text).lines, {
    path: 'events.json',
    inputZone: 'UTC',
    capturedAt: null,
    fallbackAnchor: { at: { earliest: mtime, latest: mtime }, origin: 'file-mtime' },
  }).records.filter(isEventRecord);
}

const holds = (span: { earliest: number; latest: number } | null, exact: number | undefined) =>
  span !== null && exact !== undefined && span.earliest <= exact && exact <= span.latest;

const shapes: [TableShapeName, { count: boolean; first: boolean }][] = [
  ['get-events-A', { count: false, first: false }],
  ['get-events-A-wide', { count: true, first: true }],
  ['kubectl-events-A', { count: true, first: true }],
];

for (const [shape, has] of shapes) {
  test(`${shape} and -o json agree on every event`, (t) => {
    fc.assert(
      fc.property(fc.array(sampleEvent.map(wholeSeconds), { minLength: 1, maxLength: 6 }), (events) => {
        const table = parseText(printTable(shape, events), { capturedAt }).records;
        const json = parseJson(printJsonList(events, capture));
        if (table.length !== events.length || json.length !== events.length) throw new Error(`${table.length} rows, ${json.length} items`);
        table.forEach((row, index) => {
          const item = json[index]!;
          const same = (field: string, a: unknown, b: unknown) => {
            if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${field}: table ${JSON.stringify(a)}, JSON ${JSON.stringify(b)}`);
          };
          same('namespace', row.namespace, item.namespace);
          same('type', row.type, item.type);
          same('reason', row.reason, item.reason);
          same('object', [row.object.kind, row.object.name], [item.object.kind, item.object.name]);
          same('message', row.message, item.message);
          if (has.count) same('count', row.count, item.count);
          if (!holds(row.lastSeen, item.lastSeen?.earliest)) throw new Error(`lastSeen ${JSON.stringify(row.lastSeen)} misses ${item.lastSeen?.earliest}`);
          if (has.first && !holds(row.firstSeen, item.firstSeen?.earliest) && !holds(item.firstSeen, row.firstSeen?.earliest)) {
            throw new Error(`firstSeen ${JSON.stringify(row.firstSeen)} and ${JSON.stringify(item.firstSeen)} disagree`);
          }
        });
      }),
      { ...runs, includeErrorInReport: true },
    );
    t.pass();
  });
}
