// `--fail-on`: exit 3 when a finding of that kind exists, for scripts and CI; an input that
// could not be read still makes it exit 1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { runCommand, spawnCli } from '../helpers/run-cli.js';

const seed = ['fixtures/seed/eks-failover.txt', '--captured-at', '2024-11-05T06:02:00Z'];
const warningsOnly = ['fixtures/archive/staging-usw2/events-2024-11-05T0510Z.txt', '--captured-at', '2024-11-05T05:10:00Z'];

test('summary and report exit 3 on a fail-over with --fail-on failover, 0 without it', async (t) => {
  // The status reaches the shell.
  t.is((await spawnCli(['summary', ...seed, '--fail-on', 'failover'])).code, 3);
  t.is((await runCommand(['summary', ...seed])).code, 0);
  t.is((await runCommand(['report', ...seed, '--stdout', '--format', 'json', '--fail-on', 'failover'])).code, 3);
});

test('--fail-on failover ignores incidents without a fail-over; --fail-on incident does not', async (t) => {
  t.is((await runCommand(['summary', ...warningsOnly, '--fail-on', 'failover'])).code, 0);
  t.is((await runCommand(['summary', ...warningsOnly, '--fail-on', 'incident'])).code, 3);
  t.is((await runCommand(['summary', 'fixtures/public/004-k8s-2016-lastseen-firstseen-subobject.txt', '--fail-on', 'incident'])).code, 0);
});

test('an unreadable input outranks a finding; a bad --fail-on is a usage error', async (t) => {
  t.is((await runCommand(['summary', ...seed, 'fixtures/encodings/binary.bin', '--fail-on', 'incident'])).code, 1);
  const bad = await runCommand(['summary', ...seed, '--fail-on', 'sometimes']);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /^kube-postmortem: /u);
});

test('batch exits 3 when any group has a fail-over', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'kp-fail-on-'));
  t.is((await runCommand(['batch', 'fixtures/archive/prod-apne2', '--out', out, '--quiet', '--jobs', '1', '--fail-on', 'failover'])).code, 3);
});
