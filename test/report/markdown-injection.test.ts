// Hostile strings from inputs must not change the structure of the Markdown report: no extra
// table cells, no links, no HTML, no fence that closes early.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { codeBlock, markdownText } from '../../src/report/markdown-text.js';
import { election, minutesAfter, warning } from '../helpers/records.js';

const payloads = [
  'a | b | c',
  '`code` and ``` fence',
  '[click](javascript:alert(1))',
  '![img](http://evil.example/x.png)',
  '<img src=x onerror=alert(1)>',
  '</style><script>alert(1)</script>',
  'line one\nline two\r\n| injected | row |',
  'see https://evil.example and www.evil.example or me@evil.example',
  '**bold** _it_ ~~strike~~ # heading',
  '&lt;b&gt; entity',
];

const literal = (character: string) => character.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const unescaped = (text: string, character: string) => [...text.matchAll(new RegExp(`(?<!\\\\)${literal(character)}`, 'gu'))].length;

test('markdownText leaves no construct: links, HTML, emphasis, pipes, autolinks', (t) => {
  for (const payload of payloads) {
    const text = markdownText(payload);
    t.false(text.includes('\n'), payload);
    for (const character of ['|', '[', ']', '<', '>', '`', '*', '_', '!', '&']) t.is(unescaped(text, character), 0, `${payload} ${character}`);
    t.false(/https?:\/\/|www\.|@[a-z]/iu.test(text), payload);
  }
});

test('a code block fence is longer than any backtick run inside it', (t) => {
  const block = codeBlock(['a ```` b', 'c']);
  t.true(block.startsWith('`````text\n'));
  t.true(block.endsWith('\n`````'));
});

test('a report built from hostile inputs keeps every table row to its columns', (t) => {
  const records = payloads.flatMap((payload, index) => [
    warning(payload, `pod-${index}|x`, minutesAfter(index * 0.1)),
    election(`Lease/${payload}`, `${payload.replace(/\s/gu, '-')}_0000000${index}-2657-4180-ba3c-a2d39f55f3dd`, minutesAfter(index * 0.1)),
  ]);
  const report = buildReport({
    analysis: analyze(records),
    inputs: [],
    unreadable: [{ path: 'evil|path.txt', reason: payloads[2]! }],
    evidence: new Map(),
    settings: { gap: 120_000, correlate: 300_000, ignoredReasons: [], displayZone: 'UTC', inputZone: 'UTC', capturedAt: null },
    title: payloads[6]!,
    cluster: payloads[0]!,
    generatedAt: Date.parse('2024-12-01T00:00:00Z'),
    version: 'test',
  });
  const markdown = renderMarkdown(report);
  let columns = 0;
  let inFence: string | null = null;
  for (const line of markdown.split('\n')) {
    const fence = /^(`{3,})/u.exec(line)?.[1];
    if (fence && (inFence === null || fence === inFence)) {
      inFence = inFence === null ? fence : null;
      continue;
    }
    if (inFence) continue;
    t.false(/(?<!\\)\]\(/u.test(line), line);
    t.false(/(?<!\\)</u.test(line.replace(/<br>/gu, '')), line);
    if (line.startsWith('| ---')) columns = unescaped(line, '|');
    else if (line.startsWith('| ')) t.true(columns === 0 || unescaped(line, '|') === columns, line);
    else if (line === '') columns = 0;
  }
  t.is(inFence, null, 'every fence closes');
});
