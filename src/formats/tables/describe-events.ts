// The `Events:` section of `kubectl describe`: Type Reason Age From Message since about 1.12
// (Age like `kubectl events`), FirstSeen LastSeen Count From SubObjectPath Type Reason Message
// before, and 2015's variant with absolute dates and no Type (formats.md §2.9, samples 037, 039).
import { absoluteTimePattern, agePattern } from '../../time/index.js';
import type { ColumnId } from './columns.js';
import { defineTableShape, eventTypePattern, isUpperCaseHeader } from './define-table-shape.js';
import { layoutOf, type Slot } from './row.js';

const describeAge = `(?:${agePattern})(?: \\(x\\d+ over (?:${agePattern})\\))?`;
const fieldPath = '\\S*\\{[^}\\s]*\\}|(?:spec|status|metadata)\\.\\S+';

const legacyTail: Slot[] = [
  { column: 'source' },
  { column: 'subobject', pattern: fieldPath, optional: true },
  { column: 'type', pattern: eventTypePattern },
  { column: 'reason' },
  { column: 'message', optional: true },
];

export const kubectlDescribeEvents = defineTableShape({
  id: 'kubectl-describe-events',
  title: 'kubectl describe, Events section',
  // describe prints Title Case headers: `Type`, `Reason`, `Age`, `From`, `Message`.
  claimsHeader: (header) => !isUpperCaseHeader(header),
  headerless: [
    {
      layout: layoutOf([
        { column: 'type', pattern: eventTypePattern },
        { column: 'reason' },
        { column: 'lastSeen', pattern: describeAge },
        { column: 'source' },
        { column: 'message', optional: true },
      ]),
    },
    {
      layout: layoutOf([
        { column: 'firstSeen', pattern: agePattern },
        { column: 'lastSeen', pattern: agePattern },
        { column: 'count' },
        ...legacyTail,
      ]),
    },
    {
      layout: layoutOf([
        { column: 'firstSeen', pattern: absoluteTimePattern },
        { column: 'lastSeen', pattern: absoluteTimePattern },
        { column: 'count' },
        { column: 'source', pattern: '\\{[^}]*\\}' },
        // 2015 printed sub-object paths such as `implicitly required container POD`.
        { column: 'subobject', pattern: '\\S(?:.*?\\S)?', optional: true, wideGap: true },
        { column: 'reason', wideGap: true },
        { column: 'message', optional: true, wideGap: true },
      ]),
    },
    {
      layout: layoutOf(legacyTail),
      requires: 'tabs',
      note: 'the row has lost its time columns',
    },
  ],
  ageStyle: (columns: readonly ColumnId[]) => (columns.includes('count') ? 'short' : null),
  printsRawNewlines: true,
  plainAgeMeansOnce: true,
});

/**
 * Splits an Events section that a web page collapsed onto one line (sample 002):
 * `Events: Type Reason Age From Message ---- ... Normal LeaderElection 26m kcm msg Normal ...`.
 * Rows start where a type, a reason and an age follow each other.
 */
export function splitCollapsedEvents(line: string): string[] | null {
  const match = /^\s*Events:\s+Type\s+Reason\s+Age\s+From\s+Message\s+-+\s+-+\s+-+\s+-+\s+-+\s+(?<rows>\S.*)$/u.exec(line);
  const rows = match?.groups?.rows;
  if (!rows) return null;
  const rowStart = new RegExp(`\\s(?=(?:${eventTypePattern})\\s+\\S+\\s+${describeAge}\\s)`, 'gu');
  return rows.split(rowStart).map((row) => row.trim());
}
