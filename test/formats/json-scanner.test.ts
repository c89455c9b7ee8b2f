// The structure-only JSON scanner: real captures (List, watch stream, NDJSON, cut-off pastes),
// small inline cases for the edges, and properties over random values and random cuts.
import assert from 'node:assert/strict';
import test from 'ava';
import fc from 'fast-check';
import { scanJson, type JsonPiece, type LinePosition } from '../../src/formats/json/json-scanner.js';
import { splitLines } from '../../src/inputs/index.js';
import { fixture } from '../helpers/parse-text.js';

// Fixed so that CI runs the same cases; PROPERTY_SEED and PROPERTY_RUNS explore further.
const runs = { seed: Number(process.env.PROPERTY_SEED ?? 20_240_612), numRuns: Number(process.env.PROPERTY_RUNS ?? 200) };

type Piece<Kind extends JsonPiece['kind']> = Extract<JsonPiece, { kind: Kind }>;

const scan = (lines: readonly string[]): JsonPiece[] => [...scanJson(lines)];
const linesOf = (path: string): string[] => splitLines(fixture(path)).lines;
const ofKind = <Kind extends JsonPiece['kind']>(pieces: readonly JsonPiece[], kind: Kind): Piece<Kind>[] =>
  pieces.filter((piece): piece is Piece<Kind> => piece.kind === kind);
const kinds = (pieces: readonly JsonPiece[]): string[] => pieces.map((piece) => piece.kind);
const at = (line: number, column: number): LinePosition => ({ line, column });

test('kubectl get events -A -o json: every item on its own, then the List without them', (t) => {
  const lines = linesOf('reference/kubectl-get-events-A-o-json.json');
  const expected = JSON.parse(lines.join('\n')) as { items: { metadata: { name: string } }[] };
  const pieces = scan(lines);
  const items = ofKind(pieces, 'item');

  t.deepEqual(kinds(pieces), [...expected.items.map(() => 'item'), 'value']);
  t.deepEqual(
    items.map((item) => JSON.parse(item.text)),
    expected.items,
  );
  t.deepEqual(
    items.map((item) => (JSON.parse(item.text) as { metadata: { name: string } }).metadata.name),
    expected.items.map((item) => item.metadata.name),
  );
  for (const item of items) {
    t.is(item.container, 0);
    t.deepEqual([item.start.column, lines[item.start.line]!.trimEnd()], [8, '        {']);
    t.regex(lines[item.end.line]!, /^ {8}\},?$/u);
    t.is(item.end.column, 8);
  }
  const [list] = ofKind(pieces, 'value');
  t.deepEqual(JSON.parse(list!.text), { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } });
  t.like(list, { index: 0, itemCount: expected.items.length, start: at(0, 0), end: at(lines.length - 1, 0) });
});

test('events.k8s.io List: items with the events.k8s.io/v1 shape', (t) => {
  const lines = linesOf('reference/kubectl-get-events.events.k8s.io-A-o-json.json');
  const expected = JSON.parse(lines.join('\n')) as { items: unknown[] };
  const pieces = scan(lines);
  t.deepEqual(
    ofKind(pieces, 'item').map((item) => JSON.parse(item.text)),
    expected.items,
  );
  t.is(ofKind(pieces, 'value')[0]?.itemCount, expected.items.length);
});

test('kubectl get events -w -o json: pretty objects back to back, each a value from { to }', (t) => {
  const lines = linesOf('reference/kubectl-get-events-n-kube-system-w-o-json.stream');
  const pieces = scan(lines);
  const values = ofKind(pieces, 'value');

  t.deepEqual(kinds(pieces), values.map(() => 'value'));
  t.is(values.length, lines.filter((line) => line === '{').length);
  values.forEach((value, index) => {
    t.is(value.index, index);
    t.is(value.itemCount, null);
    t.is((JSON.parse(value.text) as { kind: string }).kind, 'Event');
    t.deepEqual([value.start.column, lines[value.start.line]], [0, '{']);
    t.deepEqual([value.end.column, lines[value.end.line]], [0, '}']);
  });
  // Nothing between the values: together they cover the whole file.
  t.is(values[0]!.start.line, 0);
  t.is(values.at(-1)!.end.line, lines.length - 1);
  t.true(values.slice(1).every((value, index) => value.start.line === values[index]!.end.line + 1));
});

test('kubernetes-event-exporter file sink: one value per line', (t) => {
  const lines = linesOf('reference/kubernetes-event-exporter-file-sink.ndjson');
  const values = ofKind(scan(lines), 'value');
  t.is(values.length, lines.length);
  values.forEach((value, line) => {
    t.deepEqual([value.start, value.end], [at(line, 0), at(line, lines[line]!.length - 1)]);
    t.is(value.text, lines[line]!);
    t.is(value.itemCount, null);
    t.true('involvedObject' in (JSON.parse(value.text) as object));
  });
});

test('025: a prompt line, then a List cut off inside its only item', (t) => {
  const lines = linesOf('public/025-events-k8s-io-v1beta1-json-truncated.json');
  const [prompt, truncated, ...rest] = scan(lines);
  t.deepEqual(rest, []);
  t.like(prompt, { kind: 'text', line: 0 });
  t.true((prompt as Piece<'text'>).text.startsWith('» kubectl get events.events.k8s.io -o=json'));
  const last = lines.length - 1;
  t.like(truncated, { kind: 'truncated', inItem: true, expected: '}', start: at(4, 8), end: at(last, lines[last]!.length - 1) });
  const text = (truncated as Piece<'truncated'>).text;
  t.true(text.startsWith('{\n            "action": "",'));
  t.true(text.endsWith('"name": "pvc",'));
});

test('044: a Markdown fence, then a pretty object cut off inside a string', (t) => {
  const lines = linesOf('public/044-eventrouter-pretty-json-oomkilling-truncated.json');
  const [fence, truncated, ...rest] = scan(lines);
  t.deepEqual(rest, []);
  t.deepEqual(fence, { kind: 'text', line: 0, text: '```' });
  const last = lines.length - 1;
  t.like(truncated, { kind: 'truncated', inItem: false, expected: 'the end of a string', start: at(1, 0), end: at(last, lines[last]!.length - 1) });
  t.true((truncated as Piece<'truncated'>).text.endsWith('"lastTimestamp": "2023-06-13T14:35:38Z'));
});

test('026 and 048: a prompt then an NDJSON line; a lone pretty object', (t) => {
  const withPrompt = scan(linesOf('public/026-openshift-eventrouter-json-line-with-prompt.txt'));
  t.deepEqual(kinds(withPrompt), ['text', 'value']);
  t.like(withPrompt[1], { start: at(1, 0), end: { line: 1 }, itemCount: null });
  t.is((JSON.parse((withPrompt[1] as Piece<'value'>).text) as { verb: string }).verb, 'ADDED');

  const lines = linesOf('public/048-events-k8s-io-v1-object-deprecated-fields.json');
  const [object, ...rest] = scan(lines);
  t.deepEqual(rest, []);
  t.like(object, { kind: 'value', start: at(0, 0), end: at(lines.length - 1, 0), itemCount: null });
  t.is((JSON.parse((object as Piece<'value'>).text) as { deprecatedCount: number }).deprecatedCount, 1);
});

test('a compact one-line List: items are exact substrings with their columns', (t) => {
  const line = '{"apiVersion":"v1","items":[{"a":1},{"b":"},]{["},[3]],"kind":"List","metadata":{"resourceVersion":""}}';
  t.deepEqual(scan([line]), [
    { kind: 'item', text: '{"a":1}', start: at(0, 28), end: at(0, 34), container: 0 },
    { kind: 'item', text: '{"b":"},]{["}', start: at(0, 36), end: at(0, 48), container: 0 },
    { kind: 'item', text: '[3]', start: at(0, 50), end: at(0, 52), container: 0 },
    {
      kind: 'value',
      text: '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}',
      start: at(0, 0),
      end: at(0, line.length - 1),
      index: 0,
      itemCount: 3,
    },
  ]);
});

test('kubectl events -o json: an EventList whose items come last', (t) => {
  const list = { kind: 'EventList', apiVersion: 'v1', metadata: { resourceVersion: '42' }, items: [{ reason: 'A' }, { reason: 'B' }] };
  const pieces = scan(JSON.stringify(list, null, 2).split('\n'));
  t.deepEqual(kinds(pieces), ['item', 'item', 'value']);
  t.deepEqual(JSON.parse((pieces[2] as Piece<'value'>).text), { ...list, items: [] });
  t.like(pieces[2], { itemCount: 2 });
});

test('a top-level array: every element is an item, scalars included', (t) => {
  const lines = ['[1, "a,]", {"b":[2]}, null,', '  -2.5e3', ']'];
  t.deepEqual(scan(lines), [
    { kind: 'item', text: '1', start: at(0, 1), end: at(0, 1), container: 0 },
    { kind: 'item', text: '"a,]"', start: at(0, 4), end: at(0, 8), container: 0 },
    { kind: 'item', text: '{"b":[2]}', start: at(0, 11), end: at(0, 19), container: 0 },
    { kind: 'item', text: 'null', start: at(0, 22), end: at(0, 25), container: 0 },
    { kind: 'item', text: '-2.5e3', start: at(1, 2), end: at(1, 7), container: 0 },
    { kind: 'value', text: '[]', start: at(0, 0), end: at(2, 0), index: 0, itemCount: 5 },
  ]);
});

test('items only come from a top-level "items" key holding an array', (t) => {
  const cases: [line: string, text: string, itemCount: number | null][] = [
    ['{"spec":{"items":[1,2]}}', '{"spec":{"items":[1,2]}}', null],
    ['{"kind":"items","list":[1,2]}', '{"kind":"items","list":[1,2]}', null],
    ['{"items":{"a":[1]}}', '{"items":{"a":[1]}}', null],
    ['{"items":[]}', '{"items":[]}', 0],
    ['{"items" : [ ] }', '{"items" : [] }', 0],
  ];
  for (const [line, text, itemCount] of cases) {
    const pieces = scan([line]);
    t.deepEqual(kinds(pieces), ['value'], line);
    t.like(pieces[0], { text, itemCount }, line);
  }
  // Key, colon and bracket on lines of their own still make a list.
  t.deepEqual(kinds(scan(['{', '"items"', ':', '[', '{}', ']', '}'])), ['item', 'value']);
});

test('} { and }garbage: what follows a value on its line', (t) => {
  t.deepEqual(scan(['{"a":1} {"b":', '2}garbage', '} x', '  ', '$ echo {"a":1}']), [
    { kind: 'value', text: '{"a":1}', start: at(0, 0), end: at(0, 6), index: 0, itemCount: null },
    { kind: 'value', text: '{"b":\n2}', start: at(0, 8), end: at(1, 1), index: 1, itemCount: null },
    { kind: 'text', line: 1, text: 'garbage' },
    { kind: 'text', line: 2, text: '} x' },
    { kind: 'text', line: 4, text: '$ echo {"a":1}' },
  ]);
  t.deepEqual(kinds(scan(['}{"a":1}{"b":2}[3]'])), ['text']);
  t.deepEqual(kinds(scan(['{"a":1}{"b":2}[3]'])), ['value', 'value', 'item', 'value']);
});

test('braces, brackets, escaped quotes and backslashes inside strings are not structure', (t) => {
  const lines = ['{"message": "a } ] \\" { [ \\\\", "path": "C:\\\\", "q": "\\\\\\"}"}', '{"next": true}'];
  const values = ofKind(scan(lines), 'value');
  t.deepEqual(
    values.map((value) => value.text),
    lines,
  );
  t.deepEqual(JSON.parse(values[0]!.text), { message: 'a } ] " { [ \\', path: 'C:\\', q: '\\"}' });
});

test('log lines and prompts between NDJSON values are text, blank lines are nothing', (t) => {
  const lines = [
    '$ kubectl logs deploy/event-exporter',
    '2024-06-12T10:15:02Z INF Received event msg="x {y}"',
    '{"reason":"A"}',
    '',
    '   ',
    '2024-06-12T10:15:03Z DBG sink ok',
    '{"type":"ADDED","object":{"reason":"B"}}',
    '```',
  ];
  t.deepEqual(
    scan(lines).map((piece) => (piece.kind === 'text' ? [piece.line, piece.text] : [piece.kind, piece.start.line])),
    [
      [0, '$ kubectl logs deploy/event-exporter'],
      [1, '2024-06-12T10:15:02Z INF Received event msg="x {y}"'],
      ['value', 2],
      [5, '2024-06-12T10:15:03Z DBG sink ok'],
      ['value', 6],
      [7, '```'],
    ],
  );
});

test('truncation: what is missing, and from where the cut-off piece starts', (t) => {
  t.deepEqual(scan(['{"a":1}', '{', '']), [
    { kind: 'value', text: '{"a":1}', start: at(0, 0), end: at(0, 6), index: 0, itemCount: null },
    { kind: 'truncated', text: '{', start: at(1, 0), end: at(1, 0), inItem: false, expected: '}', valueStart: at(1, 0) },
  ]);
  // Between items the List itself is what is cut off; its items so far were handed out.
  t.deepEqual(scan(['{"kind":"List","items":[{"a":1},', '  ']), [
    { kind: 'item', text: '{"a":1}', start: at(0, 24), end: at(0, 30), container: 0 },
    { kind: 'truncated', text: '{"kind":"List","items":[', start: at(0, 0), end: at(0, 31), inItem: false, expected: ']', valueStart: at(0, 0) },
  ]);
  t.like(scan(['{"items":[],"metadata":{"name":"x'])[0], { text: '{"items":[],"metadata":{"name":"x', expected: 'the end of a string' });
  t.like(scan(['[{"a":[1,', '2']).at(-1), { text: '{"a":[1,\n2', inItem: true, expected: ']', valueStart: at(0, 0) });
  // A scalar that ends the input may have been cut, so it is not passed off as a whole item.
  t.deepEqual(kinds(scan(['[1,', '12'])), ['item', 'truncated']);
  t.like(scan(['[1,', '12']).at(-1), { text: '12', inItem: true, start: at(1, 0) });
});

const noiseLines = ['$ kubectl get events -o json', '» kubectl get events -A -o json', '```json', '2024-06-12T10:15:02Z INF sending event'];
const nested = fc.jsonValue({ maxDepth: 3 });
const topLevelValue = fc.oneof(
  fc.dictionary(fc.string(), nested, { maxKeys: 5 }),
  fc.array(nested, { maxLength: 5 }),
  fc.record({ apiVersion: fc.constant('v1'), items: fc.array(nested, { maxLength: 5 }), kind: fc.constant('List') }),
  fc.record({ kind: fc.constant('EventList'), metadata: nested, items: fc.array(nested, { maxLength: 5 }) }),
);
const printedValue = fc.record({
  value: topLevelValue,
  indent: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant('\t')),
  gap: fc.array(fc.constantFrom('', ' ', '\t'), { maxLength: 3 }),
  noise: fc.option(fc.constantFrom(...noiseLines), { nil: null }),
});
type PrintedValue = typeof printedValue extends fc.Arbitrary<infer Printed> ? Printed : never;

interface PrintedStream {
  lines: string[];
  values: { value: unknown; first: number; last: number }[];
  texts: { line: number; text: string }[];
}

function printStream(printed: readonly PrintedValue[], withNoise: boolean): PrintedStream {
  const stream: PrintedStream = { lines: [], values: [], texts: [] };
  for (const { value, indent, gap, noise } of printed) {
    stream.lines.push(...gap);
    if (withNoise && noise !== null) {
      stream.texts.push({ line: stream.lines.length, text: noise });
      stream.lines.push(noise);
    }
    const first = stream.lines.length;
    stream.lines.push(...JSON.stringify(value, null, indent).split('\n'));
    stream.values.push({ value: JSON.parse(JSON.stringify(value)), first, last: stream.lines.length - 1 });
  }
  return stream;
}

/** Puts each container's items back into its value, to compare with what was printed. */
function reassemble(pieces: readonly JsonPiece[]): unknown[] {
  const items = ofKind(pieces, 'item');
  return ofKind(pieces, 'value').map((piece) => {
    const value = JSON.parse(piece.text) as unknown;
    if (piece.itemCount === null) return value;
    const own = items.filter((item) => item.container === piece.index).map((item) => JSON.parse(item.text) as unknown);
    assert.equal(own.length, piece.itemCount, `value ${piece.index}: items yielded vs itemCount`);
    if (Array.isArray(value)) return own;
    (value as { items: unknown[] }).items = own;
    return value;
  });
}

// Properties assert with node:assert so that fast-check sees the failure and shrinks it.
test('property: pretty-printed values with blank lines and prompts between them come back exactly', (t) => {
  fc.assert(
    fc.property(fc.array(printedValue, { minLength: 1, maxLength: 5 }), (printed) => {
      const stream = printStream(printed, true);
      const pieces = scan(stream.lines);
      const values = ofKind(pieces, 'value');
      assert.deepEqual(reassemble(pieces), stream.values.map(({ value }) => value));
      assert.deepEqual(
        values.map((value) => [value.index, value.start.line, value.end.line]),
        stream.values.map(({ first, last }, index) => [index, first, last]),
      );
      assert.deepEqual(
        ofKind(pieces, 'text').map(({ line, text }) => ({ line, text })),
        stream.texts,
      );
      assert.ok(!pieces.some((piece) => piece.kind === 'truncated'));
      // In input order: each item inside its value's lines, and handed out before the value.
      for (const item of ofKind(pieces, 'item')) {
        const value = values[item.container];
        assert.ok(value !== undefined && value.start.line <= item.start.line && item.end.line <= value.end.line);
        assert.ok(pieces.indexOf(item) < pieces.indexOf(value));
      }
    }),
    runs,
  );
  t.pass();
});

const isSame = (a: LinePosition, b: LinePosition): boolean => a.line === b.line && a.column === b.column;
const isBefore = (a: LinePosition, b: LinePosition): boolean => a.line < b.line || (a.line === b.line && a.column < b.column);
const startOf = (piece: JsonPiece): LinePosition => (piece.kind === 'text' ? at(piece.line, 0) : piece.start);
const endOf = (piece: JsonPiece): LinePosition => (piece.kind === 'text' ? at(piece.line, 0) : piece.end);

const cutStream = fc
  .array(printedValue, { minLength: 1, maxLength: 4 })
  .map((printed) => printStream(printed, false).lines)
  .chain((lines) =>
    fc.integer({ min: 0, max: lines.length - 1 }).chain((line) =>
      fc.integer({ min: 0, max: lines[line]!.length }).map((column) => ({ lines, cut: at(line, column) })),
    ),
  );

test('property: a stream cut anywhere gives its complete pieces and at most one truncated piece', (t) => {
  fc.assert(
    fc.property(cutStream, ({ lines, cut }) => {
      const whole = scan(lines);
      const pieces = scan([...lines.slice(0, cut.line), lines[cut.line]!.slice(0, cut.column)]);
      const truncated = ofKind(pieces, 'truncated');
      const complete = pieces.filter((piece) => piece.kind !== 'truncated');

      assert.ok(truncated.length <= 1);
      assert.deepEqual(complete, whole.slice(0, complete.length));
      const notYet = whole.slice(complete.length);
      const cutShort = truncated[0];
      if (cutShort === undefined) {
        assert.ok(notYet.every((piece) => !isBefore(startOf(piece), cut)), 'nothing was open at the cut');
        return;
      }
      assert.equal(pieces.at(-1), cutShort);
      // Only the piece cut short (a scalar that ends the input, say) may have ended before the cut.
      assert.ok(notYet.filter((piece) => isBefore(endOf(piece), cut)).every((piece) => isSame(startOf(piece), cutShort.start)));
      const original = notYet.find((piece) => piece.kind === (cutShort.inItem ? 'item' : 'value') && isSame(piece.start, cutShort.start));
      assert.ok(original !== undefined && original.kind !== 'text', 'the truncated piece starts where a whole piece did');
      assert.ok(original.text.startsWith(cutShort.text), 'the truncated text is a prefix of the whole');
    }),
    runs,
  );
  t.pass();
});
