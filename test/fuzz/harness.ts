// What every input must survive, whatever its bytes: read as a file would be, detected, parsed
// by its format and by every other format too, and sieved as batch does. Nothing may throw,
// every line must be accounted for exactly once, and the sieve must change nothing the parser
// reads as undamaged. Each check returns the first broken promise in words, or null.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseFile } from '../../src/batch/parse-file.js';
import type { ParseContext } from '../../src/formats/define-format.js';
import { inputFormats } from '../../src/formats/index.js';
import { readSource } from '../../src/inputs/index.js';
import type { LineAccounting, LineClass, SkipReason } from '../../src/model/line-accounting.js';
import type { ParsedRecord } from '../../src/model/record.js';
import { parseSource } from '../../src/pipeline.js';

const options = { capturedAt: null, inputZone: 'UTC' };
const context: ParseContext = { path: 'fuzz', inputZone: 'UTC', capturedAt: null, fallbackAnchor: { at: { earliest: 0, latest: 0 }, origin: 'read-time' } };

/** Problems with one parse: the line classes and accounting against the number of lines. */
function accountingProblem(lineCount: number, classes: readonly LineClass[], accounting: LineAccounting | null, records: readonly ParsedRecord[]): string | null {
  if (classes.length !== lineCount) return `${classes.length} line classes for ${lineCount} lines`;
  if (accounting) {
    if (accounting.total !== lineCount) return `accounting total ${accounting.total} for ${lineCount} lines`;
    const sum = accounting.record + accounting.header + accounting.structure + accounting.blank + accounting.skipped;
    if (sum !== accounting.total) return `accounting adds up to ${sum}, not ${accounting.total}`;
    const skipped = Object.values(accounting.skippedByReason).reduce((total, count) => total + (count ?? 0), 0);
    if (skipped !== accounting.skipped) return `skipped by reason adds up to ${skipped}, not ${accounting.skipped}`;
  }
  const outside = records.find((record) => record.source.line < 1 || record.source.line > lineCount);
  if (outside) return `a record at line ${outside.source.line} of ${lineCount}`;
  const unlined = records.find((record) => classes[record.source.line - 1]?.kind !== 'record');
  if (unlined) return `a record at line ${unlined.source.line}, which is classed ${classes[unlined.source.line - 1]?.kind}`;
  return null;
}

/** The bytes read as an input, detected and parsed, and parsed by every format besides. */
export async function readingProblem(bytes: Uint8Array): Promise<string | null> {
  const outcome = await readSource(bytes, 'fuzz.txt', { mtimeMs: 0, readAtMs: 0 });
  if (!outcome.ok) return outcome.reason.trim() === '' ? 'unreadable without a reason' : null;
  const { lines } = outcome.source;
  const parsed = parseSource(outcome.source, options);
  const problem = accountingProblem(lines.length, parsed.lineClasses, parsed.summary.accounting, parsed.records);
  if (problem) return `pipeline: ${problem}`;
  for (const format of inputFormats) {
    const score = format.detect(lines);
    if (!(score >= 0 && score <= 1)) return `${format.id}: detect scored ${score}`;
    const result = format.parse(lines, context);
    const wrong = accountingProblem(lines.length, result.lineClasses, null, result.records);
    if (wrong) return `${format.id}: ${wrong}`;
  }
  return null;
}

/** Lines the parser skipped because the input is damaged, not because they are around the events. */
const damage: readonly SkipReason[] = ['invalid-syntax', 'truncated', 'invalid-item', 'control-characters', 'unparsed-row', 'row-fragment', 'unconfirmed-wrap', 'too-long'];
const isDamaged = (accounting: LineAccounting) => damage.some((reason) => (accounting.skippedByReason[reason] ?? 0) > 0);

let scratch: string | null = null;
let written = 0;

/** The bytes as a file of a batch: the sieve may drop records, never change what is found or counted. */
export async function sieveProblem(bytes: Uint8Array): Promise<string | null> {
  scratch ??= mkdtempSync(join(tmpdir(), 'kp-fuzz-'));
  // A name of its own: tests run side by side.
  const name = `fuzz-${(written += 1)}.txt`;
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  try {
    const task = { path, pathBelowRoot: name, capturedAt: null, inputZone: 'UTC' };
    const sieved = await parseFile(task);
    const whole = await parseFile({ ...task, sieve: false });
    if (isDeepStrictEqual(sieved, whole)) return null;
    // The sieve trusts what kubectl prints: inside an event it drops it does not look for damage the
    // parser would find. Where the parser found damage the two may differ, but the lines must still add up.
    const [read, full] = [sieved[0], whole[0]];
    if (read?.ok && full?.ok && isDamaged(full.summary.accounting) && read.summary.accounting.total === full.summary.accounting.total) return null;
    return `sieved and whole parse differ: ${JSON.stringify(sieved).slice(0, 300)} / ${JSON.stringify(whole).slice(0, 300)}`;
  } finally {
    rmSync(path, { force: true });
  }
}

export async function inputProblem(bytes: Uint8Array): Promise<string | null> {
  return (await readingProblem(bytes)) ?? (await sieveProblem(bytes));
}
