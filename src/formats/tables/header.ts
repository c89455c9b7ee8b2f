// Recognises the header line of an event table, whatever its era, and where each column starts.
import { columnByHeaderName, twoWordHeaderNames, type ColumnId } from './columns.js';

export interface HeaderColumn {
  column: ColumnId;
  /** The header word(s) as printed: `LASTSEEN`, `LAST SEEN`, `Age`, ... */
  spelling: string;
  /** Offset in code points (kubectl's tabwriter counts runes, not UTF-16 units). */
  start: number;
}

export type HeaderMatch =
  | { kind: 'event-table'; columns: HeaderColumn[] }
  | { kind: 'other-table'; words: string[] }
  | { kind: 'none' };

interface Word {
  text: string;
  start: number;
  end: number;
}

export function readHeader(line: string): HeaderMatch {
  // Most lines are rows: an event header names REASON, and any other header is upper case.
  if (!/REASON|Reason/u.test(line) && /[a-z]/u.test(line)) return { kind: 'none' };
  const words = wordsOf(line);
  if (words.length < 2) return { kind: 'none' };
  const columns = eventColumns(words);
  if (columns && isEventTable(columns)) return { kind: 'event-table', columns };
  if (words.every((word) => /^[A-Z][A-Z0-9_()./:-]*$/.test(word.text))) {
    return { kind: 'other-table', words: words.map((word) => word.text) };
  }
  return { kind: 'none' };
}

function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  const points = Array.from(line);
  let index = 0;
  while (index < points.length) {
    if (isBlank(points[index])) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < points.length && !isBlank(points[index])) index += 1;
    words.push({ text: points.slice(start, index).join(''), start, end: index });
  }
  return words;
}

function isBlank(point: string | undefined): boolean {
  return point === ' ' || point === '\t';
}

function eventColumns(words: Word[]): HeaderColumn[] | null {
  const columns: HeaderColumn[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const next = words[index + 1];
    const pair = next && next.start === word.end + 1 ? `${word.text} ${next.text}` : null;
    if (pair && twoWordHeaderNames.has(pair)) {
      columns.push({ column: columnByHeaderName.get(pair)!, spelling: pair, start: word.start });
      index += 1;
      continue;
    }
    const column = columnByHeaderName.get(word.text);
    if (!column) return null;
    columns.push({ column, spelling: word.text, start: word.start });
  }
  return columns.map((column, index) =>
    // Before 1.12 NAME, printed right before KIND, was the involved object's name; later
    // tables print the event's own name there.
    column.column === 'name' && columns[index + 1]?.column === 'kind'
      ? { ...column, column: 'objectName' }
      : column,
  );
}

function isEventTable(columns: HeaderColumn[]): boolean {
  const ids = columns.map((column) => column.column);
  const distinct = new Set(ids);
  return (
    distinct.size === ids.length &&
    distinct.has('reason') &&
    distinct.has('message') &&
    (distinct.has('lastSeen') || distinct.has('firstSeen'))
  );
}
