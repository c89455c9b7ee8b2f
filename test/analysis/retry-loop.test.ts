// The seed post's two retry loops during a fail-over: one error window whose measured outage
// matches the dates in the log, in one incident with the elections the same loop dumped.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.js';
import { kubectlText } from '../../src/formats/kubectl-text.js';
import { splitLines } from '../../src/inputs/index.js';
import { at, fixture, mtime } from '../helpers/parse-text.js';

function analyzeLog(name: string) {
  const result = kubectlText.parse(splitLines(fixture(`capture/${name}`)).lines, {
    path: name,
    inputZone: 'Asia/Seoul',
    capturedAt: null,
    fallbackAnchor: { at: { earliest: mtime, latest: mtime }, origin: 'file-mtime' },
  });
  return analyze(result.records);
}

const second = (iso: string) => ({ earliest: at(iso), latest: at(iso) + 999 });

test('the `$?` loop: Unauthorized then connection refused, measured to the sample', (t) => {
  const { windows, clusters, incidents, probes } = analyzeLog('loop-exit-status.log');
  t.is(probes.length, 18);
  t.is(windows.length, 1);
  t.deepEqual(windows[0]!.outage, {
    lastSuccessBefore: second('2024-11-05T05:59:54Z'),
    firstFailure: second('2024-11-05T05:59:56Z'),
    lastFailure: second('2024-11-05T06:00:16Z'),
    firstSuccessAfter: second('2024-11-05T06:00:18Z'),
    failedSamples: 11,
    interval: 2000,
  });
  t.deepEqual(windows[0]!.reasons.map((reason) => [reason.name, reason.count]), [['kubectl unauthorized', 6], ['kubectl connection-refused', 5]]);
  t.is(clusters.length, 1);
  t.is(clusters[0]!.verdict, 'control-plane-failover');
  t.is(incidents.length, 1);
  t.deepEqual([incidents[0]!.clusters, incidents[0]!.windows], [['cluster-1'], ['window-1']]);
});

test('the white-check loop: `-- fail --` and 30 s sleeps, `-- success--` as the post spells it', (t) => {
  const { windows, incidents } = analyzeLog('loop-white-check.log');
  t.is(windows.length, 1);
  t.like(windows[0]!.outage, {
    lastSuccessBefore: second('2024-11-05T05:59:52Z'),
    firstFailure: second('2024-11-05T05:59:54Z'),
    lastFailure: second('2024-11-05T06:00:58Z'),
    firstSuccessAfter: second('2024-11-05T06:01:30Z'),
    failedSamples: 3,
  });
  t.is(incidents.length, 1);
  t.is(incidents[0]!.clusters.length, 1);
  t.regex(incidents[0]!.title, /kubectl failed 3 times \((?:connection-refused, unauthorized|unauthorized, connection-refused)\)/u);
});
