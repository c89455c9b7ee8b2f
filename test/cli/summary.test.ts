// `kube-postmortem summary` as a user runs it.
import test from 'ava';
import { runCommand, spawnCli } from '../helpers/run-cli.js';

const run = (args: string[], env: Record<string, string> = {}) => runCommand(args, { env });

test('the seed incident: one fail-over incident in UTC and the display zone, no colour in a pipe', async (t) => {
  const { code, stdout } = await spawnCli(['summary', 'fixtures/seed/eks-failover.txt', '--captured-at', '2024-11-05T06:02:00Z', '--tz', 'Asia/Seoul']);
  t.is(code, 0);
  t.regex(stdout, /^1 input, 8 events; times in UTC and Asia\/Seoul\./u);
  t.true(stdout.includes('Control-plane fail-over: 6 locks'));
  t.true(stdout.includes('14:01:00–14:02:00'));
  t.false(stdout.includes('\u001b'));
  t.true(stdout.split('\n').every((line) => [...line].length <= 80));
});

test('the reference incident across all its forms: duplicates merged, two incidents', async (t) => {
  const { code, stdout } = await run(['summary', 'fixtures/reference', '--captured-at', '2024-06-12T10:48:30Z']);
  t.is(code, 0);
  t.regex(stdout, /12 events \(\d+ duplicate copies merged\)/u);
  t.regex(stdout, /│ 2 +│/u);
  t.regex(stdout, /Error windows/u);
});

test('--gap, --correlate and --ignore-reason change the findings; bad values are usage errors', async (t) => {
  const args = ['summary', 'fixtures/reference/kubectl-get-events-A-o-json.json'];
  t.regex((await run([...args, '--ignore-reason', 'Unhealthy,FailedScheduling'])).stdout, /^(?![\s\S]*Error windows)/u);
  t.true((await run([...args, '--correlate', '2h'])).stdout.includes('│ 1  │'));
  t.false((await run([...args, '--correlate', '2h'])).stdout.includes('│ 2  │'));
  for (const bad of [['--gap', 'soon'], ['--tz', 'Mars/Base'], ['--correlate', '5x']]) {
    const { code, stderr } = await run([...args, ...bad]);
    t.is(code, 2, bad.join(' '));
    t.regex(stderr, /^kube-postmortem: /u);
  }
});
