// A small re-implementation of how kubectl prints events as tables (formats.md §2–§3), for
// property tests: random events go out in every shape and must come back the same.
import { formatHumanDuration, formatShortHumanDuration } from '../../src/time/index.js';

export interface SampleEvent {
  namespace: string;
  type: string;
  reason: string;
  kind: string;
  objectName: string;
  fieldPath: string | null;
  component: string;
  host: string | null;
  message: string;
  count: number;
  /** Ages at capture time, in ms; first ≥ last. */
  firstAge: number;
  lastAge: number;
  /** metadata.name: `<object>.<hex nanoseconds of the first occurrence>`. */
  name: string;
}

export type TableShapeName =
  | 'get-events'
  | 'get-events-A'
  | 'get-events-A-no-headers'
  | 'get-events-A-wide'
  | 'get-events-A-wide-no-headers'
  | 'get-events-A-collapsed'
  | 'kubectl-events-A'
  | 'describe'
  | 'get-events-v1.12-A'
  | 'get-events-legacy';

/** kubectl's tabwriter: columns as wide as their widest cell (in runes) plus padding, at least minWidth. */
export function tabwrite(rows: readonly (readonly string[])[], minWidth: number, padding: number, indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, minWidth, [...cell].length + padding);
    });
  }
  return rows.map((row) =>
    (indent + row.map((cell, column) => (column < row.length - 1 ? cell + ' '.repeat(widths[column]! - [...cell].length) : cell)).join('')).trimEnd(),
  );
}

const source = (event: SampleEvent) => (event.host ? `${event.component}, ${event.host}` : event.component);
const object = (event: SampleEvent) => `${event.kind.toLowerCase()}/${event.objectName}`;
const human = formatHumanDuration;

/** `A (xN over B)` as `kubectl events` and `describe` print it, or one age for a single event. */
function seriesAge(event: SampleEvent): string {
  return event.count > 1 ? `${human(event.lastAge)} (x${event.count} over ${human(event.firstAge)})` : human(event.firstAge);
}

export function printTable(shape: TableShapeName, events: readonly SampleEvent[]): string {
  switch (shape) {
    case 'get-events':
      return lines(tabwrite([['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ...events.map((e) => [human(e.lastAge), e.type, e.reason, object(e), e.message])], 6, 3));
    case 'get-events-A':
      return lines(tabwrite([['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ...events.map(defaultRow)], 6, 3));
    case 'get-events-A-no-headers':
      return lines(tabwrite(events.map(defaultRow), 6, 3));
    case 'get-events-A-collapsed':
      return lines(events.map((event) => defaultRow(event).join(' ').replace(/\s+/gu, ' ').trim()));
    case 'get-events-A-wide':
      return lines(tabwrite([['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'], ...events.map(wideRow)], 6, 3));
    case 'get-events-A-wide-no-headers':
      return lines(tabwrite(events.map(wideRow), 6, 3));
    case 'kubectl-events-A':
      return lines(tabwrite([['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ...events.map((e) => [e.namespace, seriesAge(e), e.type, e.reason, `${e.kind}/${e.objectName}`, e.message])], 6, 3));
    case 'describe':
      return lines(['Events:', ...tabwrite([['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------'], ...events.map((e) => [e.type, e.reason, seriesAge(e), e.component, e.message])], 0, 2, '  ')]);
    case 'get-events-v1.12-A':
      return lines(tabwrite([['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'KIND', 'MESSAGE'], ...events.map((e) => [e.namespace, human(e.lastAge), e.type, e.reason, e.kind, e.message])], 6, 3));
    case 'get-events-legacy':
      return lines(tabwrite([['LASTSEEN', 'FIRSTSEEN', 'COUNT', 'NAME', 'KIND', 'SUBOBJECT', 'TYPE', 'REASON', 'SOURCE', 'MESSAGE'], ...events.map((e) => [formatShortHumanDuration(e.lastAge), formatShortHumanDuration(e.firstAge), String(e.count), e.objectName, e.kind, e.fieldPath ?? '', e.type, e.reason, source(e), e.message])], 10, 3));
  }
}

function defaultRow(event: SampleEvent): string[] {
  return [event.namespace, human(event.lastAge), event.type, event.reason, object(event), event.message];
}

function wideRow(event: SampleEvent): string[] {
  return [event.namespace, human(event.lastAge), event.type, event.reason, object(event), event.fieldPath ?? '', source(event), event.message, human(event.firstAge), String(event.count), event.name];
}

function lines(rows: readonly string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}
