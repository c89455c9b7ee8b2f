// Parses text as the pipeline would, without a file: for table-driven parser tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectlText } from '../../src/formats/kubectl-text.js';
import { accountingOf } from '../../src/formats/text/line-ledger.js';
import { splitLines } from '../../src/inputs/index.js';
import type { EventRecord } from '../../src/model/event-record.js';
import type { LineAccounting, LineClass } from '../../src/model/line-accounting.js';
import { isEventRecord, type ParsedRecord } from '../../src/model/record.js';
import type { TimeSpan } from '../../src/model/time-span.js';

export interface ParsedText {
  records: EventRecord[];
  classes: LineClass[];
  accounting: LineAccounting;
  shapes: string[];
}

export const fixture = (path: string): string => readFileSync(join('fixtures', path), 'utf8');

export function at(iso: string): number {
  return Date.parse(iso);
}

/** Fallback capture time standing in for a file's mtime. */
export const mtime = at('2030-01-01T00:00:00Z');

interface ParseOptions {
  capturedAt?: string;
  inputZone?: string;
  path?: string;
}

export function parseText(text: string, options: ParseOptions = {}): ParsedText {
  return parseLines(splitLines(text).lines, options);
}

export function parseLines(lines: readonly string[], options: ParseOptions = {}): ParsedText {
  const capturedAt: TimeSpan | null = options.capturedAt
    ? { earliest: at(options.capturedAt), latest: at(options.capturedAt) }
    : null;
  const result = kubectlText.parse(lines, {
    path: options.path ?? 'test.txt',
    inputZone: options.inputZone ?? 'UTC',
    capturedAt,
    fallbackAnchor: { at: { earliest: mtime, latest: mtime }, origin: 'file-mtime' },
  });
  return {
    records: result.records.filter(isEventRecord),
    classes: result.lineClasses,
    accounting: accountingOf(result.lineClasses),
    shapes: result.shapes,
  };
}

/** The skip reasons by 1-based line number, for compact assertions. */
export function skippedLines(classes: readonly LineClass[]): Record<number, string> {
  const skipped: Record<number, string> = {};
  classes.forEach((lineClass, index) => {
    if (lineClass.kind === 'skipped') skipped[index + 1] = lineClass.reason;
  });
  return skipped;
}

export const minutes = (n: number): number => n * 60_000;
export const seconds = (n: number): number => n * 1000;

/** A parsed input with its records narrowed to events, for tests about events. */
export function withEvents<Input extends { records: readonly ParsedRecord[] }>(input: Input): Omit<Input, 'records'> & { records: EventRecord[] } {
  return { ...input, records: input.records.filter(isEventRecord) };
}
