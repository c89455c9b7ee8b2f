// The state of a scan through text for event tables, and what each kind of line does to it.
// `kubectl-text` drives it line by line; every line is classed exactly once in the ledger.
import type { CaptureAnchor } from '../../model/capture-anchor.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { EventRecord } from '../../model/event-record.js';
import type { ParsedRecord } from '../../model/record.js';
import type { AgeStyle } from '../../time/index.js';
import type { ParseContext } from '../define-format.js';
import type { LineLedger } from '../text/line-ledger.js';
import type { LineKind } from '../text/line-kinds.js';
import { isKubectlError } from '../shared/kubectl-errors.js';
import { loopMarker, probeOf, startIteration, type Iteration } from '../text/retry-loop.js';
import { eventFromCells, type DescribedObject } from './cells-to-event.js';
import type { ColumnId } from './columns.js';
import { columnsOf, type TableShape } from './define-table-shape.js';
import { kubectlDescribeEvents } from './describe-events.js';
import { isWide } from './get-events.js';
import { readHeader } from './header.js';
import { tableShapes } from './index.js';
import { readRow, type RowMatch, type TableContext } from './read-row.js';
import { layoutOfHeader } from './row.js';

export interface Block extends TableContext {
  /** Lines belong to a table that is not about events. */
  otherTable: boolean;
}

export const noBlock: Block = {
  header: null,
  headerLayout: null,
  shapes: tableShapes,
  wide: false,
  lastShape: null,
  otherTable: false,
};

/** The record read from the previous line, which the next line may continue. */
export interface OpenRecord {
  event: EventRecord;
  shape: TableShape;
}

export interface Scan {
  readonly context: ParseContext;
  readonly ledger: LineLedger;
  /** The age function the file's own ages reveal, for rows whose header does not date them. */
  readonly fileAgeStyle: AgeStyle | null;
  readonly records: ParsedRecord[];
  readonly shapes: Set<string>;
  readonly captures: Map<string, CaptureAnchor>;
  readonly diagnostics: Diagnostic[];
  block: Block;
  dateAnchor: CaptureAnchor | null;
  described: DescribedObject | null;
  open: OpenRecord | null;
  /** The command line above the table asked for a watch (`-w`, `--watch`). */
  watching: boolean;
  /** The retry-loop sample the lines belong to, since the last `date` line. */
  iteration: Iteration | null;
}

/**
 * In a watch, rows after the initial list are printed as events happen, with ages relative to
 * that moment, not to the capture time (formats.md §2.7).
 */
export const watchNote = 'printed by a watch: a row added after the initial list has an age relative to when it was printed, not to the capture time';

/**
 * Reads a line as a header or a row; false when it is neither. `span` > 1: the line was
 * rejoined from that many lines a terminal wrapped, as `rejoinNote` says.
 */
export function readTableLine(scan: Scan, text: string, index: number, span = 1, rejoinNote?: string): boolean {
  const header = readHeader(text);
  const claimants = header.kind === 'event-table' ? tableShapes.filter((shape) => shape.claimsHeader(header.columns)) : [];
  // In a retry loop, anything the command printed that is not an error shows it answered.
  if (scan.iteration) scan.iteration.output = true;
  if (header.kind === 'event-table' && claimants.length > 0) {
    markAll(scan, index, span, 'header');
    scan.block = {
      ...noBlock,
      header: header.columns,
      headerLayout: layoutOfHeader(header.columns),
      shapes: claimants,
      wide: isWide(columnsOf(header.columns)),
    };
    scan.open = null;
    return true;
  }
  // A header of event columns no shape prints (`-o custom-columns=...`) is another table.
  if (header.kind !== 'none' && span === 1) {
    scan.ledger.skip(index, 'other-table');
    scan.block = { ...noBlock, otherTable: true };
    scan.open = null;
    return true;
  }
  const match = readRow(text, scan.block);
  if (!match) return false;
  const emitted = emitRecord(scan, match, index, rejoinNote ? [rejoinNote] : []);
  if (typeof emitted === 'string') {
    if (span > 1) return false;
    scan.ledger.skip(index, 'unparsed-row', emitted);
    scan.open = null;
    return true;
  }
  markAll(scan, index, span, 'record');
  scan.open = emitted;
  return true;
}

/** Turns a row's cells into a record; the problem in words when its cells do not make one. */
export function emitRecord(scan: Scan, match: RowMatch, index: number, extraNotes: string[] = []): OpenRecord | string {
  const { block, context } = scan;
  const columns = block.header ? columnsOf(block.header) : (Object.keys(match.cells) as ColumnId[]);
  const reading = eventFromCells(match.cells, {
    source: { path: context.path, line: index + 1, format: match.shape.id },
    ageStyle: match.shape.ageStyle(columns) ?? scan.fileAgeStyle ?? 'either',
    anchor: context.capturedAt ? { at: context.capturedAt, origin: 'option' } : (context.fileNameCapture ?? scan.dateAnchor ?? context.fallbackAnchor),
    plainAgeMeansOnce: match.shape.plainAgeMeansOnce,
    describedObject: match.shape === kubectlDescribeEvents ? scan.described : null,
  });
  if (!reading.ok) return reading.problem;
  const { event } = reading;
  event.notes.push(...(match.note ? [match.note] : []), ...extraNotes);
  if ((scan.watching || match.cells.event !== undefined) && event.capture) event.notes.push(watchNote);
  scan.records.push(event);
  scan.shapes.add(match.shape.id);
  if (event.capture) scan.captures.set(JSON.stringify(event.capture), event.capture);
  scan.block = {
    ...block,
    lastShape: match.shape,
    wide: block.wide || match.cells.firstSeen !== undefined || match.cells.source !== undefined,
  };
  return { event, shape: match.shape };
}

function markAll(scan: Scan, index: number, span: number, kind: 'record' | 'header'): void {
  for (let offset = 0; offset < span; offset += 1) scan.ledger.classify(index + offset, { kind });
}

/** Lines that are not table text class themselves, and most of them end the table in force. */
export function readOtherLine(scan: Scan, kind: Exclude<LineKind, { kind: 'text' }>, line: string, index: number): void {
  scan.open = null;
  switch (kind.kind) {
    case 'blank':
      scan.ledger.classify(index, { kind: 'blank' });
      return;
    case 'skipped':
      if (readLoopLine(scan, line, index, kind.reason)) return;
      scan.ledger.skip(index, kind.reason);
      scan.block = noBlock;
      if (kind.reason === 'shell-prompt' || kind.reason === 'markdown') scan.described = null;
      if (kind.reason === 'shell-prompt') scan.watching = /\s(?:-w|--watch)(?:\s|=|$)/u.test(line);
      return;
    case 'date':
      finishIteration(scan);
      scan.iteration = startIteration(index, kind.at);
      if (kind.zoneNote) {
        scan.diagnostics.push({ severity: 'warning', code: 'date-line-zone', message: kind.zoneNote, path: scan.context.path, line: index + 1 });
      }
      scan.block = noBlock;
      scan.described = null;
      scan.watching = false;
      scan.dateAnchor = { at: kind.at, origin: 'date-line', line: index + 1 };
      return;
    case 'events-section':
      // `Events:` alone, or `Events:  <none>`; a collapsed section is read by the caller.
      if (kind.rest === '' || kind.rest === '<none>') scan.ledger.classify(index, { kind: 'header' });
      scan.block = { ...noBlock, shapes: [kubectlDescribeEvents] };
      return;
    case 'dash-underline':
      if (scan.block.header && scan.block.shapes.includes(kubectlDescribeEvents)) {
        scan.ledger.classify(index, { kind: 'header' });
        return;
      }
      scan.ledger.skip(index, 'separator');
      scan.block = noBlock;
      return;
    case 'describe-field':
      scan.ledger.skip(index, 'describe-field');
      scan.block = noBlock;
      // Indented fields belong to parts of the object (a volume's `Name:`), not to the object.
      if (!kind.indented) scan.described = withField(scan.described, kind.key, kind.value);
      return;
  }
}

function withField(described: DescribedObject | null, key: string, value: string): DescribedObject | null {
  if (key === 'Name') return { kind: null, name: value || null, namespace: null };
  if (!described) return null;
  if (key === 'Namespace') return { ...described, namespace: value || null };
  if (key === 'Kind') return { ...described, kind: value || null };
  return described;
}

/**
 * Inside a retry loop, kubectl's errors and the loop's own markers belong to the sample; any
 * other output shows the command answered. True when the line was taken by the sample.
 */
function readLoopLine(scan: Scan, line: string, index: number, reason: string): boolean {
  const iteration = scan.iteration;
  if (!iteration) return false;
  const verdict = reason === 'separator' ? loopMarker(line) : null;
  if (verdict) {
    iteration.markerLines.push(index);
    iteration[verdict] = true;
    return true;
  }
  if ((reason === 'kubectl-message' || reason === 'log-line') && isKubectlError(line)) {
    iteration.errorLines.push(index);
    iteration.errors.push(line.trim());
    return true;
  }
  if (reason === 'kubectl-message') iteration.output = true;
  return false;
}

/** Ends the sample of the last `date` line: a probe record when it says something, else its lines are skipped. */
export function finishIteration(scan: Scan): void {
  const iteration = scan.iteration;
  if (!iteration) return;
  scan.iteration = null;
  const probe = probeOf(iteration, scan.context.path);
  if (probe) {
    scan.records.push(probe);
    scan.shapes.add(probe.source.format);
  }
  const lines = [iteration.dateLine, ...iteration.errorLines, ...iteration.markerLines];
  for (const index of lines) {
    if (probe) scan.ledger.classify(index, { kind: 'record' });
    else if (index === iteration.dateLine) scan.ledger.skip(index, 'date-line');
    else if (iteration.errorLines.includes(index)) scan.ledger.skip(index, 'kubectl-message');
    else scan.ledger.skip(index, 'separator');
  }
}
