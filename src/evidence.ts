// The raw input lines behind the records that can become findings (elections, warnings),
// kept while an input's text is still in memory so that reports can quote them with path:line.
// A table row is one line; a JSON or YAML item is shown by its lines that say what and when.
import type { EventRecord } from './model/event-record.js';
import { evidenceKey, type EvidenceIndex, type EvidenceLine } from './model/evidence.js';

const shownLength = 400;
const itemLinesShown = 4;
const itemLinesScanned = 80;
const telling = /^\s*-?\s*"?(?:reason|message|note|lastTimestamp|firstTimestamp|eventTime|lastObservedTime|deprecatedLastTimestamp|count)"?\s*:/u;

/** `structured`: records are JSON or YAML items spanning several lines, not table rows. */
export function collectEvidence(records: readonly EventRecord[], lines: readonly string[], structured: boolean, into: EvidenceIndex): void {
  const starts = records.map((record) => record.source.line);
  records.forEach((record, index) => {
    if (record.reason !== 'LeaderElection' && record.type !== 'Warning') return;
    const { path, line } = record.source;
    const shown = structured ? itemLines(lines, line, starts[index + 1] ?? lines.length + 1) : [{ line, text: lines[line - 1] ?? '' }];
    into.set(evidenceKey(path, line), shown.map((entry): EvidenceLine => ({ path, line: entry.line, text: clip(entry.text) })));
  });
}

function itemLines(lines: readonly string[], first: number, next: number): { line: number; text: string }[] {
  const shown: { line: number; text: string }[] = [];
  const last = Math.min(next > first ? next - 1 : first + itemLinesScanned, first + itemLinesScanned, lines.length);
  for (let line = first; line <= last && shown.length < itemLinesShown; line += 1) {
    const text = lines[line - 1]!;
    if (telling.test(text) || (line === first && text.length > 2)) shown.push({ line, text });
  }
  return shown;
}

function clip(text: string): string {
  return text.length > shownLength ? `${text.slice(0, shownLength)}…` : text;
}
