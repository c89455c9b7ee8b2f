// The columns that kubectl's event tables have printed over the years, with the header
// spellings of each era and what a cell may hold (formats.md §2.2, §2.8, §2.9, §3).
import { absoluteTimePattern, agePattern } from '../../time/index.js';

export const columnIds = [
  'event',
  'namespace',
  'lastSeen',
  'firstSeen',
  'count',
  'name',
  'objectName',
  'kind',
  'object',
  'subobject',
  'type',
  'reason',
  'source',
  'message',
] as const;

export type ColumnId = (typeof columnIds)[number];
export type Cells = Partial<Record<ColumnId, string>>;

const age = `(?:${agePattern})`;
const absoluteTime = `(?:${absoluteTimePattern})`;

/** What kubectl can print in each column; a cell must match its pattern whole. */
export const cellPattern: Record<ColumnId, string> = {
  event: 'ADDED|MODIFIED|DELETED|ERROR|BOOKMARK',
  namespace: '\\S+',
  // `kubectl events` and `describe` print `24m (x7 over 26m)`; the oldest tables absolute times.
  lastSeen: `${age}(?: \\(x\\d+ over ${age}\\))?|${absoluteTime}`,
  firstSeen: `${age}|${absoluteTime}`,
  count: '\\d+',
  name: '\\S+',
  objectName: '\\S+',
  kind: '[A-Za-z][A-Za-z0-9]*',
  object: '[A-Za-z][A-Za-z0-9]*(?:/\\S*)?',
  subobject: '\\S+',
  type: '\\S+',
  reason: '\\S+',
  // `component, host` since ~1.10; `{component host}` (a Go struct dump) before.
  source: '\\{[^}]*\\}|[^\\s,{}]+(?:, ?[^\\s,]+)?',
  message: '.*',
};

/** Columns a row may leave blank: kubectl omits empty fieldPaths, sources and messages. */
export const emptyableColumns: ReadonlySet<ColumnId> = new Set(['subobject', 'source', 'message', 'type']);

/** Header words of each column, in every spelling kubectl has used. */
const headerNames: ReadonlyArray<readonly [string, ColumnId]> = [
  ['EVENT', 'event'],
  ['NAMESPACE', 'namespace'],
  ['LAST SEEN', 'lastSeen'],
  ['LASTSEEN', 'lastSeen'],
  ['LastSeen', 'lastSeen'],
  ['Age', 'lastSeen'],
  ['FIRST SEEN', 'firstSeen'],
  ['FIRSTSEEN', 'firstSeen'],
  ['FirstSeen', 'firstSeen'],
  ['COUNT', 'count'],
  ['Count', 'count'],
  ['NAME', 'name'],
  ['KIND', 'kind'],
  ['OBJECT', 'object'],
  ['SUBOBJECT', 'subobject'],
  ['SubobjectPath', 'subobject'],
  ['SubObjectPath', 'subobject'],
  ['TYPE', 'type'],
  ['Type', 'type'],
  ['REASON', 'reason'],
  ['Reason', 'reason'],
  ['SOURCE', 'source'],
  ['From', 'source'],
  ['MESSAGE', 'message'],
  ['Message', 'message'],
];

export const columnByHeaderName: ReadonlyMap<string, ColumnId> = new Map(headerNames);

/** Header names made of two words; they are matched before single words. */
export const twoWordHeaderNames: ReadonlySet<string> = new Set(
  headerNames.map(([name]) => name).filter((name) => name.includes(' ')),
);

/** How a header spelled a column; the spelling dates the table (`LASTSEEN` is pre-1.12). */
export function isTitleCase(word: string): boolean {
  return /^[A-Z][a-z]/.test(word);
}
