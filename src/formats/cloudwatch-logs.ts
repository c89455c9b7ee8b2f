// EKS control-plane logs as saved from CloudWatch Logs (formats.md §7): a Logs Insights result
// downloaded as CSV or JSON, `aws logs get-query-results`, and `aws logs filter-log-events` /
// `get-log-events` JSON. Each row's message is a klog line (§5.3) from a kube-scheduler,
// kube-controller-manager, cloud-controller-manager, kube-apiserver or authenticator stream;
// the row's own timestamp (UTC, milliseconds) dates it, because klog prints no year and no zone.
import type { LogRecord } from '../model/log-record.js';
import type { TimeSpan } from '../model/time-span.js';
import { exactly, parseApiTime, spanOfSecondFraction } from '../time/index.js';
import { defineFormat, type ParseContext, type ParseResult } from './define-format.js';
import { isPlainObject } from './json/event-from-object.js';
import { scanJson, type JsonPiece } from './json/json-scanner.js';
import { classifyText, claimLines, finishScan, parseOrSkip, skipLines, startScan, type StructuredScan } from './json/structured-scan.js';
import { componentNamedIn, klogMicrosOfDay, readKlogHeader, type KlogHeader, type LogSeverity } from './klog.js';
import { readLeaderElectionLine } from './shared/leader-election-log.js';
import { lineKind } from './text/line-kinds.js';

export const cloudwatchLogs = defineFormat({
  id: 'cloudwatch-logs',
  title: 'CloudWatch Logs exports (Logs Insights CSV/JSON, aws logs filter-log-events JSON)',
  detect(lines) {
    const sample = lines.slice(0, 200);
    const start = sample.findIndex((line) => !isFraming(line));
    if (start < 0) return 0;
    const first = stripBom(sample[start]!).trim();
    if (csvHeaderOf(first) !== null) return 0.95;
    if (!/^[[{]/u.test(first)) return 0;
    const text = sample.slice(start).join('\n');
    if (/(?:^|[^\\])"@message"\s*:/u.test(text) || /"field"\s*:\s*"@message"/u.test(text)) return 0.95;
    if (/(?:^|[^\\])"events"\s*:\s*\[/u.test(text) && /(?:^|[^\\])"(?:logStreamName|message)"\s*:/u.test(text)) return 0.95;
    return 0;
  },
  startsRegion: (line) => line.includes('"@message"') || csvHeaderOf(line.trim()) !== null,
  parse: parseCloudWatch,
});

/** Prompts, fences and blank lines around a saved export. */
function isFraming(line: string): boolean {
  if (line.trim() === '') return true;
  const kind = lineKind(line, 'UTC');
  return kind.kind === 'skipped' && (kind.reason === 'shell-prompt' || kind.reason === 'markdown');
}

function stripBom(line: string): string {
  return line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** One log event, whichever export it came from. */
interface Row {
  timestamp: unknown;
  message: unknown;
  logStream: unknown;
  logGroup: unknown;
}

const shapes = {
  insightsCsv: 'cloudwatch-insights-csv',
  insightsJson: 'cloudwatch-insights-json',
  queryResults: 'cloudwatch-get-query-results-json',
  filterLogEvents: 'cloudwatch-filter-log-events-json',
  getLogEvents: 'cloudwatch-get-log-events-json',
} as const;

/** A value as an export holds a row: Insights fields (`@message`), API fields (`message`), or `field`/`value` pairs. */
function rowOf(value: unknown): { row: Row; shape: string } | null {
  if (Array.isArray(value)) {
    const pairs = fieldValuePairs(value);
    return pairs ? { row: insightsRow(pairs), shape: shapes.queryResults } : null;
  }
  if (!isPlainObject(value)) return null;
  if ('@message' in value || '@timestamp' in value) return { row: insightsRow(value), shape: shapes.insightsJson };
  if ('message' in value && 'timestamp' in value) {
    const row = { timestamp: value.timestamp, message: value.message, logStream: value.logStreamName, logGroup: undefined };
    return { row, shape: 'logStreamName' in value ? shapes.filterLogEvents : shapes.getLogEvents };
  }
  return null;
}

function insightsRow(fields: Record<string, unknown>): Row {
  return { timestamp: fields['@timestamp'], message: fields['@message'], logStream: fields['@logStream'], logGroup: fields['@log'] };
}

/** `[{ "field": "@timestamp", "value": "…" }, …]`, as GetQueryResults returns each row. */
function fieldValuePairs(items: readonly unknown[]): Record<string, unknown> | null {
  if (items.length === 0) return null;
  const fields: Record<string, unknown> = {};
  for (const item of items) {
    if (!isPlainObject(item) || typeof item.field !== 'string') return null;
    fields[item.field] = item.value;
  }
  return fields;
}

const insightsTime = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]00:?00)?$/u;

/** `@timestamp` (`YYYY-MM-DD HH:MM:SS.mmm`, UTC), an RFC 3339 time, or epoch milliseconds. */
export function readCloudWatchTime(value: unknown): TimeSpan | null {
  if (typeof value === 'number' && Number.isFinite(value)) return exactly(Math.trunc(value));
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{10,14}$/u.test(text)) return exactly(Number(text));
  const match = insightsTime.exec(text);
  if (match) {
    const [, year, month, day, hour, minute, second, fraction] = match;
    const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
    return Number.isNaN(ms) ? null : spanOfSecondFraction(ms, fraction);
  }
  return parseApiTime(text);
}

const streamComponents: readonly [RegExp, string][] = [
  [/^kube-apiserver-audit-/u, 'kube-apiserver'],
  [/^kube-apiserver-/u, 'kube-apiserver'],
  [/^kube-controller-manager-/u, 'kube-controller-manager'],
  [/^kube-scheduler-/u, 'kube-scheduler'],
  [/^cloud-controller-manager-/u, 'cloud-controller-manager'],
  [/^authenticator-/u, 'authenticator'],
];

/** The component an EKS log stream name names (`kube-scheduler-<32 hex>`, …), or null. */
export function componentOfStream(stream: string): string | null {
  const known = streamComponents.find(([pattern]) => pattern.test(stream));
  return known ? known[1] : componentNamedIn(stream);
}

const levels: Record<string, LogSeverity> = {
  trace: 'info', debug: 'info', info: 'info', notice: 'info',
  warn: 'warning', warning: 'warning',
  error: 'error', err: 'error',
  fatal: 'fatal', panic: 'fatal', critical: 'fatal',
};

/** Messages that are not klog lines (authenticator's `level=info msg=…`, audit JSON): a level if one is written. */
function levelOf(message: string): LogSeverity | null {
  const match = /(?:^|\s)level=("?)(\w+)\1(?:\s|$)|"level"\s*:\s*"(\w+)"/u.exec(message);
  const word = (match?.[2] ?? match?.[3])?.toLowerCase();
  return word === undefined ? null : (levels[word] ?? null);
}

interface Reading {
  record: LogRecord;
  /** Sort key within a millisecond: microseconds of the klog clock, when the message is a klog line. */
  micros: number | null;
}

type RowOutcome = { kind: 'record'; reading: Reading } | { kind: 'skip'; reason: 'invalid-item' | 'not-an-event'; detail: string };

function readRow(row: Row, where: { path: string; line: number; shape: string }): RowOutcome {
  const at = readCloudWatchTime(row.timestamp);
  if (at === null) return { kind: 'skip', reason: 'invalid-item', detail: `log row skipped: no readable timestamp (${JSON.stringify(row.timestamp ?? null)})` };
  if (row.message === undefined || row.message === null) return { kind: 'skip', reason: 'invalid-item', detail: 'log row skipped: no message' };
  const text = (typeof row.message === 'string' ? row.message : JSON.stringify(row.message)).replace(/[\r\n]+$/u, '');
  const header = readKlogHeader(text);
  const stream = typeof row.logStream === 'string' ? row.logStream : null;
  const notes = ['time from the CloudWatch timestamp (UTC, to the millisecond); the klog time only orders lines within a millisecond'];
  if (header) notes.push(...clockNotes(header, at));
  const level = header ? header.severity : levelOf(text);
  if (!header) notes.push(level ? 'not a klog line: severity from its level field' : 'not a klog line: no severity written, read as info');
  if (stream !== null) notes.push(`log stream ${stream}`);
  if (stream?.startsWith('kube-apiserver-audit-')) notes.push('from the kube-apiserver audit log stream');
  const message = header ? header.message.trimEnd() : text;
  const election = readLeaderElectionLine(message);
  const record: LogRecord = {
    kind: 'log',
    at,
    severity: level ?? 'info',
    component: stream === null ? null : componentOfStream(stream),
    message,
    leaderElection: election ? { action: election.action, lock: election.lock } : null,
    notes,
    source: { path: where.path, line: where.line, format: where.shape },
  };
  return { kind: 'record', reading: { record, micros: header ? klogMicrosOfDay(header) : null } };
}

const DAY_MS = 86_400_000;

/** When the klog clock disagrees with the CloudWatch timestamp by more than a second, say by how much. */
function clockNotes(header: KlogHeader, at: TimeSpan): string[] {
  const klogMs = klogMicrosOfDay(header) / 1000;
  const rowMs = ((at.earliest % DAY_MS) + DAY_MS) % DAY_MS;
  const apart = Math.abs(klogMs - rowMs);
  const difference = Math.min(apart, DAY_MS - apart);
  if (difference <= 1000) return [];
  const clock = `${pad(header.hour)}:${pad(header.minute)}:${pad(header.second)}.${header.fraction}`;
  return [`the klog clock reads ${clock}, ${Math.round(difference / 1000)} s from the CloudWatch timestamp (another zone, or a late timestamp)`];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Collected {
  scan: StructuredScan;
  readings: Reading[];
}

function parseCloudWatch(lines: readonly string[], context: ParseContext): ParseResult {
  const collected: Collected = { scan: startScan(lines, context), readings: [] };
  const start = lines.findIndex((line) => !isFraming(line));
  const header = start < 0 ? null : csvHeaderOf(stripBom(lines[start]!).trim());
  if (header !== null) parseCsv(collected, lines, start, header);
  else parseJson(collected, lines);
  const { scan } = collected;
  lines.forEach((_, index) => scan.ledger.isClassified(index) || classifyText(scan, index));
  // Exports are often newest first: records go out oldest first, klog microseconds breaking ties within a millisecond.
  const records = collected.readings
    .map((reading, order) => ({ reading, order }))
    .sort(
      (a, b) =>
        a.reading.record.at.earliest - b.reading.record.at.earliest ||
        (a.reading.micros ?? 0) - (b.reading.micros ?? 0) ||
        a.order - b.order,
    )
    .map(({ reading }) => reading.record);
  return { ...finishScan(scan), records };
}

function take(collected: Collected, outcome: RowOutcome, first: number, last: number, shape: string): void {
  const { scan } = collected;
  if (outcome.kind === 'record') {
    collected.readings.push(outcome.reading);
    scan.shapes.add(shape);
    claimLines(scan, first, last, { kind: 'record' });
  } else {
    skipLines(scan, first, last, outcome.reason, outcome.detail);
  }
}

// --- CSV ---------------------------------------------------------------------------------------

/** The column names of a Logs Insights CSV header, when it names `@timestamp` and `@message`. */
function csvHeaderOf(line: string): string[] | null {
  if (!line.includes('@timestamp') || !line.includes('@message')) return null;
  const fields = readCsvLine(line);
  if (fields === null) return null;
  const names = fields.map((field) => field.trim());
  return names.includes('@timestamp') && names.includes('@message') ? names : null;
}

/** One CSV record that fits on one line, or null when a quoted field runs past it. */
function readCsvLine(line: string): string[] | null {
  const state = newCsvState();
  feedCsv(state, line);
  if (state.inQuotes) return null;
  return finishCsvRecord(state);
}

interface CsvState {
  fields: string[];
  field: string;
  inQuotes: boolean;
  /** The field started with a quote: text after its closing quote is kept literally (lenient). */
  quoted: boolean;
}

function newCsvState(): CsvState {
  return { fields: [], field: '', inQuotes: false, quoted: false };
}

/** RFC 4180: fields separated by commas, quoted with `"`, a quote doubled inside quotes. */
function feedCsv(state: CsvState, text: string): void {
  let i = 0;
  while (i < text.length) {
    if (state.inQuotes) {
      const quote = text.indexOf('"', i);
      if (quote < 0) {
        state.field += text.slice(i);
        return;
      }
      state.field += text.slice(i, quote);
      if (text[quote + 1] === '"') {
        state.field += '"';
        i = quote + 2;
      } else {
        state.inQuotes = false;
        i = quote + 1;
      }
    } else if (text[i] === ',') {
      state.fields.push(state.field);
      state.field = '';
      state.quoted = false;
      i += 1;
    } else if (text[i] === '"' && state.field === '' && !state.quoted) {
      state.inQuotes = true;
      state.quoted = true;
      i += 1;
    } else {
      // Unquoted text (or text after a closing quote, kept as it is) runs to the next comma.
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      state.field += text.slice(i, end);
      i = end;
    }
  }
}

function finishCsvRecord(state: CsvState): string[] {
  const fields = [...state.fields, state.field];
  Object.assign(state, newCsvState());
  return fields;
}

function parseCsv(collected: Collected, lines: readonly string[], headerIndex: number, names: string[]): void {
  const { scan } = collected;
  scan.ledger.claim(headerIndex, { kind: 'header' });
  scan.shapes.add(shapes.insightsCsv);
  const column = (name: string) => names.indexOf(name);
  const at = { timestamp: column('@timestamp'), message: column('@message'), logStream: column('@logStream'), log: column('@log') };
  const state = newCsvState();
  let first = -1;
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (first < 0) {
      if (line.trim() === '') continue; // left for the final pass: blank
      first = index;
      feedCsv(state, line);
    } else {
      // A quoted field holds a newline: the record goes on.
      feedCsv(state, `\n${line}`);
    }
    if (state.inQuotes) continue;
    const fields = finishCsvRecord(state);
    const cell = (i: number) => (i < 0 ? undefined : fields[i]);
    if (first === index && fields.length !== names.length && readCloudWatchTime(cell(at.timestamp)) === null) {
      // Not a row: prompts or prose after the export, classed with the text.
      first = -1;
      continue;
    }
    const row: Row = { timestamp: cell(at.timestamp), message: cell(at.message), logStream: cell(at.logStream), logGroup: cell(at.log) };
    take(collected, readRow(row, { path: scan.context.path, line: first + 1, shape: shapes.insightsCsv }), first, index, shapes.insightsCsv);
    first = -1;
  }
  if (first >= 0) {
    skipLines(scan, first, lines.length - 1, 'truncated', 'the CSV ends inside a quoted field', 'was the export cut off?');
  }
}

// --- JSON --------------------------------------------------------------------------------------

/**
 * The list key of the AWS CLI outputs, renamed to `items` (padded to the same width, so columns
 * stay put) so that the shared scanner hands out one event at a time.
 */
const listKey = /(^|[^\\])"(events|results)"(?=\s*:)/gu;
const aliasOf: Record<string, string> = { events: '"items" ', results: '"items"  ' };

function parseJson(collected: Collected, lines: readonly string[]): void {
  const { scan } = collected;
  const firstValue = lines.find((line) => !isFraming(line))?.trimStart() ?? '';
  const aliased = firstValue.startsWith('{') ? lines.map((line) => (line.includes('"') ? line.replace(listKey, (_, before: string, key: string) => before + aliasOf[key]) : line)) : lines;
  /** `[{field, value}, …]` as the whole value: one row, read when its container closes. */
  let pairRow: { fields: Record<string, unknown>; first: number; last: number } | null = null;
  for (const piece of scanJson(aliased)) {
    if (piece.kind === 'text') {
      classifyText(scan, piece.line);
    } else if (piece.kind === 'truncated') {
      claimLines(scan, piece.valueStart.line, piece.start.line, { kind: 'structure' });
      skipLines(scan, piece.start.line, piece.end.line, 'truncated', 'the JSON ends inside a log row', 'was the export cut off?');
    } else if (piece.kind === 'item') {
      const value = parseOrSkip(scan, piece);
      if (value === undefined) continue;
      const pair = isPlainObject(value) && typeof value.field === 'string' && Object.keys(value).every((key) => key === 'field' || key === 'value');
      if (pair) {
        pairRow ??= { fields: {}, first: piece.start.line, last: piece.end.line };
        pairRow.fields[value.field as string] = value.value;
        pairRow.last = piece.end.line;
        continue;
      }
      readValue(collected, value, piece.start.line, piece.end.line);
    } else {
      if (pairRow !== null) {
        const row = insightsRow(pairRow.fields);
        take(collected, readRow(row, { path: scan.context.path, line: pairRow.first + 1, shape: shapes.queryResults }), pairRow.first, pairRow.last, shapes.queryResults);
        pairRow = null;
      }
      if (piece.itemCount !== null) {
        // The frame: `{"events": [`, `"searchedLogStreams": […]`, `]`, `}`.
        if (parseOrSkip(scan, piece) !== undefined) claimLines(scan, piece.start.line, piece.end.line, { kind: 'structure' });
      } else {
        // A lone object: one row (or one line of NDJSON rows).
        const value = parseOrSkip(scan, piece);
        if (value !== undefined) readValue(collected, value, piece.start.line, piece.end.line);
      }
    }
  }
}

function readValue(collected: Collected, value: unknown, first: number, last: number): void {
  const { scan } = collected;
  const reading = rowOf(value);
  if (reading === null) {
    skipLines(scan, first, last, 'not-an-event', 'a JSON value that is not a CloudWatch log row');
    return;
  }
  take(collected, readRow(reading.row, { path: scan.context.path, line: first + 1, shape: reading.shape }), first, last, reading.shape);
}

