// Saved terminal text holding `kubectl get events` / `kubectl events` / `kubectl describe`
// output in any shape, with whatever surrounds it: prompts, `date` lines, other tables,
// Markdown and prose. Tables are found per block; every line is accounted for.
import type { CaptureAnchor } from '../model/capture-anchor.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EventRecord } from '../model/event-record.js';
import type { TimeSpan } from '../model/time-span.js';
import { defineFormat, type ParseContext, type ParseResult } from './define-format.js';
import { eventFromCells, type DescribedObject } from './tables/cells-to-event.js';
import type { Cells } from './tables/columns.js';
import { columnsOf, type TableShape } from './tables/define-table-shape.js';
import { kubectlDescribeEvents, splitCollapsedEvents } from './tables/describe-events.js';
import { isWide } from './tables/get-events.js';
import { readHeader } from './tables/header.js';
import { tableShapes } from './tables/index.js';
import { readRow, type RowMatch, type TableContext } from './tables/read-row.js';
import { layoutOfHeader } from './tables/row.js';
import { parseAbsoluteTime, parseAge } from '../time/index.js';
import { ageStyleOfText } from './text/age-evidence.js';
import { createLedger, type LineLedger } from './text/line-ledger.js';
import { lineKind, type LineKind } from './text/line-kinds.js';
import { codePointLength, wrapWidthOf } from './text/wrap-width.js';

export const kubectlText = defineFormat({
  id: 'kubectl-text',
  title: 'kubectl event tables in saved terminal text',
  detect(lines) {
    const sample = lines.slice(0, 2000);
    const result = scan(sample, { path: '', inputZone: 'UTC', capturedAt: null, fallbackAnchor: noAnchor });
    return result.records.length > 0 ? 0.5 + Math.min(result.records.length, 50) / 100 : 0;
  },
  parse: scan,
});

const noAnchor: CaptureAnchor = { at: { earliest: 0, latest: 0 }, origin: 'read-time' };

interface Block extends TableContext {
  /** Lines belong to a table that is not about events. */
  otherTable: boolean;
}

const noBlock: Block = {
  header: null,
  headerLayout: null,
  shapes: tableShapes,
  wide: false,
  lastShape: null,
  otherTable: false,
};

interface OpenRecord {
  event: EventRecord;
  shape: TableShape;
}

function scan(lines: readonly string[], context: ParseContext): ParseResult {
  const ledger = createLedger(lines.length);
  const records: EventRecord[] = [];
  const shapes = new Set<string>();
  const captures = new Map<string, CaptureAnchor>();
  const diagnostics: Diagnostic[] = [];
  const fileAgeStyle = ageStyleOfText(lines);
  const wrapWidth = wrapWidthOf(lines);
  const kinds = lines.map((line) => lineKind(line, context.inputZone));

  let block: Block = noBlock;
  let dateAnchor: CaptureAnchor | null = null;
  let described: DescribedObject | null = null;
  // Assigned inside the helpers below; the cast keeps TypeScript from narrowing it to null.
  let open = null as OpenRecord | null;

  const anchor = (): CaptureAnchor =>
    context.capturedAt ? { at: context.capturedAt, origin: 'option' } : dateAnchor ?? context.fallbackAnchor;

  const emit = (match: RowMatch, firstIndex: number, extraNotes: string[] = []): OpenRecord | string => {
    const columns = block.header ? columnsOf(block.header) : (Object.keys(match.cells) as (keyof Cells)[]);
    const reading = eventFromCells(match.cells, {
      source: { path: context.path, line: firstIndex + 1, format: match.shape.id },
      ageStyle: match.shape.ageStyle(columns) ?? fileAgeStyle ?? 'either',
      anchor: anchor(),
      plainAgeMeansOnce: match.shape.plainAgeMeansOnce,
      describedObject: match.shape === kubectlDescribeEvents ? described : null,
    });
    if (!reading.ok) return reading.problem;
    const event = reading.event;
    event.notes.push(...(match.note ? [match.note] : []), ...extraNotes);
    records.push(event);
    shapes.add(match.shape.id);
    if (event.capture) captures.set(JSON.stringify(event.capture), event.capture);
    block = {
      ...block,
      lastShape: match.shape,
      wide: block.wide || match.cells.firstSeen !== undefined || match.cells.source !== undefined,
    };
    return { event, shape: match.shape };
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const kind = kinds[index]!;
    // `kubectl events` prints a message's newlines raw: what follows may look like anything.
    if (open?.shape.printsRawNewlines && canContinueMessage(kind)) {
      if (kind.kind !== 'text' || !readTextLine(line, index, 1)) classifyLeftover(line, index);
      continue;
    }
    if (kind.kind !== 'text') {
      open = null;
      ({ block, dateAnchor, described } = handleNonText(kind, index, ledger, { block, dateAnchor, described }, diagnostics, context));
      if (kind.kind === 'events-section' && kind.rest !== '' && kind.rest !== '<none>') {
        readCollapsedSection(line, index);
      }
      continue;
    }

    const span = wrapWidth ? wrappedSpan(index) : 1;
    if (span > 1 && readTextLine(lines.slice(index, index + span).join(''), index, span)) {
      index += span - 1;
    } else if (!readTextLine(line, index, 1)) {
      classifyLeftover(line, index);
    }
  }

  return {
    records,
    lineClasses: ledger.classes(),
    shapes: [...shapes],
    captures: [...captures.values()],
    diagnostics,
  };

  /** Reads a (possibly rejoined) line as a header or a row; false when it is neither. */
  function readTextLine(text: string, index: number, span: number): boolean {
    const header = readHeader(text);
    if (header.kind === 'event-table') {
      const claimants = tableShapes.filter((shape) => shape.claimsHeader(header.columns));
      if (claimants.length > 0) {
        markAll(index, span, { kind: 'header' });
        block = {
          ...noBlock,
          header: header.columns,
          headerLayout: layoutOfHeader(header.columns),
          shapes: claimants,
          wide: isWide(columnsOf(header.columns)),
        };
        open = null;
        return true;
      }
    }
    // A header of event columns no shape prints (`-o custom-columns=...`) is another table.
    if ((header.kind === 'other-table' || header.kind === 'event-table') && span === 1) {
      ledger.skip(index, 'other-table');
      block = { ...noBlock, otherTable: true };
      open = null;
      return true;
    }
    const match = readRow(text, block);
    if (!match) return false;
    const notes = span > 1 ? [`rejoined from ${span} lines wrapped at ${wrapWidth} columns`] : [];
    const result = emit(match, index, notes);
    if (typeof result === 'string') {
      if (span > 1) return false;
      ledger.skip(index, 'unparsed-row', result);
      open = null;
      return true;
    }
    markAll(index, span, { kind: 'record' });
    open = result;
    return true;
  }

  function markAll(index: number, span: number, lineClass: { kind: 'record' } | { kind: 'header' }): void {
    for (let offset = 0; offset < span; offset += 1) ledger.classify(index + offset, lineClass);
  }

  /** How many lines, from this one, a terminal wrapped one logical line onto. */
  function wrappedSpan(index: number): number {
    let end = index;
    while (
      codePointLength(lines[end]!) === wrapWidth &&
      kinds[end + 1]?.kind === 'text' &&
      !readsAlone(lines[end + 1]!)
    ) {
      end += 1;
    }
    return end - index + 1;
  }

  function readsAlone(line: string): boolean {
    return readHeader(line).kind === 'event-table' || readRow(line, block) !== null;
  }

  function classifyLeftover(line: string, index: number): void {
    if (open && isRowStart(line, open.event)) {
      ledger.skip(index, 'row-fragment', 'the start of a row, cut off');
      open = null;
      return;
    }
    if (open && open.shape.printsRawNewlines) {
      open.event.message += `\n${line.trimEnd()}`;
      if (!open.event.notes.includes(rawNewlineNote)) open.event.notes.push(rawNewlineNote);
      ledger.classify(index, { kind: 'record' });
      return;
    }
    if (open) {
      ledger.skip(index, 'unconfirmed-wrap', `follows the row on line ${open.event.source.line}`);
      open = null;
      return;
    }
    if (block.otherTable) return ledger.skip(index, 'other-table');
    if (described && !block.header && !block.lastShape) return ledger.skip(index, 'describe-field');
    const cells = line.trim().split(/\s{2,}|\t+/u);
    if (block.lastShape || block.header) return ledger.skip(index, cells.length < 4 ? 'row-fragment' : 'unparsed-row');
    // Outside a table, only an aligned line holding an age is taken for a piece of a row (sample 008).
    const holdsAge = cells.length >= 2 && cells.some((cell) => parseAge(cell, 'either') !== null);
    ledger.skip(index, holdsAge ? 'row-fragment' : 'prose');
  }

  function readCollapsedSection(line: string, index: number): void {
    const rows = splitCollapsedEvents(line) ?? [];
    let read = 0;
    for (const row of rows) {
      const match = readRow(row, { ...noBlock, shapes: [kubectlDescribeEvents], lastShape: kubectlDescribeEvents });
      if (match?.shape === kubectlDescribeEvents && typeof emit(match, index, [collapsedNote]) !== 'string') read += 1;
    }
    if (read > 0) ledger.classify(index, { kind: 'record' });
    else ledger.skip(index, 'unparsed-row', 'an Events section collapsed onto one line whose rows could not be read');
  }
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

function canContinueMessage(kind: LineKind): boolean {
  return (
    kind.kind === 'text' ||
    kind.kind === 'describe-field' ||
    (kind.kind === 'skipped' && (kind.reason === 'kubectl-message' || kind.reason === 'log-line'))
  );
}

const rawNewlineNote = 'the message spans several lines (kubectl printed its newlines)';
const collapsedNote = 'read from an Events section collapsed onto one line';

interface ScanState {
  block: Block;
  dateAnchor: CaptureAnchor | null;
  described: DescribedObject | null;
}

/** Lines that are not table text: they classify themselves and may end the current table. */
function handleNonText(
  kind: Exclude<LineKind, { kind: 'text' }>,
  index: number,
  ledger: LineLedger,
  state: ScanState,
  diagnostics: Diagnostic[],
  context: ParseContext,
): ScanState {
  switch (kind.kind) {
    case 'blank':
      ledger.classify(index, { kind: 'blank' });
      return state;
    case 'skipped': {
      ledger.skip(index, kind.reason);
      const endsDescribe = kind.reason === 'shell-prompt' || kind.reason === 'markdown';
      return { ...state, block: noBlock, described: endsDescribe ? null : state.described };
    }
    case 'date':
      ledger.skip(index, 'date-line');
      if (kind.zoneNote) {
        diagnostics.push({ severity: 'warning', code: 'date-line-zone', message: kind.zoneNote, path: context.path, line: index + 1 });
      }
      return { block: noBlock, described: null, dateAnchor: dateLineAnchor(kind.at, index) };
    case 'events-section':
      if (kind.rest === '' || kind.rest === '<none>') ledger.classify(index, { kind: 'header' });
      return { ...state, block: { ...noBlock, shapes: [kubectlDescribeEvents] } };
    case 'dash-underline':
      if (state.block.header && state.block.shapes.includes(kubectlDescribeEvents)) {
        ledger.classify(index, { kind: 'header' });
        return state;
      }
      ledger.skip(index, 'separator');
      return { ...state, block: noBlock };
    case 'describe-field':
      ledger.skip(index, 'describe-field');
      // Indented fields belong to parts of the object (a volume's `Name:`), not to the object.
      return { ...state, block: noBlock, described: kind.indented ? state.described : withField(state.described, kind.key, kind.value) };
  }
}

function dateLineAnchor(at: TimeSpan, index: number): CaptureAnchor {
  return { at, origin: 'date-line', line: index + 1 };
}

function withField(described: DescribedObject | null, key: string, value: string): DescribedObject | null {
  if (key === 'Name') return { kind: null, name: value || null, namespace: null };
  if (!described) return null;
  if (key === 'Namespace') return { ...described, namespace: value || null };
  if (key === 'Kind') return { ...described, kind: value || null };
  return described;
}
