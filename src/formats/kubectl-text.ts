// Saved terminal text holding `kubectl get events` / `kubectl events` / `kubectl describe`
// output in any shape, with whatever surrounds it: prompts, `date` lines, other tables,
// Markdown and prose. Tables are found per block; every line is accounted for.
import type { CaptureAnchor } from '../model/capture-anchor.js';
import { defineFormat, type ParseContext, type ParseResult } from './define-format.js';
import { kubectlDescribeEvents, splitCollapsedEvents } from './tables/describe-events.js';
import { readHeader } from './tables/header.js';
import { canContinueMessage, classifyLeftover } from './tables/leftovers.js';
import { readRow } from './tables/read-row.js';
import { emitRecord, finishIteration, noBlock, readOtherLine, readTableLine, type Scan } from './tables/table-scan.js';
import { ageStyleOfText } from './text/age-evidence.js';
import { createLedger } from './text/line-ledger.js';
import { lineKind, type LineKind } from './text/line-kinds.js';
import { codePointLength, wrapWidthOf } from './text/wrap-width.js';

export const kubectlText = defineFormat({
  id: 'kubectl-text',
  title: 'kubectl event tables in saved terminal text',
  detect(lines) {
    const sample = lines.slice(0, 2000);
    const { records } = scanText(sample, { path: '', inputZone: 'UTC', capturedAt: null, fallbackAnchor: noAnchor });
    return records.length > 0 ? 0.5 + Math.min(records.length, 50) / 100 : 0;
  },
  startsRegion(line) {
    const kind = lineKind(line, 'UTC');
    if (kind.kind === 'events-section' || (kind.kind === 'skipped' && kind.reason === 'kubectl-message')) return true;
    return kind.kind === 'text' && (eventTypeCell.test(line) || readHeader(line).kind === 'event-table');
  },
  parse: scanText,
});

/** A TYPE cell followed by a REASON: the mark of an event row in every table shape. */
const eventTypeCell = /(?:^|\s)(?:Normal|Warning)\s+[A-Z]\w/u;

const noAnchor: CaptureAnchor = { at: { earliest: 0, latest: 0 }, origin: 'read-time' };

function scanText(lines: readonly string[], context: ParseContext): ParseResult {
  const scan: Scan = {
    context,
    ledger: createLedger(lines.length),
    fileAgeStyle: ageStyleOfText(lines),
    records: [],
    shapes: new Set(),
    captures: new Map(),
    diagnostics: [],
    block: noBlock,
    dateAnchor: null,
    described: null,
    open: null,
    watching: false,
    iteration: null,
  };
  const kinds = lines.map((line) => lineKind(line, context.inputZone));
  const wrapWidth = wrapWidthOf(lines);

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const kind = kinds[index]!;
    if (scan.open?.shape.printsRawNewlines && canContinueMessage(kind)) {
      if (kind.kind !== 'text' || !readTableLine(scan, line, index)) classifyLeftover(scan, line, index);
    } else if (kind.kind !== 'text') {
      readOtherLine(scan, kind, line, index);
      if (kind.kind === 'events-section' && kind.rest !== '' && kind.rest !== '<none>') readCollapsedSection(scan, line, index);
    } else {
      const span = wrapWidth ? wrappedSpan(scan, lines, kinds, index, wrapWidth) : 1;
      const rejoinNote = `rejoined from ${span} lines wrapped at ${wrapWidth} columns`;
      if (span > 1 && readTableLine(scan, lines.slice(index, index + span).join(''), index, span, rejoinNote)) {
        index += span - 1;
      } else if (!readTableLine(scan, line, index)) {
        classifyLeftover(scan, line, index);
      }
    }
  }

  finishIteration(scan);
  return {
    records: scan.records,
    lineClasses: scan.ledger.classes(),
    shapes: [...scan.shapes],
    captures: [...scan.captures.values()],
    diagnostics: scan.diagnostics,
  };
}

/** How many lines, from this one, a terminal wrapped one logical line onto. */
function wrappedSpan(scan: Scan, lines: readonly string[], kinds: readonly LineKind[], index: number, wrapWidth: number): number {
  const readsAlone = (line: string) => readHeader(line).kind === 'event-table' || readRow(line, scan.block) !== null;
  let end = index;
  while (codePointLength(lines[end]!) === wrapWidth && kinds[end + 1]?.kind === 'text' && !readsAlone(lines[end + 1]!)) {
    end += 1;
  }
  return end - index + 1;
}

/** An Events section a web page collapsed onto one line (sample 002): one line, several records. */
function readCollapsedSection(scan: Scan, line: string, index: number): void {
  const describeOnly = { ...noBlock, shapes: [kubectlDescribeEvents], lastShape: kubectlDescribeEvents };
  let read = 0;
  for (const row of splitCollapsedEvents(line) ?? []) {
    const match = readRow(row, describeOnly);
    if (match?.shape !== kubectlDescribeEvents) continue;
    if (typeof emitRecord(scan, match, index, ['read from an Events section collapsed onto one line']) !== 'string') read += 1;
  }
  if (read > 0) scan.ledger.classify(index, { kind: 'record' });
  else scan.ledger.skip(index, 'unparsed-row', 'an Events section collapsed onto one line whose rows could not be read');
}
