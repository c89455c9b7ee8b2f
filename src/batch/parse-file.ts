// One file of a batch (a dump, or a tar archive of several) → what the group keeps of it: for
// each input, its summary, its signal records, counts of the other events, and the evidence
// lines of the kept records; the unreadable inputs too. Plain data only, so that a worker thread
// can post it back (structured clone) and the in-process path (`--jobs 1`) gives the same thing.
import { evidenceKey, type EvidenceIndex, type EvidenceLine } from '../model/evidence.js';
import type { InputSummary, UnreadableInput } from '../model/input-summary.js';
import type { ParsedRecord } from '../model/record.js';
import type { TimeSpan } from '../model/time-span.js';
import { parseInputs } from '../pipeline.js';
import { captureFromName } from '../time/capture-from-name.js';
import type { OtherEvents } from '../model/other-events.js';
import { filterSignals, type SignalCounts } from './signals.js';

export interface FileTask {
  path: string;
  /** The path below its root, where a capture date in the name is looked for. */
  pathBelowRoot: string;
  capturedAt: TimeSpan | null;
  inputZone: string;
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

export async function parseFile(task: FileTask): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const options = {
    capturedAt: task.capturedAt,
    inputZone: task.inputZone,
    captureFromPath: () => captureFromName(task.pathBelowRoot, task.inputZone),
  };
  for await (const result of parseInputs([task.path], options)) {
    if (!result.ok) {
      outcomes.push({ ok: false, unreadable: result.unreadable });
      continue;
    }
    const { kept, other, counts } = filterSignals(result.input.records);
    // The evidence index holds lines of elections and Warnings only, all of them kept records;
    // the filter makes sure of it, so nothing of a dropped record outlives its input's text.
    const keys = new Set(kept.map((record) => evidenceKey(record.source.path, record.source.line)));
    const evidence = packEvidence([...result.input.evidence].filter(([key]) => keys.has(key)));
    outcomes.push({ ok: true, summary: result.input.summary, records: kept, other, counts, evidence });
  }
  return outcomes;
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
