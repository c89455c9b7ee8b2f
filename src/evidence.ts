// The raw input lines behind the records that can become findings (elections, warnings),
// kept while an input's text is still in memory so that reports can quote them with path:line.
// A table row is one line; a JSON or YAML item is shown by its lines that say what and when.
import type { EventRecord } from './model/event-record.js';
import { evidenceKey, type EvidenceIndex, type EvidenceLine } from './model/evidence.js';

const shownLength = 400;
const itemLinesShown = 4;
const itemLinesScanned = 80;
/** The fields that say what happened and when, the most telling first. */
const tellingFields = ['reason', 'message', 'note', 'lastTimestamp', 'deprecatedLastTimestamp', 'eventTime', 'lastObservedTime', 'count', 'firstTimestamp'] as const;
const fieldLine = new RegExp(`^\\s*-?\\s*"?(${tellingFields.join('|')})"?\\s*:\\s*(.*)$`, 'u');

/** `isItem`: the record is a JSON or YAML item spanning several lines, not a table row. */
export function collectEvidence(records: readonly EventRecord[], lines: readonly string[], isItem: (record: EventRecord) => boolean, into: EvidenceIndex): void {
  const starts = records.map((record) => record.source.line);
  records.forEach((record, index) => {
    if (record.reason !== 'LeaderElection' && record.type !== 'Warning') return;
    const { path, line } = record.source;
    const shown = isItem(record) ? itemLines(lines, line, starts[index + 1] ?? lines.length + 1) : [{ line, text: lines[line - 1] ?? '' }];
    into.set(evidenceKey(path, line), shown.map((entry): EvidenceLine => ({ path, line: entry.line, text: clip(entry.text) })));
  });
}

/**
 * The lines of an item that say what and when: its reason, message, last time and count where it
 * has them (a null field says nothing), in the order they stand in. Only the item's own lines are
 * read: up to its closing brace, the next list item or document, or the next record.
 */
function itemLines(lines: readonly string[], first: number, next: number): { line: number; text: string }[] {
  const last = Math.min(next > first ? next - 1 : first + itemLinesScanned, first + itemLinesScanned, lines.length);
  const opening = lines[first - 1] ?? '';
  const indent = indentOf(opening);
  const found = new Map<string, { line: number; text: string }>();
  for (let line = first; line <= last; line += 1) {
    const text = lines[line - 1]!;
    // The item's closing brace, the next list item, or the next YAML document: the item is over.
    if (line > first && indentOf(text) <= indent && /^\s*(?:[}\]]|- |---)/u.test(text)) break;
    const field = fieldLine.exec(text);
    if (!field || found.has(field[1]!) || /^null,?$/u.test(field[2]!.trim())) continue;
    found.set(field[1]!, { line, text });
  }
  const shown = tellingFields.flatMap((name) => found.get(name) ?? []).slice(0, itemLinesShown);
  return shown.length > 0 ? shown.sort((a, b) => a.line - b.line) : [{ line: first, text: opening }];
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

function clip(text: string): string {
  return text.length > shownLength ? `${text.slice(0, shownLength)}…` : text;
}
