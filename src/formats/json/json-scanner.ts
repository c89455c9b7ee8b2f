// Finds the JSON values in a capture's lines by structure alone (strings and brackets), so that a
// 300 MB `kubectl get events -o json` is handed out one item at a time (formats.md §4.3, §4.7).

/** 0-based line index into the lines array, 0-based UTF-16 column. */
export interface LinePosition {
  line: number;
  column: number;
}

/** `end` is the position of the last character of the piece, so `end.line` is its last line. */
export type JsonPiece =
  /** An element of the `items` array of a top-level object, or of a top-level array. */
  | { kind: 'item'; text: string; start: LinePosition; end: LinePosition; container: number /* index of the top-level value it belongs to */ }
  /** A complete top-level value. For an object with an `items` array (or a top-level array), `text` is the value with the items' contents left out (the array replaced by `[]`), so the caller can read apiVersion/kind/metadata; `itemCount` says how many items were yielded before it. */
  | { kind: 'value'; text: string; start: LinePosition; end: LinePosition; index: number; itemCount: number | null }
  /** Input ended inside a top-level value (or inside an item): what there is of it. */
  | {
      kind: 'truncated';
      text: string;
      start: LinePosition;
      end: LinePosition;
      inItem: boolean;
      expected: string /* e.g. 'the end of a string', '}' , ']' */;
      /** Where the top-level value that was cut off began (before `start` when an item was cut). */
      valueStart: LinePosition;
    }
  /** A line (or the part of a line) outside any JSON value that is not whitespace: prompts, fences, log lines, stray characters. */
  | { kind: 'text'; line: number; text: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

interface OpenItem {
  start: LinePosition;
  /** A scalar is open only when it ran to the end of its line: the next line says whether it was cut off. */
  kind: 'nested' | 'string' | 'scalar';
}

interface OpenValue {
  readonly index: number;
  readonly start: LinePosition;
  /** Depth of the brackets that hold the items: 1 in a top-level array, 2 inside `"items": [`, 0 elsewhere. */
  itemsDepth: number;
  /** Only the first `"items"` array is split into items; JSON.parse would keep a later duplicate anyway. */
  itemsFound: boolean;
  itemsOpen: LinePosition | null;
  itemsClose: LinePosition | null;
  itemCount: number | null;
  /** How far the top level has got through `"items"` `:` `[`; keys and colons may sit on different lines. */
  itemsKey: 'none' | 'key' | 'colon';
}

interface Scan {
  readonly lines: readonly string[];
  /** The closing bracket each open bracket expects, innermost last; its length is the depth. */
  readonly closers: number[];
  /** Pieces completed since the generator last yielded. */
  readonly out: JsonPiece[];
  line: number;
  inString: boolean;
  value: OpenValue | null;
  item: OpenItem | null;
  valueCount: number;
}

export function* scanJson(lines: readonly string[]): Generator<JsonPiece> {
  const scan: Scan = { lines, closers: [], out: [], line: 0, inString: false, value: null, item: null, valueCount: 0 };
  for (let line = 0; line < lines.length; line++) {
    scan.line = line;
    const text = lines[line] ?? '';
    // Yielding after every step, not every line, keeps a compact one-line List to one item at a time too.
    for (let i = 0; i >= 0; ) {
      i = advance(scan, text, i);
      if (scan.out.length > 0) {
        yield* scan.out;
        scan.out.length = 0;
      }
    }
  }
  const truncated = truncatedPiece(scan);
  if (truncated !== null) yield truncated;
}

/** One step through a line; -1 when the rest of the line has nothing more to give. */
function advance(scan: Scan, text: string, i: number): number {
  const value = scan.value;
  if (value === null) return startValue(scan, text, i);
  if (i >= text.length) return -1;
  const next = step(scan, value, text, i);
  if (scan.closers.length === 0) closeValue(scan, value, next - 1);
  return next;
}

/**
 * Outside values a line is text unless it starts with a bracket; after a value closes, the rest of
 * its line opens the next value (`} {`) or is text (`}garbage`). Prompts like `$ echo {"a":1}` stay text.
 */
function startValue(scan: Scan, text: string, from: number): number {
  let i = from;
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  if (i === text.length) return -1;
  const c = text.charCodeAt(i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    openValue(scan, c, i);
    return i + 1;
  }
  const rest = text.slice(i).trim();
  if (rest !== '') scan.out.push({ kind: 'text', line: scan.line, text: rest });
  return -1;
}

function openValue(scan: Scan, opener: number, column: number): void {
  const isArray = opener === OPEN_BRACKET;
  const start = { line: scan.line, column };
  scan.closers.push(isArray ? CLOSE_BRACKET : CLOSE_BRACE);
  scan.value = {
    index: scan.valueCount++,
    start,
    itemsDepth: isArray ? 1 : 0,
    itemsFound: isArray,
    itemsOpen: isArray ? start : null,
    itemsClose: null,
    itemCount: isArray ? 0 : null,
    itemsKey: 'none',
  };
}

function closeValue(scan: Scan, value: OpenValue, column: number): void {
  const end = { line: scan.line, column };
  const text = valueText(scan.lines, value, end);
  scan.out.push({ kind: 'value', text, start: value.start, end, index: value.index, itemCount: value.itemCount });
  scan.value = null;
}

/** Only the top levels need looking at; everything deeper is strings and brackets to skip. */
function step(scan: Scan, value: OpenValue, text: string, i: number): number {
  if (scan.item !== null) return continueItem(scan, value, scan.item, text, i);
  if (scan.inString) return stringEnd(scan, text, i);
  const depth = scan.closers.length;
  if (depth === value.itemsDepth) return betweenItems(scan, value, text, i);
  if (depth === 1 && !value.itemsFound) return topLevelMember(scan, value, text, i);
  return skipNested(scan, text, i, depth === 1 ? 0 : 1);
}

/** Depth 1 of a top-level object, until `"items": [` turns up: the one place where items start. */
function topLevelMember(scan: Scan, value: OpenValue, text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isJsonSpace(c)) continue;
    if (c === QUOTE) return readMemberString(scan, value, text, i + 1);
    if (c === COLON && value.itemsKey === 'key') {
      value.itemsKey = 'colon';
      continue;
    }
    const opensItems = c === OPEN_BRACKET && value.itemsKey === 'colon';
    value.itemsKey = 'none';
    if (opensItems) return openItems(scan, value, i);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      scan.closers.push(c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
      return i + 1;
    }
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      scan.closers.pop();
      return i + 1;
    }
  }
  return text.length;
}

/** A string at the top level of an object: the key `items` (spelt literally) may announce the list. */
function readMemberString(scan: Scan, value: OpenValue, text: string, contentStart: number): number {
  scan.inString = true;
  const end = closeString(scan, text, contentStart);
  const isItemsKey = end - 1 - contentStart === 5 && text.startsWith('items', contentStart);
  value.itemsKey = isItemsKey ? 'key' : 'none';
  return end < 0 ? text.length : end;
}

function openItems(scan: Scan, value: OpenValue, column: number): number {
  scan.closers.push(CLOSE_BRACKET);
  value.itemsDepth = scan.closers.length;
  value.itemsFound = true;
  value.itemsOpen = { line: scan.line, column };
  value.itemCount = 0;
  return column + 1;
}

/** Inside the items array, between items: commas and whitespace, the next item, or the array's end. */
function betweenItems(scan: Scan, value: OpenValue, text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isJsonSpace(c) || c === COMMA) continue;
    if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      scan.closers.pop();
      value.itemsDepth = 0;
      value.itemsClose = { line: scan.line, column: i };
      return i + 1;
    }
    return startItem(scan, value, text, i);
  }
  return text.length;
}

function startItem(scan: Scan, value: OpenValue, text: string, i: number): number {
  const start = { line: scan.line, column: i };
  const c = text.charCodeAt(i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    scan.closers.push(c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
    scan.item = { start, kind: 'nested' };
    return i + 1;
  }
  if (c === QUOTE) {
    scan.inString = true;
    scan.item = { start, kind: 'string' };
    return i + 1;
  }
  const end = scalarEnd(text, i);
  if (end < text.length) emitItem(scan, value, start, { line: scan.line, column: end - 1 });
  else scan.item = { start, kind: 'scalar' };
  return end;
}

function continueItem(scan: Scan, value: OpenValue, item: OpenItem, text: string, i: number): number {
  if (item.kind === 'scalar') {
    // More input followed, so the scalar that ended its line was whole.
    const line = item.start.line;
    emitItem(scan, value, item.start, { line, column: (scan.lines[line] ?? '').length - 1 });
    return i;
  }
  const next = scan.inString ? closeString(scan, text, i) : skipNested(scan, text, i, value.itemsDepth);
  if (next < 0) return text.length;
  const complete = item.kind === 'string' ? !scan.inString : scan.closers.length === value.itemsDepth;
  if (complete) emitItem(scan, value, item.start, { line: scan.line, column: next - 1 });
  return next;
}

function emitItem(scan: Scan, value: OpenValue, start: LinePosition, end: LinePosition): void {
  scan.out.push({ kind: 'item', text: textBetween(scan.lines, start, end), start, end, container: value.index });
  value.itemCount = (value.itemCount ?? 0) + 1;
  scan.item = null;
}

/** The hot loop: most of a big List is item contents, where only strings and brackets matter. */
function skipNested(scan: Scan, text: string, from: number, floor: number): number {
  const closers = scan.closers;
  const length = text.length;
  let i = from;
  while (i < length) {
    const c = text.charCodeAt(i++);
    if (c === QUOTE) {
      scan.inString = true;
      i = closeString(scan, text, i);
      if (i < 0) return length;
    } else if (c === OPEN_BRACE) {
      closers.push(CLOSE_BRACE);
    } else if (c === OPEN_BRACKET) {
      closers.push(CLOSE_BRACKET);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      closers.pop();
      if (closers.length === floor) return i;
    }
  }
  return length;
}

function stringEnd(scan: Scan, text: string, from: number): number {
  const end = closeString(scan, text, from);
  return end < 0 ? text.length : end;
}

/**
 * Index after the quote that ends the open string, or -1 if it runs past the line. JSON strings
 * cannot hold a raw newline, so one that does is invalid; it is still followed to its quote so the
 * structure of the joined text is what JSON.parse will see. indexOf beats a per-character loop here.
 */
function closeString(scan: Scan, text: string, from: number): number {
  let quote = text.indexOf('"', from);
  while (quote >= 0 && isEscaped(text, quote, from)) quote = text.indexOf('"', quote + 1);
  if (quote < 0) return -1;
  scan.inString = false;
  return quote + 1;
}

/** Inside a string backslashes pair up, so an odd run of them right before a quote escapes it. */
function isEscaped(text: string, quote: number, from: number): boolean {
  let k = quote;
  while (k > from && text.charCodeAt(k - 1) === BACKSLASH) k--;
  return (quote - k) % 2 === 1;
}

/** Numbers, true, false, null (or junk for JSON.parse to reject) run to the next separator. */
function scalarEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isJsonSpace(c) || c === COMMA || c === QUOTE || c === OPEN_BRACE || c === CLOSE_BRACE || c === OPEN_BRACKET || c === CLOSE_BRACKET) break;
    i++;
  }
  return i;
}

function truncatedPiece(scan: Scan): JsonPiece | null {
  const value = scan.value;
  if (value === null) return null;
  const item = scan.item;
  const start = item?.start ?? value.start;
  const end = lastNonBlank(scan.lines, start);
  const text = item === null ? valueText(scan.lines, value, end) : textBetween(scan.lines, start, end);
  return { kind: 'truncated', text, start, end, inItem: item !== null, expected: expectation(scan), valueStart: value.start };
}

function expectation(scan: Scan): string {
  if (scan.inString) return 'the end of a string';
  return scan.closers[scan.closers.length - 1] === CLOSE_BRACKET ? ']' : '}';
}

/** Trailing blank lines are not part of a cut-off value; they are blank like any other. */
function lastNonBlank(lines: readonly string[], floor: LinePosition): LinePosition {
  for (let line = lines.length - 1; line > floor.line; line--) {
    const text = lines[line] ?? '';
    for (let column = text.length - 1; column >= 0; column--) {
      if (!isJsonSpace(text.charCodeAt(column))) return { line, column };
    }
  }
  const text = lines[floor.line] ?? '';
  let column = text.length - 1;
  while (column > floor.column && isJsonSpace(text.charCodeAt(column))) column--;
  return { line: floor.line, column };
}

/** The value's text with the items' contents left out: they were handed out one by one. */
function valueText(lines: readonly string[], value: OpenValue, end: LinePosition): string {
  if (value.itemsOpen === null) return textBetween(lines, value.start, end);
  const head = textBetween(lines, value.start, value.itemsOpen);
  return value.itemsClose === null ? head : head + textBetween(lines, value.itemsClose, end);
}

/** The text from `start` to `end` (both included), lines joined by '\n' as JSON.parse needs them. */
function textBetween(lines: readonly string[], start: LinePosition, end: LinePosition): string {
  const first = lines[start.line] ?? '';
  if (start.line === end.line) return first.slice(start.column, end.column + 1);
  const parts = [first.slice(start.column)];
  for (let line = start.line + 1; line < end.line; line++) parts.push(lines[line] ?? '');
  parts.push((lines[end.line] ?? '').slice(0, end.column + 1));
  return parts.join('\n');
}

/** JSON's own whitespace; anything else (a no-break space) is left for JSON.parse to reject. */
function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
