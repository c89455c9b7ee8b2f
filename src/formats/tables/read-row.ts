// Reads one line as a row of the table in force: by the header when there is one, else by
// the headerless layouts of every shape, keeping the reading that fills the most columns.
import type { Cells } from './columns.js';
import type { HeaderlessLayout, TableShape } from './define-table-shape.js';
import type { HeaderColumn } from './header.js';
import { tableShapes } from './index.js';
import { matchLayout, splitByHeader, type Layout } from './row.js';

export interface TableContext {
  header: readonly HeaderColumn[] | null;
  headerLayout: Layout | null;
  /** The shapes that claim the header; all shapes when there is none. */
  shapes: readonly TableShape[];
  /** The rows so far are `-o wide` ones. */
  wide: boolean;
  /** The shape of the previous row, preferred when two shapes read a row equally well. */
  lastShape: TableShape | null;
}

export interface RowMatch {
  cells: Cells;
  shape: TableShape;
  note?: string;
}

export function readRow(line: string, table: TableContext): RowMatch | null {
  if (!table.header || !table.headerLayout) return bestHeaderless(line, table, preferring(table.lastShape));
  const aligned = splitByHeader(line, table.header);
  if (aligned) return claimed(aligned, table.shapes);
  // A row that is not aligned with its header (a `-w` row that outgrew it, a hand-edited
  // paste) is read by the strict layouts of the header's shapes first, by the header's
  // columns in order last.
  const columns = new Set(table.header.map(({ column }) => column));
  const strict = bestHeaderless(line, table, table.shapes, (layout) =>
    layout.layout.slots.every(({ column }) => columns.has(column)),
  );
  if (strict) return strict;
  const cells = matchLayout(line, table.headerLayout);
  return cells ? claimed(cells, table.shapes) : null;
}

function claimed(cells: Cells, shapes: readonly TableShape[]): RowMatch | null {
  const shape = shapes.find((candidate) => candidate.claimsRow?.(cells) ?? true) ?? shapes[0];
  return shape ? { cells, shape } : null;
}

function bestHeaderless(
  line: string,
  table: TableContext,
  shapes: readonly TableShape[],
  usable: (layout: HeaderlessLayout) => boolean = () => true,
): RowMatch | null {
  let best: RowMatch | null = null;
  for (const shape of shapes) {
    for (const headerless of shape.headerless) {
      if (!usable(headerless) || !applies(headerless, line, table)) continue;
      const cells = matchLayout(line, headerless.layout);
      if (cells && (!best || filled(cells) > filled(best.cells))) {
        best = headerless.note ? { cells, shape, note: headerless.note } : { cells, shape };
      }
    }
  }
  return best;
}

function preferring(lastShape: TableShape | null): readonly TableShape[] {
  return lastShape ? [lastShape, ...tableShapes.filter((shape) => shape !== lastShape)] : tableShapes;
}

function applies(headerless: HeaderlessLayout, line: string, table: TableContext): boolean {
  if (headerless.requires === 'wide-block') return table.wide;
  if (headerless.requires === 'tabs') return line.includes('\t');
  return true;
}

function filled(cells: Cells): number {
  return Object.keys(cells).length;
}
