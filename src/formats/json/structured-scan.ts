// What JSON and YAML dumps share once a piece has been parsed: an item becomes a record or a
// skipped entry with its lines, the frame around items is structure, stray text is classed
// like the text around tables.
import type { Diagnostic } from '../../model/diagnostic.js';
import type { EventRecord } from '../../model/event-record.js';
import type { SkipReason } from '../../model/line-accounting.js';
import type { ParseContext, ParseResult } from '../define-format.js';
import { createLedger, type LineLedger } from '../text/line-ledger.js';
import { lineKind } from '../text/line-kinds.js';
import { readEventObject } from './event-from-object.js';

export interface StructuredScan {
  readonly context: ParseContext;
  readonly lines: readonly string[];
  readonly ledger: LineLedger;
  readonly records: EventRecord[];
  readonly shapes: Set<string>;
  readonly diagnostics: Diagnostic[];
}

export function startScan(lines: readonly string[], context: ParseContext): StructuredScan {
  return { context, lines, ledger: createLedger(lines.length), records: [], shapes: new Set(), diagnostics: [] };
}

/** One parsed item (0-based first and last line): a record, or a skipped entry that says why. */
export function readItem(scan: StructuredScan, value: unknown, first: number, last: number, shape: string): void {
  const reading = readEventObject(value, { path: scan.context.path, line: first + 1, format: shape });
  switch (reading.kind) {
    case 'event':
      scan.records.push(reading.event);
      scan.shapes.add(shape);
      claimLines(scan, first, last, { kind: 'record' });
      return;
    case 'invalid':
      skipLines(scan, first, last, 'invalid-item', `event skipped: ${reading.problem}`);
      return;
    case 'not-an-event':
      skipLines(scan, first, last, 'not-an-event', `${reading.what}, not an event`);
      return;
  }
}

export function skipLines(scan: StructuredScan, first: number, last: number, reason: SkipReason, message: string, help?: string): void {
  claimLines(scan, first, last, { kind: 'skipped', reason, detail: message });
  scan.diagnostics.push({
    severity: 'warning',
    code: reason,
    message: first === last ? message : `${message}, lines ${first + 1}–${last + 1}`,
    path: scan.context.path,
    line: first + 1,
    ...(help ? { help } : {}),
  });
}

export function claimLines(scan: StructuredScan, first: number, last: number, lineClass: Parameters<LineLedger['claim']>[1]): void {
  for (let index = first; index <= last; index += 1) scan.ledger.claim(index, lineClass);
}

/** Lines outside every value: blank, or text classed like the text around tables. */
export function classifyText(scan: StructuredScan, index: number): void {
  const kind = lineKind(scan.lines[index]!, scan.context.inputZone);
  if (kind.kind === 'blank') scan.ledger.claim(index, { kind: 'blank' });
  else if (kind.kind === 'skipped') scan.ledger.claim(index, { kind: 'skipped', reason: kind.reason });
  else if (kind.kind === 'date') scan.ledger.claim(index, { kind: 'skipped', reason: 'date-line' });
  else scan.ledger.claim(index, { kind: 'skipped', reason: 'prose' });
}

export function finishScan(scan: StructuredScan): ParseResult {
  return {
    records: scan.records,
    lineClasses: scan.ledger.classes(),
    shapes: [...scan.shapes],
    captures: [],
    diagnostics: scan.diagnostics,
  };
}

/** A piece the JSON scanner found, parsed; a syntax error makes its lines a skipped entry. */
export function parseOrSkip(scan: StructuredScan, piece: { text: string; start: { line: number }; end: { line: number } }): unknown {
  try {
    return JSON.parse(piece.text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error);
    skipLines(scan, piece.start.line, piece.end.line, 'invalid-syntax', `not valid JSON: ${reason}`);
    return undefined;
  }
}
