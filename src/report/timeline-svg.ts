// The report's timeline as inline SVG: one lane per lock and one per Warning reason, on a time
// axis in UTC. Every time in the report is a span (earliest..latest), and the drawing keeps it
// so: a solid bar where the signal certainly was, a pale band with whiskers where it was only
// somewhere within. Colours come from the page's stylesheet (classes only, no inline style), so
// the light, dark and print palettes apply. Every string from the report goes through
// htmlText/htmlAttribute; coordinates are numbers computed here.
import { shortHost } from './host-text.js';
import { htmlAttribute, htmlText } from './html-text.js';
import type { IsoSpan, Report } from './report-model.js';
import { spanInZone } from './time-text.js';

const width = 960;
const labelWidth = 280;
const plotLeft = labelWidth + 14;
const plotRight = width - 18;
const incidentRow = 26;
const groupRow = 24;
const laneHeight = 26;
const barHeight = 12;
const axisHeight = 46;
/** Narrower than this, a span is drawn as a solid tick of this width: known to the pixel. */
const tickWidth = 3;
const labelFont = 12;
const noteFont = 11;
/** Average advance of a character as a share of the font size; generous, so text rarely collides. */
const advance = 0.6;
/** Lane labels may be truncated: a closer estimate there keeps more of the name. */
const labelAdvance = 0.55;

type LaneKind = 'lock' | 'reason';

interface Mark {
  /** The widest the signal can be: from its earliest possible start to its latest possible end. */
  possible: { from: number; to: number };
  /** What it certainly covers, when anything: from its latest start to its earliest end. */
  certain: { from: number; to: number } | null;
  note: string;
  title: string;
}

interface Lane {
  kind: LaneKind;
  label: string;
  title: string;
  marks: Mark[];
}

const ms = (iso: string) => Date.parse(iso);
const utc = (span: IsoSpan) => spanInZone({ earliest: ms(span.earliest), latest: ms(span.latest) }, 'UTC');
/** Coordinates to a tenth of a unit: short, and the same on every run. */
const n = (value: number) => String(Math.round(value * 10) / 10);

export function timelineSvg(report: Report): string {
  const lanes = [...lockLanes(report), ...reasonLanes(report)];
  if (lanes.length === 0) return '';
  const times = [
    ...lanes.flatMap((lane) => lane.marks.flatMap((mark) => [mark.possible.from, mark.possible.to])),
    ...report.incidents.flatMap((incident) => [ms(incident.start.earliest), ms(incident.end.latest)]),
  ];
  const scale = timeScale(Math.min(...times), Math.max(...times));
  const groups = (['lock', 'reason'] as const).filter((kind) => lanes.some((lane) => lane.kind === kind));
  const lanesTop = incidentRow;
  const plotBottom = lanesTop + groups.length * groupRow + lanes.length * laneHeight;
  const height = plotBottom + axisHeight;

  // Stripes under the incident bands, the bands under the grid, the grid under the lanes.
  const stripes: string[] = [];
  const rows: string[] = [];
  let y = lanesTop;
  let stripe = 0;
  for (const kind of groups) {
    rows.push(`<text class="tl-group" x="0" y="${n(y + groupRow - 8)}">${kind === 'lock' ? 'Leader elections: new holder' : 'Warning events by reason'}</text>`);
    y += groupRow;
    for (const lane of lanes.filter((candidate) => candidate.kind === kind)) {
      if (stripe % 2 === 1) stripes.push(`<rect class="tl-stripe" x="0" y="${n(y)}" width="${width}" height="${laneHeight}"/>`);
      rows.push(laneSvg(lane, scale, y));
      y += laneHeight;
      stripe += 1;
    }
  }
  const body = [...stripes, ...incidentBands(report, scale, lanesTop, plotBottom), ...gridLines(scale, lanesTop, plotBottom), ...rows, ...axis(scale, plotBottom)];

  const locks = lanes.filter((lane) => lane.kind === 'lock').length;
  const reasons = lanes.length - locks;
  const description = `${locks} ${locks === 1 ? 'lane' : 'lanes'} for locks and ${reasons} for Warning reasons, from ${new Date(scale.from).toISOString()} to ${new Date(scale.to).toISOString()} (UTC).`;
  return [
    `<svg class="timeline" viewBox="0 0 ${width} ${n(height)}" width="${width}" height="${n(height)}" role="img" aria-labelledby="timeline-title timeline-desc">`,
    `<title id="timeline-title">Timeline (UTC)</title>`,
    `<desc id="timeline-desc">${htmlText(description)}</desc>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function lockLanes(report: Report): Lane[] {
  const lanes = new Map<string, Lane & { namespace: string }>();
  for (const cluster of report.leaderElectionClusters) {
    for (const lock of cluster.locks) {
      const key = JSON.stringify([lock.kind, lock.namespace, lock.name]);
      const label = `${(lock.kind ?? 'lock').toLowerCase()}/${lock.name ?? '(name not printed)'}`;
      const namespace = lock.namespace ?? '(namespace not printed)';
      let lane = lanes.get(key);
      if (!lane) {
        lane = { kind: 'lock', label, namespace, title: `${label} in namespace ${namespace}`, marks: [] };
        lanes.set(key, lane);
      }
      const elections = lock.elections > 1 ? ` (${lock.elections} elections)` : '';
      lane.marks.push({
        possible: { from: ms(lock.elected.earliest), to: ms(lock.elected.latest) },
        certain: null,
        note: `→ ${shortHost(lock.host ?? 'unknown')}${lock.elections > 1 ? ` ×${lock.elections}` : ''}`,
        title: `${cluster.id}: ${label} new holder ${lock.holder ?? '(stopped leading only)'}${elections}, elected ${utc(lock.elected)}`,
      });
    }
  }
  // Two locks of one kind and name in different namespaces: say which is which.
  const all = [...lanes.values()];
  return all.map(({ namespace, ...lane }) =>
    all.filter((other) => other.label === lane.label).length > 1 ? { ...lane, label: `${lane.label} (${namespace})` } : lane,
  );
}

function reasonLanes(report: Report): Lane[] {
  const lanes = new Map<string, Lane & { total: number }>();
  for (const window of report.errorWindows) {
    const possible = { from: ms(window.start.earliest), to: ms(window.end.latest) };
    const certainFrom = ms(window.start.latest);
    const certainTo = ms(window.end.earliest);
    for (const reason of window.reasons) {
      let lane = lanes.get(reason.reason);
      if (!lane) {
        lane = { kind: 'reason', label: reason.reason, title: `Warning reason ${reason.reason}`, marks: [], total: 0 };
        lanes.set(reason.reason, lane);
      }
      lane.total += reason.count;
      lane.marks.push({
        possible,
        certain: certainTo > certainFrom ? { from: certainFrom, to: certainTo } : null,
        note: `×${reason.count}`,
        title: `${window.id}: ${reason.reason} ×${reason.count}, window ${utc({ earliest: window.start.earliest, latest: window.end.latest })}`,
      });
    }
  }
  return [...lanes.values()].map(({ total, ...lane }) => ({ ...lane, label: `${lane.label} ×${total}` }));
}

interface Scale {
  from: number;
  to: number;
  x: (time: number) => number;
}

function timeScale(earliest: number, latest: number): Scale {
  const minimum = 60_000;
  const middle = (earliest + latest) / 2;
  const span = Math.max(latest - earliest, minimum);
  const padding = span * 0.04;
  const from = Math.min(earliest, middle - span / 2) - padding;
  const to = Math.max(latest, middle + span / 2) + padding;
  return { from, to, x: (time) => plotLeft + ((time - from) / (to - from)) * (plotRight - plotLeft) };
}

/** The shaded extent of each incident across all lanes, labelled above the lanes. */
function incidentBands(report: Report, scale: Scale, top: number, bottom: number): string[] {
  let labelEnd = -Infinity;
  return report.incidents.flatMap((incident, index) => {
    const [x, w] = widen(scale.x(ms(incident.start.earliest)), scale.x(ms(incident.end.latest)), 6);
    const band = `<rect class="tl-incident" x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${n(bottom - top)}"><title>${htmlText(`${incident.id}: ${incident.title}`)}</title></rect>`;
    const text = `incident ${index + 1}`;
    const textWidth = text.length * noteFont * advance;
    const anchorEnd = x + textWidth > plotRight;
    const start = anchorEnd ? x + w - textWidth : x;
    if (start < labelEnd + 6) return [band];
    labelEnd = start + textWidth;
    const label = `<text class="tl-incident-label" x="${n(anchorEnd ? x + w : x)}" y="${n(top - 8)}"${anchorEnd ? ' text-anchor="end"' : ''}>${text}</text>`;
    return [band, label];
  });
}

function gridLines(scale: Scale, top: number, bottom: number): string[] {
  return ticks(scale).map((tick) => `<line class="tl-grid" x1="${n(scale.x(tick))}" y1="${n(top)}" x2="${n(scale.x(tick))}" y2="${n(bottom)}"/>`);
}

function laneSvg(lane: Lane, scale: Scale, top: number): string {
  const middle = top + laneHeight / 2;
  const maxLabel = Math.floor((labelWidth - 8) / (labelFont * labelAdvance));
  const parts = [
    `<g class="lane lane-${lane.kind}" aria-label="${htmlAttribute(lane.label)}">`,
    `<title>${htmlText(lane.title)}</title>`,
    `<text class="tl-label" x="0" y="${n(middle + labelFont * 0.35)}">${htmlText(truncate(lane.label, maxLabel))}</text>`,
  ];
  const marks = [...lane.marks].sort((a, b) => a.possible.from - b.possible.from);
  const extents = marks.map((mark) => widen(scale.x(mark.possible.from), scale.x(mark.possible.to), tickWidth));
  marks.forEach((mark, index) => {
    const [x, w] = extents[index]!;
    parts.push(`<g class="tl-mark"><title>${htmlText(mark.title)}</title>`);
    parts.push(...markShapes(mark, scale, x, w, middle));
    parts.push('</g>');
    const note = noteSvg(mark.note, x, w, middle, extents[index - 1], extents[index + 1]);
    if (note) parts.push(note);
  });
  parts.push('</g>');
  return parts.filter((part) => part !== '').join('\n');
}

/** Solid where certain; a pale band with whiskers where the time is only known to lie within. */
function markShapes(mark: Mark, scale: Scale, x: number, w: number, middle: number): string[] {
  const top = middle - barHeight / 2;
  const exact = scale.x(mark.possible.to) - scale.x(mark.possible.from) < tickWidth;
  if (exact) return [`<rect class="tl-solid" x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${barHeight}" rx="1"/>`];
  const shapes = [
    `<rect class="tl-pale" x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${barHeight}"/>`,
    `<path class="tl-whisker" d="M${n(x)} ${n(top - 3)}v${barHeight + 6}M${n(x + w)} ${n(top - 3)}v${barHeight + 6}M${n(x)} ${n(middle)}H${n(x + w)}"/>`,
  ];
  if (mark.certain) {
    const [cx, cw] = widen(scale.x(mark.certain.from), scale.x(mark.certain.to), 2);
    shapes.push(`<rect class="tl-solid" x="${n(cx)}" y="${n(top + 2)}" width="${n(cw)}" height="${barHeight - 4}"/>`);
  }
  return shapes;
}

/** The mark's note (new host, count) to its right, or left, where it does not run into another mark. */
function noteSvg(note: string, x: number, w: number, middle: number, before: [number, number] | undefined, after: [number, number] | undefined): string | null {
  const textWidth = Array.from(note).length * noteFont * advance;
  const rightLimit = after ? after[0] : plotRight + 14;
  const leftLimit = before ? before[0] + before[1] : plotLeft - 8;
  const y = n(middle + noteFont * 0.35);
  if (x + w + 5 + textWidth <= rightLimit) return `<text class="tl-note" x="${n(x + w + 5)}" y="${y}">${htmlText(note)}</text>`;
  if (x - 5 - textWidth >= leftLimit) return `<text class="tl-note" x="${n(x - 5)}" y="${y}" text-anchor="end">${htmlText(note)}</text>`;
  return null;
}

/** Tick marks and UTC labels; the date under the first tick and wherever it changes. */
function axis(scale: Scale, top: number): string[] {
  const all = ticks(scale);
  const step = (all[1] ?? scale.to) - (all[0] ?? scale.from);
  const parts = [`<line class="tl-axis" x1="${plotLeft}" y1="${n(top)}" x2="${plotRight}" y2="${n(top)}"/>`];
  let lastDate = '';
  for (const tick of all) {
    const iso = new Date(tick).toISOString();
    const x = n(scale.x(tick));
    const clock = step >= 86_400_000 ? iso.slice(5, 10) : step < 60_000 ? iso.slice(11, 19) : iso.slice(11, 16);
    parts.push(`<line class="tl-axis" x1="${x}" y1="${n(top)}" x2="${x}" y2="${n(top + 5)}"/>`);
    parts.push(`<text class="tl-tick" x="${x}" y="${n(top + 18)}" text-anchor="middle">${clock}</text>`);
    const date = iso.slice(0, 10);
    if (date !== lastDate && step < 86_400_000) parts.push(`<text class="tl-date" x="${x}" y="${n(top + 32)}" text-anchor="middle">${date}</text>`);
    lastDate = date;
  }
  parts.push(`<text class="tl-axis-title" x="0" y="${n(top + 18)}">UTC</text>`);
  return parts;
}

const steps = [1, 2, 5, 10, 15, 30].map((s) => s * 1000).concat([1, 2, 5, 10, 15, 30].map((m) => m * 60_000), [1, 2, 3, 6, 12].map((h) => h * 3_600_000), [1, 2, 7, 14, 28].map((d) => d * 86_400_000));

function ticks(scale: Scale): number[] {
  const most = Math.floor((plotRight - plotLeft) / 80);
  const step = steps.find((candidate) => (scale.to - scale.from) / candidate <= most) ?? steps.at(-1)!;
  const result: number[] = [];
  for (let tick = Math.ceil(scale.from / step) * step; tick <= scale.to; tick += step) result.push(tick);
  return result;
}

/** [x, width] of a span, at least `minimum` wide and centred on it when widened. */
function widen(from: number, to: number, minimum: number): [number, number] {
  const w = to - from;
  return w >= minimum ? [from, w] : [(from + to) / 2 - minimum / 2, minimum];
}

function truncate(text: string, characters: number): string {
  const codePoints = Array.from(text);
  return codePoints.length <= characters ? text : `${codePoints.slice(0, characters - 1).join('')}…`;
}
