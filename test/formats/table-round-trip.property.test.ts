// Property: random events printed in every table shape kubectl has used parse back to the
// same fields, with spans that hold the true times; and every line is accounted for.
import test from 'ava';
import fc from 'fast-check';
import { decodeText, splitLines } from '../../src/inputs/index.js';
import type { EventRecord } from '../../src/model/event-record.js';
import { at, parseLines, parseText } from '../helpers/parse-text.js';
import { printTable, type SampleEvent, type TableShapeName } from '../helpers/kubectl-printer.js';
import { sampleEvent } from '../helpers/sample-events.js';

const capturedAt = '2024-06-12T10:48:30Z';
// Fixed so that CI runs the same cases; PROPERTY_SEED and PROPERTY_RUNS explore further.
const runs = { seed: Number(process.env.PROPERTY_SEED ?? 20_261_125), numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };
const capture = at(capturedAt);

interface ShapeFacts {
  namespace: boolean;
  objectName: boolean;
  wideFields: boolean;
  count: boolean;
  firstSeen: boolean;
  collapsed?: boolean;
  describe?: boolean;
}

const shapes: Record<TableShapeName, ShapeFacts> = {
  'get-events': { namespace: false, objectName: true, wideFields: false, count: false, firstSeen: false },
  'get-events-A': { namespace: true, objectName: true, wideFields: false, count: false, firstSeen: false },
  'get-events-A-no-headers': { namespace: true, objectName: true, wideFields: false, count: false, firstSeen: false },
  'get-events-A-collapsed': { namespace: true, objectName: true, wideFields: false, count: false, firstSeen: false, collapsed: true },
  'get-events-A-wide': { namespace: true, objectName: true, wideFields: true, count: true, firstSeen: true },
  'get-events-A-wide-no-headers': { namespace: true, objectName: true, wideFields: true, count: true, firstSeen: true },
  'kubectl-events-A': { namespace: true, objectName: true, wideFields: false, count: true, firstSeen: true },
  describe: { namespace: false, objectName: false, wideFields: false, count: true, firstSeen: true, describe: true },
  'get-events-v1.12-A': { namespace: true, objectName: false, wideFields: false, count: false, firstSeen: false },
  'get-events-legacy': { namespace: false, objectName: true, wideFields: true, count: true, firstSeen: true },
};

const holds = (span: { earliest: number; latest: number } | null, time: number) =>
  span !== null && span.earliest <= time && time <= span.latest;

function matches(record: EventRecord, event: SampleEvent, facts: ShapeFacts): string | null {
  const expected = {
    namespace: facts.namespace ? event.namespace : null,
    type: event.type,
    reason: event.reason,
    kind: facts.describe ? null : event.kind,
    name: facts.objectName ? event.objectName : null,
    fieldPath: facts.wideFields ? event.fieldPath : null,
    component: facts.wideFields || facts.describe ? event.component : null,
    host: facts.wideFields ? event.host : null,
    message: facts.collapsed ? event.message.replace(/\s+/gu, ' ') : event.message,
    count: facts.count ? event.count : null,
  };
  const actual = {
    namespace: record.namespace,
    type: record.type,
    reason: record.reason,
    kind: record.object.kind,
    name: record.object.name,
    fieldPath: record.object.fieldPath,
    component: record.component,
    host: record.host,
    message: record.message,
    count: record.count,
  };
  if (JSON.stringify(actual) !== JSON.stringify(expected)) return `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  if (!holds(record.lastSeen, capture - event.lastAge)) return `lastSeen ${JSON.stringify(record.lastSeen)} misses ${capture - event.lastAge}`;
  if (facts.firstSeen && !holds(record.firstSeen, capture - event.firstAge)) return `firstSeen misses ${capture - event.firstAge}`;
  return null;
}

for (const [shape, facts] of Object.entries(shapes) as [TableShapeName, ShapeFacts][]) {
  test(`events printed as ${shape} parse back to the same fields`, (t) => {
    fc.assert(
      fc.property(fc.array(sampleEvent, { minLength: 1, maxLength: 8 }), (events) => {
        const text = printTable(shape, events);
        const { records, accounting } = parseText(text, { capturedAt });
        if (accounting.skipped > 0 || records.length !== events.length) {
          throw new Error(`${records.length} records, ${JSON.stringify(accounting.skippedByReason)} skipped, from:\n${text}`);
        }
        records.forEach((record, index) => {
          const problem = matches(record, events[index]!, facts);
          if (problem) throw new Error(`row ${index + 1}: ${problem}\n${text}`);
        });
      }),
      { ...runs, includeErrorInReport: true },
    );
    t.pass();
  });
}

test('every line of any text is accounted for exactly once', (t) => {
  const line = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom('NAMESPACE   LAST SEEN   TYPE   REASON   OBJECT   MESSAGE', 'Events:', '  ----  ----', '$ kubectl get events -A', '```', ''),
    sampleEvent.map((event) => printTable('get-events-A-no-headers', [event]).trimEnd()),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const text = lines.join('\n');
      const { classes, accounting } = parseText(text);
      const expectedLines = text === '' ? 0 : text.replace(/\n$/u, '').split('\n').length;
      return (
        classes.length === expectedLines &&
        accounting.total === expectedLines &&
        accounting.record + accounting.header + accounting.blank + accounting.skipped === accounting.total
      );
    }),
    { ...runs, numRuns: runs.numRuns * 2 },
  );
  t.pass();
});

test('random bytes, decoded as an input would be, never break the accounting', (t) => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const decoded = decodeText(bytes);
      if (!decoded.ok) return true;
      const { lines } = splitLines(decoded.text);
      const { classes, accounting } = parseLines(lines);
      return classes.length === lines.length && accounting.total === lines.length;
    }),
    { ...runs, numRuns: runs.numRuns * 4 },
  );
  t.pass();
});
