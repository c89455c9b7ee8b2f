// The sieve: before an input of `batch` is parsed, the records that cannot be signals are taken
// out of it at the byte level and counted, so that the parser reads only what findings are made
// of. A dump saved every few minutes is almost all Normal events, and decoding and parsing them
// only to drop them was nearly all of a batch's time.
//
// It knows the layouts kubectl and exporters print, and only those: an aligned `get events`
// table (default or -o wide, with or without NAMESPACE), a `-o json` List as kubectl indents it,
// and NDJSON with one event a line. A record is dropped only when its own bytes prove it is an
// event of type Normal whose reason is not LeaderElection, in exactly the place the layout puts
// them; anything else, or anything it is unsure of, stays for the parser (a table with a line
// that does not line up with its header is left to the parser whole). What stays is a smaller
// text in which every line keeps its number: the lines around the records (headers, the List's
// frame, blank lines), the first record (so that the shape and capture time are read as before),
// and every record that may be a signal. Parsing it gives the records the whole input gives,
// less the dropped ones.
//
// It reads an input whole or piece by piece (a dump of hundreds of megabytes need never be held
// at once): each layout takes whole records from what it is given and leaves the rest for the
// next piece.
//
// What the sieve does not check of a record it drops: every field (a Normal event whose count is
// not a number would have been skipped as invalid) and control characters inside it, other than
// those the caller rules out for the whole input (NUL, ESC, CR, tab).
import type { InputFormat } from '../formats/define-format.js';
import { jsonEvents } from '../formats/json-events.js';
import { kubectlText } from '../formats/kubectl-text.js';

export interface SievedText {
  /** The format the layout is read by; null when no layout was (`keepAll`). */
  format: InputFormat | null;
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

/** A layout's reader: what it takes of the bytes it is given, whole records only unless they are the last. */
interface Layout {
  /** How many bytes it read; the rest is given again, followed by the next piece. False: not this layout after all. */
  take(bytes: Buffer, last: boolean): number | false;
  done(): SievedText;
}

/** Reads an input piece by piece. */
export class Sieve {
  private left: Buffer = Buffer.alloc(0);
  private failed = false;

  private constructor(private readonly layout: Layout) {}

  /** Null when the input's first bytes (a few kilobytes are plenty) are not a layout the sieve knows. */
  static start(head: Buffer): Sieve | null {
    const known = layouts.find(({ starts }) => startsWith(head, starts));
    return known ? new Sieve(known.layout()) : null;
  }

  /** False once the input turns out not to be in the layout: the parser must read it whole. */
  push(piece: Buffer): boolean {
    return this.take(this.left.length === 0 ? piece : Buffer.concat([this.left, piece]), false);
  }

  end(): SievedText | null {
    return this.take(this.left, true) ? this.layout.done() : null;
  }

  private take(bytes: Buffer, last: boolean): boolean {
    if (this.failed) return false;
    const taken = this.layout.take(bytes, last);
    if (taken === false) {
      this.failed = true;
      this.left = Buffer.alloc(0);
      return false;
    }
    // A copy: what is left is a line or an item, and must not keep the whole piece alive.
    this.left = taken < bytes.length ? Buffer.from(bytes.subarray(taken)) : Buffer.alloc(0);
    return true;
  }
}

/** The sieved text of an input held whole, or null when it is not in a layout the sieve knows. */
export function sieve(bytes: Buffer): SievedText | null {
  const run = Sieve.start(bytes);
  return run && run.push(bytes) ? run.end() : null;
}

/** Every line of a plain text in no layout the sieve knows, so that the parser reads it without reading the file again. */
export function keepAll(bytes: Buffer): SievedText {
  const kept = new Kept(null);
  eachLine(bytes, true, (start, end) => (kept.keep(bytes, start, end), true));
  return kept.done();
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const COMMA = 0x2c;

/** Collects the kept lines, and counts the dropped ones, as a layout walks an input. */
class Kept {
  readonly lines: string[] = [];
  readonly lineNumbers: number[] = [];
  droppedRecords = 0;
  droppedLines = 0;
  /** Lines walked so far. */
  lineCount = 0;

  constructor(private readonly format: InputFormat | null) {}

  /** The next line of the input, kept. */
  keep(bytes: Buffer, start: number, end: number): void {
    this.lineCount += 1;
    this.lines.push(bytes.toString('utf8', start, end));
    this.lineNumbers.push(this.lineCount);
  }

  /** The next record of the input, of this many lines, dropped. */
  drop(lines: number): void {
    this.lineCount += lines;
    this.droppedRecords += 1;
    this.droppedLines += lines;
  }

  done(): SievedText {
    return { format: this.format, lines: this.lines, lineNumbers: this.lineNumbers, droppedRecords: this.droppedRecords, droppedLines: this.droppedLines, totalLines: this.lineCount };
  }
}

/**
 * Calls `line` with each whole line of `bytes`, and with a last one without its newline when
 * `last`; returns how far it got, or false when `line` does.
 */
function eachLine(bytes: Buffer, last: boolean, line: (start: number, end: number) => boolean): number | false {
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, start);
    if (newline === -1 && !last) return start;
    const end = newline === -1 ? bytes.length : newline;
    if (!line(start, end)) return false;
    start = end + 1;
  }
  return bytes.length;
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

const headerWords = new Map<string, TableColumn>([
  ['NAMESPACE', 'namespace'],
  ['LAST SEEN', 'lastSeen'],
  ['TYPE', 'type'],
  ['REASON', 'reason'],
  ['OBJECT', 'object'],
  ['SUBOBJECT', 'subobject'],
  ['SOURCE', 'source'],
  ['MESSAGE', 'message'],
  ['FIRST SEEN', 'firstSeen'],
  ['COUNT', 'count'],
  ['NAME', 'name'],
]);

const tableLayouts: readonly (readonly TableColumn[])[] = [
  ['lastSeen', 'type', 'reason', 'object', 'message'],
  ['lastSeen', 'type', 'reason', 'object', 'subobject', 'source', 'message', 'firstSeen', 'count', 'name'],
];

/** Where each column starts, from the header; null unless it is exactly a layout the sieve knows. */
function tableColumns(header: string): Map<TableColumn, number> | null {
  // Cells are two or more spaces apart (tabwriter pads with three); a header word has at most one inside.
  const columns = new Map<TableColumn, number>();
  for (const match of header.matchAll(/\S+(?: \S+)?/gu)) {
    const column = headerWords.get(match[0]);
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

/** Where the cells of a row start, from the header: -1 for a column the table does not have. */
interface RowLayout {
  lastSeen: number;
  type: number;
  reason: number;
  object: number;
  subobject: number;
  source: number;
  firstSeen: number;
  count: number;
  name: number;
  /** Where the message starts when it is the last cell, which may be blank; -1 when it is not last. */
  lastMessage: number;
  /** Where every other cell that is never blank starts, but the first. */
  starts: number[];
  /** Rows shorter than this lack a cell. */
  shortest: number;
}

function rowLayout(columns: Map<TableColumn, number>): RowLayout {
  const at = (column: TableColumn) => columns.get(column) ?? -1;
  const subobject = at('subobject');
  const name = at('name');
  return {
    lastSeen: at('lastSeen'),
    type: at('type'),
    reason: at('reason'),
    object: at('object'),
    subobject,
    source: at('source'),
    firstSeen: at('firstSeen'),
    count: at('count'),
    name,
    lastMessage: name >= 0 ? -1 : at('message'),
    starts: [...columns.values()].filter((start) => start > 0 && start !== subobject && (name >= 0 || start !== at('message'))),
    shortest: (name >= 0 ? name : at('object')) + 1,
  };
}

/** A cell that starts where its column does: a space before it, none at its start. */
const cellAt = (bytes: Buffer, row: number, start: number) => bytes[row + start - 1] === SPACE && bytes[row + start] !== SPACE;

const UNKNOWN_AGE = ascii('<unknown> ');

/** An age kubectl printed (digits and units up to the padding), or `<unknown>`, which is no time. */
function ageAt(bytes: Buffer, row: number, start: number): 'age' | 'unknown' | null {
  let i = row + start;
  while (isAgeByte(bytes[i]!)) i += 1;
  if (i > row + start && bytes[i] === SPACE) return 'age';
  return equalsAt(bytes, row + start, UNKNOWN_AGE) ? 'unknown' : null;
}

/** `lower(kind)/name` as the server prints it, so a `kubectl events` row (`Pod/x`) is never taken for one. */
function objectAt(bytes: Buffer, row: number, start: number): boolean {
  let i = row + start;
  while (isLowerAlnum(bytes[i]!)) i += 1;
  return i > row + start && bytes[i] === SLASH && bytes[i + 1] !== SPACE;
}

function countAt(bytes: Buffer, row: number, start: number): boolean {
  let i = row + start;
  while (bytes[i]! >= 0x30 && bytes[i]! <= 0x39) i += 1;
  return i > row + start && bytes[i] === SPACE;
}

function nameAt(bytes: Buffer, row: number, start: number, end: number): boolean {
  for (let i = row + start; i < end; i += 1) if (bytes[i] === SPACE) return false;
  return true;
}

/**
 * What a line is to the sieve: a row whose cells line up with the header (an event no finding
 * needs, or one to keep), or not a row of this table at all.
 */
function readRow(bytes: Buffer, row: number, end: number, layout: RowLayout): 'other-event' | 'keep' | null {
  if (end - row < layout.shortest || bytes[row] === SPACE) return null;
  for (const start of layout.starts) if (!cellAt(bytes, row, start)) return null;
  // A blank message leaves the row at its OBJECT cell, or pads it to where the message would start.
  if (layout.lastMessage >= 0 && end - row > layout.lastMessage && !cellAt(bytes, row, layout.lastMessage)) return null;
  const lastSeen = ageAt(bytes, row, layout.lastSeen);
  if (lastSeen === null || !objectAt(bytes, row, layout.object)) return null;
  if (layout.name >= 0) {
    // The empty SUBOBJECT of most rows leaves its column blank; the cells after it must still line up.
    const aligned =
      (layout.subobject < 0 || bytes[row + layout.subobject - 1] === SPACE) &&
      layout.source > 0 &&
      ageAt(bytes, row, layout.firstSeen) !== null &&
      countAt(bytes, row, layout.count) &&
      nameAt(bytes, row, layout.name, end);
    if (!aligned) return null;
  }
  const normal = equalsAt(bytes, row + layout.type, NORMAL) && !equalsAt(bytes, row + layout.reason, LEADER_ELECTION_CELL);
  return normal && lastSeen === 'age' ? 'other-event' : 'keep';
}

/**
 * Every line after the header must be a row that lines up, or blank: then every line reads on its
 * own, and no line can be taken for the wrapped end of another, in the whole text or in what the
 * sieve keeps of it. A table a terminal wrapped, rows with wide characters, `kubectl events` rows:
 * the parser reads those whole.
 */
function tableLayout(): Layout {
  const kept = new Kept(kubectlText);
  let layout: RowLayout | null = null;
  let firstRow = true;
  return {
    take: (bytes, last) =>
      eachLine(bytes, last, (start, end) => {
        if (layout === null) {
          const columns = tableColumns(bytes.toString('latin1', start, end));
          if (columns === null) return false;
          layout = rowLayout(columns);
          kept.keep(bytes, start, end);
          return true;
        }
        const row = end > start ? readRow(bytes, start, end, layout) : 'keep';
        if (row === null) return false;
        if (row === 'other-event' && !firstRow) {
          kept.drop(1);
        } else {
          kept.keep(bytes, start, end);
          if (end > start) firstRow = false;
        }
        return true;
      }),
    done: () => kept.done(),
  };
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

/** The item that opens on the line at `open`: where its closing line ends, and what its fields say; null when the bytes end first. */
function readItem(bytes: Buffer, open: number): { end: number; lines: number; closed: boolean; fields: EventFields } | null {
  const fields = noFields();
  let lines = 1;
  for (let start = lineEnd(bytes, open) + 1; start < bytes.length; ) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end === -1) return null;
    lines += 1;
    // Fields sit deeper than the item's braces; the first line that does not is its closing brace, or the item is not one the sieve knows.
    const inside = end - start > FIELD_INDENT && bytes[start] === SPACE && bytes[start + 8] === SPACE && bytes[start + 11] === SPACE;
    if (!inside) return { end, lines, closed: closesItem(bytes, start, end), fields };
    if (bytes[start + FIELD_INDENT] === QUOTE) readItemField(bytes, start, end, fields);
    start = end + 1;
  }
  return null;
}

function jsonListLayout(): Layout {
  const kept = new Kept(jsonEvents);
  let firstItem = true;
  const keepAll = (bytes: Buffer, from: number, to: number) => eachLine(bytes.subarray(from, to), true, (start, end) => (kept.keep(bytes, from + start, from + end), true));
  return {
    take(bytes, last) {
      let start = 0;
      while (start < bytes.length) {
        const newline = bytes.indexOf(NEWLINE, start);
        if (newline === -1 && !last) return start;
        const end = newline === -1 ? bytes.length : newline;
        if (end - start !== ITEM_OPEN.length || !equalsAt(bytes, start, ITEM_OPEN)) {
          kept.keep(bytes, start, end);
          start = end + 1;
          continue;
        }
        const item = readItem(bytes, start);
        // An item the bytes cut is read again whole with the next piece.
        if (item === null && !last) return start;
        // A List cut off, or an item that does not close where kubectl closes it: the parser reads that whole.
        if (item === null || !item.closed) return false;
        if (!firstItem && isOtherEvent(item.fields)) kept.drop(item.lines);
        else keepAll(bytes, start, item.end);
        firstItem = false;
        start = item.end + 1;
      }
      return last && !endsList(kept.lines) ? false : bytes.length;
    },
    done() {
      const sieved = kept.done();
      closeLastItems(sieved.lines);
      return sieved;
    },
  };
}

/** The List was printed to its end: its last line that is not blank closes it. */
function endsList(lines: readonly string[]): boolean {
  for (let index = lines.length - 1; index >= 0; index -= 1) if (lines[index] !== '') return lines[index] === '}';
  return false;
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

function ndjsonLayout(): Layout {
  const kept = new Kept(jsonEvents);
  return {
    take: (bytes, last) =>
      eachLine(bytes, last, (start, end) => {
        const fields = lineFields(bytes, start, end);
        if (kept.lineCount === 0) {
          // Other formats are JSON lines too (probe samples, docker's json-file logs): the first line must be an event.
          if (!fields || !fields.event || !fields.object) return false;
          kept.keep(bytes, start, end);
        } else if (fields && isOtherEvent(fields)) {
          kept.drop(1);
        } else {
          kept.keep(bytes, start, end);
        }
        return true;
      }),
    done: () => kept.done(),
  };
}

const layouts: readonly { starts: Buffer; layout: () => Layout }[] = [
  { starts: ascii('{\n    "apiVersion": '), layout: jsonListLayout },
  { starts: ascii('{"'), layout: ndjsonLayout },
  { starts: ascii('NAMESPACE '), layout: tableLayout },
  { starts: ascii('LAST SEEN '), layout: tableLayout },
];
