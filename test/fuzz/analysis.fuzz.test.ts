// The findings are a function of the events, not of how they reached the tool: the same records
// in any order, split over any number of files, or read twice, give the same clusters, windows
// and incidents. Records come from fixtures whose dumps overlap (the archive's prod group holds
// 32 copies of 13 events) and from other incidents.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../src/analysis/analyze.js';
import { parseFile } from '../../src/batch/parse-file.js';
import type { ParsedRecord } from '../../src/model/record.js';
import { parseAll } from '../../src/pipeline.js';

const seed = Number(process.env.FUZZ_SEED ?? 20261203);
const scale = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (numRuns: number) => ({ seed, numRuns: Math.round(numRuns * scale) });

const inputs = [
  ['fixtures/archive', 'prod-apne2/2024/11/05/0504.txt'],
  ['fixtures/archive', 'prod-apne2/2024/11/05/0512.txt'],
  ['fixtures/archive', 'prod-apne2/2024/11/05/0930.txt'],
  ['fixtures/archive', 'prod-apne2/2024/11/05/events-2024-11-05T0515Z.json.gz'],
  ['fixtures/archive', 'staging-usw2/events-2024-11-05T0510Z.txt'],
  ['fixtures/capture', 'loop-exit-status.log'],
  ['fixtures/reference', 'kubectl-get-events-A-o-json.json'],
  ['fixtures/reference', 'kubernetes-event-exporter-file-sink.ndjson'],
] as const;

async function recordsOf(): Promise<ParsedRecord[]> {
  const records: ParsedRecord[] = [];
  for (const [root, path] of inputs) {
    for (const outcome of await parseFile({ path: `${root}/${path}`, pathBelowRoot: path, capturedAt: null, inputZone: 'UTC' })) {
      if (outcome.ok) records.push(...outcome.records);
    }
  }
  return records;
}

/** What was found, without where it was read: evidence and copies name files and lines. */
function findings(analysis: Analysis): string {
  const { clusters, windows, incidents, events, untimed } = analysis;
  return JSON.stringify({ clusters, windows, incidents, events: events.length, untimed }, (key, value: unknown) => (key === 'evidence' || key === 'copies' || key === 'source' ? undefined : value));
}

test('the same records in any order give the same findings', async (t) => {
  const records = await recordsOf();
  const expected = findings(analyze(records));
  t.true(JSON.parse(expected).incidents.length >= 3, 'the records should hold incidents');
  fc.assert(
    fc.property(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), (shuffled) => findings(analyze(shuffled)) === expected),
    runs(60),
  );
  t.pass();
});

test('the same records split over several files give the same findings', async (t) => {
  const records = await recordsOf();
  const expected = findings(analyze(records));
  fc.assert(
    fc.property(fc.array(fc.nat(5), { minLength: records.length, maxLength: records.length }), (files) => {
      const split = records.map((record, index) => ({ ...record, source: { ...record.source, path: `part-${files[index]}.txt` } }) as ParsedRecord);
      return findings(analyze(split)) === expected;
    }),
    runs(60),
  );
  t.pass();
});

test('reading the same files twice changes no finding; only the copies merged grow', async (t) => {
  const records = await recordsOf();
  const once = analyze(records);
  const twice = analyze([...records, ...records.map((record) => ({ ...record, source: { ...record.source, path: `again/${record.source.path}` } }) as ParsedRecord)]);
  t.is(findings(twice), findings(once));
  t.is(twice.duplicatesMerged, once.duplicatesMerged + records.filter((record) => record.kind === 'event').length);
  t.is(twice.probes.length, once.probes.length);
});

test('a dump saved as several files (its items split over them any way) gives the findings of the one file', async (t) => {
  const list = JSON.parse(readFileSync('fixtures/reference/kubectl-get-events-A-o-json.json', 'utf8')) as { items: unknown[] };
  const dir = mkdtempSync(join(tmpdir(), 'kp-split-'));
  const whole = join(dir, 'whole.json');
  writeFileSync(whole, JSON.stringify(list, null, 4));
  const expected = findings(analyze((await parseAll([whole], { capturedAt: null, inputZone: 'UTC' })).records));
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.nat(3), { minLength: list.items.length, maxLength: list.items.length }), async (parts) => {
      const files = [0, 1, 2, 3].map((part) => {
        const path = join(dir, `run-${(run += 1)}-part-${part}.json`);
        writeFileSync(path, JSON.stringify({ ...list, items: list.items.filter((_, index) => parts[index] === part) }, null, 4));
        return path;
      });
      return findings(analyze((await parseAll(files, { capturedAt: null, inputZone: 'UTC' })).records)) === expected;
    }),
    runs(25),
  );
  t.pass();
});
