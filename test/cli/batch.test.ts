// `kube-postmortem batch` over the archive fixture: groups, one report per incident, the index,
// dedupe across overlapping dumps, and the unreadable file.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { AHEAD } from '../../src/batch/parse-pool.js';
import { contentSecurityPolicy } from '../../src/report/html.js';
import { BatchIndexSchema } from '../../src/report/batch-index.js';
import { ReportSchema } from '../../src/report/report-model.js';
import { runCommand, spawnCli } from '../helpers/run-cli.js';

const env = { SOURCE_DATE_EPOCH: '1733000000' };
/** In this process, and in this thread unless a test gives --jobs: each worker thread would load the whole parser again. */
const run = (args: string[]) => runCommand(args[0] === 'batch' && !args.includes('--jobs') ? [...args, '--jobs', '1'] : args, { env });
const outDir = () => mkdtempSync(join(tmpdir(), 'kp-batch-'));

const failover = 'Control-plane fail-over: 6 locks re-elected on 2 hosts in ap-northeast-2 within 2 min; 2 Warning events (BackOff, Unhealthy) in the next 3 min';
const cronJob = '3 Warning events (BackOff, Failed, FailedMount) within 4 min';
const staging = '3 Warning events (Unhealthy, FailedScheduling) within 3 min';

test('one report per incident and an index of them all; the unreadable file is listed and makes it exit 1', async (t) => {
  const out = outDir();
  const { code, stderr } = await run(['batch', 'fixtures/archive', '--out', out, '--format', 'md', '--format', 'html', '--format', 'json']);
  t.is(code, 1);
  t.regex(stderr, /wrote 3 incident reports from 3 groups; 1 unreadable/u);
  t.regex(stderr, /^7\/7 files, .*done$/mu);

  const index = BatchIndexSchema.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
  t.deepEqual(index.groups.map((group) => [group.name, group.inputs, group.unreadable, group.incidents]), [
    ['archive', 1, 0, 0],
    ['prod-apne2', 4, 0, 2],
    ['staging-usw2', 1, 1, 1],
  ]);
  t.deepEqual(index.incidents.map((incident) => [incident.group, incident.title]), [
    ['prod-apne2', failover],
    ['prod-apne2', cronJob],
    ['staging-usw2', staging],
  ]);
  t.deepEqual(index.unreadable, [{ group: 'staging-usw2', path: 'fixtures/archive/staging-usw2/core.bin', reason: index.unreadable[0]!.reason }]);
  t.regex(index.unreadable[0]!.reason, /not valid UTF-8|binary/u);
  // Capture times of the table dumps come from their names, stated per input.
  const dump = index.inputs.find((input) => input.path.endsWith('0504.txt'))!;
  t.deepEqual(dump.capturedAtSource, ['file-name']);
  t.is(dump.capturedAt[0]!.earliest, '2024-11-05T05:04:00.000Z');
  t.deepEqual(index.inputs.find((input) => input.path.endsWith('.json.gz'))!.capturedAtSource, []);

  const files = readdirSync(out).sort();
  t.deepEqual(files.filter((file) => file.startsWith('index.')), ['index.html', 'index.json', 'index.md']);
  const reports = files.filter((file) => file.endsWith('.json') && file !== 'index.json');
  t.is(reports.length, 3);
  for (const incident of index.incidents) {
    t.is(incident.reports.length, 3);
    for (const { file } of incident.reports) t.true(files.includes(file), file);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(out, incident.reports.find((entry) => entry.format === 'json')!.file), 'utf8')));
    t.is(report.title, incident.title);
    t.deepEqual(report.incidents.map((entry) => entry.title), [incident.title]);
    t.is(report.cluster, incident.group);
  }

  const markdown = readFileSync(join(out, 'index.md'), 'utf8');
  for (const incident of index.incidents) {
    const md = incident.reports.find((entry) => entry.format === 'md')!.file;
    t.regex(markdown, new RegExp(`^\\| ${incident.group} \\| .*\\[md\\]\\(${md.replace(/\./gu, '\\.')}\\)`, 'mu'));
  }
  t.regex(markdown, /\| staging-usw2 \| fixtures\/archive\/staging-usw2\/core\.bin \| not valid UTF-8/u);

  const html = readFileSync(join(out, 'index.html'), 'utf8');
  t.false(/<script/iu.test(html));
  t.false(/\son[a-z]+=/iu.test(html));
  t.true(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy.replace(/'/gu, '&#39;')}">`));
  t.is(html.match(/href="[^"]*"/gu)!.length, 9);
  t.true(html.match(/href="[^"]*"/gu)!.every((link) => /^href="incident-\d{8}T\d{4}Z-[0-9a-f]{8}\.(?:md|html|json)"$/u.test(link)));
});

test('overlapping dumps of one cluster are deduplicated: the fail-over counts each election once', async (t) => {
  const out = outDir();
  await run(['batch', 'fixtures/archive', '--out', out, '--format', 'json', '--quiet']);
  const index = BatchIndexSchema.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
  const prod = index.groups.find((group) => group.name === 'prod-apne2')!;
  t.deepEqual(prod.events, { total: 13, duplicatesMerged: 19, untimed: 0, otherCopies: 0 });
  const report = ReportSchema.parse(JSON.parse(readFileSync(join(out, index.incidents[0]!.reports[0]!.file), 'utf8')));
  const locks = report.leaderElectionClusters.flatMap((cluster) => cluster.locks);
  t.is(locks.length, 8);
  t.true(locks.every((lock) => lock.elections === 1));
  t.is(report.errorWindows.reduce((sum, window) => sum + window.occurrences, 0), 2);
  t.is(report.leaderElectionClusters[0]!.verdict, 'control-plane-failover');
  // The report lists the inputs its evidence comes from, and counts the group's others.
  t.deepEqual(
    report.inputs.map((input) => input.path),
    ['fixtures/archive/prod-apne2/2024/11/05/0504.txt', 'fixtures/archive/prod-apne2/2024/11/05/0512.txt', 'fixtures/archive/prod-apne2/2024/11/05/events-2024-11-05T0515Z.json.gz'],
  );
  t.is(report.inputsNotListed, 1);
});

test('--group-by none makes one group; --quiet prints nothing on stderr', async (t) => {
  const out = outDir();
  const { code, stderr } = await run(['batch', 'fixtures/archive', '--out', out, '--group-by', 'none', '--format', 'json', '--quiet']);
  t.is(code, 1);
  t.is(stderr, '');
  const index = BatchIndexSchema.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
  t.deepEqual(index.groups.map((group) => group.name), ['all']);
  t.is(index.groups[0]!.inputs, 6);
  t.true(index.incidents.every((incident) => incident.group === 'all'));
});

test('an existing index is kept unless --force; a readable archive exits 0', async (t) => {
  const out = outDir();
  t.is((await run(['batch', 'fixtures/archive/prod-apne2', '--out', out, '--quiet'])).code, 0);
  const again = await run(['batch', 'fixtures/archive/prod-apne2', '--out', out, '--quiet']);
  t.is(again.code, 1);
  t.regex(again.stderr, /index\.md exists; give --force to overwrite it/u);
  t.is((await run(['batch', 'fixtures/archive/prod-apne2', '--out', out, '--quiet', '--force'])).code, 0);
});

test('--jobs 1 (in this thread) and --jobs 2 (worker threads) write the same index and reports', async (t) => {
  const outputs = [];
  for (const jobs of ['1', '2']) {
    const out = outDir();
    // The built CLI, so that --jobs 2 runs the bundled worker.
    const { code } = await spawnCli(['batch', 'fixtures/archive', '--out', out, '--jobs', jobs, '--format', 'md', '--format', 'html', '--format', 'json', '--quiet'], { env });
    t.is(code, 1);
    const files = readdirSync(out).sort();
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as Record<string, unknown>;
    delete index.generatedAt;
    outputs.push({ files, index, reports: files.filter((file) => !file.startsWith('index.')).map((file) => readFileSync(join(out, file), 'utf8')) });
  }
  const [serial, parallel] = outputs;
  t.deepEqual(parallel!.files, serial!.files);
  t.is(JSON.stringify(parallel!.index), JSON.stringify(serial!.index));
  t.deepEqual(parallel!.reports, serial!.reports);
  t.is(serial!.reports.length, 9);
  // Only elections and Warnings are merged; other events are counted.
  const groups = (serial!.index as { groups: { name: string; events: unknown }[] }).groups;
  t.deepEqual(groups.find((group) => group.name === 'prod-apne2')!.events, { total: 13, duplicatesMerged: 19, untimed: 0, otherCopies: 0 });
});

test('--jobs must be a whole number of at least 1', async (t) => {
  const { code, stderr } = await run(['batch', 'fixtures/archive', '--out', outDir(), '--jobs', '0']);
  t.is(code, 2);
  t.regex(stderr, /jobs/u);
});

test('--out is required', async (t) => {
  const { code, stderr } = await run(['batch', 'fixtures/archive']);
  t.is(code, 2);
  t.regex(stderr, /out/u);
});

test('--redact=hosts redacts every incident report, and the index with pseudonyms of its own', async (t) => {
  const dir = outDir();
  for (const group of ['prod-apne2', 'staging-usw2']) cpSync(join('fixtures/archive', group), join(dir, group), { recursive: true });
  // A node's dump, filed under the node's name: the index would give the host name away.
  mkdirSync(join(dir, 'prod-apne2', 'ip-10-0-96-181.ap-northeast-2.compute.internal'));
  writeFileSync(join(dir, 'prod-apne2', 'ip-10-0-96-181.ap-northeast-2.compute.internal', 'events-2024-11-05T0530Z.txt'), readFileSync('fixtures/archive/staging-usw2/events-2024-11-05T0510Z.txt'));
  const out = outDir();
  await run(['batch', dir, '--out', out, '--format', 'md', '--format', 'json', '--quiet', '--redact=hosts']);
  const reports = readdirSync(out).filter((file) => file.startsWith('incident-') && file.endsWith('.md'));
  t.true(reports.length >= 3);
  for (const file of [...reports, 'index.md', 'index.json']) {
    const text = readFileSync(join(out, file), 'utf8');
    t.false(/ip-10-0-\d+-\d+/u.test(text), file);
    t.regex(text, /Redacted for sharing/u, file);
  }
  const failover = ReportSchema.parse(JSON.parse(readFileSync(join(out, readdirSync(out).find((file) => file.startsWith('incident-20241105T0501Z') && file.endsWith('.json'))!), 'utf8')));
  t.deepEqual(failover.leaderElectionClusters[0]!.hosts, ['host-1', 'host-2']);
  t.is(failover.supportCase!.region, 'ap-northeast-2');
  const index = BatchIndexSchema.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
  t.deepEqual(index.redactions!.counts, [{ kind: 'host name', values: 1 }]);
  t.true(index.inputs.some((input) => input.path.endsWith('prod-apne2/host-1/events-2024-11-05T0530Z.txt')));
  // Report links are file names batch made, never redacted.
  t.true(index.incidents.every((incident) => incident.reports.every((report) => readdirSync(out).includes(report.file))));
});

test('an archive of more files than a worker may run ahead of the main thread is read whole, in walk order', async (t) => {
  const dir = outDir();
  const seed = readFileSync('fixtures/seed/eks-failover.txt', 'utf8');
  const names = Array.from({ length: AHEAD + 60 }, (_, index) => `events-2024-11-05T${String(Math.floor(index / 60) + 6).padStart(2, '0')}${String(index % 60).padStart(2, '0')}Z.txt`);
  for (const name of names) writeFileSync(join(dir, name), seed);
  const out = outDir();
  const { code } = await spawnCli(['batch', dir, '--out', out, '--format', 'json', '--quiet', '--jobs', '2']);
  t.is(code, 0);
  const index = BatchIndexSchema.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
  t.deepEqual(index.inputs.map((input) => input.path), names.map((name) => join(dir, name)));
});

test('a Warning seen in more dumps than a report shows: the same evidence and count as report gives', async (t) => {
  const dir = outDir();
  const group = join(dir, 'prod');
  mkdirSync(group);
  const table = readFileSync('fixtures/archive/staging-usw2/events-2024-11-05T0510Z.txt', 'utf8');
  for (let minute = 10; minute < 30; minute += 1) writeFileSync(join(group, `events-2024-11-05T05${minute}Z.txt`), table);
  const out = outDir();
  // One capture time for all: twenty copies of each of the three Warnings.
  await run(['batch', dir, '--out', out, '--format', 'json', '--quiet', '--captured-at', '2024-11-05T05:10:00Z']);
  const file = readdirSync(out).find((name) => name.startsWith('incident-') && name.endsWith('.json'))!;
  const batched = ReportSchema.parse(JSON.parse(readFileSync(join(out, file), 'utf8')));
  const single = await run(['report', group, '--stdout', '--format', 'json', '--captured-at', '2024-11-05T05:10:00Z']);
  const reported = ReportSchema.parse(JSON.parse(single.stdout));
  t.is(batched.errorWindows[0]!.evidence.more, 20 * 3 - 12);
  t.deepEqual(batched.errorWindows.map((window) => window.evidence), reported.errorWindows.map((window) => window.evidence));
});
