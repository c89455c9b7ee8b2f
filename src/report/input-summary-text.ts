// What `parse` tells on stderr about each input: its format, where its capture time came
// from, and the account of its lines, with the line numbers of what was skipped.
import { captureOriginLabel, type CaptureAnchor } from '../model/capture-anchor.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { InputSummary, InputRegion, UnreadableInput } from '../model/input-summary.js';
import { skipReasonText, type LineClass, type SkipReason } from '../model/line-accounting.js';

const shownLineNumbers = 6;

export interface InputReport {
  summary: InputSummary;
  lineClasses: readonly LineClass[];
  diagnostics: readonly Diagnostic[];
}

export function renderInputSummary({ summary, lineClasses, diagnostics }: InputReport): string {
  const { accounting } = summary;
  const rows: [string, string][] = [
    ['read', readingOf(summary)],
    ['format', formatText(summary)],
    ...summary.captures.map((capture): [string, string] => ['captured', captureText(capture)]),
    [
      'lines',
      `${accounting.total} = ${accounting.record} in records + ${accounting.header} header + ${
        accounting.structure > 0 ? `${accounting.structure} structure + ` : ''
      }${accounting.blank} blank + ${accounting.skipped} skipped`,
    ],
    ...skippedRows(lineClasses),
    ...diagnostics.map((diagnostic): [string, string] => [diagnostic.severity, diagnosticText(diagnostic)]),
  ];
  return [`${summary.path}`, ...rows.map(([label, text]) => `  ${label.padEnd(9)} ${text}`)].join('\n') + '\n';
}

export function renderUnreadable(input: UnreadableInput): string {
  return `${input.path}\n  ${'error'.padEnd(9)} cannot be read: ${input.reason}\n`;
}

function readingOf(summary: InputSummary): string {
  const traits = [
    `${summary.size} bytes`,
    summary.gzip ? 'gzip' : null,
    summary.encoding,
    summary.crlf ? 'CRLF' : null,
    summary.ansi ? 'ANSI colours removed' : null,
    `sha256 ${summary.sha256}`,
  ];
  return traits.filter((trait) => trait !== null).join(', ');
}

function formatText(summary: InputSummary): string {
  if (!summary.format) return 'no event output recognised';
  if (summary.regions.length > 1) return regionsText(summary.regions);
  return summary.shapes.length > 0 ? `${summary.format} (${summary.shapes.join(', ')})` : summary.format;
}

/** What an input held, for a table cell: its regions when it held several things, else its shapes or format. */
export function inputFormatText(input: Pick<InputSummary, 'format' | 'shapes'> & { regions?: readonly InputRegion[] | undefined }): string {
  if (input.regions && input.regions.length > 1) return regionsText(input.regions);
  return input.shapes.join(', ') || (input.format ?? 'no events');
}

/** `lines 3–40 kubectl-get-events, 42 event-ndjson, 44–47 klog`: each region by the shapes read in it. */
function regionsText(regions: readonly InputRegion[]): string {
  const parts = regions.map((region) => `${region.from === region.to ? region.from : `${region.from}–${region.to}`} ${region.shapes.join(', ') || region.format}`);
  return `lines ${parts.join(', ')}`;
}

function captureText(capture: CaptureAnchor): string {
  const at = new Date(capture.at.earliest).toISOString().replace('.000Z', 'Z');
  const line = capture.line ? ` on line ${capture.line}` : '';
  return `${at}, from ${captureOriginLabel[capture.origin]}${line}`;
}

function skippedRows(lineClasses: readonly LineClass[]): [string, string][] {
  const linesByReason = new Map<SkipReason, number[]>();
  lineClasses.forEach((lineClass, index) => {
    if (lineClass.kind !== 'skipped') return;
    linesByReason.set(lineClass.reason, [...(linesByReason.get(lineClass.reason) ?? []), index + 1]);
  });
  return [...linesByReason].map(([reason, lines]) => ['skipped', `${lines.length} ${skipReasonText[reason]}: ${lineList(lines)}`]);
}

function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, shownLineNumbers).join(', ');
  const more = lines.length - shownLineNumbers;
  return `line${lines.length > 1 ? 's' : ''} ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

function diagnosticText(diagnostic: Diagnostic): string {
  const where = diagnostic.line ? `line ${diagnostic.line}: ` : '';
  return `${where}${diagnostic.message}${diagnostic.help ? `: ${diagnostic.help}` : ''}`;
}
