// A table shape is one way kubectl has printed events as text: its header, the rows it
// prints without one, and the rules of its era. `kubectl-text` finds them in any text.
import type { AgeStyle } from '../../time/index.js';
import type { Cells, ColumnId } from './columns.js';
import type { HeaderColumn } from './header.js';
import type { Layout } from './row.js';

export interface HeaderlessLayout {
  layout: Layout;
  /** `wide-block`: only after a wide row (a cut-off wide row reads like a default one). */
  /** `tabs`: only for tab-separated rows (the pattern is too loose for prose otherwise). */
  requires?: 'wide-block' | 'tabs';
  /** Said on every record read this way. */
  note?: string;
}

export interface TableShape {
  id: string;
  title: string;
  claimsHeader(header: readonly HeaderColumn[]): boolean;
  /** Decides between shapes that print the same header (`kubectl events` and `get events`). */
  claimsRow?(cells: Cells): boolean;
  /** Row layouts tried when no header is in force; stricter than a header's. */
  headerless: readonly HeaderlessLayout[];
  /** The age function of the era, when the columns tell it (formats.md §1); null: not known. */
  ageStyle(columns: readonly ColumnId[]): AgeStyle | null;
  /** `kubectl events` and `describe` print a message's raw newlines (formats.md §0.8). */
  printsRawNewlines: boolean;
  /** A single age (not `A (xN over B)`) means the event was seen once (formats.md §3). */
  plainAgeMeansOnce: boolean;
}

export function defineTableShape(shape: TableShape): TableShape {
  return shape;
}

export function columnsOf(header: readonly HeaderColumn[]): ColumnId[] {
  return header.map(({ column }) => column);
}

/** `get events` headers are upper case; `describe` spells its columns in Title Case. */
export function isUpperCaseHeader(header: readonly HeaderColumn[]): boolean {
  return header.every(({ spelling }) => spelling === spelling.toUpperCase());
}

/** Headerless rows must name a conventional type to be told from prose. */
export const eventTypePattern = 'Normal|Warning';
/** Namespaces are DNS labels. */
export const namespacePattern = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
