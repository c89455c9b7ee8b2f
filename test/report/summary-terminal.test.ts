// The terminal summary: 80 columns, UTC and the display zone, no escape sequence from an input
// ever reaching the terminal, colour only when asked.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.js';
import type { InputSummary } from '../../src/model/input-summary.js';
import { renderSummary } from '../../src/report/summary-terminal.js';
import { ansiStyles, plainStyles, wrapText } from '../../src/report/terminal-text.js';
import { fixture, parseText } from '../helpers/parse-text.js';
import { election, minutesAfter, warning } from '../helpers/records.js';

const input = (path: string): InputSummary => ({
  path,
  size: 1,
  sha256: '0'.repeat(64),
  gzip: false,
  encoding: 'utf-8',
  crlf: false,
  ansi: false,
  format: 'kubectl-text',
  shapes: ['kubectl-get-events'],
  regions: [{ from: 1, to: 8, format: 'kubectl-text', shapes: ['kubectl-get-events'] }],
  captures: [],
  accounting: { total: 8, record: 8, header: 0, structure: 0, blank: 0, skipped: 0, skippedByReason: {} },
});

const seed = () => analyze(parseText(fixture('seed/eks-failover.txt'), { capturedAt: '2024-11-05T06:02:00Z' }).records);
const width = (line: string) => [...line].length;

test('the seed incident fits 80 columns and names the fail-over, its locks and hosts', (t) => {
  const text = renderSummary({ analysis: seed(), inputs: [input('fixtures/seed/eks-failover.txt')], unreadable: [], zone: 'Asia/Seoul', styles: plainStyles });
  for (const line of text.split('\n')) t.true(width(line) <= 80, line);
  for (const piece of ['Control-plane fail-over: 6 locks', 're-elected on 2 hosts in', 'ap-northeast-2 within 2 min', '05:01:00–05:02:00 UTC', '14:01:00–14:02:00']) {
    t.true(text.includes(piece), piece);
  }
  for (const lock of ['lease/kube-scheduler', 'lease/cloud-controller-manager', 'configmap/eks-certificates-']) t.true(text.includes(lock), lock);
  t.regex(text, /region ap-northeast-2/u);
  t.false(text.includes('…'), 'nothing is cut off');
  t.false(text.includes('\u001b'), 'no colour without a terminal');
});

test('colour marks the fail-over only when the caller asks for it', (t) => {
  const text = renderSummary({ analysis: seed(), inputs: [], unreadable: [], zone: 'UTC', styles: ansiStyles });
  t.true(text.includes('\u001b[31mControl-plane fail-over\u001b[39m'));
});

test('escape sequences in inputs never reach the terminal', (t) => {
  const evil = '\u001b]0;pwned\u0007\u001b[2J\u001b[31mhost';
  const records = [
    election(`Lease/kube-scheduler\u001b[1m`, `${evil}_00000001-2657-4180-ba3c-a2d39f55f3dd`, minutesAfter(0)),
    election('Lease/kube-controller-manager', `${evil}_00000002-2657-4180-ba3c-a2d39f55f3dd`, minutesAfter(0.1)),
    warning(`Back\u001b[5mOff`, `pod\u009b6n`, minutesAfter(1)),
  ];
  const text = renderSummary({ analysis: analyze(records), inputs: [input(`evil\u001b[8m.txt`)], unreadable: [{ path: 'x\u001b[2J', reason: 'binary' }], zone: 'UTC', styles: plainStyles });
  t.false(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u.test(text));
  t.true(text.includes('^[]0;pwned'));
});

test('wrapping breaks long names at their separators and keeps every character', (t) => {
  const name = 'lease/cloud-provider-extraction-migration in kube-system';
  const wrapped = wrapText(name, 20);
  t.true(wrapped.split('\n').every((line) => line.length <= 20));
  t.is(wrapped.replace(/\n/gu, '').replace(/ /gu, ''), name.replace(/ /gu, ''));
});
