// `kubectl get events` from servers 1.14 and later: LAST SEEN TYPE REASON OBJECT MESSAGE,
// `-o wide` adding SUBOBJECT SOURCE ... FIRST SEEN COUNT NAME, `-A` a NAMESPACE column and
// `--output-watch-events` an EVENT column in front (formats.md §2.2).
import { agePattern } from '../../time/index.js';
import type { Cells, ColumnId } from './columns.js';
import {
  columnsOf,
  defineTableShape,
  eventTypePattern,
  isUpperCaseHeader,
  namespacePattern,
} from './define-table-shape.js';
import { layoutOf, type Slot } from './row.js';

const strictRow: Slot[] = [
  { column: 'namespace', pattern: namespacePattern, optional: true },
  { column: 'lastSeen', pattern: agePattern },
  { column: 'type', pattern: eventTypePattern },
  { column: 'reason' },
  // The server prints `lower(kind)/name` (formats.md §0.4).
  { column: 'object', pattern: '[a-z][a-z0-9]*/\\S+' },
];

const wideMiddle: Slot[] = [
  { column: 'subobject', pattern: '\\S*\\{[^}\\s]*\\}|(?:spec|status|metadata)\\.\\S+', optional: true },
  { column: 'source', optional: true },
  { column: 'message', optional: true },
];

export const kubectlGetEvents = defineTableShape({
  id: 'kubectl-get-events',
  title: 'kubectl get events (server 1.14+)',
  claimsHeader: (header) => isUpperCaseHeader(header) && columnsOf(header).includes('object'),
  claimsRow: (cells) => !isKubectlEventsRow(cells),
  headerless: [
    {
      layout: layoutOf([
        ...strictRow,
        ...wideMiddle,
        { column: 'firstSeen', pattern: agePattern },
        { column: 'count' },
        { column: 'name' },
      ]),
    },
    { layout: layoutOf([...strictRow, { column: 'message', optional: true }]) },
    {
      layout: layoutOf([...strictRow, ...wideMiddle]),
      requires: 'wide-block',
      note: 'the row was cut after MESSAGE: FIRST SEEN, COUNT and NAME are missing',
    },
    {
      layout: layoutOf(strictRow.slice(2).concat({ column: 'message', optional: true })),
      note: 'the row has lost its first column(s)',
    },
  ],
  ageStyle: () => 'human',
  printsRawNewlines: false,
  plainAgeMeansOnce: false,
});

/** `kubectl events` prints kinds as stored (`Lease/x`) and series as `24m (x7 over 26m)`. */
export function isKubectlEventsRow(cells: Cells): boolean {
  return /^[A-Z][A-Za-z0-9]*\//.test(cells.object ?? '') || (cells.lastSeen ?? '').includes('(x');
}

export function isWide(columns: readonly ColumnId[]): boolean {
  return columns.includes('source') || columns.includes('firstSeen');
}
