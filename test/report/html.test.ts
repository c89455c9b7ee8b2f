// The self-contained HTML report: its structure (CSP, no script, no network, one timeline lane
// per lock), its sections in the Markdown's order, its stylesheet allowed by hash, and hostile
// strings from every field of the report model appearing only as escaped text. HTML is checked
// with a strict tag scan instead of a parser dependency: every `<` in the document must open a
// tag from a short allow-list with allowed attributes, so any `<` that came from an input
// unescaped fails the scan.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { contentSecurityPolicy, renderHtml } from '../../src/report/html.js';
import { htmlAttribute, htmlText } from '../../src/report/html-text.js';
import { renderers } from '../../src/report/renderers.js';
import { ReportSchema, type Report } from '../../src/report/report-model.js';
import { runCommand } from '../helpers/run-cli.js';

const env = { SOURCE_DATE_EPOCH: '1733000000' };
const reference = ['fixtures/reference', '--captured-at', '2024-06-12T10:48:30Z', '--tz', 'America/Los_Angeles'];
const seed = ['fixtures/seed/eks-failover.txt', '--captured-at', '2024-11-05T06:02:00Z', '--tz', 'Asia/Seoul', '--cluster', 'prod-apne2'];

async function report(args: string[], format: 'html' | 'md' | 'json'): Promise<string> {
  const run = await runCommand(['report', ...args, '--stdout', '--format', format], { env });
  if (run.code !== 0) throw new Error(`report exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

// ---- a strict scan of the document's tags ----

const allowedTags = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'nav', 'section', 'article',
  'h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'span', 'a', 'code', 'pre', 'br', 'wbr', 'div',
  'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption',
  'svg', 'g', 'rect', 'path', 'line', 'text', 'desc',
]);
const allowedAttributes = new Set([
  'lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id', 'href', 'title', 'role', 'aria-label', 'aria-labelledby', 'aria-hidden',
  'viewBox', 'preserveAspectRatio', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'rx', 'd', 'text-anchor',
]);

interface Tag {
  name: string;
  closing: boolean;
  attributes: [string, string][];
}

/** Every tag of the document, failing on any `<` that does not open a well-formed allowed tag. */
function scanTags(html: string): { tags: Tag[]; problems: string[] } {
  const tags: Tag[] = [];
  const problems: string[] = [];
  const style = /<style>([^<]*)<\/style>/u.exec(html);
  if (!style) problems.push('no <style> element whose content is free of "<"');
  const body = style ? html.replace(style[0], '<style></style>') : html;
  const tagPattern = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*(?:="[^"<>]*")?)*)\s*\/?>/u;
  for (let at = body.indexOf('<'); at !== -1; at = body.indexOf('<', at + 1)) {
    const rest = body.slice(at);
    if (rest.startsWith('<!DOCTYPE html>')) continue;
    const match = tagPattern.exec(rest);
    if (!match) {
      problems.push(`a "<" that opens no tag: ${JSON.stringify(rest.slice(0, 60))}`);
      continue;
    }
    const [, closing, name, attributeText] = match as unknown as [string, string, string, string];
    const attributes = [...attributeText.matchAll(/([a-zA-Z][a-zA-Z0-9:-]*)(?:="([^"]*)")?/gu)].map((attribute): [string, string] => [attribute[1]!, attribute[2] ?? '']);
    if (!allowedTags.has(name)) problems.push(`tag <${name}>`);
    for (const [attribute] of attributes) {
      if (!allowedAttributes.has(attribute)) problems.push(`attribute ${attribute} on <${name}>`);
      if (/^on/iu.test(attribute)) problems.push(`event handler ${attribute} on <${name}>`);
    }
    tags.push({ name, closing: closing === '/', attributes });
  }
  return { tags, problems };
}

/** The text a reader sees (tags dropped, entities decoded), to find input strings in literally. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[^<]*<\/style>/u, '')
    .replace(/<wbr>/gu, '')
    .replace(/<[^>]*>/gu, '')
    .replace(/&(lt|gt|quot|#39|amp);/gu, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[entity]!);
}

function assertStructure(t: import('ava').ExecutionContext, html: string): Tag[] {
  const { tags, problems } = scanTags(html);
  t.deepEqual(problems, []);
  t.true(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'), 'charset first in <head>');
  const head = /<head>([\s\S]*)<\/head>/u.exec(html)?.[1] ?? '';
  t.is((head.match(/<style>/gu) ?? []).length, 1, 'one stylesheet');
  t.is((head.match(/<title>/gu) ?? []).length, 1, 'one document title');
  t.is(tags.filter((tag) => tag.name === 'style').length, 2, 'no other stylesheet');
  t.is(tags.filter((tag) => tag.name === 'title' && !tag.closing).length, tags.filter((tag) => tag.name === 'title' && tag.closing).length, 'every title closes once');
  t.false(/<script/iu.test(html));
  t.false(/https?:|\/\/[a-z]|url\(|@import/iu.test(html.replace(/<style>[^<]*<\/style>/u, '').replace(/>[^<]*</gu, '><')), 'no URL in any tag');
  t.false(/https?:|url\(|@import/iu.test(/<style>([^<]*)<\/style>/u.exec(html)![1]!), 'no URL in the stylesheet');
  const ids = new Set(tags.flatMap((tag) => tag.attributes.filter(([name]) => name === 'id').map(([, value]) => value)));
  for (const tag of tags) {
    for (const [name, value] of tag.attributes) {
      if (name === 'href') {
        t.regex(value, /^#[a-z]+(?:-[a-z0-9]+)*$/u, 'links are in-page anchors');
        t.true(ids.has(value.slice(1)), `${value} exists`);
      }
    }
  }
  return tags;
}

// ---- the reference report ----

test('the reference report: CSP, charset, viewport, colour schemes; no script, handler or URL', async (t) => {
  const html = await report(reference, 'html');
  assertStructure(t, html);
  t.true(html.includes(`<meta http-equiv="Content-Security-Policy" content="${htmlAttribute(contentSecurityPolicy)}">`));
  t.regex(contentSecurityPolicy, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; base-uri 'none'; form-action 'none'$/u);
  t.false(contentSecurityPolicy.includes('script-src'));
  t.false(contentSecurityPolicy.includes('unsafe'));
  t.true(html.includes('<meta name="viewport" content="width=device-width, initial-scale=1">'));
  t.true(html.includes('<meta name="color-scheme" content="light dark">'));
  t.false(/\son[a-z]+=/iu.test(html), 'no event-handler attributes (and no such text in this report)');
  t.false(/\sstyle=|\ssrc=/iu.test(html), 'no inline style attributes (the CSP would block them) and nothing loaded');
});

test('the stylesheet is allowed by its hash in the CSP, and has dark, print and wrapping rules', async (t) => {
  const html = await report(reference, 'html');
  const style = /<style>([^<]*)<\/style>/u.exec(html)![1]!;
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  t.true(contentSecurityPolicy.includes(`'sha256-${hash}'`));
  t.true(style.includes('@media screen and (prefers-color-scheme: dark)'));
  t.true(style.includes('@media print'));
  t.regex(style, /page-break-inside: avoid/u);
  t.regex(style, /overflow-wrap: anywhere/u);
  t.regex(style, /pre \{[^}]*white-space: pre-wrap/u);
});

test('the reference report: sections in the order of the Markdown, and its key facts', async (t) => {
  const [html, markdown, json] = await Promise.all([report(reference, 'html'), report(reference, 'md'), report(reference, 'json')]);
  const model = ReportSchema.parse(JSON.parse(json));
  const htmlHeadings = [...html.matchAll(/<h2>([^<]*)<\/h2>/gu)].map((match) => match[1]);
  const markdownHeadings = [...markdown.matchAll(/^## (.*)$/gmu)].map((match) => match[1]);
  t.deepEqual(htmlHeadings, markdownHeadings);
  t.deepEqual(htmlHeadings, ['Summary', 'Timeline', 'Leader-election clusters', 'Error windows', 'Evidence', 'Inputs', 'For the support case', 'Method and caveats']);
  t.true(html.includes(`<title>${htmlText(model.title)}</title>`));
  t.true(html.includes(`<h1>${htmlText(model.title)}</h1>`));

  const text = visibleText(html);
  t.true(html.includes('<span class="value">2</span><span class="label">incidents</span>'), 'the incident count');
  t.true(html.includes('<span class="value">12</span><span class="label">Warning events</span>'));
  t.true(html.includes('<span class="value">12</span><span class="label">events read</span>'));
  t.true(html.includes('<span class="value">6</span><span class="label">leader elections</span>'));
  for (const expected of [
    '2024-06-12 09:58:12–09:58:15 UTC',
    '2024-06-12 02:58:12–02:58:15 America/Los_Angeles',
    '2024-06-12 10:21:40–10:48:27 UTC',
    '45 s – 27 min',
    'ip-10-0-142-31.us-west-2.compute.internal',
    'pod/coredns-5b8cc885bc-7xk2p',
    '12 Warning events',
    'and 16 more lines.',
    'and 44 more lines.',
    '357966b71f7fa34ff2c80dd193d840231a37d346adb1c5329e6a344210cd2431',
    'fixtures/reference/kubectl-events-A.txt:2',
    '13 = 12 in records + 1 header',
    'Window to investigate: 2024-06-12T09:58:12.000Z to 2024-06-12T09:58:15.999Z (UTC)',
    'from --captured-at',
    'markdown 1',
    'prose 3',
  ]) {
    t.true(text.includes(expected), expected);
  }
  t.regex(html, /<td class="num">8<\/td><td><span class="share">.*<span>100%<\/span>/u);
  t.regex(html, /<td class="num">4<\/td><td><span class="share">.*<span>19%<\/span>/u);
  t.regex(html, /<pre class="evidence">/u);
  t.regex(html, /<pre class="support">Cluster: \(name it with --cluster\)\nRegion: us-west-2\n/u);
});

test('the timeline is inline SVG with one lane per lock and one per Warning reason, on a UTC axis', async (t) => {
  const html = await report(reference, 'html');
  const svg = /<svg class="timeline"[\s\S]*?<\/svg>/u.exec(html)?.[0];
  t.truthy(svg);
  const locks = [...svg!.matchAll(/<g class="lane lane-lock" aria-label="([^"]*)">/gu)].map((match) => match[1]);
  const reasons = [...svg!.matchAll(/<g class="lane lane-reason" aria-label="([^"]*)">/gu)].map((match) => match[1]);
  t.deepEqual(locks, ['lease/kube-controller-manager', 'lease/kube-scheduler', 'lease/cloud-controller-manager', 'lease/aws-load-balancer-controller-leader']);
  t.deepEqual(reasons, ['Unhealthy ×8', 'FailedScheduling ×4']);
  // Two elections of kube-controller-manager (09:58 and 10:22) are two marks in its one lane.
  const controllerLane = /<g class="lane lane-lock" aria-label="lease\/kube-controller-manager">([\s\S]*?)\n<\/g>\n<g class="lane/u.exec(svg!)![1]!;
  t.is([...controllerLane.matchAll(/<g class="tl-mark">/gu)].length, 2);
  // The Warning window is known only within wide spans: drawn as a pale band with whiskers.
  const unhealthy = /aria-label="Unhealthy ×8">([\s\S]*?)<\/g>\n(?:<g|<line|<text)/u.exec(svg!)![1]!;
  t.regex(unhealthy, /class="tl-pale"/u);
  t.regex(unhealthy, /class="tl-whisker"/u);
  t.regex(svg!, /<text class="tl-axis-title"[^>]*>UTC<\/text>/u);
  t.regex(svg!, /<text class="tl-tick"[^>]*>10:20<\/text>/u);
  t.regex(svg!, /<text class="tl-date"[^>]*>2024-06-12<\/text>/u);
  t.regex(svg!, /<text class="tl-incident-label"[^>]*>incident 2<\/text>/u);
});

test('the seed report\'s one-minute spans are drawn as spans, not points', async (t) => {
  const html = await report(seed, 'html');
  assertStructure(t, html);
  const svg = /<svg class="timeline"[\s\S]*?<\/svg>/u.exec(html)![0];
  t.is([...svg.matchAll(/<g class="lane lane-lock"/gu)].length, 8);
  t.is([...svg.matchAll(/<g class="lane lane-reason"/gu)].length, 0);
  t.is([...svg.matchAll(/class="tl-pale"/gu)].length, 8);
  t.is([...svg.matchAll(/class="tl-solid"/gu)].length, 0, 'no election is known to the second');
  t.true(visibleText(html).includes('Cluster: prod-apne2'));
});

test('the seed report is as reviewed (test/golden/seed-eks-failover.html)', async (t) => {
  const html = await report(seed, 'html');
  const golden = 'test/golden/seed-eks-failover.html';
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, html);
  t.is(html, readFileSync(golden, 'utf8'));
});

test('renderers.html is a pure function of the report', async (t) => {
  const model = ReportSchema.parse(JSON.parse(await report(reference, 'json')));
  const copy = structuredClone(model);
  t.is(renderers.html(model), renderers.html(copy));
  t.deepEqual(model, copy, 'the model is not changed');
  t.is(renderers.html(model), await report(reference, 'html'));
});

test('an empty report says so and still passes the scan', (t) => {
  const html = renderHtml(hostileReport({ empty: true }));
  assertStructure(t, html);
  t.true(visibleText(html).includes('No leader elections and no Warning events were found in the inputs.'));
  t.false(html.includes('<svg class="timeline"'));
});

// ---- hostile strings ----

const payloads = [
  `<img src=x onerror="document.title='pwned'">`,
  `</style><script>document.title='pwned'</script>`,
  `"><svg onload=alert(1)>`,
  'javascript:alert(1)',
  `</title><script>alert(1)</script>`,
  `' onmouseover='alert(1)' x='`,
  '<!-- comment --><![CDATA[x]]>',
  '&lt;already&gt; &amp; escaped',
];

/** A report in which every string the model holds is a hostile payload. */
function hostileReport({ empty = false } = {}): Report {
  let next = 0;
  const p = () => payloads[next++ % payloads.length]!;
  const span = (from: string, to: string) => ({ earliest: from, latest: to });
  const evidence = () => ({ lines: [{ at: `${p()}:1`, text: p() }, { at: `${p()}:2`, text: p() }], more: 3 });
  return ReportSchema.parse({
    schemaVersion: 1,
    tool: { name: 'kube-postmortem', version: p() },
    generatedAt: '2024-12-01T00:00:00.000Z',
    title: p(),
    cluster: p(),
    settings: { gapMs: 120000, correlateMs: 300000, ignoredReasons: [p(), p()], displayZone: 'Asia/Seoul', inputZone: p(), capturedAt: '2024-11-05T06:02:00.000Z' },
    inputs: [
      {
        path: p(),
        size: 10,
        sha256: p(),
        format: p(),
        shapes: [p()],
        encoding: p(),
        capturedAt: [span('2024-11-05T06:02:00.000Z', '2024-11-05T06:02:00.000Z')],
        capturedAtSource: ['option'],
        lines: { total: 3, record: 1, header: 1, structure: 0, blank: 0, skipped: 1, skippedByReason: { prose: 1 } },
      },
    ],
    unreadable: [{ path: p(), reason: p() }],
    events: { total: 5, duplicatesMerged: 1, untimed: 0 },
    incidents: empty
      ? []
      : [
          {
            id: p(),
            title: p(),
            start: span('2024-11-05T05:01:00.000Z', '2024-11-05T05:02:00.000Z'),
            end: span('2024-11-05T05:03:00.000Z', '2024-11-05T05:04:00.000Z'),
            durationMs: { shortest: 60000, longest: 180000 },
            leaderElectionClusters: [p()],
            errorWindows: [p()],
            what: p(),
            impact: p(),
            precision: p(),
          },
        ],
    leaderElectionClusters: empty
      ? []
      : [
          {
            id: p(),
            start: span('2024-11-05T05:01:00.000Z', '2024-11-05T05:02:00.000Z'),
            end: span('2024-11-05T05:02:00.000Z', '2024-11-05T05:03:00.000Z'),
            verdict: 'control-plane-failover',
            because: p(),
            hosts: [p(), p()],
            regions: [],
            regionUnknownBecause: p(),
            locks: [0, 1, 2].map(() => ({
              kind: p(),
              name: p(),
              namespace: p(),
              holder: p(),
              host: p(),
              region: p(),
              previousHost: p(),
              elections: 2,
              elected: span('2024-11-05T05:01:00.000Z', '2024-11-05T05:02:00.000Z'),
            })),
            evidence: evidence(),
          },
        ],
    errorWindows: empty
      ? []
      : [
          {
            id: p(),
            start: span('2024-11-05T05:01:30.000Z', '2024-11-05T05:01:31.000Z'),
            end: span('2024-11-05T05:03:00.000Z', '2024-11-05T05:03:30.000Z'),
            occurrences: 7,
            reasons: payloads.slice(0, 4).map((reason) => ({ reason, count: 1, share: 0.5 })),
            namespaces: [{ name: p(), count: 3 }],
            objects: payloads.map((name) => ({ name, count: 1 })),
            outage: {
              lastSuccessBefore: null,
              firstFailure: span('2024-11-05T05:01:30.000Z', '2024-11-05T05:01:31.000Z'),
              lastFailure: span('2024-11-05T05:02:30.000Z', '2024-11-05T05:02:31.000Z'),
              firstSuccessAfter: null,
              failedSamples: 3,
              intervalMs: 1000,
              summary: p(),
            },
            evidence: evidence(),
          },
        ],
    supportCase: empty ? null : { cluster: p(), region: p(), window: span('2024-11-05T05:01:00.000Z', '2024-11-05T05:04:00.000Z'), observed: p(), question: p() },
    caveats: payloads,
  });
}

test('hostile strings in every field of the model appear only as escaped text', (t) => {
  const model = hostileReport();
  const html = renderHtml(model);
  const tags = assertStructure(t, html);
  t.is((html.match(/<\/style>/gu) ?? []).length, 1, 'the stylesheet closes once');
  t.is((html.match(/<title[\s>]/gu) ?? []).length, (html.match(/<\/title>/gu) ?? []).length, 'no title closes early');
  t.is(tags.filter((tag) => tag.name === 'svg' && !tag.closing).length, 1 + 4 + 4, 'the timeline, the legend swatches, the share bars: no svg from the payload');
  t.false(html.includes('<img') || html.includes('<svg onload') || html.includes('<![CDATA[') || html.includes('<!--'));
  for (const [, value] of tags.flatMap((tag) => tag.attributes)) t.false(/[<>"]/u.test(value), value);
  // Every payload is there for the reader, literally, in the text.
  const text = visibleText(html);
  for (const payload of payloads) t.true(text.includes(payload), payload);
  t.true(html.includes(`<title>${htmlText(model.title)}</title>`), 'the title escaped');
  t.true(model.title.includes('<'), 'and the title is a hostile one');
});

test('the timeline\'s SVG text and lane labels escape hostile lock names and reasons', (t) => {
  const html = renderHtml(hostileReport());
  const svg = /<svg class="timeline"[\s\S]*?<\/svg>/u.exec(html)![0];
  t.is([...svg.matchAll(/<g class="lane lane-lock" aria-label="/gu)].length, 3);
  t.is([...svg.matchAll(/<g class="lane lane-reason" aria-label="/gu)].length, 4);
  t.true(svg.includes(`aria-label="${htmlAttribute(`${payloads[0]!} ×1`)}"`));
  t.true(svg.includes(htmlText(`${payloads[3]!} ×1`)));
  t.false(/<text[^>]*>[^<]*"><svg/u.test(svg));
});

test('escape functions: text escapes markup, attributes also both quotes; controls and bidi overrides are replaced', (t) => {
  t.is(htmlText(`<a href="x">&'`), `&lt;a href="x"&gt;&amp;'`);
  t.is(htmlAttribute(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  t.is(htmlText('a\u0000b\u001bc\u202ed\u2066e'), 'a\ufffdb\ufffdc\ufffdd\ufffde');
  t.is(htmlText('tab\tnewline\n'), 'tab\tnewline\n');
  t.is(htmlText('\ud800 lone, 😀 pair'), '\ufffd lone, 😀 pair');
});

// ---- the whole pipeline, from hostile files ----

test('a report built by the CLI from hostile input files escapes names, reasons, hosts, messages and paths', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-html-'));
  const img = `<img src=x onerror="document.title='pwned'">`;
  const style = `</style><script>document.title='pwned'</script>`;
  const svg = '"><svg onload=alert(1)>';
  const header = 'NAMESPACE     LAST SEEN   TYPE      REASON              OBJECT                                              MESSAGE';
  const row = (namespace: string, age: string, type: string, reason: string, object: string, message: string) =>
    `${namespace.padEnd(14)}${age.padEnd(12)}${type.padEnd(10)}${reason.padEnd(20)}${object.padEnd(52)}${message}`;
  writeFileSync(
    join(dir, '<img src=x onerror=alert(1)>.txt'),
    [
      header,
      row('kube-system', '10m', 'Normal', 'LeaderElection', 'Lease/kube-controller-manager', '<img/src=x/onerror=alert(1)>_6b1075f5-1057-4221-9f0e-2434d91f4eac became leader'),
      row('kube-system', '10m', 'Normal', 'LeaderElection', 'Lease/kube-scheduler', '<img/src=x/onerror=alert(1)>_735b162b-c329-4d6a-a494-52d3de58af87 became leader'),
      row('default', '9m', 'Warning', 'BackOff', 'pod/web-1', img),
      row('default', '9m', 'Warning', 'BackOff', 'pod/web-2', style),
      '',
    ].join('\n'),
  );
  const event = (namespace: string, reason: string, type: string, kind: string, name: string, message: string, at: string, index: number) => ({
    apiVersion: 'v1',
    kind: 'Event',
    count: 1,
    eventTime: null,
    firstTimestamp: at,
    lastTimestamp: at,
    involvedObject: { apiVersion: 'v1', kind, name, namespace },
    message,
    metadata: { name: `event.${index}`, namespace, uid: `uid-${index}`, creationTimestamp: at },
    reason,
    source: { component: 'kubelet', host: svg },
    type,
  });
  writeFileSync(
    join(dir, `${svg}.json`),
    JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        metadata: { resourceVersion: '' },
        items: [
          event(style, img, 'Warning', 'Pod', svg, img, '2024-06-12T10:20:00Z', 0),
          event(svg, 'javascript:alert(1)', 'Warning', 'Pod', style, style, '2024-06-12T10:20:30Z', 1),
          event('kube-system', 'LeaderElection', 'Normal', 'Lease', 'javascript:alert(1)', '"><svg/onload=alert(1)>_1f0c1c8e-7d2a-4b6e-9c3f-8a5d2e1b4c70 became leader', '2024-06-12T10:21:00Z', 2),
        ],
      },
      null,
      4,
    ),
  );
  const html = await report([dir, '--captured-at', '2024-06-12T10:30:00Z', '--cluster', `</title><script>document.title='pwned'</script>`], 'html');
  assertStructure(t, html);
  const text = visibleText(html);
  for (const literal of [
    img,
    style,
    svg,
    '<img/src=x/onerror=alert(1)>',
    `pod/${svg}`,
    `pod/${style}`,
    'lease/javascript:alert(1)',
    `${dir}/<img src=x onerror=alert(1)>.txt:4`,
    `${dir}/${svg}.json`,
    `</title><script>document.title='pwned'</script>`,
  ]) {
    t.true(text.includes(literal), literal);
  }
  const svgTimeline = /<svg class="timeline"[\s\S]*?<\/svg>/u.exec(html)![0];
  t.is([...svgTimeline.matchAll(/<g class="lane lane-lock"/gu)].length, 3);
  t.true(svgTimeline.includes(`aria-label="${htmlAttribute(`${img} ×1`)}"`));
});
