// `kube-postmortem record`'s probes.ndjson: a real recording read back into probe records, every
// line accounted for, and detection that wins over json-events.
import test from 'ava';
import { inputFormats } from '../../src/formats/index.js';
import { probeSamples } from '../../src/formats/probe-samples.js';
import { accountingOf } from '../../src/formats/text/line-ledger.js';
import { splitLines } from '../../src/inputs/index.js';
import type { ProbeRecord } from '../../src/model/probe-record.js';
import { formatLine, type ProbeSampleLine } from '../../src/record/probe-line.js';
import { at, fixture, mtime, skippedLines } from '../helpers/parse-text.js';

const sample = 'record/sample-run/probes.ndjson';

function parse(text: string) {
  const { lines } = splitLines(text);
  const result = probeSamples.parse(lines, {
    path: 'probes.ndjson',
    inputZone: 'UTC',
    capturedAt: null,
    fallbackAnchor: { at: { earliest: mtime, latest: mtime }, origin: 'file-mtime' },
  });
  const probes = result.records.filter((record): record is ProbeRecord => record.kind === 'probe');
  return { ...result, probes, accounting: accountingOf(result.lineClasses), lines };
}

const exact = (iso: string) => ({ earliest: at(iso), latest: at(iso) });

const line = (fields: Partial<ProbeSampleLine>): string =>
  formatLine({ kind: 'probe-sample', at: '2024-11-05T05:00:00.000Z', durationMs: 40, exitCode: 0, ok: true, errorClass: null, stderr: '', command: ['kubectl', 'get', '--raw', '/readyz'], ...fields });

test('a real recording: every sample a probe record at its exact start, failed captures skipped with a reason', (t) => {
  const { probes, records, accounting, lineClasses, shapes, diagnostics } = parse(fixture(sample));
  t.is(records.length, probes.length);
  t.is(probes.length, 15);
  t.deepEqual(shapes, ['kube-postmortem-probes-ndjson']);
  t.deepEqual(accounting, { total: 17, record: 15, header: 0, structure: 0, blank: 0, skipped: 2, skippedByReason: { 'kubectl-message': 2 } });
  t.deepEqual(skippedLines(lineClasses), { 5: 'kubectl-message', 11: 'kubectl-message' });
  t.like(lineClasses[4], { detail: 'events capture failed at 2026-11-25T16:51:58.627Z (connection-refused): no events saved' });
  t.deepEqual(diagnostics, [
    { severity: 'info', code: 'events-capture-failed', message: '2 events captures failed (first at 2026-11-25T16:51:58.627Z); no events were saved then', path: 'probes.ndjson' },
  ]);

  const failed = probes.filter((probe) => !probe.ok);
  t.deepEqual(
    failed.map((probe) => probe.errorClass),
    ['connection-refused', 'connection-refused', 'connection-refused', 'unauthorized', 'unauthorized', 'other', 'other', 'timeout', 'timeout'],
  );
  // The outage: first failure to last failure, then the first success after it.
  t.deepEqual(failed[0]!.at, exact('2026-11-25T16:51:57.625Z'));
  t.deepEqual(failed.at(-1)!.at, exact('2026-11-25T16:52:05.634Z'));
  t.deepEqual(probes.find((probe) => probe.ok && probe.at.earliest > failed[0]!.at.earliest)!.at, exact('2026-11-25T16:52:06.639Z'));

  t.deepEqual(failed[3], {
    kind: 'probe',
    at: exact('2026-11-25T16:52:00.626Z'),
    ok: false,
    errorClass: 'unauthorized',
    error: 'error: You must be logged in to the server (Unauthorized)\n',
    notes: [],
    source: { path: 'probes.ndjson', line: 8, format: 'kube-postmortem-probes-ndjson' },
  });
  t.regex(failed[5]!.error!, /^Error from server \(InternalError\): an error on the server \("\[\+\]ping ok\\n.*\[-\]etcd failed/u);
  t.is(failed.at(-1)!.error, null, 'a killed kubectl printed nothing');
  t.true(probes.filter((probe) => probe.ok).every((probe) => probe.error === null && probe.errorClass === null));
});

test('detected at 0.97, above every registered format, by its first line', (t) => {
  const { lines } = splitLines(fixture(sample));
  t.is(probeSamples.detect(lines), 0.97);
  for (const format of inputFormats.filter((candidate) => candidate.id !== probeSamples.id)) t.true(format.detect(lines) < 0.97, format.id);
  // A rotated file may open with a failed events capture.
  t.is(probeSamples.detect(lines.slice(4)), 0.97);
  t.is(probeSamples.detect(['', line({})]), 0.97);
});

test('not detected on events, other NDJSON, or a line that only starts like a sample', (t) => {
  const detect = (text: string) => probeSamples.detect(splitLines(text).lines);
  t.is(detect(fixture('record/sample-run/events-20261125T165154Z.json')), 0);
  t.is(detect(fixture('kubectl-1.32/get-events-A-w-o-json-output-watch-events.ndjson')), 0);
  t.is(detect('{"kind":"probe-sample","at":"2024-11-05T05:00:00.000Z",'), 0);
  t.is(detect('{"kind":"Event","probe-sample":true}\n'), 0);
  t.is(detect(''), 0);
});

test('every line is accounted for: damaged, foreign and cut-off lines are skipped with their reason', (t) => {
  const text = [
    line({}),
    '',
    line({ at: '2024-11-05T05:00:01.000Z', ok: false, exitCode: 1, errorClass: 'connection-refused', stderr: 'The connection to the server 10.100.0.1:443 was refused - did you specify the right host or port?\n' }),
    '{"kind":"probe-sample","at":"yesterday","ok":true}',
    '{"kind":"probe-sample","at":"2024-11-05T05:00:02.000Z"',
    '{"kind":"heartbeat","at":"2024-11-05T05:00:03.000Z"}',
    '[1, 2]',
    'Tue Nov  5 05:00:04 UTC 2024',
    'some words',
    line({ at: '2024-11-05T05:00:05.000Z' }),
    '{"kind":"probe-sample","at":"2024-11-05T05:00:06.000Z","durationMs":4',
  ].join('\n');
  const { probes, lineClasses, accounting, diagnostics } = parse(text);
  t.is(probes.length, 3);
  t.is(accounting.total, 11);
  t.deepEqual(skippedLines(lineClasses), { 4: 'invalid-item', 5: 'invalid-syntax', 6: 'not-an-event', 7: 'prose', 8: 'date-line', 9: 'prose', 11: 'truncated' });
  t.is(lineClasses[1]!.kind, 'blank');
  t.deepEqual(
    diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.message]),
    [
      [4, 'probe sample skipped: at: Invalid ISO datetime'],
      [5, 'not valid JSON'],
      [6, 'a "heartbeat" line, not a probe sample'],
      [11, 'the file ends inside this line'],
    ],
  );
});

test('a failed sample without a known class is classed from its stderr', (t) => {
  const text = [
    '{"kind":"probe-sample","at":"2024-11-05T05:00:00Z","ok":false,"stderr":"Error from server: etcdserver: leader changed\\n"}',
    line({ at: '2024-11-05T05:00:01.000Z', ok: false, exitCode: 1, errorClass: 'some-future-class' as never, stderr: 'error: You must be logged in to the server (Unauthorized)\n' }),
    '{"kind":"probe-sample","at":"2024-11-05T14:00:02+09:00","ok":false,"errorClass":null,"stderr":""}',
  ].join('\n');
  const { probes } = parse(text);
  t.deepEqual(
    probes.map((probe) => [probe.errorClass, probe.error, probe.at.earliest]),
    [
      ['etcd-leader-changed', 'Error from server: etcdserver: leader changed\n', at('2024-11-05T05:00:00Z')],
      ['unauthorized', 'error: You must be logged in to the server (Unauthorized)\n', at('2024-11-05T05:00:01Z')],
      ['other', null, at('2024-11-05T05:00:02Z')],
    ],
  );
});
