// The incident report in Markdown: pastes into tickets and post-mortems and renders on GitHub,
// with a mermaid timeline. A pure function of the report model.
import { durationText } from '../time/index.js';
import { codeBlock, markdownTable, markdownText as md } from './markdown-text.js';
import { keyMoments } from './key-moments.js';
import { eventCountsText, inputsNotListedText, type IsoSpan, type Report } from './report-model.js';
import { inputFormatText } from './input-summary-text.js';
import { shortHost } from './host-text.js';
import { durationBoundsText, spanInZone } from './time-text.js';

export function renderMarkdown(report: Report): string {
  return [
    `# ${md(report.title)}`,
    intro(report),
    summarySection(report),
    timelineSection(report),
    clustersSection(report),
    windowsSection(report),
    evidenceSection(report),
    inputsSection(report),
    supportSection(report),
    caveatsSection(report),
  ]
    .filter((section) => section !== '')
    .join('\n\n')
    .concat('\n');
}

const toSpan = (span: IsoSpan) => ({ earliest: Date.parse(span.earliest), latest: Date.parse(span.latest) });
const whole = (start: IsoSpan, end: IsoSpan): IsoSpan => ({ earliest: start.earliest, latest: end.latest });

function when(span: IsoSpan, zone: string): string {
  const utc = spanInZone(toSpan(span), 'UTC');
  return zone === 'UTC' ? utc : `${utc} (${spanInZone(toSpan(span), zone)})`;
}

function intro(report: Report): string {
  const inputs = `${report.inputs.length} ${report.inputs.length === 1 ? 'input' : 'inputs'}`;
  const cluster = report.cluster ? ` for cluster ${md(report.cluster)}` : '';
  return `Generated ${report.generatedAt} by ${report.tool.name} ${report.tool.version}${cluster} from ${inputs} (${eventCountsText(report)}). Times are in UTC${report.settings.displayZone === 'UTC' ? '' : ` and ${md(report.settings.displayZone)}`}.`;
}

function summarySection(report: Report): string {
  if (report.incidents.length === 0) return '## Summary\n\nNo leader elections and no Warning events were found in the inputs.';
  const incidents = report.incidents.map((incident) =>
    [
      `### ${md(incident.id)}: ${md(incident.title)}`,
      '',
      `- **When:** ${when(whole(incident.start, incident.end), report.settings.displayZone)}`,
      `- **How long:** ${durationBoundsText(incident.durationMs.shortest, incident.durationMs.longest, durationText)}`,
      `- **What:** ${md(incident.what)}`,
      `- **Impact:** ${md(incident.impact)}`,
      `- **Precision:** ${md(incident.precision)}`,
    ].join('\n'),
  );
  return ['## Summary', ...incidents].join('\n\n');
}

function timelineSection(report: Report): string {
  if (report.incidents.length === 0) return '';
  const gantt = [
    'gantt',
    '    title Timeline (UTC)',
    '    dateFormat YYYY-MM-DDTHH:mm:ss',
    '    axisFormat %H:%M',
    ...report.leaderElectionClusters.flatMap((cluster) => [
      `    section ${mermaidText(cluster.id)} ${cluster.verdict === 'control-plane-failover' ? 'fail-over' : 'leader change'}`,
      ...cluster.locks.map(
        (lock) => `    ${mermaidText(`${(lock.kind ?? 'lock').toLowerCase()} ${lock.name ?? ''} to ${shortHost(lock.host ?? 'unknown')}`)} :${mermaidRange(lock.elected)}`,
      ),
    ]),
    ...report.errorWindows.flatMap((window) => [
      `    section ${mermaidText(window.id)} warnings`,
      ...window.reasons.map((reason) => `    ${mermaidText(`${reason.reason} x${reason.count}`)} :crit, ${mermaidRange(whole(window.start, window.end))}`),
    ]),
  ];
  const moments = keyMoments(report);
  const zone = report.settings.displayZone;
  const table = markdownTable(
    ['Time (UTC)', ...(zone === 'UTC' ? [] : [`Time (${md(zone)})`]), 'What'],
    moments.map((moment) => [
      spanInZone(toSpan(moment.at), 'UTC'),
      ...(zone === 'UTC' ? [] : [spanInZone(toSpan(moment.at), zone)]),
      md(moment.what),
    ]),
  );
  return ['## Timeline', codeBlock(gantt, 'mermaid'), table].join('\n\n');
}

/** Mermaid task names: letters, digits and a few separators only; the rest would be syntax. */
function mermaidText(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._/-]/gu, ' ').replace(/\s+/gu, ' ').trim() || 'item';
}

/** A task from the start of a span to its end, at least a second long so that it shows. */
function mermaidRange(span: IsoSpan): string {
  const start = Date.parse(span.earliest);
  const end = Math.max(Date.parse(span.latest), start + 1000);
  const format = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  return `${format(start)}, ${format(end)}`;
}

function clustersSection(report: Report): string {
  if (report.leaderElectionClusters.length === 0) return '';
  const zone = report.settings.displayZone;
  const clusters = report.leaderElectionClusters.map((cluster) => {
    const regions = cluster.regions.length > 0 ? cluster.regions.join(', ') : `unknown (${cluster.regionUnknownBecause ?? 'no host name shows it'})`;
    const head = [
      `### ${md(cluster.id)}: ${cluster.verdict}`,
      '',
      `${md(`Because ${cluster.because}.`)} ${when(whole(cluster.start, cluster.end), zone)}; hosts ${cluster.hosts.map(md).join(', ')}; region ${md(regions)}.`,
    ].join('\n');
    const table = markdownTable(
      ['Lock', 'Namespace', 'New holder', 'Host', 'Before', 'Elected (UTC)', 'Elections'],
      cluster.locks.map((lock) => [
        md(`${(lock.kind ?? 'lock').toLowerCase()}/${lock.name ?? '(name not printed)'}`),
        md(lock.namespace ?? ''),
        md(lock.holder ?? '(stopped leading only)'),
        md(lock.host ?? ''),
        md(lock.previousHost ?? ''),
        spanInZone(toSpan(lock.elected), 'UTC'),
        String(lock.elections),
      ]),
    );
    return `${head}\n\n${table}`;
  });
  return ['## Leader-election clusters', ...clusters].join('\n\n');
}

function windowsSection(report: Report): string {
  if (report.errorWindows.length === 0) return '';
  const zone = report.settings.displayZone;
  const windows = report.errorWindows.map((window) => {
    const reasons = markdownTable(
      ['Reason', 'Occurrences', 'Share of the window'],
      window.reasons.map((reason) => [md(reason.reason), String(reason.count), `${Math.round(reason.share * 100)}%`]),
    );
    const objects = markdownTable(['Object', 'Occurrences'], window.objects.map((object) => [md(object.name), String(object.count)]));
    const outage = window.outage ? ['', `**Measured outage:** ${md(window.outage.summary)}`] : [];
    return [`### ${md(window.id)}: ${window.occurrences} Warning events`, '', when(whole(window.start, window.end), zone), ...outage, '', reasons, '', objects].join('\n');
  });
  return ['## Error windows', ...windows].join('\n\n');
}

function evidenceSection(report: Report): string {
  const findings = [...report.leaderElectionClusters, ...report.errorWindows];
  if (findings.length === 0) return '';
  const blocks = findings.map((finding) => {
    const lines = finding.evidence.lines.map((line) => `${line.at}  ${line.text}`);
    const more = finding.evidence.more > 0 ? `\n\nand ${finding.evidence.more} more lines.` : '';
    return `### ${md(finding.id)}\n\n${codeBlock(lines)}${more}`;
  });
  return ['## Evidence', ...blocks].join('\n\n');
}

function inputsSection(report: Report): string {
  const rows = report.inputs.map((input) => [
    md(input.path),
    String(input.size),
    `\`${input.sha256}\``,
    md(inputFormatText(input)),
    input.capturedAt.map((at, index) => `${md(at.earliest)} (${md(input.capturedAtSource[index] ?? '')})`).join('; ') || 'not needed',
    `${input.lines.total} = ${input.lines.record} in records + ${input.lines.header} header + ${input.lines.structure} structure + ${input.lines.blank} blank + ${input.lines.skipped} skipped`,
    md(Object.entries(input.lines.skippedByReason).map(([reason, count]) => `${reason} ${count}`).join(', ')),
  ]);
  const table = markdownTable(['Input', 'Bytes', 'SHA-256', 'Format', 'Captured at', 'Lines', 'Skipped'], rows);
  const unreadable = report.unreadable.map((input) => `- ${md(input.path)}: could not be read: ${md(input.reason)}`).join('\n');
  return ['## Inputs', table, md(inputsNotListedText(report)), unreadable].filter(Boolean).join('\n\n');
}

function supportSection(report: Report): string {
  const support = report.supportCase;
  if (!support) return '';
  const lines = [
    `Cluster: ${support.cluster ?? '(name it with --cluster)'}`,
    `Region: ${support.region ?? 'not shown by the inputs'}`,
    `Window to investigate: ${support.window.earliest} to ${support.window.latest} (UTC)`,
    `Observed: ${support.observed}`,
    `Question: ${support.question}`,
  ];
  return ['## For the support case', codeBlock(lines)].join('\n\n');
}

function caveatsSection(report: Report): string {
  return ['## Method and caveats', report.caveats.map((caveat) => `- ${md(caveat)}`).join('\n')].join('\n\n');
}
