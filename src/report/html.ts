// The incident report as one self-contained HTML file: no JavaScript, no network access, inline
// CSS (allowed by its hash in a strict Content-Security-Policy) and inline SVG. Readable on
// screen in light and dark, and printed to PDF for a support case. The same sections in the
// same order as the Markdown report. A pure function of the report model: every string of the
// model came from the inputs and goes through htmlText or htmlAttribute; links point only at
// anchors made from numbers here.
import { createHash } from 'node:crypto';
import { captureOriginLabel } from '../model/capture-anchor.js';
import { skipReasonText } from '../model/line-accounting.js';
import { durationText } from '../time/index.js';
import { htmlAttribute as attr, htmlText as text } from './html-text.js';
import { reportStyle } from './html-style.js';
import { keyMoments } from './key-moments.js';
import { eventCountsText, inputsNotListedText, type IsoSpan, type Report } from './report-model.js';
import { inputFormatText } from './input-summary-text.js';
import { durationBoundsText, spanInZone } from './time-text.js';
import { timelineSvg } from './timeline-svg.js';

/** No script-src at all: default-src 'none' forbids scripts, and the one stylesheet is allowed by hash. */
export const reportStyleHash = `sha256-${createHash('sha256').update(reportStyle, 'utf8').digest('base64')}`;
export const contentSecurityPolicy = `default-src 'none'; style-src '${reportStyleHash}'; base-uri 'none'; form-action 'none'`;

/**
 * The start of every HTML page the tool writes, up to `</head>`: nothing may load or run but
 * the one stylesheet, allowed by its hash.
 */
export function documentHead(title: string, generator: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${attr(generator)}">`,
    `<title>${text(title)}</title>`,
    `<style>${reportStyle}</style>`,
    '</head>',
  ];
}

type Section = { id: string; heading: string; body: string; flow?: boolean };

export function renderHtml(report: Report): string {
  const sections = [
    summarySection(report),
    timelineSection(report),
    clustersSection(report),
    windowsSection(report),
    evidenceSection(report),
    inputsSection(report),
    supportSection(report),
    caveatsSection(report),
  ].filter((section): section is Section => section !== null);
  return [
    ...documentHead(report.title, `${report.tool.name} ${report.tool.version}`),
    '<body>',
    header(report, sections),
    '<main>',
    ...sections.map(
      (section) =>
        `<section id="${section.id}"${section.flow ? ' class="flow"' : ''}>\n<h2>${section.heading}</h2>\n${section.body}\n</section>`,
    ),
    '</main>',
    footer(report),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Text that may wrap after dots, underscores and slashes (host names, identities, paths) before anywhere else. */
const breakable = (value: string) => text(value).replace(/([._/])/gu, '$1<wbr>');
/** A path: may wrap after slashes and underscores, not inside a file's name at its dot. */
const breakablePath = (value: string) => text(value).replace(/([/_])/gu, '$1<wbr>');
/** A timestamp kept on one line. */
const stamp = (value: string) => `<span class="nowrap">${text(value)}</span>`;

const toSpan = (span: IsoSpan) => ({ earliest: Date.parse(span.earliest), latest: Date.parse(span.latest) });
const whole = (start: IsoSpan, end: IsoSpan): IsoSpan => ({ earliest: start.earliest, latest: end.latest });
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "When" as a fact list: UTC first, then the display zone when it is not UTC. */
function whenFacts(span: IsoSpan, zone: string): string {
  const utc = `<dt>When (UTC)</dt><dd class="time">${text(spanInZone(toSpan(span), 'UTC'))}</dd>`;
  return zone === 'UTC' ? utc : `${utc}\n<dt>When (${text(zone)})</dt><dd class="time">${text(spanInZone(toSpan(span), zone))}</dd>`;
}

function whenLine(span: IsoSpan, zone: string): string {
  const utc = spanInZone(toSpan(span), 'UTC');
  return text(zone === 'UTC' ? utc : `${utc} (${spanInZone(toSpan(span), zone)})`);
}

function header(report: Report, sections: readonly Section[]): string {
  const inputs = plural(report.inputs.length, 'input');
  const cluster = report.cluster ? ` for cluster ${report.cluster}` : '';
  const zone = report.settings.displayZone === 'UTC' ? '' : ` and ${report.settings.displayZone}`;
  const intro = `Generated ${report.generatedAt} by ${report.tool.name} ${report.tool.version}${cluster} from ${inputs} (${eventCountsText(report)}). Times are in UTC${zone}.`;
  const elections = report.leaderElectionClusters.reduce((sum, cluster) => sum + cluster.locks.reduce((locks, lock) => locks + lock.elections, 0), 0);
  const warnings = report.errorWindows.reduce((sum, window) => sum + window.occurrences, 0);
  const stats: [number, string, boolean][] = [
    [report.incidents.length, report.incidents.length === 1 ? 'incident' : 'incidents', report.incidents.length > 0],
    [elections, elections === 1 ? 'leader election' : 'leader elections', false],
    [warnings, warnings === 1 ? 'Warning event' : 'Warning events', warnings > 0],
    [report.events.total, report.events.total === 1 ? 'event read' : 'events read', false],
    [report.inputs.length, report.inputs.length === 1 ? 'input' : 'inputs', false],
  ];
  return [
    '<header>',
    '<p class="eyebrow">Incident report</p>',
    `<h1>${text(report.title)}</h1>`,
    `<p class="intro">${text(intro)}</p>`,
    `<ul class="stats">${stats
      .map(([value, label, alert]) => `<li${alert ? ' class="alert"' : ''}><span class="value">${value}</span><span class="label">${label}</span></li>`)
      .join('')}</ul>`,
    `<nav class="contents" aria-label="Sections"><ol>${sections.map((section) => `<li><a href="#${section.id}">${section.heading}</a></li>`).join('')}</ol></nav>`,
    '</header>',
  ].join('\n');
}

function summarySection(report: Report): Section {
  const zone = report.settings.displayZone;
  if (report.incidents.length === 0) {
    return { id: 'summary', heading: 'Summary', body: '<p>No leader elections and no Warning events were found in the inputs.</p>' };
  }
  const incidents = report.incidents.map((incident, index) => {
    const findings = [
      ...incident.leaderElectionClusters.map((id) => findingLink(id, report.leaderElectionClusters.findIndex((cluster) => cluster.id === id), 'cluster')),
      ...incident.errorWindows.map((id) => findingLink(id, report.errorWindows.findIndex((window) => window.id === id), 'window')),
    ];
    return [
      `<article class="card incident" id="incident-${index + 1}">`,
      `<h3><span class="id">${text(incident.id)}</span> ${text(incident.title)}</h3>`,
      '<dl class="facts">',
      whenFacts(whole(incident.start, incident.end), zone),
      `<dt>How long</dt><dd>${text(durationBoundsText(incident.durationMs.shortest, incident.durationMs.longest, durationText))}</dd>`,
      `<dt>What</dt><dd>${text(incident.what)}</dd>`,
      `<dt>Impact</dt><dd>${text(incident.impact)}</dd>`,
      `<dt>Precision</dt><dd>${text(incident.precision)}</dd>`,
      findings.length > 0 ? `<dt>Findings</dt><dd>${findings.join(', ')}</dd>` : '',
      '</dl>',
      '</article>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return { id: 'summary', heading: 'Summary', body: incidents.join('\n') };
}

/** A link to a finding's card: the anchor is made from its position, never from its id's text. */
function findingLink(id: string, index: number, kind: 'cluster' | 'window'): string {
  return index < 0 ? text(id) : `<a href="#${kind}-${index + 1}">${text(id)}</a>`;
}

function timelineSection(report: Report): Section | null {
  if (report.incidents.length === 0) return null;
  const zone = report.settings.displayZone;
  const moments = keyMoments(report);
  const legend = [
    '<ul class="legend">',
    `<li>${swatch('<rect class="tl-solid" x="2" y="2" width="24" height="10"/>', 'lane-lock')}certain</li>`,
    `<li>${swatch('<rect class="tl-pale" x="2" y="2" width="24" height="10"/><path class="tl-whisker" d="M2 0v14M26 0v14M2 7H26"/>', 'lane-lock')}somewhere within (the time is a span)</li>`,
    `<li>${swatch('<rect class="tl-incident" x="1" y="1" width="26" height="12"/>', '')}incident</li>`,
    report.errorWindows.length > 0 ? `<li>${swatch('<rect class="tl-solid" x="2" y="2" width="24" height="10"/>', 'lane-reason')}Warning events</li>` : '',
    '</ul>',
  ].join('');
  const figure = [
    '<figure class="timeline-figure">',
    timelineSvg(report),
    legend,
    '<figcaption>Lanes: one per lock (its new holder to the right of each election) and one per Warning reason (its count per window). Axis in UTC.</figcaption>',
    '</figure>',
  ].join('\n');
  const head = ['Time (UTC)', ...(zone === 'UTC' ? [] : [`Time (${zone})`]), 'What'];
  const rows = moments.map((moment) => [
    `<td class="time">${text(spanInZone(toSpan(moment.at), 'UTC'))}</td>`,
    ...(zone === 'UTC' ? [] : [`<td class="time">${text(spanInZone(toSpan(moment.at), zone))}</td>`]),
    `<td class="host">${text(moment.what)}</td>`,
  ]);
  return { id: 'timeline', heading: 'Timeline', body: `${figure}\n${table(head.map((cell) => `<th>${text(cell)}</th>`), rows)}`, flow: true };
}

function swatch(shapes: string, laneClass: string): string {
  return `<svg viewBox="0 0 28 14" aria-hidden="true"><g${laneClass ? ` class="${laneClass}"` : ''}>${shapes}</g></svg>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], caption = ''): string {
  return [
    '<div class="table-wrap"><table>',
    caption ? `<caption>${caption}</caption>` : '',
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>\n${rows.map((row) => `<tr>${row.join('')}</tr>`).join('\n')}\n</tbody>`,
    '</table></div>',
  ]
    .filter(Boolean)
    .join('\n');
}

function clustersSection(report: Report): Section | null {
  if (report.leaderElectionClusters.length === 0) return null;
  const zone = report.settings.displayZone;
  const clusters = report.leaderElectionClusters.map((cluster, index) => {
    const regions = cluster.regions.length > 0 ? text(cluster.regions.join(', ')) : `unknown (${text(cluster.regionUnknownBecause ?? 'no host name shows it')})`;
    const failover = cluster.verdict === 'control-plane-failover';
    const rows = cluster.locks.map((lock) => [
      `<td class="lock">${breakable(`${(lock.kind ?? 'lock').toLowerCase()}/${lock.name ?? '(name not printed)'}`)}</td>`,
      `<td>${text(lock.namespace ?? '')}</td>`,
      `<td class="holder-cell"><span class="holder">${breakable(lock.holder ?? '(stopped leading only)')}</span></td>`,
      `<td class="host">${breakable(lock.host ?? '')}</td>`,
      lock.previousHost ? `<td class="host">${breakable(lock.previousHost)}</td>` : '<td class="none">–</td>',
      `<td class="elected">${text(spanInZone(toSpan(lock.elected), 'UTC'))}</td>`,
      `<td class="num">${lock.elections}</td>`,
    ]);
    const head = ['Lock', 'Namespace', 'New holder', 'Host', 'Before', 'Elected (UTC)', 'Elections'].map(
      (cell, column) => `<th${column === 6 ? ' class="num"' : ''}>${cell}</th>`,
    );
    return [
      `<article class="card cluster" id="cluster-${index + 1}">`,
      `<h3><span class="id">${text(cluster.id)}</span> <span class="verdict ${failover ? 'failover' : 'change'}">${text(cluster.verdict)}</span></h3>`,
      `<p>${text(`Because ${cluster.because}.`)}</p>`,
      '<dl class="facts">',
      whenFacts(whole(cluster.start, cluster.end), zone),
      `<dt>Hosts</dt><dd class="host">${cluster.hosts.map((host) => breakable(host)).join(', ')}</dd>`,
      `<dt>Region</dt><dd>${regions}</dd>`,
      '</dl>',
      table(head, rows),
      '</article>',
    ].join('\n');
  });
  return { id: 'clusters', heading: 'Leader-election clusters', body: clusters.join('\n'), flow: true };
}

function windowsSection(report: Report): Section | null {
  if (report.errorWindows.length === 0) return null;
  const zone = report.settings.displayZone;
  const windows = report.errorWindows.map((window, index) => {
    const reasons = table(
      ['<th>Reason</th>', '<th class="num">Occurrences</th>', '<th>Share of the window</th>'],
      window.reasons.map((reason) => [
        `<td>${text(reason.reason)}</td>`,
        `<td class="num">${reason.count}</td>`,
        `<td><span class="share">${shareBar(reason.share)}<span>${Math.round(reason.share * 100)}%</span></span></td>`,
      ]),
    );
    const objects = table(
      ['<th>Object</th>', '<th class="num">Occurrences</th>'],
      window.objects.map((object) => [`<td class="host">${text(object.name)}</td>`, `<td class="num">${object.count}</td>`]),
    );
    const namespaces = window.namespaces.map((namespace) => `${text(namespace.name)} ${namespace.count}`).join(', ');
    return [
      `<article class="card window" id="window-${index + 1}">`,
      `<h3><span class="id">${text(window.id)}</span> ${plural(window.occurrences, 'Warning event')}</h3>`,
      '<dl class="facts">',
      whenFacts(whole(window.start, window.end), zone),
      namespaces ? `<dt>Namespaces</dt><dd>${namespaces}</dd>` : '',
      window.outage ? `<dt>Measured outage</dt><dd>${text(window.outage.summary)}</dd>` : '',
      '</dl>',
      `<div class="pair">\n${reasons}\n${objects}\n</div>`,
      '</article>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return { id: 'windows', heading: 'Error windows', body: windows.join('\n'), flow: true };
}

function shareBar(share: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
  return `<svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="share-track" width="100" height="8" rx="2"/><rect class="share-fill" width="${filled}" height="8" rx="2"/></svg>`;
}

function evidenceSection(report: Report): Section | null {
  const findings = [
    ...report.leaderElectionClusters.map((finding, index) => ({ finding, anchor: `cluster-${index + 1}` })),
    ...report.errorWindows.map((finding, index) => ({ finding, anchor: `window-${index + 1}` })),
  ];
  if (findings.length === 0) return null;
  const blocks = findings.map(({ finding, anchor }) => {
    // One block per line, its newline inside it: wrapped lines hang under their first line.
    const lines = finding.evidence.lines.map(
      (line, index, all) => `<span class="ev"><span class="ev-at">${text(line.at)}</span>  ${text(line.text.replace(/\r\n|[\r\n]/gu, ' '))}${index < all.length - 1 ? '\n' : ''}</span>`,
    );
    const more = finding.evidence.more > 0 ? `\n<p class="more">and ${plural(finding.evidence.more, 'more line', 'more lines')}.</p>` : '';
    return [
      `<article class="evidence-block" id="evidence-${anchor}">`,
      `<h3><a href="#${anchor}">${text(finding.id)}</a></h3>`,
      lines.length > 0 ? `<pre class="evidence">${lines.join('')}</pre>${more}` : `<p class="none">No lines kept.</p>${more}`,
      '</article>',
    ].join('\n');
  });
  return { id: 'evidence', heading: 'Evidence', body: blocks.join('\n'), flow: true };
}

function inputsSection(report: Report): Section {
  const rows = report.inputs.map((input) => {
    const { lines } = input;
    const captured = input.capturedAt.map((at, index) => {
      const origin = input.capturedAtSource[index];
      return `${stamp(at.earliest)}${origin ? ` <span class="muted">from ${text(captureOriginLabel[origin])}</span>` : ''}`;
    });
    const skipped = Object.entries(lines.skippedByReason).map(
      ([reason, count]) => `<span class="nowrap" title="${attr(skipReasonText[reason as keyof typeof skipReasonText] ?? reason)}">${text(reason)} ${count}</span>`,
    );
    return [
      `<td class="path">${breakablePath(input.path)}</td>`,
      `<td class="num">${input.size}</td>`,
      `<td><span class="hash">${text(input.sha256)}</span></td>`,
      `<td class="format">${text(inputFormatText(input))}</td>`,
      captured.length > 0 ? `<td>${captured.join('<br>')}</td>` : '<td class="none">not needed</td>',
      `<td class="lines">${lineAccounting(lines)}</td>`,
      skipped.length > 0 ? `<td>${skipped.join(', ')}</td>` : '<td class="none">–</td>',
    ];
  });
  const head = ['Input', 'Bytes', 'SHA-256', 'Format', 'Captured at', 'Lines', 'Skipped'].map(
    (cell, column) => `<th${column === 1 ? ' class="num"' : ''}>${cell}</th>`,
  );
  const unreadable =
    report.unreadable.length > 0
      ? `\n<ul class="unreadable">${report.unreadable.map((input) => `<li><code>${text(input.path)}</code>: could not be read: ${text(input.reason)}</li>`).join('\n')}</ul>`
      : '';
  const notListed = inputsNotListedText(report);
  return { id: 'inputs', heading: 'Inputs', body: `${table(head, rows)}${notListed ? `\n<p>${text(notListed)}</p>` : ''}${unreadable}`, flow: true };
}

/** `13 = 12 in records + 1 header`: the sum of the lines, without the classes that have none. */
function lineAccounting(lines: Report['inputs'][number]['lines']): string {
  const terms = [
    `${lines.record} in records`,
    ...([
      [lines.header, 'header'],
      [lines.structure, 'structure'],
      [lines.blank, 'blank'],
      [lines.skipped, 'skipped'],
    ] as const)
      .filter(([count]) => count > 0)
      .map(([count, label]) => `${count} ${label}`),
  ];
  return `${lines.total} = ${terms.map((term) => `<span class="nowrap">${term}</span>`).join(' + ')}`;
}

function supportSection(report: Report): Section | null {
  const support = report.supportCase;
  if (!support) return null;
  const lines = [
    `Cluster: ${support.cluster ?? '(name it with --cluster)'}`,
    `Region: ${support.region ?? 'not shown by the inputs'}`,
    `Window to investigate: ${support.window.earliest} to ${support.window.latest} (UTC)`,
    `Observed: ${support.observed}`,
    `Question: ${support.question}`,
  ];
  return {
    id: 'support',
    heading: 'For the support case',
    body: `<p class="muted">Ready to copy into a support case; times are UTC.</p>\n<pre class="support">${lines.map((line) => text(line.replace(/\r\n|[\r\n]/gu, ' '))).join('\n')}</pre>`,
  };
}

function caveatsSection(report: Report): Section {
  const { settings } = report;
  const ignored = settings.ignoredReasons.length > 0 ? text(settings.ignoredReasons.join(', ')) : 'none';
  const settingsLine = `Settings: --gap ${text(durationText(settings.gapMs))}, --correlate ${text(durationText(settings.correlateMs))}; input zone ${text(settings.inputZone)}; display zone ${text(settings.displayZone)}; ignored reasons: ${ignored}${settings.capturedAt ? `; --captured-at ${stamp(settings.capturedAt)}` : ''}.`;
  return {
    id: 'caveats',
    heading: 'Method and caveats',
    body: `<ul class="caveats">\n${report.caveats.map((caveat) => `<li>${text(caveat)}</li>`).join('\n')}\n</ul>\n<p class="muted">${settingsLine}</p>`,
  };
}

function footer(report: Report): string {
  return `<footer>${text(`${report.tool.name} ${report.tool.version}`)}, generated ${text(report.generatedAt)}. This file is self-contained: no scripts, no network requests.</footer>`;
}
