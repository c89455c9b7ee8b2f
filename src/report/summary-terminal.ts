// `kube-postmortem summary`: the findings as terminal tables (cli-table3) that fit 80 columns,
// times in UTC and in the display zone. Every string from an input is made terminal-safe.
import Table from 'cli-table3';
import type { Analysis } from '../analysis/analyze.js';
import { lockName } from '../analysis/election-clusters.js';
import { outageSentence } from './build-report.js';
import type { ErrorWindow, LeaderElectionCluster } from '../model/findings.js';
import type { InputSummary, UnreadableInput } from '../model/input-summary.js';
import type { TimeSpan } from '../model/time-span.js';
import { inputFormatText } from './input-summary-text.js';
import { durationText } from '../time/index.js';
import { terminalSafe, wrapText, type Styles } from './terminal-text.js';
import { shortHost } from './host-text.js';
import { durationBoundsText, spanInZone } from './time-text.js';

export interface SummaryView {
  analysis: Analysis;
  inputs: readonly InputSummary[];
  unreadable: readonly UnreadableInput[];
  /** IANA zone shown next to UTC; `UTC` shows UTC only. */
  zone: string;
  styles: Styles;
}

type Cell = string | { content: string; colSpan: number };

/**
 * A table whose cells are wrapped here, not by cli-table3 (which cuts long words with `…`):
 * lock names and host names are evidence and must be shown whole. Colour is the caller's.
 */
function table(head: readonly string[], widths: readonly number[], rows: readonly Cell[][]): string {
  const wrapped = rows.map((row) => {
    let column = 0;
    return row.map((cell) => {
      const span = typeof cell === 'string' ? 1 : cell.colSpan;
      const width = widths.slice(column, column + span).reduce((sum, each) => sum + each, 0) + span - 1 - 2;
      column += span;
      const content = wrapText(terminalSafe(typeof cell === 'string' ? cell : cell.content), width);
      return typeof cell === 'string' ? content : { content, colSpan: span };
    });
  });
  const rendered = new Table({ head: [...head], colWidths: [...widths], style: { head: [], border: [] }, wordWrap: false });
  rendered.push(...wrapped);
  return rendered.toString();
}

export function renderSummary(view: SummaryView): string {
  const { analysis, styles } = view;
  const sections = [
    headline(view),
    section(styles, 'Incidents', analysis.incidents.length > 0 ? incidentTable(view) : 'No leader elections and no Warning events were found.'),
    ...(analysis.clusters.length > 0 ? [section(styles, 'Leader-election clusters', clusterTable(view))] : []),
    ...(analysis.windows.length > 0 ? [section(styles, 'Error windows', windowTable(view))] : []),
    section(styles, 'Inputs', inputTable(view)),
    ...notes(view),
  ];
  return `${sections.join('\n\n')}\n`;
}

function headline({ analysis, inputs, zone }: SummaryView): string {
  const merged = analysis.duplicatesMerged > 0 ? ` (${analysis.duplicatesMerged} duplicate copies merged)` : '';
  const zones = zone === 'UTC' ? 'UTC' : `UTC and ${zone}`;
  return `${inputs.length} ${inputs.length === 1 ? 'input' : 'inputs'}, ${analysis.events.length} events${merged}; times in ${zones}.`;
}

function section(styles: Styles, title: string, body: string): string {
  return `${styles.bold(title)}\n${body}`;
}

function when(span: TimeSpan, zone: string): string {
  const utc = spanInZone(span, 'UTC');
  return zone === 'UTC' ? utc : `${utc}\n${spanInZone(span, zone, false)}`;
}


function incidentTable({ analysis, zone, styles }: SummaryView): string {
  const failovers = new Set(analysis.clusters.filter((cluster) => cluster.verdict === 'control-plane-failover').map((cluster) => cluster.id));
  const rows = analysis.incidents.map((incident) => [
    incident.id.replace('incident-', ''),
    when(incident.start, zone),
    durationBoundsText(incident.duration.shortest, incident.duration.longest, durationText),
    incident.title,
  ]);
  const rendered = table(['#', 'Started', 'Lasted', 'What'], [4, 24, 13, 34], rows);
  // The verdict that matters most stands out on a colour terminal.
  return analysis.incidents.some((incident) => incident.clusters.some((id) => failovers.has(id)))
    ? rendered.replace(/Control-plane fail-over/gu, styles.red('Control-plane fail-over'))
    : rendered;
}

function clusterTable({ analysis, zone }: SummaryView): string {
  const rows = analysis.clusters.flatMap((cluster): Cell[][] => [
    [{ colSpan: 3, content: clusterHeading(cluster, zone) }],
    ...cluster.locks.map((lock) => [
      `${lockName(lock.lock)}${lock.lock.namespace ? `\nin ${lock.lock.namespace}` : ''}`,
      lock.host ? `${shortHost(lock.host)}${lock.previousHost && lock.previousHost !== lock.host ? `\nafter ${shortHost(lock.previousHost)}` : ''}` : 'stopped leading only',
      spanInZone(lock.span, 'UTC', false),
    ]),
  ]);
  return table(['Lock', 'New holder', 'Elected'], [32, 20, 24], rows);
}

function clusterHeading(cluster: LeaderElectionCluster, zone: string): string {
  const span = { earliest: cluster.start.earliest, latest: cluster.end.latest };
  const regions = cluster.regions.map((region) => (region.kind === 'region' ? `region ${region.region}` : `region unknown (${region.reason})`));
  return [
    `${cluster.id}, ${when(span, zone).replace('\n', ', ')}`,
    `${cluster.verdict}: ${cluster.because}.`,
    `${cluster.signals} signals, ${cluster.hosts.length} ${cluster.hosts.length === 1 ? 'host' : 'hosts'} (${cluster.hosts.map(shortHost).join(', ')}), ${regions.join(', ')}.`,
  ].join('\n');
}

function windowTable({ analysis, zone }: SummaryView): string {
  const rows = analysis.windows.flatMap((window): Cell[][] => [
    [`${window.id}\n${when({ earliest: window.start.earliest, latest: window.end.latest }, zone)}`, reasonsText(window), objectsText(window)],
    ...(window.outage ? [[{ colSpan: 3, content: `Measured outage: ${outageSentence(window.outage)}` }]] : []),
  ]);
  return table(['Window', 'Signals by reason', 'Objects'], [25, 26, 25], rows);
}

function reasonsText(window: ErrorWindow): string {
  return window.reasons.map((reason) => `${reason.name} ×${reason.count}, ${Math.round(reason.share * 100)}% of the window`).join('\n');
}

function objectsText(window: ErrorWindow): string {
  return window.objects.map((object) => `${object.name} ×${object.count}`).join('\n');
}

function inputTable({ inputs, unreadable }: SummaryView): string {
  const rows: Cell[][] = inputs.map((input) => [
    input.path,
    inputFormatText(input),
    `${input.accounting.total} lines, ${input.accounting.record} in records, ${input.accounting.skipped} skipped`,
  ]);
  for (const input of unreadable) rows.push([input.path, { colSpan: 2, content: `unreadable: ${input.reason}` }]);
  return table(['Input', 'Format', 'Lines'], [30, 23, 23], rows);
}

function notes({ analysis, inputs }: SummaryView): string[] {
  const said: string[] = [];
  if (analysis.untimed > 0) said.push(`${analysis.untimed} events have no time (printed as <unknown>, or the row lost it) and are in no finding.`);
  if (inputs.some((input) => input.captures.some((capture) => capture.origin === 'file-mtime' || capture.origin === 'read-time'))) {
    said.push('Some ages were measured from a file modification time or from when stdin was read; give --captured-at.');
  }
  return said.length > 0 ? [wrapText(said.join('\n'), 80)] : [];
}
