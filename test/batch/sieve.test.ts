// The sieve (sieve.ts) may only ever change how fast batch is, never what it finds: every input
// read with it gives what the full parse gives (the records kept, their evidence, the line
// accounting, the counts), and what it drops is only ever a Normal event that is no election.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import test from 'ava';
import fc from 'fast-check';
import { parseFile, type FileOutcome } from '../../src/batch/parse-file.js';
import { Sieve, sieve } from '../../src/batch/sieve.js';
import { readPlainText, streamPlainText } from '../../src/inputs/index.js';
import type { EventRecord } from '../../src/model/event-record.js';
import { ensureArchive } from '../../scripts/bench/generate.js';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

const task = (path: string, root: string) => ({ path, pathBelowRoot: relative(root, path), capturedAt: null, inputZone: 'UTC' });

async function bothWays(path: string, root: string): Promise<{ sieved: FileOutcome[]; whole: FileOutcome[] }> {
  return { sieved: await parseFile(task(path, root)), whole: await parseFile({ ...task(path, root), sieve: false }) };
}

const keptEvents = (outcomes: FileOutcome[]): EventRecord[] => outcomes.flatMap((outcome) => (outcome.ok ? outcome.records.filter((record) => record.kind === 'event') : []));

/** The text the sieve is given (an empty buffer for a cut-off gzip, which the parser reports). */
const bytesOf = (path: string): Buffer => {
  const stored = readFileSync(path);
  try {
    return stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored) : stored;
  } catch {
    return Buffer.alloc(0);
  }
};

test('every fixture gives the same outcome sieved as parsed whole', async (t) => {
  const files = filesUnder('fixtures');
  let sieved = 0;
  for (const path of files) {
    const both = await bothWays(path, 'fixtures');
    t.deepEqual(both.sieved, both.whole, path);
    if (sieve(bytesOf(path)) !== null) sieved += 1;
  }
  // The sieve must have had its say on the kubectl captures, or this test proves nothing.
  t.true(sieved >= 10, `only ${sieved} fixtures were sieved`);
});

test('the layouts kubectl prints are sieved: Normal events out, elections and Warnings in, every line counted', (t) => {
  for (const [path, records] of [
    ['fixtures/kubectl-1.32/get-events-A.txt', 13],
    ['fixtures/reference/kubectl-get-events-A-o-wide.txt', 12],
    ['fixtures/reference/kubectl-get-events-A-o-json.json', 12],
    ['fixtures/reference/kubernetes-event-exporter-file-sink.ndjson', 12],
  ] as const) {
    const text = bytesOf(path);
    const sieved = sieve(text);
    if (!sieved) return t.fail(`${path} was not sieved`);
    const lines = text.toString('utf8').replace(/\n$/u, '').split('\n');
    t.is(sieved.totalLines, lines.length, path);
    t.is(sieved.lines.length + sieved.droppedLines, lines.length, path);
    t.true(sieved.droppedRecords > 0 && sieved.droppedRecords < records, path);
    // Kept lines are the input's own, at their own numbers (bar the comma a List's last kept item loses).
    sieved.lines.forEach((line, index) => t.is(line.replace(/^( {8}\}),?$/u, '$1'), lines[sieved.lineNumbers[index]! - 1]!.replace(/^( {8}\}),?$/u, '$1')));
  }
});

test('a generated archive of periodic dumps gives the same outcomes, with nearly every record sieved out', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-sieve-archive-'));
  const manifest = ensureArchive(dir, { sizeBytes: 3 * 1024 * 1024, seed: 7, warningShare: 0.1 });
  const root = join(dir, 'archive');
  const files = filesUnder(root);
  let dropped = 0;
  let events = 0;
  let others = 0;
  for (const path of files) {
    const both = await bothWays(path, root);
    t.deepEqual(both.sieved, both.whole, path);
    for (const outcome of both.sieved) if (outcome.ok) [events, others] = [events + outcome.counts.events, others + outcome.other.copies];
    dropped += sieve(bytesOf(path))?.droppedRecords ?? 0;
  }
  t.is(events, manifest.eventCopies);
  // Every Normal event that is no election, but the first record of each file (read for its shape).
  t.true(dropped <= others && dropped >= others - files.length, `${dropped} of ${others} other events sieved out`);
});

// Events crafted to look Normal to a careless reader; each must reach the parser.
const listItem = (fields: string[]) =>
  ['        {', '            "apiVersion": "v1",', '            "count": 1,', '            "firstTimestamp": "2024-11-05T05:00:00Z",', '            "involvedObject": {', '                "kind": "Pod",', '                "name": "web-1",', '                "namespace": "default"', '            },', '            "kind": "Event",', '            "lastTimestamp": "2024-11-05T05:00:00Z",', '            "message": "hello",', '            "metadata": {', '                "name": "web-1.17f0",', '                "namespace": "default",', '                "uid": "u-' + fields.join('').length + '"', '            },', ...fields, '        }'].join('\n');

function jsonList(items: string[][]): string {
  const plain = ['            "reason": "Pulled",', '            "type": "Normal"'];
  const all = [plain, ...items, plain];
  return `{\n    "apiVersion": "v1",\n    "items": [\n${all.map(listItem).join(',\n')}\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n`;
}

async function keptOf(name: string, text: string): Promise<{ kept: EventRecord[]; same: boolean; sieved: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'kp-sieve-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  const both = await bothWays(path, dir);
  return { kept: keptEvents(both.sieved), same: JSON.stringify(both.sieved) === JSON.stringify(both.whole), sieved: sieve(Buffer.from(text)) !== null };
}

test('a List item whose reason or type hides behind an escape or a repeated key is kept', async (t) => {
  const escaped = await keptOf('escaped.json', jsonList([['            "reason": "Leader\\u0045lection",', '            "type": "Normal"']]));
  t.true(escaped.sieved);
  t.true(escaped.same);
  t.deepEqual(escaped.kept.map((event) => event.reason), ['LeaderElection']);
  const repeated = await keptOf('repeated.json', jsonList([['            "reason": "BackOff",', '            "type": "Normal",', '            "type": "Warning"']]));
  t.true(repeated.same);
  t.deepEqual(repeated.kept.map((event) => event.type), ['Warning']);
  const untyped = await keptOf('untyped.json', jsonList([['            "reason": "Pulled"']]));
  t.true(untyped.same);
  t.deepEqual(untyped.kept.map((event) => event.type), [null]);
});

test('an NDJSON line whose reason is escaped, or whose type is nested only, is kept', async (t) => {
  const line = (rest: string) => `{"apiVersion":"v1","involvedObject":{"kind":"Pod","name":"web-1","namespace":"default"},"kind":"Event","lastTimestamp":"2024-11-05T05:00:00Z","message":"m","metadata":{"name":"web-1.a","namespace":"default","uid":"u${rest.length}"},${rest}}`;
  const plain = line('"reason":"Pulled","type":"Normal"');
  const text = [plain, line('"reason":"Leader\\u0045lection","type":"Normal"'), line('"reason":"Pulled","series":{"type":"Normal"}'), line('"reason":"Pulled","type":"Normal","type":"Warning"'), plain, ''].join('\n');
  const read = await keptOf('events.ndjson', text);
  t.true(read.sieved);
  t.true(read.same);
  t.deepEqual(read.kept.map((event) => [event.reason, event.type]), [
    ['LeaderElection', 'Normal'],
    ['Pulled', null],
    ['Pulled', 'Warning'],
  ]);
});

test('table rows that are elections, Warnings or untimed are kept; the rest of a clean table is sieved out', async (t) => {
  const text = [
    'NAMESPACE     LAST SEEN   TYPE      REASON           OBJECT                 MESSAGE',
    'default       2m          Normal    Pulled           pod/web-1              Container image "nginx" already present on machine',
    'kube-system   2m          Normal    LeaderElection   lease/kube-scheduler   ip-10-0-1-2_abc became leader',
    'default       2m          Warning   BackOff          pod/web-1              Back-off restarting failed container',
    'default       <unknown>   Normal    Pulled           pod/web-4              no age',
    'default       2m          Normal    Pulled           pod/web-5              Created container nginx',
    '',
  ].join('\n');
  const read = await keptOf('events.txt', text);
  t.true(read.sieved);
  t.true(read.same);
  t.deepEqual(read.kept.map((event) => event.reason), ['LeaderElection', 'BackOff']);
  const sieved = sieve(Buffer.from(text))!;
  // The header, the first row, and every row that is no Normal event with a time.
  t.deepEqual(sieved.lineNumbers, [1, 2, 3, 4, 5]);
  t.is(sieved.droppedRecords, 1);
});

test('a table with a line that does not line up is parsed whole: wrapped rows, wide characters, kubectl events rows', async (t) => {
  const header = 'NAMESPACE     LAST SEEN   TYPE      REASON           OBJECT                 MESSAGE';
  const row = (object: string, message: string, namespace = 'default  ') => `${namespace}     2m          Normal    Pulled           ${object.padEnd(23)}${message}`;
  for (const odd of [
    [row('pod/web-1', 'Container image "nginx:1.27.3-alpine-slim" already present on machine, and the terminal was'), 'narrow enough to wrap it'],
    [row('pod/web-3', 'a wide namespace shifts the columns', 'défaut   ')],
    [row('Pod/web-2', 'kubectl events prints kinds as stored')],
  ]) {
    const text = [header, row('pod/web-0', 'first'), ...odd, row('pod/web-9', 'last'), ''].join('\n');
    t.is(sieve(Buffer.from(text)), null, odd[0]);
    const read = await keptOf('events.txt', text);
    t.false(read.sieved);
    t.true(read.same);
  }
});

test('what the sieve does not know is left to the parser whole', (t) => {
  t.is(sieve(Buffer.from('LAST SEEN   TYPE   REASON   OBJECT   MESSAGE   EXTRA\n')), null);
  t.is(sieve(Buffer.from('Events:\n  Type  Reason  Age  From  Message\n')), null);
  t.is(sieve(Buffer.from('apiVersion: v1\nitems: []\n')), null);
  t.is(sieve(Buffer.from('')), null);
});

test('read in pieces of any size, every input sieves as it does whole', (t) => {
  const inputs = [
    'fixtures/kubectl-1.32/get-events-A.txt',
    'fixtures/kubectl-1.32/get-events-A-o-wide.txt',
    'fixtures/reference/kubectl-get-events-A-o-json.json',
    'fixtures/reference/kubectl-get-events.events.k8s.io-A-o-json.json',
    'fixtures/reference/kubernetes-event-exporter-file-sink.ndjson',
    'fixtures/archive/prod-apne2/2024/11/05/events-2024-11-05T0515Z.json.gz',
  ].map(bytesOf);
  fc.assert(
    fc.property(fc.constantFrom(...inputs), fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 40 }), (text, sizes) => {
      const whole = sieve(text);
      const run = Sieve.start(text.subarray(0, 64));
      if (!run) return whole === null;
      let at = 0;
      for (let index = 0; at < text.length; index += 1) {
        const size = sizes[index % sizes.length]!;
        if (!run.push(text.subarray(at, at + size))) return whole === null;
        at += size;
      }
      t.deepEqual(run.end(), whole);
      return true;
    }),
    { seed: 7, numRuns: 200 },
  );
});

test('a file streamed in pieces is the text it holds, described as when read whole', async (t) => {
  for (const path of ['fixtures/archive/prod-apne2/2024/11/05/events-2024-11-05T0515Z.json.gz', 'fixtures/kubectl-1.32/get-events-A.txt']) {
    const pieces: Buffer[] = [];
    const streamed = await streamPlainText(path, (piece) => (pieces.push(Buffer.from(piece)), true));
    const whole = readPlainText(path, 1 << 20);
    if (!streamed || whole === null || whole === 'too-large') return t.fail(path);
    const { text, readAtMs: _read, ...described } = whole;
    t.deepEqual(Buffer.concat(pieces), text, path);
    t.deepEqual({ ...streamed, readAtMs: 0 }, { ...described, readAtMs: 0 }, path);
  }
  t.is(readPlainText('fixtures/kubectl-1.32/get-events-A.txt', 100), 'too-large');
  t.is(await streamPlainText('fixtures/archive/staging-usw2/core.bin', () => true), null);
  t.is(await streamPlainText('fixtures/no-such-file', () => true), null);
});
