// One file of a batch (a dump, or a tar archive of several) → what the group keeps of it: for
// each input, its summary, its signal records, counts of the other events, and the evidence
// lines of the kept records; the unreadable inputs too. Plain data only, so that a worker thread
// can post it back (structured clone) and the in-process path (`--jobs 1`) gives the same thing.
import { evidenceKey, type EvidenceIndex, type EvidenceLine } from '../model/evidence.js';
import type { InputSummary, InputRegion, UnreadableInput } from '../model/input-summary.js';
import type { OtherEvents } from '../model/other-events.js';
import type { ParsedRecord } from '../model/record.js';
import type { TimeSpan } from '../model/time-span.js';
import { readPlainText, streamPlainText, type PlainText } from '../inputs/index.js';
import { parseInputs, parseSource, type ParsedInput, type ParseOptions } from '../pipeline.js';
import { captureFromName } from '../time/capture-from-name.js';
import { keepAll, Sieve, sieve, type SievedText } from './sieve.js';
import { filterSignals, type SignalCounts } from './signals.js';

export interface FileTask {
  path: string;
  /** The path below its root, where a capture date in the name is looked for. */
  pathBelowRoot: string;
  capturedAt: TimeSpan | null;
  inputZone: string;
  /** false: parse every record, as the other commands do (tests compare the two). */
  sieve?: boolean;
}

export type FileOutcome =
  | {
      ok: true;
      summary: InputSummary;
      records: ParsedRecord[];
      other: OtherEvents;
      counts: SignalCounts;
      evidence: PackedEvidence;
    }
  | { ok: false; unreadable: UnreadableInput };

type ReadInput = Pick<ParsedInput, 'records' | 'evidence' | 'summary'>;

/** Files up to this size (gunzipped) are read whole, larger ones in pieces. */
const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;

type InputDescription = Omit<PlainText, 'text'>;

/**
 * The input through the sieve; null when it is not plain text, or too large to hold and in no
 * layout the sieve knows (the parser then streams it).
 */
async function readSieved(path: string): Promise<{ input: InputDescription; text: SievedText } | null> {
  const plain = readPlainText(path, WHOLE_FILE_LIMIT);
  if (plain === null) return null;
  if (plain !== 'too-large') {
    const { text: bytes, ...input } = plain;
    return { input, text: sieve(bytes) ?? keepAll(bytes) };
  }
  let run: Sieve | null | undefined;
  const input = await streamPlainText(path, (piece) => {
    run ??= Sieve.start(piece);
    return run !== null && run.push(piece);
  });
  const text = input && run ? run.end() : null;
  return input && text && { input, text };
}

export async function parseFile(task: FileTask): Promise<FileOutcome[]> {
  const options: ParseOptions = {
    capturedAt: task.capturedAt,
    inputZone: task.inputZone,
    captureFromPath: () => captureFromName(task.pathBelowRoot, task.inputZone),
  };
  const sieved = task.sieve === false ? null : await readSieved(task.path);
  if (sieved) return [keptOf(parseSieved(sieved.input, sieved.text, options), sieved.text.droppedRecords)];
  const outcomes: FileOutcome[] = [];
  for await (const result of parseInputs([task.path], options)) {
    outcomes.push(result.ok ? keptOf(result.input, 0) : { ok: false, unreadable: result.unreadable });
  }
  return outcomes;
}

/** What the group keeps of a parsed input; `sievedOut` events were dropped before it was parsed. */
function keptOf(input: ReadInput, sievedOut: number): FileOutcome {
  const { kept, other, counts } = filterSignals(input.records);
  // The evidence index holds lines of elections and Warnings only, all of them kept records;
  // the filter makes sure of it, so nothing of a dropped record outlives its input's text.
  const keys = new Set(kept.map((record) => evidenceKey(record.source.path, record.source.line)));
  const evidence = packEvidence([...input.evidence].filter(([key]) => keys.has(key)));
  return {
    ok: true,
    summary: input.summary,
    records: kept,
    other: { ...other, copies: other.copies + sievedOut },
    counts: { ...counts, events: counts.events + sievedOut },
    evidence,
  };
}

/**
 * The sieved text parsed as the input it came from: records, evidence and line classes carry the
 * input's line numbers, and the lines of the dropped records count as record lines.
 */
function parseSieved(input: InputDescription, sieved: SievedText, options: ParseOptions): ReadInput {
  // Nothing sieved out (a table of Warnings, a header alone, no layout the sieve knows): the lines are all the input's, and its format is detected as for any input.
  const parsed = parseSource({ ...input, lines: sieved.lines }, options, sieved.droppedRecords > 0 ? (sieved.format ?? undefined) : undefined);
  const lineOf = (line: number) => sieved.lineNumbers[line - 1]!;
  const evidence: EvidenceIndex = new Map();
  for (const [key, lines] of parsed.evidence) {
    const line = Number(key.slice(key.lastIndexOf(':') + 1));
    evidence.set(evidenceKey(input.path, lineOf(line)), lines.map((shown) => ({ ...shown, line: lineOf(shown.line) })));
  }
  const records = parsed.records.map((record) => ({ ...record, source: { ...record.source, line: lineOf(record.source.line) } }));
  const accounting = { ...parsed.summary.accounting, total: sieved.totalLines, record: parsed.summary.accounting.record + sieved.droppedLines };
  const regions = withDroppedLines(parsed.summary.regions.map((region) => ({ ...region, from: lineOf(region.from), to: lineOf(region.to) })), sieved);
  const captures = parsed.summary.captures.map((capture) => (capture.line === undefined ? capture : { ...capture, line: lineOf(capture.line) }));
  return { records, evidence, summary: { ...parsed.summary, accounting, regions, captures } };
}

/** The lines the sieve dropped were records of its layout's format: its regions cover them, as in the whole parse. */
function withDroppedLines(regions: readonly InputRegion[], sieved: SievedText): InputRegion[] {
  const format = sieved.format?.id;
  if (format === undefined || sieved.droppedLines === 0) return [...regions];
  const dropped: InputRegion[] = [];
  let next = 1;
  for (const kept of [...sieved.lineNumbers, sieved.totalLines + 1]) {
    if (kept > next) dropped.push({ from: next, to: kept - 1, format, shapes: [] });
    next = kept + 1;
  }
  const merged: InputRegion[] = [];
  for (const region of [...regions, ...dropped].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last?.format === region.format) {
      last.to = Math.max(last.to, region.to);
      last.shapes = [...new Set([...last.shapes, ...region.shapes])];
    } else {
      merged.push({ ...region });
    }
  }
  return merged;
}

/**
 * Evidence lines as a few flat arrays: posted between threads, hundreds of thousands of small
 * objects cost seconds to rebuild where these cost a fraction of one.
 */
export interface PackedEvidence {
  keys: string[];
  /** How many lines each key has. */
  counts: Int32Array;
  paths: string[];
  /** Per line: its path's index in `paths`, its line number, its text. */
  pathIndexes: Int32Array;
  lines: Int32Array;
  texts: string[];
}

export function packEvidence(entries: readonly (readonly [string, readonly EvidenceLine[]])[]): PackedEvidence {
  const total = entries.reduce((sum, [, lines]) => sum + lines.length, 0);
  const packed: PackedEvidence = {
    keys: [],
    counts: new Int32Array(entries.length),
    paths: [],
    pathIndexes: new Int32Array(total),
    lines: new Int32Array(total),
    texts: [],
  };
  const pathIndex = new Map<string, number>();
  let at = 0;
  for (const [entry, [key, lines]] of entries.entries()) {
    packed.keys.push(key);
    packed.counts[entry] = lines.length;
    for (const line of lines) {
      let index = pathIndex.get(line.path);
      if (index === undefined) {
        index = packed.paths.push(line.path) - 1;
        pathIndex.set(line.path, index);
      }
      packed.pathIndexes[at] = index;
      packed.lines[at] = line.line;
      packed.texts.push(line.text);
      at += 1;
    }
  }
  return packed;
}

export function unpackEvidence(packed: PackedEvidence, into: EvidenceIndex): void {
  let at = 0;
  for (const [entry, key] of packed.keys.entries()) {
    const lines: EvidenceLine[] = [];
    for (let count = packed.counts[entry]!; count > 0; count -= 1, at += 1) {
      lines.push({ path: packed.paths[packed.pathIndexes[at]!]!, line: packed.lines[at]!, text: packed.texts[at]! });
    }
    into.set(key, lines);
  }
}
