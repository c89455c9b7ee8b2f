// Fuzzing every reader with fast-check: arbitrary bytes, arbitrary text, and the real fixtures
// mutated the ways files get damaged (cut off, lines lost or doubled, line ends mixed, BOMs and
// NULs where they do not belong, tabs for spaces). With a fixed seed in `npm test`; `npm run
// fuzz` runs many more with a random seed and prints it (FUZZ_SEED=… FUZZ_RUNS=… replay one).
// A case fuzzing found is kept in fixtures/fuzz/ and checked by regressions below.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import test from 'ava';
import fc from 'fast-check';
import { inputProblem, readingProblem, sieveProblem } from './harness.js';

const seed = Number(process.env.FUZZ_SEED ?? 20261203);
const scale = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (numRuns: number) => ({ seed, numRuns: Math.round(numRuns * scale), includeErrorInReport: true });

const fixture = (path: string) => readFileSync(join('fixtures', path));

/** Inputs of every format, small enough to mutate quickly. */
const seeds = [
  'seed/eks-failover.txt',
  'kubectl-1.32/get-events-A.txt',
  'kubectl-1.32/get-events-A-o-wide.txt',
  'kubectl-1.32/kubectl-events-A.txt',
  'kubectl-1.32/describe-pod.txt',
  'kubectl-1.32/get-events-A-w-output-watch-events.txt',
  'kubectl-1.32/get-events-A-o-json-cut.stream',
  'kubectl-1.32/get-events-A-w-o-json-output-watch-events.ndjson',
  'kubectl-1.32/get-events-A-o-yaml.yaml',
  'reference/kubectl-get-events-A-o-json.json',
  'reference/kubernetes-event-exporter-file-sink.ndjson',
  'capture/retry-loop-with-tables.log',
  'capture/loop-white-check.log',
  'klog/kube-controller-manager-ip-10-0-142-31.log',
  'cloudwatch/filter-log-events.json',
  'record/sample-run/probes.ndjson',
].map(fixture);

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'drop-line' | 'double-line' | 'crlf' | 'tabs'; line: number }
  | { kind: 'bom' | 'nul'; at: number }
  | { kind: 'bytes'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('drop-line' as const, 'double-line' as const, 'crlf' as const, 'tabs' as const), line: fc.nat() }),
  fc.record({ kind: fc.constantFrom('bom' as const, 'nul' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

function lineSpans(text: Buffer): [number, number][] {
  const spans: [number, number][] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf(0x0a, start);
    const end = newline === -1 ? text.length : newline + 1;
    spans.push([start, end]);
    start = end;
  }
  return spans;
}

export function mutate(text: Buffer, change: Mutation): Buffer {
  const at = 'at' in change ? change.at % (text.length + 1) : 0;
  const lines = lineSpans(text);
  const [start, end] = 'line' in change && lines.length > 0 ? lines[change.line % lines.length]! : [0, 0];
  const line = text.subarray(start, end);
  const splice = (from: number, to: number, ...insert: Uint8Array[]) => Buffer.concat([text.subarray(0, from), ...insert, text.subarray(to)]);
  switch (change.kind) {
    case 'cut':
      return text.subarray(0, at);
    case 'drop-line':
      return splice(start, end);
    case 'double-line':
      return splice(end, end, line);
    case 'crlf':
      return line.at(-1) === 0x0a ? splice(end - 1, end, Buffer.from('\r\n')) : text;
    case 'tabs':
      return splice(start, end, Buffer.from(line.toString('latin1').replace(/ {2,}/gu, '\t'), 'latin1'));
    case 'bom':
      return splice(at, at, Buffer.from([0xef, 0xbb, 0xbf]));
    case 'nul':
      return splice(at, at, Buffer.from([0]));
    case 'bytes':
      return splice(at, at, change.bytes);
  }
}

async function expectNoProblem(t: import('ava').ExecutionContext, property: fc.IAsyncProperty<[unknown]> | fc.IAsyncProperty<unknown[]>, numRuns: number) {
  await fc.assert(property, runs(numRuns));
  t.pass();
}

test('arbitrary bytes', async (t) => {
  await expectNoProblem(
    t,
    fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
      const problem = await inputProblem(bytes);
      if (problem) throw new Error(problem);
    }),
    150,
  );
});

test('arbitrary text, and text made of pieces of event output', async (t) => {
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom('{', '}', '[', ']', '    "items": [', '        {', '        },', '            "type": "Normal",', '            "reason": "LeaderElection",', '---', 'items:', '- apiVersion: v1', 'NAMESPACE   LAST SEEN   TYPE   REASON   OBJECT   MESSAGE', 'Events:', 'I1105 05:01:20.123456       1 leaderelection.go:258] successfully acquired lease kube-system/kube-scheduler', 'Tue Nov  5 05:01:20 UTC 2024', ''),
  );
  await expectNoProblem(
    t,
    fc.asyncProperty(fc.array(piece, { maxLength: 24 }), fc.constantFrom('\n', '\r\n'), async (pieces, newline) => {
      const problem = await inputProblem(Buffer.from(pieces.join(newline)));
      if (problem) throw new Error(problem);
    }),
    150,
  );
});

test('real fixtures, damaged', async (t) => {
  await expectNoProblem(
    t,
    fc.asyncProperty(fc.constantFrom(...seeds.keys()), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), async (index, changes, gzip) => {
      const damaged = changes.reduce(mutate, seeds[index]!);
      const problem = await inputProblem(gzip ? gzipSync(damaged) : damaged);
      if (problem) throw new Error(problem);
    }),
    250,
  );
});

test('a small table and a small List, cut at every byte', async (t) => {
  for (const text of [fixture('seed/eks-failover.txt'), fixture('kubectl-1.32/get-events-A-o-json-cut.stream').subarray(0, 1200)]) {
    for (let at = 0; at <= text.length; at += 1) {
      const problem = (await readingProblem(text.subarray(0, at))) ?? (at % 7 === 0 ? await sieveProblem(text.subarray(0, at)) : null);
      if (problem) return t.fail(`cut at byte ${at}: ${problem}`);
    }
  }
  t.pass();
});

test('a 10 MB line among event rows', async (t) => {
  const table = fixture('kubectl-1.32/get-events-A.txt').toString('utf8').split('\n');
  const text = [...table.slice(0, 3), `default   2m   Normal   Pulled   pod/web-1   ${'x'.repeat(10 * 1024 * 1024)}`, ...table.slice(3)].join('\n');
  t.is(await inputProblem(Buffer.from(text)), null);
});

test('the cases fuzzing found stay fixed', async (t) => {
  const dir = join('fixtures', 'fuzz');
  for (const name of readdirSync(dir).filter((file) => file !== 'README.md')) {
    t.is(await inputProblem(readFileSync(join(dir, name))), null, name);
  }
});
