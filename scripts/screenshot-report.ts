// Renders reports/<seed report>.html in headless chromium and saves the picture the README
// shows. Run after `npm start`: `node --import tsx scripts/screenshot-report.ts`.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium, installHint } from '../test/helpers/chromium.js';

const html = readdirSync('reports').find((name) => /^incident-20241105T0501Z-.*\.html$/u.test(name));
if (!html) throw new Error('no seed report in reports/: run npm start first');
const lookup = findChromium(process.env);
if (!lookup.found) throw new Error(`${lookup.why}: ${installHint}`);
const browser = await chromium.launch({ executablePath: lookup.path, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } });
await page.goto(`file://${resolve('reports', html)}`);
await page.screenshot({ path: 'reports/screenshot-seed-report.png', fullPage: false });
await browser.close();
console.log('wrote reports/screenshot-seed-report.png');
