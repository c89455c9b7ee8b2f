// The index of a `batch` run: every incident across the archive with its group and the reports
// written for it, and every input with its accounting (unreadable ones with the reason). As data
// (validated JSON) and as Markdown and self-contained HTML. Links are only the file names batch
// generated; every other string came from the inputs (paths, group names, titles) and is escaped.
import { captureOriginLabel, CaptureOriginSchema } from '../model/capture-anchor.js';
import { LineAccountingSchema } from '../model/line-accounting.js';
import { durationText } from '../time/index.js';
import { documentHead } from './html.js';
import { htmlAttribute as attr, htmlText as text } from './html-text.js';
import { markdownTable, markdownText as md } from './markdown-text.js';
import { IsoSpanSchema, ReportSettingsSchema, type IsoSpan } from './report-model.js';
import { durationBoundsText, spanInZone } from './time-text.js';
import { z } from 'zod';

/** A report file batch wrote: `incident-20241105T0501Z-d50226b3.md`, nothing else. */
export const reportFileName = /^(?:incident|report)-\d{8}T\d{4}Z-[0-9a-f]{8}(?:-\d+)?\.(?:md|html|json)$/u;

export const BatchIndexSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('kube-postmortem'), version: z.string() }),
  generatedAt: z.iso.datetime(),
  roots: z.array(z.string()),
  groupBy: z.enum(['dir', 'file', 'none']),
  settings: ReportSettingsSchema,
  groups: z.array(
    z.object({
      name: z.string(),
      inputs: z.number().int().nonnegative(),
      unreadable: z.number().int().nonnegative(),
      /** The elections and Warnings, merged; and copies of the other events, counted and not merged. */
      events: z.object({
        total: z.number().int().nonnegative(),
        duplicatesMerged: z.number().int().nonnegative(),
        untimed: z.number().int().nonnegative(),
        otherCopies: z.number().int().nonnegative(),
      }),
      incidents: z.number().int().nonnegative(),
    }),
  ),
  incidents: z.array(
    z.object({
      group: z.string(),
      id: z.string(),
      title: z.string(),
      start: IsoSpanSchema,
      end: IsoSpanSchema,
      durationMs: z.object({ shortest: z.number().nonnegative(), longest: z.number().nonnegative() }),
      reports: z.array(z.object({ format: z.enum(['md', 'html', 'json']), file: z.string().regex(reportFileName) })),
    }),
  ),
  inputs: z.array(
    z.object({
      group: z.string(),
      path: z.string(),
      size: z.number().int().nonnegative(),
      sha256: z.string(),
      format: z.string().nullable(),
      capturedAt: z.array(IsoSpanSchema),
      capturedAtSource: z.array(CaptureOriginSchema),
      lines: LineAccountingSchema,
    }),
  ),
  unreadable: z.array(z.object({ group: z.string(), path: z.string(), reason: z.string() })),
  /** --redact: what was replaced in the index itself, in words and by kind. */
  redactions: z.object({ note: z.string(), counts: z.array(z.object({ kind: z.string(), values: z.number().int().positive() })) }).optional(),
});

export type BatchIndex = z.infer<typeof BatchIndexSchema>;
export type BatchIndexFormat = 'md' | 'html' | 'json';

export const batchIndexRenderers: Record<BatchIndexFormat, (index: BatchIndex) => string> = {
  md: renderIndexMarkdown,
  html: renderIndexHtml,
  json: (index) => `${JSON.stringify(BatchIndexSchema.parse(index), null, 2)}\n`,
};

const toSpan = (span: IsoSpan) => ({ earliest: Date.parse(span.earliest), latest: Date.parse(span.latest) });
const when = (incident: BatchIndex['incidents'][number], zone: string) => {
  const span = toSpan({ earliest: incident.start.earliest, latest: incident.end.latest });
  return zone === 'UTC' ? spanInZone(span, 'UTC') : `${spanInZone(span, 'UTC')} (${spanInZone(span, zone)})`;
};
const duration = (incident: BatchIndex['incidents'][number]) => durationBoundsText(incident.durationMs.shortest, incident.durationMs.longest, durationText);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const captured = (input: BatchIndex['inputs'][number]) =>
  input.capturedAt.map((at, index) => {
    const origin = input.capturedAtSource[index];
    return `${at.earliest}${origin ? ` from ${captureOriginLabel[origin]}` : ''}`;
  });
const linesText = ({ lines }: BatchIndex['inputs'][number]) =>
  `${lines.total} = ${lines.record} in records + ${lines.header} header + ${lines.structure} structure + ${lines.blank} blank + ${lines.skipped} skipped`;

const groupsNote = 'Signal events are the elections and Warnings, their copies in overlapping dumps merged; the other events are counted as read (one per copy) and not merged.';

function introText(index: BatchIndex): string {
  const inputs = plural(index.inputs.length + index.unreadable.length, 'input');
  const zone = index.settings.displayZone === 'UTC' ? '' : ` and ${index.settings.displayZone}`;
  const redacted = index.redactions ? ` ${index.redactions.note}` : '';
  return `Generated ${index.generatedAt} by ${index.tool.name} ${index.tool.version} from ${inputs} in ${plural(index.groups.length, 'group')} (--group-by ${index.groupBy}): ${plural(index.incidents.length, 'incident')}, ${index.unreadable.length} unreadable. Times are in UTC${zone}.${redacted}`;
}

export function renderIndexMarkdown(index: BatchIndex): string {
  const zone = index.settings.displayZone;
  const link = (report: BatchIndex['incidents'][number]['reports'][number]) => `[${report.format}](${report.file})`;
  const sections = [
    '# Incidents in the archive',
    md(introText(index)),
    '## Incidents',
    index.incidents.length === 0
      ? 'No incident was found in any group.'
      : markdownTable(
          ['Group', 'Start', 'Duration', 'Title', 'Report'],
          index.incidents.map((incident) => [md(incident.group), when(incident, zone), duration(incident), md(incident.title), incident.reports.map(link).join(' ')]),
        ),
    '## Groups',
    md(groupsNote),
    markdownTable(
      ['Group', 'Inputs', 'Unreadable', 'Signal events', 'Duplicates merged', 'Other event copies', 'Incidents'],
      index.groups.map((group) => [md(group.name), String(group.inputs), String(group.unreadable), String(group.events.total), String(group.events.duplicatesMerged), String(group.events.otherCopies), String(group.incidents)]),
    ),
    '## Inputs',
    markdownTable(
      ['Group', 'Input', 'Bytes', 'Format', 'Captured at', 'Lines'],
      index.inputs.map((input) => [md(input.group), md(input.path), String(input.size), md(input.format ?? 'no events'), md(captured(input).join('; ') || 'not needed'), linesText(input)]),
    ),
  ];
  if (index.unreadable.length > 0) {
    sections.push('## Unreadable inputs', markdownTable(['Group', 'Input', 'Reason'], index.unreadable.map((input) => [md(input.group), md(input.path), md(input.reason)])));
  }
  return `${sections.join('\n\n')}\n`;
}

export function renderIndexHtml(index: BatchIndex): string {
  const zone = index.settings.displayZone;
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
    `<div class="table-wrap"><table>\n<thead><tr>${head.map((cell) => `<th>${cell}</th>`).join('')}</tr></thead>\n<tbody>\n${rows
      .map((row) => `<tr>${row.join('')}</tr>`)
      .join('\n')}\n</tbody>\n</table></div>`;
  const incidents =
    index.incidents.length === 0
      ? '<p class="none">No incident was found in any group.</p>'
      : table(
          ['Group', 'Start', 'Duration', 'Title', 'Report'],
          index.incidents.map((incident) => [
            `<td>${text(incident.group)}</td>`,
            `<td class="time">${text(when(incident, zone))}</td>`,
            `<td>${text(duration(incident))}</td>`,
            `<td>${text(incident.title)}</td>`,
            `<td>${incident.reports.map((report) => `<a href="${attr(report.file)}">${text(report.format)}</a>`).join(' ')}</td>`,
          ]),
        );
  const groups = `<p>${text(groupsNote)}</p>\n` + table(
    ['Group', 'Inputs', 'Unreadable', 'Signal events', 'Duplicates merged', 'Other event copies', 'Incidents'],
    index.groups.map((group) => [
      `<td>${text(group.name)}</td>`,
      ...[group.inputs, group.unreadable, group.events.total, group.events.duplicatesMerged, group.events.otherCopies, group.incidents].map((count) => `<td class="num">${count}</td>`),
    ]),
  );
  const inputs = table(
    ['Group', 'Input', 'Bytes', 'Format', 'Captured at', 'Lines'],
    index.inputs.map((input) => [
      `<td>${text(input.group)}</td>`,
      `<td class="path">${text(input.path)}</td>`,
      `<td class="num">${input.size}</td>`,
      `<td class="format">${text(input.format ?? 'no events')}</td>`,
      `<td>${captured(input).map(text).join('<br>') || '<span class="none">not needed</span>'}</td>`,
      `<td class="lines">${text(linesText(input))}</td>`,
    ]),
  );
  const unreadable =
    index.unreadable.length === 0
      ? ''
      : `<section id="unreadable">\n<h2>Unreadable inputs</h2>\n${table(
          ['Group', 'Input', 'Reason'],
          index.unreadable.map((input) => [`<td>${text(input.group)}</td>`, `<td class="path">${text(input.path)}</td>`, `<td>${text(input.reason)}</td>`]),
        )}\n</section>`;
  return [
    ...documentHead('Incidents in the archive', `${index.tool.name} ${index.tool.version}`),
    '<body>',
    '<header>',
    '<p class="eyebrow">Batch index</p>',
    '<h1>Incidents in the archive</h1>',
    `<p class="intro">${text(introText(index))}</p>`,
    '</header>',
    '<main>',
    `<section id="incidents" class="flow">\n<h2>Incidents</h2>\n${incidents}\n</section>`,
    `<section id="groups" class="flow">\n<h2>Groups</h2>\n${groups}\n</section>`,
    `<section id="inputs" class="flow">\n<h2>Inputs</h2>\n${inputs}\n</section>`,
    unreadable,
    '</main>',
    `<footer>${text(`${index.tool.name} ${index.tool.version}`)}, generated ${text(index.generatedAt)}. This file is self-contained: no scripts, no network requests.</footer>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .concat('')
    .join('\n');
}
