// Control-plane logs and events tell of the same elections: `successfully acquired lease`
// lines from klog or a CloudWatch export join the cluster of the matching LeaderElection events.
import { resolve } from 'node:path';
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.js';
import { readInputs } from '../../src/inputs/index.js';
import type { ParsedRecord } from '../../src/model/record.js';
import { parseSource } from '../../src/pipeline.js';

async function recordsOf(...paths: string[]): Promise<ParsedRecord[]> {
  const outcomes = await readInputs(paths.map((path) => resolve(path)));
  return outcomes.flatMap((outcome) => (outcome.ok ? parseSource(outcome.source, { capturedAt: null, inputZone: 'UTC' }).records : []));
}

const exports = ['insights-control-plane.csv', 'insights-control-plane.json', 'filter-log-events.json', 'get-query-results.json'];

for (const name of exports) {
  test(`${name}: its acquired leases join the events' fail-over cluster, lock for lock`, async (t) => {
    const events = await recordsOf('fixtures/reference/kubectl-get-events-A-o-json.json');
    const logs = await recordsOf(`fixtures/cloudwatch/${name}`);
    t.true(logs.some((record) => record.kind === 'log' && record.leaderElection?.action === 'acquired'));
    const alone = analyze(events).clusters;
    const together = analyze([...events, ...logs]).clusters;
    t.is(together.length, alone.length);
    const failover = (clusters: typeof alone) => clusters.find((cluster) => cluster.locks.some((lock) => lock.host?.startsWith('ip-10-0-142-31')))!;
    t.deepEqual(
      failover(together).locks.map((lock) => [lock.lock.kind, lock.lock.name, lock.host, lock.elections]),
      failover(alone).locks.map((lock) => [lock.lock.kind, lock.lock.name, lock.host, lock.elections]),
    );
    t.true(failover(together).signals > failover(alone).signals, 'the log lines are evidence of the same cluster');
    t.is(failover(together).verdict, 'control-plane-failover');
  });
}

test('klog lines alone (sample 017) make a cluster of their own lock', async (t) => {
  const { clusters } = analyze(await recordsOf('fixtures/public/017-k8s15-klog-kcm-sucessfully-acquired-event.txt'));
  t.is(clusters.length, 1);
  t.deepEqual(clusters[0]!.locks.map((lock) => [lock.lock.namespace, lock.lock.name, lock.elections]), [['kube-system', 'kube-controller-manager', 1]]);
});

test('a klog file of the standby that took the lease joins the events of the same fail-over', async (t) => {
  const { readInputs: read } = await import('../../src/inputs/index.js');
  const capturedAt = { earliest: Date.parse('2024-06-12T10:48:30Z'), latest: Date.parse('2024-06-12T10:48:30Z') };
  const outcomes = await read(['fixtures/reference/kubectl-get-events-A-o-json.json', 'fixtures/klog/kube-controller-manager-ip-10-0-142-31.log'].map((path) => resolve(path)));
  const records = outcomes.flatMap((outcome) => (outcome.ok ? parseSource(outcome.source, { capturedAt, inputZone: 'UTC' }).records : []));
  const acquired = records.find((record) => record.kind === 'log' && record.leaderElection?.action === 'acquired');
  t.truthy(acquired);
  const { clusters, windows } = analyze(records);
  const failover = clusters.find((cluster) => cluster.locks.some((lock) => lock.host?.startsWith('ip-10-0-142-31')))!;
  const kcm = failover.locks.find((lock) => lock.lock.name === 'kube-controller-manager')!;
  t.deepEqual([kcm.lock.kind, kcm.elections, kcm.host], ['Lease', 1, 'ip-10-0-142-31.us-west-2.compute.internal']);
  t.true(failover.evidence.some((at) => at.path.endsWith('.log')));
  t.true(windows.some((window) => window.reasons.some((reason) => reason.name.endsWith('error log'))), 'the E line joins an error window');
});
