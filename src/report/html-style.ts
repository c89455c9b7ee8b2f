// The HTML report's one stylesheet: a constant, so that the Content-Security-Policy can allow
// exactly it by its hash. Light by default, dark on screens that prefer it, always light on paper.
// No web fonts, no url(): the page loads nothing.
export const reportStyle = `
:root {
  color-scheme: light;
  --bg: #ffffff;
  --fg: #1f2328;
  --muted: #59636e;
  --border: #d1d9e0;
  --rule: #e7ebef;
  --subtle: #f6f8fa;
  --code-bg: #f6f8fa;
  --accent: #0a5bc4;
  --lock: #2563c9;
  --lock-pale: rgba(37, 99, 201, 0.2);
  --warn: #c2362f;
  --warn-pale: rgba(194, 54, 47, 0.18);
  --incident: rgba(180, 120, 0, 0.09);
  --incident-edge: rgba(180, 120, 0, 0.45);
  --failover-bg: #ffebe9;
  --failover-fg: #a3141f;
  --change-bg: #ddf4ff;
  --change-fg: #0550ae;
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    color-scheme: dark;
    --bg: #0f1419;
    --fg: #e3e8ee;
    --muted: #9aa4af;
    --border: #343c46;
    --rule: #262d35;
    --subtle: #161c23;
    --code-bg: #161c23;
    --accent: #6aa7ff;
    --lock: #5b9dff;
    --lock-pale: rgba(91, 157, 255, 0.26);
    --warn: #ff6b61;
    --warn-pale: rgba(255, 107, 97, 0.24);
    --incident: rgba(230, 170, 40, 0.1);
    --incident-edge: rgba(230, 170, 40, 0.45);
    --failover-bg: rgba(255, 107, 97, 0.16);
    --failover-fg: #ffa39c;
    --change-bg: rgba(91, 157, 255, 0.16);
    --change-fg: #9cc5ff;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--bg); -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto;
  max-width: 74rem;
  padding: 2rem 1.5rem 3rem;
  background: var(--bg);
  color: var(--fg);
  font: 15px/1.55 var(--sans);
  overflow-wrap: break-word;
}
h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 1.65rem; font-weight: 650; margin: 0.2rem 0 0.6rem; overflow-wrap: anywhere; }
h2 {
  font-size: 1.25rem;
  font-weight: 650;
  margin: 2.4rem 0 1rem;
  padding-bottom: 0.35rem;
  border-bottom: 1px solid var(--border);
}
h3 { font-size: 1.02rem; font-weight: 620; margin: 0 0 0.6rem; overflow-wrap: anywhere; }
p { margin: 0.5rem 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .mono { font-family: var(--mono); font-size: 0.86em; }
.muted { color: var(--muted); }
.eyebrow {
  margin: 0;
  color: var(--muted);
  font-size: 0.78rem;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
.intro { color: var(--muted); max-width: 60rem; }
.stats {
  display: flex;
  flex-wrap: wrap;
  gap: 0.75rem;
  list-style: none;
  margin: 1.2rem 0 0;
  padding: 0;
}
.stats li {
  flex: 1 1 8rem;
  min-width: 8rem;
  padding: 0.6rem 0.85rem;
  border: 1px solid var(--border);
  border-radius: 8px;
  background: var(--subtle);
}
.stats .value { display: block; font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.2; }
.stats .label { display: block; color: var(--muted); font-size: 0.8rem; }
.stats li.alert .value { color: var(--warn); }
nav.contents { margin: 1.2rem 0 0; font-size: 0.85rem; }
nav.contents ol { display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem; list-style: none; margin: 0; padding: 0; }
.card {
  margin: 0 0 1rem;
  padding: 1rem 1.15rem;
  border: 1px solid var(--border);
  border-radius: 8px;
  background: var(--bg);
}
.card.incident { border-left: 4px solid var(--warn); }
.card.cluster { border-left: 4px solid var(--lock); }
.card.window { border-left: 4px solid var(--warn); }
.id {
  display: inline-block;
  margin-right: 0.35rem;
  color: var(--muted);
  font-family: var(--mono);
  font-size: 0.82em;
  font-weight: 500;
}
dl.facts {
  display: grid;
  grid-template-columns: minmax(7rem, max-content) minmax(0, 1fr);
  gap: 0.3rem 1.1rem;
  margin: 0.4rem 0 0;
}
dl.facts dt { color: var(--muted); font-size: 0.88rem; padding-top: 0.08rem; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.verdict {
  display: inline-block;
  padding: 0.05rem 0.55rem;
  border-radius: 999px;
  font-family: var(--mono);
  font-size: 0.78rem;
  font-weight: 600;
  vertical-align: 0.1em;
}
.verdict.failover { background: var(--failover-bg); color: var(--failover-fg); }
.verdict.change { background: var(--change-bg); color: var(--change-fg); }
.table-wrap { margin: 0.8rem 0 0; overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 0.86rem; }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.82rem; padding: 0 0 0.3rem; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--subtle); border-bottom: 1px solid var(--border); font-weight: 600; white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
td .holder, td .hash { font-family: var(--mono); font-size: 0.9em; }
td .holder { color: var(--muted); }
td .hash { display: inline-block; width: 32ch; max-width: 100%; word-break: break-all; }
td.lock { min-width: 9rem; }
td.host { min-width: 10rem; }
td.holder-cell { min-width: 12rem; }
td.elected { min-width: 7.5rem; font-variant-numeric: tabular-nums; }
td.path { min-width: 13rem; }
td.format { min-width: 8rem; }
td.lines { min-width: 10rem; }
.host { overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.none { color: var(--muted); }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0.4rem 1.5rem; }
.share { display: inline-flex; align-items: center; gap: 0.5rem; }
.share svg { width: 5rem; height: 0.5rem; flex: none; }
.share-track { fill: var(--rule); }
.share-fill { fill: var(--warn); }
figure.timeline-figure { margin: 0 0 1rem; padding: 1rem 1rem 0.6rem; border: 1px solid var(--border); border-radius: 8px; }
svg.timeline { display: block; width: 100%; height: auto; }
svg.timeline text { font-family: var(--sans); fill: var(--fg); }
.tl-label { font-size: 12px; }
.tl-group { font-size: 11px; font-weight: 650; letter-spacing: 0.04em; text-transform: uppercase; }
svg.timeline .tl-group, svg.timeline .tl-tick, svg.timeline .tl-date, svg.timeline .tl-axis-title { fill: var(--muted); }
.tl-tick, .tl-axis-title { font-size: 11px; font-variant-numeric: tabular-nums; }
.tl-date { font-size: 10px; }
.tl-axis-title { font-weight: 650; }
.tl-note { font-size: 11px; }
svg.timeline .tl-note { fill: var(--muted); }
.tl-incident-label { font-size: 11px; font-weight: 600; }
.tl-stripe { fill: var(--subtle); }
.tl-grid { stroke: var(--rule); stroke-width: 1; }
.tl-axis { stroke: var(--muted); stroke-width: 1; }
.tl-incident { fill: var(--incident); stroke: var(--incident-edge); stroke-width: 1; stroke-dasharray: 3 3; }
.lane-lock .tl-solid { fill: var(--lock); }
.lane-lock .tl-pale { fill: var(--lock-pale); }
.lane-lock .tl-whisker { stroke: var(--lock); }
.lane-reason .tl-solid { fill: var(--warn); }
.lane-reason .tl-pale { fill: var(--warn-pale); }
.lane-reason .tl-whisker { stroke: var(--warn); }
.tl-whisker { fill: none; stroke-width: 1.2; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.4rem; margin: 0.6rem 0 0; padding: 0; list-style: none; color: var(--muted); font-size: 0.82rem; }
.legend li { display: inline-flex; align-items: center; gap: 0.45rem; }
.legend svg { width: 28px; height: 14px; flex: none; }
figcaption { margin-top: 0.5rem; color: var(--muted); font-size: 0.82rem; }
pre {
  margin: 0.5rem 0 0;
  padding: 0.75rem 0.9rem;
  border: 1px solid var(--border);
  border-radius: 6px;
  background: var(--code-bg);
  line-height: 1.5;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  tab-size: 4;
}
pre.evidence { font-size: 0.78rem; }
.ev { display: block; padding-left: 4ch; text-indent: -4ch; }
.ev-at { color: var(--accent); }
.more { color: var(--muted); font-size: 0.86rem; }
pre.support { font-size: 0.86rem; border-left: 4px solid var(--accent); }
ul.caveats, ul.unreadable { padding-left: 1.2rem; }
ul.caveats li, ul.unreadable li { margin: 0.3rem 0; }
footer { margin-top: 3rem; padding-top: 0.8rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.8rem; }
@media (max-width: 40rem) {
  body { padding: 1rem 0.8rem 2rem; font-size: 14px; }
  dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0 0; }
  dl.facts dd { margin-bottom: 0.4rem; }
  figure.timeline-figure { overflow-x: auto; }
  svg.timeline { min-width: 45rem; }
}
@media print {
  :root { color-scheme: light; }
  @page { margin: 14mm 12mm; }
  html, body { background: #ffffff; color: #000000; }
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.4; }
  nav.contents { display: none; }
  a { color: inherit; }
  h2 { margin-top: 1.4rem; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  section, article, figure, .card, pre, tr, dl.facts, .stats li { break-inside: avoid; page-break-inside: avoid; }
  section.flow { break-inside: auto; page-break-inside: auto; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  .card, .stats li, figure.timeline-figure, pre { border-color: #999999; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
