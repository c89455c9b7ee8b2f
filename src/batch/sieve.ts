// The sieve: before an input of `batch` is parsed, the records that cannot be signals are taken
// out of it at the byte level and counted, so that the parser reads only what findings are made
// of. A dump saved every few minutes is almost all Normal events, and decoding and parsing them
// only to drop them was nearly all of a batch's time.
//
// It knows the layouts kubectl and exporters print, and only those: an aligned `get events`
// table (default or -o wide, with or without NAMESPACE), a `-o json` List as kubectl indents it,
// and NDJSON with one event a line. A record is dropped only when its own bytes prove it is an
// event of type Normal whose reason is not LeaderElection, in exactly the place the layout puts
// them; anything else, or anything it is unsure of, stays for the parser. What stays is a smaller
// text in which every line keeps its number: the lines around the records (headers, the List's
// frame, blank lines), the first record (so that the shape and capture time are read as before),
// and every record that may be a signal. Parsing it gives the records the whole input gives,
// less the dropped ones.
//
// What the sieve does not check of a record it drops: every field (a Normal event whose count is
// not a number would have been skipped as invalid) and control characters inside it, other than
// those the caller rules out for the whole input (NUL, ESC, CR, tab).
import type { InputFormat } from '../formats/define-format.js';
import { jsonEvents } from '../formats/json-events.js';
import { kubectlText } from '../formats/kubectl-text.js';

export interface SievedText {
  /** The format the layout is read by. */
  format: InputFormat;
  /** The lines the parser still reads, in order. */
  lines: string[];
  /** Each kept line's number in the input, 1-based. */
  lineNumbers: number[];
  /** Records dropped: events that are neither elections nor Warnings. */
  droppedRecords: number;
  /** Lines the dropped records spanned. */
  droppedLines: number;
  /** Lines of the whole input. */
  totalLines: number;
}

type Sieve = (bytes: Buffer) => SievedText | null;

/** The sieved text, or null when the input is not in a layout the sieve knows (the parser reads all of it). */
export function sieve(bytes: Buffer): SievedText | null {
  const layout = sieves.find(({ starts }) => startsWith(bytes, starts));
  return layout ? layout.sieve(bytes) : null;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const COMMA = 0x2c;

/** Collects the kept lines as it walks an input line by line. */
class Kept {
  readonly lines: string[] = [];
  readonly lineNumbers: number[] = [];
  droppedRecords = 0;
  droppedLines = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly format: InputFormat,
  ) {}

  keep(start: number, end: number, lineNumber: number): void {
    this.lines.push(this.bytes.toString('utf8', start, end));
    this.lineNumbers.push(lineNumber);
  }

  drop(lines: number): void {
    this.droppedRecords += 1;
    this.droppedLines += lines;
  }

  done(totalLines: number): SievedText {
    return { format: this.format, lines: this.lines, lineNumbers: this.lineNumbers, droppedRecords: this.droppedRecords, droppedLines: this.droppedLines, totalLines };
  }
}

/** The end of the line that starts at `start` (its newline, or the end of the input). */
function lineEnd(bytes: Buffer, start: number): number {
  const newline = bytes.indexOf(NEWLINE, start);
  return newline === -1 ? bytes.length : newline;
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}

function equalsAt(bytes: Buffer, at: number, expected: Buffer): boolean {
  if (at + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i += 1) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** What a JSON object's own fields say; as in JSON.parse, a repeated key counts by its last value. */
interface EventFields {
  /** type is Normal. */
  normal: boolean;
  /** reason is LeaderElection, or has an escape in it that might spell it. */
  election: boolean;
  /** kind is Event, or not given (exporters leave it out). */
  event: boolean;
  /** It has an involvedObject or regarding object. */
  object: boolean;
}

const noFields = (): EventFields => ({ normal: false, election: false, event: true, object: false });

/** An event, Normal and no election: what the sieve may drop. */
const isOtherEvent = (fields: EventFields) => fields.normal && fields.event && fields.object && !fields.election;

// ---------------------------------------------------------------------------------------------
// Tables: `kubectl get events [-A] [-o wide]`, aligned by kubectl's tabwriter.

type TableColumn = 'namespace' | 'lastSeen' | 'type' | 'reason' | 'object' | 'subobject' | 'source' | 'message' | 'firstSeen' | 'count' | 'name';

const headerWords: Record<string, TableColumn> = {
  NAMESPACE: 'namespace',
  'LAST SEEN': 'lastSeen',
  TYPE: 'type',
  REASON: 'reason',
  OBJECT: 'object',
  SUBOBJECT: 'subobject',
  SOURCE: 'source',
  MESSAGE: 'message',
  'FIRST SEEN': 'firstSeen',
  COUNT: 'count',
  NAME: 'name',
};

const tableLayouts: readonly (readonly TableColumn[])[] = [
  ['lastSeen', 'type', 'reason', 'object', 'message'],
  ['lastSeen', 'type', 'reason', 'object', 'subobject', 'source', 'message', 'firstSeen', 'count', 'name'],
];

/** Where each column starts, from the header; null unless it is exactly a layout the sieve knows. */
function tableColumns(header: string): Map<TableColumn, number> | null {
  // Cells are two or more spaces apart (tabwriter pads with three); a header word has at most one inside.
  const columns = new Map<TableColumn, number>();
  for (const match of header.matchAll(/\S+(?: \S+)?/gu)) {
    const column = headerWords[match[0]];
    if (column === undefined || columns.has(column)) return null;
    if (match.index > 0 && header.slice(match.index - 2, match.index) !== '  ') return null;
    columns.set(column, match.index);
  }
  const order = [...columns.keys()].filter((column) => column !== 'namespace');
  if (columns.has('namespace') && columns.get('namespace') !== 0) return null;
  return tableLayouts.some((layout) => layout.length === order.length && layout.every((column, index) => order[index] === column)) ? columns : null;
}

const NORMAL = ascii('Normal ');
const LEADER_ELECTION_CELL = ascii('LeaderElection ');
const isAgeByte = (byte: number) => (byte >= 0x30 && byte <= 0x39) || byte === 0x64 || byte === 0x68 || byte === 0x6d || byte === 0x73 || byte === 0x79;
const isLowerAlnum = (byte: number) => (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39);

function sieveTable(bytes: Buffer): SievedText | null {
  const headerEnd = lineEnd(bytes, 0);
  const columns = tableColumns(bytes.toString('latin1', 0, headerEnd));
  if (!columns) return null;
  const at = (column: TableColumn) => columns.get(column) ?? -1;
  const [lastSeen, type, reason, object, message] = [at('lastSeen'), at('type'), at('reason'), at('object'), at('message')];
  const [subobject, source, firstSeen, count, name] = [at('subobject'), at('source'), at('firstSeen'), at('count'), at('name')];
  const starts = [...columns.values()].filter((start) => start > 0 && start !== subobject);
  const shortest = (name >= 0 ? name : message) + 1;

  /** A cell that starts where its column does: a space before it, none at its start. */
  const cellAt = (row: number, start: number) => bytes[row + start - 1] === SPACE && bytes[row + start] !== SPACE;
  /** An age kubectl printed: digits and units up to the padding. */
  const ageAt = (row: number, start: number) => {
    let i = row + start;
    while (isAgeByte(bytes[i]!)) i += 1;
    return i > row + start && bytes[i] === SPACE;
  };
  /** `lower(kind)/name` as the server prints it, so a `kubectl events` row (`Pod/x`) is never taken for one. */
  const objectAt = (row: number) => {
    let i = row + object;
    while (isLowerAlnum(bytes[i]!)) i += 1;
    return i > row + object && bytes[i] === SLASH && bytes[i + 1] !== SPACE;
  };
  const nameAt = (row: number, end: number) => {
    for (let i = row + name; i < end; i += 1) if (bytes[i] === SPACE) return false;
    return true;
  };
  const countAt = (row: number) => {
    let i = row + count;
    while (bytes[i]! >= 0x30 && bytes[i]! <= 0x39) i += 1;
    return i > row + count && bytes[i] === SPACE;
  };

  const isDroppable = (row: number, end: number): boolean => {
    if (end - row < shortest || bytes[row] === SPACE) return false;
    for (const start of starts) if (!cellAt(row, start)) return false;
    if (!equalsAt(bytes, row + type, NORMAL) || equalsAt(bytes, row + reason, LEADER_ELECTION_CELL)) return false;
    if (!ageAt(row, lastSeen) || !objectAt(row)) return false;
    if (name < 0) return true;
    // The empty SUBOBJECT of most rows leaves its column blank; the cells after it must still line up.
    return (subobject < 0 || bytes[row + subobject - 1] === SPACE) && source > 0 && ageAt(row, firstSeen) && countAt(row) && nameAt(row, end);
  };

  const kept = new Kept(bytes, kubectlText);
  kept.keep(0, headerEnd, 1);
  let lineNumber = 1;
  let firstRow = true;
  for (let row = headerEnd + 1; row < bytes.length; ) {
    const end = lineEnd(bytes, row);
    lineNumber += 1;
    if (!firstRow && isDroppable(row, end)) kept.drop(1);
    else kept.keep(row, end, lineNumber);
    if (end > row) firstRow = false;
    row = end + 1;
  }
  return kept.done(lineNumber);
}

// ---------------------------------------------------------------------------------------------
// `kubectl get events -o json`: a List, items indented by eight spaces and their fields by twelve.

const ITEM_OPEN = ascii('        {');
const ITEM_CLOSE = ascii('        }');
const TYPE_KEY = ascii('"type": ');
const REASON_KEY = ascii('"reason": ');
const KIND_KEY = ascii('"kind": ');
const NORMAL_FIELD = ascii('"type": "Normal"');
const ELECTION_FIELD = ascii('"reason": "LeaderElection"');
const KIND_EVENT_FIELD = ascii('"kind": "Event"');
const OBJECT_FIELD = ascii('"involvedObject": {');
const REGARDING_FIELD = ascii('"regarding": {');

/** The line holds exactly `field` and then `,` or nothing: `"type": "Normal"` and not `"type": "Normally"`. */
function fieldLine(bytes: Buffer, start: number, end: number, field: Buffer): boolean {
  const after = start + field.length;
  return (after === end || (after + 1 === end && bytes[after] === COMMA)) && equalsAt(bytes, start, field);
}


/** A field of the item itself: twelve spaces, then the key. */
const FIELD_INDENT = 12;

function readItemField(bytes: Buffer, line: number, end: number, fields: EventFields): void {
  const start = line + FIELD_INDENT;
  // The key's first letter picks the one comparison worth making; most fields are none of these.
  switch (bytes[start + 1]) {
    case 0x74: // t
      if (equalsAt(bytes, start, TYPE_KEY)) fields.normal = fieldLine(bytes, start, end, NORMAL_FIELD);
      break;
    case 0x72: // r
      if (equalsAt(bytes, start, REASON_KEY)) fields.election = fieldLine(bytes, start, end, ELECTION_FIELD) || hasByte(bytes, BACKSLASH, start, end);
      else fields.object ||= fieldLine(bytes, start, end, REGARDING_FIELD);
      break;
    case 0x6b: // k
      if (equalsAt(bytes, start, KIND_KEY)) fields.event = fieldLine(bytes, start, end, KIND_EVENT_FIELD);
      break;
    case 0x69: // i
      fields.object ||= fieldLine(bytes, start, end, OBJECT_FIELD);
      break;
  }
}

/** Whether the byte is in [start, end): a loop, since indexOf would search on to the end of the input. */
function hasByte(bytes: Buffer, byte: number, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (bytes[i] === byte) return true;
  return false;
}

/** The line that closes an item: `        }` or `        },`. */
function closesItem(bytes: Buffer, start: number, end: number): boolean {
  const length = end - start;
  return (length === ITEM_CLOSE.length || (length === ITEM_CLOSE.length + 1 && bytes[end - 1] === COMMA)) && equalsAt(bytes, start, ITEM_CLOSE);
}

function sieveJsonList(bytes: Buffer): SievedText | null {
  const kept = new Kept(bytes, jsonEvents);
  let lineNumber = 0;
  let firstItem = true;
  for (let start = 0; start < bytes.length; ) {
    let end = lineEnd(bytes, start);
    lineNumber += 1;
    if (end - start !== ITEM_OPEN.length || !equalsAt(bytes, start, ITEM_OPEN)) {
      kept.keep(start, end, lineNumber);
      start = end + 1;
      continue;
    }
    // An item: its lines up to the one that closes it at the same indent.
    const itemStart = start;
    const firstLine = lineNumber;
    const fields = noFields();
    let closed = false;
    while (!closed && end + 1 < bytes.length) {
      start = end + 1;
      end = lineEnd(bytes, start);
      lineNumber += 1;
      // Fields sit deeper than the item's braces; the first line that does not is its closing brace, or the item is not one the sieve knows.
      const inside = end - start > FIELD_INDENT && bytes[start] === SPACE && bytes[start + 8] === SPACE && bytes[start + 11] === SPACE;
      if (!inside) {
        closed = closesItem(bytes, start, end);
        break;
      }
      if (bytes[start + FIELD_INDENT] === QUOTE) readItemField(bytes, start, end, fields);
    }
    if (!firstItem && closed && isOtherEvent(fields)) kept.drop(lineNumber - firstLine + 1);
    else keepLines(kept, bytes, itemStart, end, firstLine);
    firstItem = false;
    start = end + 1;
  }
  const sieved = kept.done(lineNumber);
  closeLastItems(sieved.lines);
  return sieved;
}

function keepLines(kept: Kept, bytes: Buffer, from: number, to: number, firstLine: number): void {
  let lineNumber = firstLine;
  for (let start = from; start <= to && start < bytes.length; lineNumber += 1) {
    const end = lineEnd(bytes, start);
    kept.keep(start, end, lineNumber);
    start = end + 1;
  }
}

/**
 * A kept item that was followed by dropped ones still ends in `},`; when no item follows it in the
 * kept text, the comma goes, or the List would not be JSON. Only that line's last character changes.
 */
function closeLastItems(lines: string[]): void {
  const open = '        {';
  for (let index = 0; index < lines.length; index += 1) {
    if (lines[index] === '        },' && lines[index + 1] !== open) lines[index] = '        }';
  }
}

// ---------------------------------------------------------------------------------------------
// NDJSON: one compact event a line (exporters, `-w -o json` as watch events are not this: they wrap it).


const enum Key {
  Other,
  Type,
  Reason,
  Kind,
}

const KEY_TYPE = ascii('type');
const KEY_REASON = ascii('reason');
const KEY_KIND = ascii('kind');
const KEY_INVOLVED_OBJECT = ascii('involvedObject');
const KEY_REGARDING = ascii('regarding');
const WORD_NORMAL = ascii('Normal');
const WORD_LEADER_ELECTION = ascii('LeaderElection');
const WORD_EVENT = ascii('Event');

/** The string between `from` and `to` (exclusive) is exactly `word`. */
function isWord(bytes: Buffer, from: number, to: number, word: Buffer): boolean {
  return to - from === word.length && equalsAt(bytes, from, word);
}

function keyOf(bytes: Buffer, from: number, to: number): Key {
  if (isWord(bytes, from, to, KEY_TYPE)) return Key.Type;
  if (isWord(bytes, from, to, KEY_REASON)) return Key.Reason;
  if (isWord(bytes, from, to, KEY_KIND)) return Key.Kind;
  return Key.Other;
}

/**
 * The fields of the object on one line, read by structure (strings skipped whole, brackets counted)
 * without decoding it; null when the line is not one complete object.
 */
function lineFields(bytes: Buffer, start: number, end: number): EventFields | null {
  if (bytes[start] !== 0x7b || bytes[end - 1] !== 0x7d) return null;
  const fields = noFields();
  let depth = 0;
  let expectKey = false;
  let key = Key.Other;
  let keyStart = 0;
  let keyEnd = 0;
  for (let i = start; i < end; i += 1) {
    const byte = bytes[i]!;
    if (byte === QUOTE) {
      const close = closingQuote(bytes, i + 1, end);
      if (close === -1) return null;
      if (depth === 1 && expectKey) {
        // An escape in a key might spell a key looked for: the object is not one the sieve can read.
        if (hasByte(bytes, BACKSLASH, i + 1, close)) return null;
        key = keyOf(bytes, i + 1, close);
        keyStart = i + 1;
        keyEnd = close;
        expectKey = false;
      } else if (depth === 1 && key !== Key.Other) {
        if (key === Key.Type) fields.normal = isWord(bytes, i + 1, close, WORD_NORMAL);
        else if (key === Key.Reason) fields.election = isWord(bytes, i + 1, close, WORD_LEADER_ELECTION) || hasByte(bytes, BACKSLASH, i + 1, close);
        else fields.event = isWord(bytes, i + 1, close, WORD_EVENT);
      }
      i = close;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (depth === 1 && byte === 0x7b && (isWord(bytes, keyStart, keyEnd, KEY_INVOLVED_OBJECT) || isWord(bytes, keyStart, keyEnd, KEY_REGARDING))) fields.object = true;
      depth += 1;
      expectKey = depth === 1;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
      if (depth < 0) return null;
    } else if (byte === COMMA && depth === 1) {
      expectKey = true;
      key = Key.Other;
      keyStart = keyEnd = 0;
    }
  }
  return depth === 0 ? fields : null;
}

/** The quote that ends a string whose text starts at `from`, or -1 when the line ends first. */
function closingQuote(bytes: Buffer, from: number, end: number): number {
  for (let at = bytes.indexOf(QUOTE, from); at !== -1 && at < end; at = bytes.indexOf(QUOTE, at + 1)) {
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

function sieveNdjson(bytes: Buffer): SievedText | null {
  // Other formats are JSON lines too (probe samples, docker's json-file logs): the first line must be an event.
  const first = lineFields(bytes, 0, lineEnd(bytes, 0));
  if (!first || !first.event || !first.object) return null;
  const kept = new Kept(bytes, jsonEvents);
  let lineNumber = 0;
  for (let start = 0; start < bytes.length; ) {
    const end = lineEnd(bytes, start);
    lineNumber += 1;
    const fields = lineNumber === 1 ? null : lineFields(bytes, start, end);
    if (fields && isOtherEvent(fields)) kept.drop(1);
    else kept.keep(start, end, lineNumber);
    start = end + 1;
  }
  return kept.done(lineNumber);
}

const sieves: readonly { starts: Buffer; sieve: Sieve }[] = [
  { starts: ascii('{\n    "apiVersion": '), sieve: sieveJsonList },
  { starts: ascii('{"'), sieve: sieveNdjson },
  { starts: ascii('NAMESPACE '), sieve: sieveTable },
  { starts: ascii('LAST SEEN '), sieve: sieveTable },
];
