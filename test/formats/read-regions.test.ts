// A file read region by region: a paste holding prose, a table, JSON and klog lines gives the
// records each part gives alone, at its own lines; a file of one format reads as that format
// reads it alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import type { ParseContext } from '../../src/formats/define-format.js';
import { detectFormat, fallbackFormat } from '../../src/formats/detect.js';
import { readRegions } from '../../src/formats/read-regions.js';
import { accountingOf } from '../../src/formats/text/line-ledger.js';
import { splitLines } from '../../src/inputs/index.js';
import type { ParsedRecord } from '../../src/model/record.js';

const runs = { seed: Number(process.env.PROPERTY_SEED ?? 20_261_203), numRuns: Number(process.env.PROPERTY_RUNS ?? 60) };

const context = (path = 'paste.txt'): ParseContext => ({
  path,
  inputZone: 'UTC',
  capturedAt: { earliest: Date.parse('2024-06-12T10:48:30Z'), latest: Date.parse('2024-06-12T10:48:30Z') },
  fallbackAnchor: { at: { earliest: 0, latest: 0 }, origin: 'read-time' },
});

const linesOf = (path: string): string[] => splitLines(readFileSync(join('fixtures', path), 'utf8')).lines;

/** What a record says, without where it stands. */
const content = ({ source: { line: _line, ...source }, ...record }: ParsedRecord) => ({ ...record, source });

test('a ticket: prose, two klog lines, a table after a prompt, an exporter line', (t) => {
  const read = readRegions(linesOf('mixed/ticket-klog-table-exporter.md'), context());
  t.deepEqual(read.regions, [
    { from: 3, to: 4, format: 'klog', shapes: ['klog'] },
    { from: 9, to: 11, format: 'kubectl-text', shapes: ['kubectl-get-events'] },
    { from: 14, to: 14, format: 'json-events', shapes: ['event-ndjson'] },
  ]);
  t.deepEqual(
    read.records.map((record) => [record.source.line, record.kind, record.kind === 'event' ? record.reason : record.kind === 'log' ? record.leaderElection?.action : null]),
    [
      [3, 'log', 'attempting'],
      [4, 'log', 'acquired'],
      [10, 'event', 'LeaderElection'],
      [11, 'event', 'BackOff'],
      [14, 'event', 'Unhealthy'],
    ],
  );
  t.is(read.format?.id, 'kubectl-text');
  t.like(accountingOf(read.lineClasses), { total: 15, record: 5, header: 1, blank: 4, skipped: 5 });
  // The first format's complaints about lines another one read are gone with them.
  t.false(read.diagnostics.some((diagnostic) => diagnostic.line !== undefined && read.owners[diagnostic.line - 1] === 'klog' && /table/u.test(diagnostic.message)));
});

test('one or two klog lines among prose are read (too few for the whole file to be klog)', (t) => {
  const read = readRegions(linesOf('mixed/short-klog-paste.md'), context());
  t.is(detectFormat(linesOf('mixed/short-klog-paste.md')), null);
  t.is(read.format?.id, 'klog');
  t.deepEqual(
    read.records.map((record) => [record.source.line, record.kind === 'log' ? record.leaderElection : null]),
    [
      [3, { action: 'attempting', lock: { namespace: 'kube-system', name: 'kube-scheduler' } }],
      [7, { action: 'acquired', lock: { namespace: 'kube-system', name: 'kube-scheduler' } }],
    ],
  );
});

test('a klog file with a table after it, and a JSON List with klog lines after it', (t) => {
  const klogFirst = readRegions(linesOf('mixed/klog-then-events-table.log'), context());
  t.deepEqual(
    klogFirst.regions.map(({ from, to, format }) => [from, to, format]),
    [
      [1, 4, 'klog'],
      [6, 9, 'kubectl-text'],
    ],
  );
  t.deepEqual(
    klogFirst.records.filter((record) => record.kind === 'event').map((record) => record.kind === 'event' && record.reason),
    // klog's own "Event occurred" line, then the table's rows.
    ['LeaderElection', 'LeaderElection', 'LeaderElection', 'Unhealthy'],
  );
  const jsonFirst = readRegions(linesOf('mixed/json-list-then-notes.txt'), context());
  t.is(jsonFirst.format?.id, 'json-events');
  t.deepEqual(
    jsonFirst.regions.map(({ from, to, format }) => [from, to, format]),
    [
      [2, 41, 'json-events'],
      [44, 46, 'klog'],
    ],
  );
  t.deepEqual(
    jsonFirst.records.map((record) => (record.kind === 'log' ? record.leaderElection?.action ?? record.severity : record.kind)),
    ['event', 'error', 'renew-failed', 'lost'],
  );
});

/** Every fixture: read by regions, exactly what its format reads alone, unless it holds another format's lines. */
test('a file of one format reads exactly as its format reads it alone', (t) => {
  const files = walk('fixtures').filter((path) => !path.startsWith('fixtures/mixed/') && /\.(?:txt|log|json|ndjson|yaml|yml|csv|stream)$/u.test(path));
  t.true(files.length > 60, `${files.length} fixtures`);
  const mixed: string[] = [];
  for (const path of files) {
    const lines = splitLines(readFileSync(path, 'utf8')).lines;
    const format = detectFormat(lines) ?? fallbackFormat;
    const alone = format.parse(lines, context(path));
    const read = readRegions(lines, context(path));
    if (read.format?.id !== (alone.records.length > 0 ? format.id : read.format?.id) || read.regions.length > 1 || (alone.records.length === 0 && read.records.length > 0)) {
      mixed.push(path);
      continue;
    }
    t.deepEqual(read.records, alone.records, path);
    t.deepEqual(read.lineClasses, alone.lineClasses, path);
  }
  // Their klog lines are too few among zap lines and prose for the whole file to be klog: nothing
  // was read of them before; now their klog lines are, as a region.
  t.deepEqual(mixed, [
    'fixtures/public/013-aks-controller-runtime-leader-election-lost.txt',
    'fixtures/public/023-controller-runtime-tab-log-klog-mixed-leaderelection.txt',
    'fixtures/public/034-k8s113-klog-lost-master-backticked.txt',
  ]);
});

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** Blocks of several formats, each as it would be saved alone. */
const blocks: Record<string, string[]> = {
  table: [
    'NAMESPACE     LAST SEEN   TYPE      REASON           OBJECT                      MESSAGE',
    'kube-system   26m         Normal    LeaderElection   lease/kube-scheduler        ip-10-0-142-31.us-west-2.compute.internal_8d2e1b6c became leader',
    'default       25m         Warning   BackOff          pod/web-1                   Back-off restarting failed container',
  ],
  klog: [
    'I0612 10:22:19.300187       1 leaderelection.go:278] failed to renew lease kube-system/kube-scheduler: timed out waiting for the condition',
    'I0612 10:22:21.902617       1 leaderelection.go:258] successfully acquired lease kube-system/kube-scheduler',
  ],
  exporter: [
    '{"metadata":{"name":"web-1.17f2a","namespace":"default","uid":"8f1c2a1e-0000-4000-8000-000000000001"},"reason":"Unhealthy","message":"Readiness probe failed","type":"Warning","involvedObject":{"kind":"Pod","name":"web-1","namespace":"default"},"count":3,"firstTimestamp":"2024-06-12T10:18:00Z","lastTimestamp":"2024-06-12T10:19:00Z"}',
  ],
  list: linesOf('mixed/json-list-then-notes.txt').slice(1, 41),
  probes: linesOf('record/sample-run/probes.ndjson').slice(0, 3),
};

// Nothing here may name what a block is about: a `kubectl logs <pod>` prompt names the component of the klog lines after it.
const formatOfBlock = (name: string): string => ({ table: 'kubectl-text', klog: 'klog', probes: 'probe-samples' })[name] ?? 'json-events';

const prose = ['', 'Then this, a minute later:', '$ ls -l /var/log', '---', 'Thanks, the on-call'];

test('blocks of different formats pasted together in any order give the records each gives alone', (t) => {
  const alone = Object.fromEntries(Object.entries(blocks).map(([name, lines]) => [name, readRegions(lines, context()).records.map(content)]));
  for (const [name, records] of Object.entries(alone)) t.true(records.length > 0, name);
  fc.assert(
    fc.property(fc.shuffledSubarray(Object.keys(blocks), { minLength: 2 }), fc.array(fc.constantFrom(...prose), { minLength: 1, maxLength: 3 }), (order, between) => {
      const lines = order.flatMap((name, index) => [...(index > 0 ? between : []), ...blocks[name]!]);
      const read = readRegions(lines, context());
      t.deepEqual(read.records.map(content), order.flatMap((name) => alone[name]!), order.join(' + '));
      t.deepEqual(
        read.regions.map((region) => region.format),
        // Neighbouring blocks of one format are one region.
        order.map(formatOfBlock).filter((format, index, formats) => format !== formats[index - 1]),
        order.join(' + '),
      );
    }),
    runs,
  );
});
