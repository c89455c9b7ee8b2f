// A file is read region by region. A ticket, a Slack paste or a terminal transcript holds several
// things at once: prose, a table, a JSON object, klog lines. The format that best explains the
// whole file reads it first, exactly as it would read a file of its own; then every run of lines
// it left unread is offered to the other formats, each of which claims the lines it can make
// records of, and what they leave is offered on in turn. So a file of one format reads exactly
// as before, and the lines of a second format inside it are no longer lost as "prose".
import type { CaptureAnchor } from '../model/capture-anchor.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { InputRegion } from '../model/input-summary.js';
import type { LineClass } from '../model/line-accounting.js';
import type { ParsedRecord } from '../model/record.js';
import type { InputFormat, ParseContext, ParseResult } from './define-format.js';
import { detectFormat, fallbackFormat } from './detect.js';
import { inputFormats, type InputFormatId } from './index.js';

export interface RegionalParse extends ParseResult {
  /** The format that read the file first, or the one that read most of it when that one read nothing. */
  format: InputFormat | null;
  regions: InputRegion[];
  /** The format that claimed each line (record, header or structure); null for the rest. */
  owners: (InputFormatId | null)[];
}

/** `known`: the format a caller has already recognised (batch's sieve), read first without detecting. */
export function readRegions(lines: readonly string[], context: ParseContext, known?: InputFormat): RegionalParse {
  const detected = known ?? detectFormat(lines);
  const first = detected ?? fallbackFormat;
  const whole = first.parse(lines, context);
  const merged: Merged = {
    records: [...whole.records],
    lineClasses: [...whole.lineClasses],
    shapes: [...whole.shapes],
    captures: [...whole.captures],
    diagnostics: whole.diagnostics.map((diagnostic) => ({ diagnostic, by: first.id })),
    owners: whole.lineClasses.map((lineClass) => (isClaimed(lineClass) ? first.id : null)),
  };
  readLeftovers(lines, context, merged, 0, lines.length, new Set([first.id]));

  // In line order once another format added records; a format's own order is kept (a retry loop's probe comes after the table it printed).
  const records = merged.records.length > whole.records.length ? merged.records.sort((a, b) => a.source.line - b.source.line) : merged.records;
  const regions = regionsOf(merged.owners, records);
  const leading = whole.records.length > 0 || regions.length === 0 ? detected : inputFormats.find((format) => format.id === regions[0]!.format)!;
  return {
    records,
    lineClasses: merged.lineClasses,
    shapes: merged.shapes,
    captures: merged.captures,
    diagnostics: merged.diagnostics.filter(({ diagnostic, by }) => isAbout(diagnostic, by, merged.owners, first.id)).map(({ diagnostic }) => diagnostic),
    format: leading,
    regions,
    owners: merged.owners,
  };
}

interface Merged {
  records: ParsedRecord[];
  lineClasses: LineClass[];
  shapes: string[];
  captures: CaptureAnchor[];
  diagnostics: { diagnostic: Diagnostic; by: InputFormatId }[];
  owners: (InputFormatId | null)[];
}

const isClaimed = (lineClass: LineClass): boolean => lineClass.kind === 'record' || lineClass.kind === 'header' || lineClass.kind === 'structure';

/**
 * A diagnostic about a line is kept when its author read that line: the format that claimed it,
 * or the first format for a line nobody claimed. (The first format's complaint about a line a
 * second one read, or a second one's about a line it left, says nothing true of the file.)
 */
function isAbout(diagnostic: Diagnostic, by: InputFormatId, owners: readonly (InputFormatId | null)[], first: InputFormatId): boolean {
  if (diagnostic.line === undefined) return true;
  return (owners[diagnostic.line - 1] ?? first) === by;
}

/** Offers each run of unclaimed lines in [start, end) to the formats not yet tried on it. */
function readLeftovers(lines: readonly string[], context: ParseContext, merged: Merged, start: number, end: number, tried: ReadonlySet<string>): void {
  for (const run of unclaimedRuns(lines, merged.lineClasses, start, end)) {
    const runLines = lines.slice(run.start, run.end);
    for (const format of candidatesFor(runLines, tried)) {
      const result = format.parse(runLines, context);
      if (result.records.length === 0) continue;
      adopt(merged, format, result, run.start);
      readLeftovers(lines, context, merged, run.start, run.end, new Set([...tried, format.id]));
      break;
    }
  }
}

/** Maximal runs of lines no format claimed, holding at least one line that is not blank. */
function unclaimedRuns(lines: readonly string[], classes: readonly LineClass[], start: number, end: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let open: { start: number; end: number; text: boolean } | null = null;
  for (let index = start; index <= end; index += 1) {
    const free = index < end && !isClaimed(classes[index]!);
    if (free) {
      open ??= { start: index, end: index, text: false };
      open.end = index + 1;
      if (lines[index]!.trim() !== '') open.text = true;
    } else if (open) {
      if (open.text) runs.push({ start: open.start, end: open.end });
      open = null;
    }
  }
  return runs;
}

/**
 * The formats whose own lines appear in the run, best detected first. A format's `startsRegion`
 * is a cheap test of one line; only runs that hold such a line are parsed, so text that no
 * format reads costs one test per line and format.
 */
function candidatesFor(runLines: readonly string[], tried: ReadonlySet<string>): InputFormat[] {
  const candidates = inputFormats.filter((format) => !tried.has(format.id) && format.startsRegion !== undefined && runLines.some((line) => format.startsRegion!(line)));
  const scores = new Map<InputFormat, number>(candidates.map((format) => [format, format.detect(runLines)]));
  // Array.prototype.sort is stable: equal scores keep the registry's order.
  return candidates.sort((a, b) => scores.get(b)! - scores.get(a)!);
}

/** Takes a format's reading of a run: the lines it claimed, its records and what it found, placed at the run's lines. */
function adopt(merged: Merged, format: InputFormat, result: ParseResult, offset: number): void {
  result.lineClasses.forEach((lineClass, index) => {
    if (!isClaimed(lineClass)) return;
    merged.lineClasses[offset + index] = lineClass;
    merged.owners[offset + index] = format.id;
  });
  for (const record of result.records) merged.records.push({ ...record, source: { ...record.source, line: record.source.line + offset } });
  for (const shape of result.shapes) if (!merged.shapes.includes(shape)) merged.shapes.push(shape);
  for (const capture of result.captures) merged.captures.push(capture.line === undefined ? capture : { ...capture, line: capture.line + offset });
  for (const diagnostic of result.diagnostics) {
    merged.diagnostics.push({ diagnostic: diagnostic.line === undefined ? diagnostic : { ...diagnostic, line: diagnostic.line + offset }, by: format.id });
  }
}

/** Consecutive claimed lines of one format, with the unclaimed lines between them, are one region. */
function regionsOf(owners: readonly (InputFormatId | null)[], records: readonly ParsedRecord[]): InputRegion[] {
  const regions: InputRegion[] = [];
  owners.forEach((format, index) => {
    if (format === null) return;
    const last = regions.at(-1);
    if (last?.format === format) last.to = index + 1;
    else regions.push({ from: index + 1, to: index + 1, format, shapes: [] });
  });
  // Records and regions are both in line order.
  let region = 0;
  for (const record of records) {
    while (region < regions.length - 1 && regions[region]!.to < record.source.line) region += 1;
    const shapes = regions[region]?.shapes;
    if (shapes && !shapes.includes(record.source.format)) shapes.push(record.source.format);
  }
  return regions;
}
