// Splits one table row into cells: by the header's column positions when the row is aligned
// with it, else by matching the columns' value patterns in order (rows of a `-w` capture
// outgrow the header, pasted rows lose their alignment, headerless rows have no positions).
import { cellPattern, emptyableColumns, type Cells, type ColumnId } from './columns.js';
import type { HeaderColumn } from './header.js';

export interface Slot {
  column: ColumnId;
  /** Overrides the column's pattern: headerless rows need stricter evidence. */
  pattern?: string;
  optional?: boolean;
  /** The separator before this cell must be a tab or two spaces (the cell may hold spaces). */
  wideGap?: boolean;
}

/** The columns of a row in order, and the regular expressions that read it. */
export interface Layout {
  slots: readonly Slot[];
  patterns: readonly RegExp[];
}

export function layoutOf(slots: readonly Slot[]): Layout {
  return { slots, patterns: expandOptional(slots).map(rowPattern) };
}

/**
 * The layout of a table whose header is known: any column that may be blank is optional. Made once
 * per list of columns: every optional column doubles the patterns to compile, and a batch reads
 * the same header in every dump.
 */
export function layoutOfHeader(header: readonly HeaderColumn[]): Layout {
  const key = header.map(({ column }) => column).join(' ');
  let layout = headerLayouts.get(key);
  if (!layout) {
    layout = layoutOf(header.map(({ column }) => ({ column, optional: emptyableColumns.has(column) })));
    headerLayouts.set(key, layout);
  }
  return layout;
}

const headerLayouts = new Map<string, Layout>();

export function matchLayout(line: string, layout: Layout): Cells | null {
  for (const pattern of layout.patterns) {
    const groups = pattern.exec(line)?.groups;
    if (groups) return cellsOf(groups);
  }
  return null;
}

/** Cells by the header's column starts, or null when the row is not aligned with the header. */
export function splitByHeader(line: string, header: readonly HeaderColumn[]): Cells | null {
  if (line.includes('\t')) return null;
  // Columns count code points; an ASCII row's are its characters, without splitting it into an array.
  const points: CodePoints = isAscii(line) ? line : Array.from(line);
  const first = header[0];
  if (!first || !isBlank(points, 0, first.start)) return null;
  const cells: Cells = {};
  for (const [index, column] of header.entries()) {
    const end = header[index + 1]?.start ?? points.length;
    if (index > 0 && !startsCellAt(points, column.start, end)) return null;
    const text = textOf(points, column.start, end).trim();
    if (!cellFits(column.column, text)) return null;
    if (text !== '') cells[column.column] = text;
  }
  return cells;
}

/** A row's code points: the string itself when it is ASCII. */
type CodePoints = string | readonly string[];

const isAscii = (line: string) => /^[\x00-\x7f]*$/u.test(line);
const textOf = (points: CodePoints, start: number, end: number) => (typeof points === 'string' ? points.slice(start, end) : points.slice(start, end).join(''));
const isBlank = (points: CodePoints, start: number, end: number) => /^ *$/u.test(textOf(points, start, end));

function startsCellAt(points: CodePoints, start: number, end: number): boolean {
  if (points.length <= start) return true;
  if (points[start - 1] !== ' ') return false;
  if (points[start] === ' ') return isBlank(points, start, end);
  // kubectl pads every cell with at least three spaces; one space is a cell's own text.
  return points[start - 2] === ' ';
}

const wholeCell = new Map<ColumnId, RegExp>(
  Object.entries(cellPattern).map(([column, pattern]) => [column as ColumnId, new RegExp(`^(?:${pattern})$`, 'u')]),
);

function cellFits(column: ColumnId, text: string): boolean {
  if (text === '') return emptyableColumns.has(column);
  return wholeCell.get(column)!.test(text);
}

function expandOptional(slots: readonly Slot[]): Slot[][] {
  let variants: Slot[][] = [[]];
  for (const slot of slots) {
    const withSlot = variants.map((variant) => [...variant, slot]);
    variants = slot.optional ? [...withSlot, ...variants] : withSlot;
  }
  return variants.sort((a, b) => b.length - a.length);
}

function rowPattern(slots: readonly Slot[]): RegExp {
  const cells = slots.map((slot, index) => {
    const separator = index === 0 ? '' : slot.wideGap ? '(?:[ ]*\\t\\s*|[ ]{2,})' : '\\s+';
    return `${separator}(?<${slot.column}>${slot.pattern ?? cellPattern[slot.column]})`;
  });
  return new RegExp(`^\\s*${cells.join('')}\\s*$`, 'u');
}

function cellsOf(groups: Record<string, string | undefined>): Cells {
  const cells: Cells = {};
  for (const [column, text] of Object.entries(groups)) {
    const trimmed = text?.trim();
    if (trimmed) cells[column as ColumnId] = trimmed;
  }
  return cells;
}
