// `kube-postmortem report` as a user runs it: where files go, what they are called, and when
// it refuses.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { ReportSchema } from '../../src/report/report-model.js';
import { runCommand, spawnCli } from '../helpers/run-cli.js';

const seed = ['fixtures/seed/eks-failover.txt', '--captured-at', '2024-11-05T06:02:00Z'];

const run = (args: string[]) => runCommand(args, { env: { SOURCE_DATE_EPOCH: '1733000000' } });

test('writes Markdown and JSON named from the incident window and the inputs, and keeps them', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'kp-report-'));
  const first = await spawnCli(['report', ...seed, '--out', out, '--format', 'md', '--format', 'json'], { env: { SOURCE_DATE_EPOCH: '1733000000' } });
  t.is(first.code, 0);
  t.deepEqual(readdirSync(out).sort(), ['incident-20241105T0501Z-d50226b3.json', 'incident-20241105T0501Z-d50226b3.md']);
  const report = ReportSchema.parse(JSON.parse(readFileSync(join(out, 'incident-20241105T0501Z-d50226b3.json'), 'utf8')));
  t.is(report.leaderElectionClusters[0]!.verdict, 'control-plane-failover');
  t.is(report.generatedAt, '2024-11-30T20:53:20.000Z');

  const again = await run(['report', ...seed, '--out', out, '--format', 'md']);
  t.is(again.code, 1);
  t.regex(again.stderr, /incident-20241105T0501Z-d50226b3\.md exists; give --force to overwrite it/u);
  t.is((await run(['report', ...seed, '--out', out, '--format', 'md', '--force'])).code, 0);
});

test('a file name never comes from the inputs, whatever their content', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'kp-report-'));
  const { code } = await run(['report', 'fixtures/public/005-kubebb-events-A-lease-stopped-leading.txt', '--captured-at', '2023-07-01T00:00:00Z', '--out', out, '--format', 'json']);
  t.is(code, 0);
  t.true(readdirSync(out).every((name) => /^(?:incident|report)-\d{8}T\d{4}Z-[0-9a-f]{8}\.json$/u.test(name)));
});

test('--stdout prints one format; two are a usage error', async (t) => {
  const markdown = await run(['report', ...seed, '--stdout', '--format', 'md']);
  t.is(markdown.code, 0);
  t.regex(markdown.stdout, /^# Control-plane fail-over: 6 locks re-elected on 2 hosts in ap-northeast-2 within 2 min\n/u);
  const both = await run(['report', ...seed, '--stdout', '--format', 'md', '--format', 'json']);
  t.is(both.code, 2);
  t.regex(both.stderr, /--stdout prints one format/u);
});

test('an --out that cannot be created is exit 1, named', async (t) => {
  const { code, stderr } = await run(['report', ...seed, '--out', '/dev/null/reports']);
  t.is(code, 1);
  t.is(stderr, 'kube-postmortem: cannot create /dev/null/reports: a part of the path is not a directory\n');
});
