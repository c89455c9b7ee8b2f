// Events as JSON: `kubectl get events -o json` (a List), `kubectl events -o json` (an
// EventList), a single Event or an array of them, `-w -o json` (pretty objects one after
// another, maybe cut off), `--output-watch-events` and exporters (one object a line). Read
// one item at a time, so a 300 MB dump is never held twice (formats.md §4.3, §4.7).
import type { EventRecord } from '../model/event-record.js';
import { defineFormat, type ParseContext, type ParseResult } from './define-format.js';
import { isPlainObject } from './json/event-from-object.js';
import { classifyText, claimLines, finishScan, parseOrSkip, readItem, skipLines, startScan, type StructuredScan } from './json/structured-scan.js';
import { scanJson, type JsonPiece } from './json/json-scanner.js';
import { lineKind } from './text/line-kinds.js';

export const jsonEvents = defineFormat({
  id: 'json-events',
  title: 'Kubernetes events as JSON (-o json, -w -o json, NDJSON, exporters)',
  detect(lines) {
    const sample = lines.slice(0, 200);
    // Docker's json-file logs (`{"log":"I0901 …"}`) are JSON lines, but of a log: klog's.
    if (sample.some((line) => /^\s*\{"log":/u.test(line))) return 0;
    const first = sample.find((line) => line.trim() !== '' && !isAroundJson(line));
    return first !== undefined && /^\s*[{[]/u.test(first) ? 0.9 : 0;
  },
  startsRegion: (line) => /^\s*[{[]/u.test(line),
  parse: parseJson,
});

/** Prompts, fences and log lines that exporters and pasted dumps put around the JSON. */
function isAroundJson(line: string): boolean {
  const kind = lineKind(line, 'UTC');
  return kind.kind === 'skipped' && (kind.reason === 'shell-prompt' || kind.reason === 'markdown' || kind.reason === 'log-line');
}

/** How a top-level value wraps the event it carries. */
const wrappers: readonly { key: string; when: string; shape: string }[] = [
  { key: 'object', when: 'type', shape: 'kubectl-watch-events-json' },
  { key: 'event', when: 'verb', shape: 'eventrouter-json' },
];

const listShapes: Record<string, string> = {
  List: 'kubectl-get-events-json',
  EventList: 'kubectl-events-json',
};

function parseJson(lines: readonly string[], context: ParseContext): ParseResult {
  const scan = startScan(lines, context);
  // Items come before the envelope that says what list they were in; they are labelled when it closes.
  let pendingItems: EventRecord[] = [];
  const looseEvents: EventRecord[] = [];
  for (const piece of scanJson(lines)) {
    if (piece.kind === 'text') {
      classifyText(scan, piece.line);
    } else if (piece.kind === 'truncated') {
      claimLines(scan, piece.valueStart.line, piece.start.line, { kind: 'structure' });
      skipLines(scan, piece.start.line, piece.end.line, 'truncated', `JSON ends inside ${describePartial(piece.text)}`, 'was the dump cut off?');
    } else if (piece.kind === 'item') {
      pendingItems.push(...readPiece(scan, piece, 'event-json-array'));
    } else if (piece.itemCount !== null) {
      const envelope = parseOrSkip(scan, piece);
      const shape = listShapes[String((envelope as { kind?: unknown } | undefined)?.kind)] ?? 'event-json-array';
      for (const event of pendingItems) event.source.format = shape;
      if (pendingItems.length > 0) scan.shapes.delete('event-json-array');
      if (pendingItems.length > 0) scan.shapes.add(shape);
      claimLines(scan, piece.start.line, piece.end.line, { kind: 'structure' });
      pendingItems = [];
    } else {
      looseEvents.push(...readPiece(scan, piece, piece.start.line === piece.end.line ? 'event-ndjson' : 'event-json'));
    }
  }
  relabelWatchStream(scan, looseEvents);
  lines.forEach((_, index) => scan.ledger.isClassified(index) || classifyText(scan, index));
  return finishScan(scan);
}

/** Several pretty objects one after another are what `kubectl get events -w -o json` prints. */
function relabelWatchStream(scan: StructuredScan, events: EventRecord[]): void {
  const pretty = events.filter((event) => event.source.format === 'event-json');
  if (pretty.length < 2) return;
  for (const event of pretty) event.source.format = 'kubectl-watch-json';
  scan.shapes.delete('event-json');
  scan.shapes.add('kubectl-watch-json');
}

function readPiece(scan: StructuredScan, piece: Extract<JsonPiece, { kind: 'item' | 'value' }>, shape: string): EventRecord[] {
  const value = parseOrSkip(scan, piece);
  if (value === undefined) return [];
  const before = scan.records.length;
  const wrapper = wrappers.find(({ key, when }) => isPlainObject(value) && key in value && when in value);
  const inner = wrapper && isPlainObject(value) ? value[wrapper.key] : value;
  readItem(scan, inner, piece.start.line, piece.end.line, wrapper?.shape ?? (isExporterEvent(inner) ? 'event-exporter-ndjson' : shape));
  return scan.records.slice(before);
}


/** kubernetes-event-exporter adds a top-level clusterName and enriches involvedObject (formats.md §4.7). */
function isExporterEvent(value: unknown): boolean {
  return isPlainObject(value) && ('clusterName' in value || (isPlainObject(value.involvedObject) && 'deleted' in value.involvedObject));
}

/** What a cut-off object was about, as far as its text goes. */
function describePartial(text: string): string {
  const field = (name: string) => new RegExp(`"${name}"\\s*:\\s*"([^"\\\\]{1,120})"`, 'u').exec(text)?.[1];
  const about = [field('reason'), field('name')].filter(Boolean).join(' for ');
  return about ? `an object (${about})` : 'an object';
}
