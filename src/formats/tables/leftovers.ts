// Lines that are neither header nor row: the rest of a message, a cut-off row, a line that
// may continue a wrapped message, or text that is not part of a table. Each gets its reason.
import type { EventRecord } from '../../model/event-record.js';
import { parseAbsoluteTime, parseAge } from '../../time/index.js';
import type { LineKind } from '../text/line-kinds.js';
import type { Scan } from './table-scan.js';

const rawNewlineNote = 'the message spans several lines (kubectl printed its newlines)';

export function classifyLeftover(scan: Scan, line: string, index: number): void {
  const { open, block, ledger } = scan;
  scan.open = null;
  if (open && isRowStart(line, open.event)) return ledger.skip(index, 'row-fragment', 'the start of a row, cut off');
  if (open?.shape.printsRawNewlines) {
    open.event.message += `\n${line.trimEnd()}`;
    if (!open.event.notes.includes(rawNewlineNote)) open.event.notes.push(rawNewlineNote);
    ledger.classify(index, { kind: 'record' });
    scan.open = open;
    return;
  }
  if (open) return ledger.skip(index, 'unconfirmed-wrap', `follows the row on line ${open.event.source.line}`);
  if (block.otherTable) return ledger.skip(index, 'other-table');
  if (scan.described && !block.header && !block.lastShape) return ledger.skip(index, 'describe-field');
  const cells = line.trim().split(/\s{2,}|\t+/u);
  if (block.lastShape || block.header) return ledger.skip(index, cells.length < 4 ? 'row-fragment' : 'unparsed-row');
  // Outside a table, only an aligned line holding an age is taken for a piece of a row (sample 008).
  const holdsAge = cells.length >= 2 && cells.some((cell) => parseAge(cell, 'either') !== null);
  ledger.skip(index, holdsAge ? 'row-fragment' : 'prose');
}

/** `kubectl events` prints a message's newlines raw: what follows may look like anything. */
export function canContinueMessage(kind: LineKind): boolean {
  return (
    kind.kind === 'text' ||
    kind.kind === 'describe-field' ||
    (kind.kind === 'skipped' && (kind.reason === 'kubectl-message' || kind.reason === 'log-line'))
  );
}

/**
 * A cut-off row, not the rest of a message: its first cell is a time or an event type, or
 * repeats the previous row's namespace (`default` alone in sample 005).
 */
function isRowStart(line: string, previous: EventRecord): boolean {
  const first = line.trim().split(/\s{2,}|\t/u)[0]!;
  return (
    first === previous.namespace ||
    first === 'Normal' ||
    first === 'Warning' ||
    parseAge(first, 'either') !== null ||
    parseAbsoluteTime(first) !== null ||
    /^\w{3}, \d{1,2} \w{3} \d{4} /u.test(first)
  );
}
