// The HTML report in a real browser (Chromium, driven by playwright-core): hostile event messages
// stay text, nothing runs, nothing is fetched, the stylesheet applies (its CSP hash is right), and
// the report is readable in light, dark and print. Without a chromium (test/helpers/chromium.ts)
// these tests are skipped, and said so once; under CI=true (.ci/run installs chromium) they fail.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { ReportSchema, type Report } from '../../src/report/report-model.js';
import { chromiumArgs, findChromium, installHint, isCi } from '../helpers/chromium.js';
import { runCommand } from '../helpers/run-cli.js';

const lookup = findChromium(process.env);
const required = isCi(process.env);
if (!lookup.found && !required) {
  console.warn(`\n  The browser tests (test/report/browser.test.ts) are skipped: ${lookup.why}.\n  To run them, ${installHint}.\n`);
}
const browserTest = lookup.found || required ? test : test.skip;

let browser: Browser | null = null;

test.before(async () => {
  if (lookup.found) browser = await chromium.launch({ executablePath: lookup.path, args: chromiumArgs, headless: true });
});

test.after.always(async () => {
  await browser?.close();
});

function launched(): Browser {
  if (!browser) throw new Error(`CI=true and no browser for the browser tests: ${lookup.found ? 'it did not start' : lookup.why}; ${installHint}`);
  return browser;
}

const img = `<img src=x onerror="document.title='pwned'">`;
const style = `</style><script>document.title='pwned'</script>`;
const svg = '"><svg onload=alert(1)>';

/** Writes hostile kubectl output into a fresh directory and reports on it with the built CLI: the HTML and the model. */
async function hostileReport(): Promise<{ html: string; path: string; report: Report }> {
  const inputs = mkdtempSync(join(tmpdir(), 'kp-browser-in-'));
  const out = mkdtempSync(join(tmpdir(), 'kp-browser-out-'));
  const row = (namespace: string, age: string, type: string, reason: string, object: string, message: string) =>
    `${namespace.padEnd(14)}${age.padEnd(12)}${type.padEnd(10)}${reason.padEnd(20)}${object.padEnd(52)}${message}`;
  writeFileSync(
    join(inputs, `${img.replace(/\//gu, '_')}.txt`),
    [
      'NAMESPACE     LAST SEEN   TYPE      REASON              OBJECT                                              MESSAGE',
      row('kube-system', '10m', 'Normal', 'LeaderElection', 'Lease/kube-controller-manager', 'ip-10-0-57-94.us-west-2.compute.internal_6b1075f5-1057-4221-9f0e-2434d91f4eac became leader'),
      row('kube-system', '10m', 'Normal', 'LeaderElection', 'Lease/kube-scheduler', 'ip-10-0-57-94.us-west-2.compute.internal_735b162b-c329-4d6a-a494-52d3de58af87 became leader'),
      row('default', '9m', 'Warning', 'BackOff', 'pod/web-1', img),
      row('default', '9m', 'Warning', 'BackOff', 'pod/web-2', style),
      row('default', '8m', 'Warning', 'Unhealthy', 'pod/web-3', `${svg} javascript:alert(1)`),
      '',
    ].join('\n'),
  );
  const run = await runCommand(['report', inputs, '--captured-at', '2024-06-12T10:30:00Z', '--format', 'html', '--format', 'json', '--out', out], {
    env: { SOURCE_DATE_EPOCH: '1733000000' },
  });
  if (run.code !== 0) throw new Error(`report exited ${run.code}: ${run.stderr}`);
  const files = readdirSync(out);
  const html = files.find((name) => name.endsWith('.html'));
  const json = files.find((name) => name.endsWith('.json'));
  if (!html || !json) throw new Error(`report wrote ${files.join(', ')}`);
  return {
    html: readFileSync(join(out, html), 'utf8'),
    path: join(out, html),
    report: ReportSchema.parse(JSON.parse(readFileSync(join(out, json), 'utf8'))),
  };
}

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
  requests: string[];
  close: () => Promise<void>;
}

/** Opens a file with every dialog, console error, page error and request recorded. */
async function open(path: string, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await launched().newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const watched: Watched = { page, dialogs: [], errors: [], requests: [], close: () => context.close() };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('request', (request) => watched.requests.push(request.url()));
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return watched;
}

const settle = (page: Page) => page.waitForTimeout(300);

for (const bypassCSP of [false, true]) {
  browserTest(`hostile event messages stay text${bypassCSP ? ', even with the CSP bypassed (escaping alone)' : ' (escaping and CSP)'}`, async (t) => {
    const { path, report } = await hostileReport();
    const { page, dialogs, errors, requests, close } = await open(path, { bypassCSP });
    try {
      await settle(page);
      t.is(await page.title(), report.title);
      t.not(await page.title(), 'pwned');
      t.deepEqual(dialogs, []);
      t.deepEqual(errors, [], 'no console error: no blocked script, no refused style');
      t.deepEqual(requests, [pathToFileURL(path).href], 'nothing but the file itself was requested');
      t.is(await page.evaluate('document.querySelectorAll("script, img, iframe, object, embed, link, base, form, input").length'), 0);
      t.is(await page.evaluate('document.querySelectorAll("svg").length'), await page.evaluate('document.querySelectorAll("svg.timeline, .legend svg, .share svg").length'));
      const text = String(await page.evaluate('document.body.innerText'));
      for (const literal of [img, style, svg, 'javascript:alert(1)']) t.true(text.includes(literal), literal);
      t.true(text.includes('ip-10-0-57-94.us-west-2.compute.internal'), 'a host name');
      t.true(text.includes('3 Warning events'), 'the Warning count');
      t.is(await page.locator('.stats li').first().innerText(), `${report.incidents.length}\nincident${report.incidents.length === 1 ? '' : 's'}`);
      t.true(text.includes(`${img.replace(/\//gu, '_')}.txt:4`), 'the hostile file name, with its line');
    } finally {
      await close();
    }
  });
}

browserTest('the reference report: styled by its hashed stylesheet, key numbers visible, no overflow, light and dark', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'kp-browser-ref-'));
  const run = await runCommand(['report', 'fixtures/reference', '--captured-at', '2024-06-12T10:48:30Z', '--tz', 'America/Los_Angeles', '--format', 'html', '--out', out], {
    env: { SOURCE_DATE_EPOCH: '1733000000' },
  });
  t.is(run.code, 0, run.stderr);
  const path = join(out, readdirSync(out).find((name) => name.endsWith('.html'))!);
  const shots = process.env.REPORT_SCREENSHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  const backgrounds: Record<string, string> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, dialogs, errors, requests, close } = await open(path, { colorScheme });
    try {
      await settle(page);
      t.deepEqual(errors, []);
      t.deepEqual(dialogs, []);
      t.is(requests.length, 1);
      // The stylesheet applied: the CSP allowed it by its hash.
      t.is(await page.evaluate('getComputedStyle(document.body).maxWidth'), '1184px');
      t.regex(String(await page.evaluate('getComputedStyle(document.querySelector("pre.evidence")).fontFamily')), /monospace/u);
      backgrounds[colorScheme] = String(await page.evaluate('getComputedStyle(document.body).backgroundColor'));
      t.true(Number(await page.evaluate('document.documentElement.scrollWidth')) <= 1280, 'nothing wider than the window');
      const text = String(await page.evaluate('document.body.innerText'));
      for (const expected of ['2\nincidents', '12\nWarning events', '12\nevents read', 'ip-10-0-142-31.us-west-2.compute.internal', '2024-06-12 10:21:40–10:48:27 UTC', 'and 44 more lines.']) {
        t.true(text.includes(expected), expected);
      }
      t.is(await page.locator('svg.timeline g.lane-lock').count(), 4);
      t.is(await page.locator('svg.timeline g.lane-reason').count(), 2);
      const box = await page.locator('svg.timeline').boundingBox();
      t.true(box !== null && box.width > 800 && box.height > 200, 'the timeline is drawn at a readable size');
      if (shots) await page.screenshot({ path: join(shots, `report-${colorScheme}.png`), fullPage: true });
    } finally {
      await close();
    }
  }
  t.is(backgrounds.light, 'rgb(255, 255, 255)');
  t.is(backgrounds.dark, 'rgb(15, 20, 25)');

  // On paper: light even when the screen prefers dark, and it prints to PDF.
  const { page, close } = await open(path, { colorScheme: 'dark' });
  try {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    t.is(await page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(255, 255, 255)');
    t.is(await page.evaluate('getComputedStyle(document.querySelector("nav.contents")).display'), 'none');
    const pdf = await page.pdf({ format: 'A4' });
    t.is(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    if (shots) writeFileSync(join(shots, 'report.pdf'), pdf);
  } finally {
    await close();
  }
});
