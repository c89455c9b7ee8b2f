// `kube-postmortem record` as an operator runs it, against a stand-in kubectl (a sh script) that
// answers, then fails for a window with the real error strings, then answers again.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import test from 'ava';
import { probeSamples } from '../../src/formats/probe-samples.js';
import { splitLines } from '../../src/inputs/index.js';
import type { ProbeRecord } from '../../src/model/probe-record.js';
import { readRecordArgs, sizeOption } from '../../src/cli/commands/record.js';
import { ReportSchema } from '../../src/report/report-model.js';
import { cliPath, projectRoot, spawnCli } from '../helpers/run-cli.js';

const unauthorized = 'error: You must be logged in to the server (Unauthorized)';
const refused = 'The connection to the server 10.100.0.1:443 was refused - did you specify the right host or port?';

/**
 * Seconds after its first run: 3 is Unauthorized, 4 and 5 are connection refused, the rest answers.
 * The first run writes its second to `start` (ln makes that atomic when the probe and the events
 * capture start together), so a slow start of node on a busy machine shifts nothing. A start
 * given in KP_STANDIN_START wins.
 */
const standIn = `#!/bin/sh
here=$(dirname "$0")
now=$(date +%s)
if [ -z "$KP_STANDIN_START" ]; then
  echo "$now" > "$here/start.$$"
  ln "$here/start.$$" "$here/start" 2>/dev/null
  rm -f "$here/start.$$"
  KP_STANDIN_START=$(cat "$here/start")
fi
elapsed=$(( now - KP_STANDIN_START ))
if [ "$elapsed" -ge 3 ] && [ "$elapsed" -lt 4 ]; then
  echo '${unauthorized}' >&2
  exit 1
fi
if [ "$elapsed" -ge 4 ] && [ "$elapsed" -lt 6 ]; then
  echo '${refused}' >&2
  exit 1
fi
case "$*" in
  'get events -A -o json') cat "$here/events.json" ;;
  'get --raw /readyz') printf ok ;;
  'get namespaces -o name') printf 'namespace/default\\nnamespace/kube-node-lease\\nnamespace/kube-public\\nnamespace/kube-system\\n' ;;
  *) echo "error: unknown command \\"$1\\" for \\"kubectl\\"" >&2; exit 1 ;;
esac
`;

/** What the stand-in prints in a given second after its start. */
function standInClass(second: number): string | null {
  if (second === 3) return 'unauthorized';
  if (second === 4 || second === 5) return 'connection-refused';
  return null;
}

function standInDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kp-kubectl-'));
  writeFileSync(join(dir, 'kubectl'), standIn);
  chmodSync(join(dir, 'kubectl'), 0o755);
  copyFileSync(join(projectRoot, 'fixtures/kubectl-1.32/get-events-A-o-json.json'), join(dir, 'events.json'));
  return dir;
}

const outDir = (): string => join(mkdtempSync(join(tmpdir(), 'kp-record-out-')), 'incident');

function probesOf(dir: string): ProbeRecord[] {
  const { lines } = splitLines(readFileSync(join(dir, 'probes.ndjson'), 'utf8'));
  if (probeSamples.detect(lines) !== 0.97) throw new Error('probes.ndjson is not detected as probe-samples');
  const result = probeSamples.parse(lines, { path: 'probes.ndjson', inputZone: 'UTC', capturedAt: null, fallbackAnchor: { at: { earliest: 0, latest: 0 }, origin: 'read-time' } });
  return result.records.filter((record): record is ProbeRecord => record.kind === 'probe');
}

test('records samples on cadence, the stand-in outage with its error classes, and events files, for --duration', async (t) => {
  // A 9 s recording: tell ava's inactivity timeout (10 s) that this test is busy, not stuck.
  t.timeout(60_000);
  const kubectl = standInDir();
  const out = outDir();
  const run = await spawnCli(['record', '--out', out, '--interval', '1s', '--events-every', '3s', '--duration', '9s', '--kubectl', join(kubectl, 'kubectl')]);
  t.is(run.code, 0, run.stderr);
  const start = Number(readFileSync(join(kubectl, 'start'), 'utf8'));
  const startSecond = (ms: number) => Math.floor(ms / 1000) - start;

  // One JSON line per sample, on a 1 s cadence.
  const lines = readFileSync(join(out, 'probes.ndjson'), 'utf8').split('\n');
  t.is(lines.pop(), '');
  const parsed = lines.map((line) => JSON.parse(line) as { kind: string; at: string; durationMs: number; ok: boolean; errorClass: string | null; exitCode: number | null; stderr: string; command: string[] });
  const samples = parsed.filter((line) => line.kind === 'probe-sample');
  t.true(samples.length >= 8 && samples.length <= 10, `${samples.length} samples`);
  const starts = samples.map((sample) => Date.parse(sample.at));
  starts.slice(1).forEach((at, index) => t.true(Math.abs(at - starts[index]! - 1000) < 250, `sample ${index + 2} is ${at - starts[index]!} ms after the one before`));
  t.deepEqual(samples[0]!.command, [join(kubectl, 'kubectl'), 'get', '--raw', '/readyz']);

  // Each failure says what the stand-in printed in the second it ran (it reads the clock between start and end).
  const failed = samples.filter((sample) => !sample.ok);
  t.true(failed.length >= 2 && failed.length <= 4, `${failed.length} failed`);
  for (const sample of samples) {
    const began = Date.parse(sample.at);
    const expected = [standInClass(startSecond(began)), standInClass(startSecond(began + sample.durationMs))];
    t.true(expected.includes(sample.errorClass), `${sample.at}: ${sample.errorClass}, expected one of ${expected.join(', ')}`);
    if (sample.errorClass === 'unauthorized') t.is(sample.stderr, `${unauthorized}\n`);
    if (sample.errorClass === 'connection-refused') t.like(sample, { stderr: `${refused}\n`, exitCode: 1 });
  }
  t.true(failed.some((sample) => sample.errorClass === 'connection-refused'));

  // Events at 0 s and 6 s are saved; the one at 3 s fell in the outage and is a line instead.
  const names = readdirSync(out).sort();
  const eventFiles = names.filter((name) => name.startsWith('events-'));
  t.deepEqual(names, [...eventFiles, 'probes.ndjson']);
  t.is(eventFiles.length, 2);
  for (const name of eventFiles) {
    t.regex(name, /^events-\d{8}T\d{6}Z\.json$/u);
    const stamp = name.replace(/^events-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z\.json$/u, '$1-$2-$3T$4:$5:$6Z');
    // Named from when the capture began (to the second); the stand-in answered a moment later, in that second or the next.
    const second = startSecond(Date.parse(stamp));
    t.true(standInClass(second) === null || standInClass(second + 1) === null, `${name}: the stand-in was down at ${second} s and ${second + 1} s`);
    t.is((JSON.parse(readFileSync(join(out, name), 'utf8')) as { kind: string }).kind, 'List');
  }
  t.deepEqual(
    parsed.filter((line) => line.kind === 'events-capture-failed').map((line) => line.command.slice(1)),
    [['get', 'events', '-A', '-o', 'json']],
  );

  // probe-samples reads the failed span back, matching the stand-in's window to within one interval.
  const probes = probesOf(out);
  t.is(probes.length, samples.length);
  const down = probes.filter((probe) => !probe.ok);
  const windowStart = (start + 3) * 1000;
  const windowEnd = (start + 6) * 1000;
  t.true(Math.abs(down[0]!.at.earliest - windowStart) <= 1000, `first failure ${down[0]!.at.earliest - windowStart} ms from the window's start`);
  t.true(Math.abs(down.at(-1)!.at.earliest - (windowEnd - 1000)) <= 1000, `last failure ${down.at(-1)!.at.earliest - windowEnd} ms before the window's end`);
  const back = probes.find((probe) => probe.ok && probe.at.earliest > down.at(-1)!.at.earliest)!;
  t.true(back.at.earliest >= windowEnd - 50 && back.at.earliest <= windowEnd + 1000);

  t.regex(run.stderr, /\d\d:\d\d:\d\dZ failing: (?:unauthorized \(error: You must be logged in to the server \(Unauthorized\)\)|connection-refused \(The connection to the server 10\.100\.0\.1:443 was refused)/u);
  t.regex(run.stderr, /\d\d:\d\d:\d\dZ answering again after [2-4] s \(\d failed samples\)\n/u);
  t.regex(run.stderr, /\nkube-postmortem record: stopped after [89] s: \d+ samples, \d failed \((?:connection-refused|unauthorized) \d(?:, (?:connection-refused|unauthorized) \d)?\); 3 events captures, 1 failed; 3 files in \S+incident \(probes\.ndjson, 2 events-\*\.json\)\n$/u);

  // report reads the directory as it is.
  const report = await spawnCli(['report', out, '--format', 'json', '--stdout']);
  t.is(report.code, 0, report.stderr);
  const inputs = ReportSchema.parse(JSON.parse(report.stdout)).inputs;
  t.deepEqual(
    inputs.filter((input) => input.path.includes('events-')).map((input) => input.format),
    ['json-events', 'json-events'],
  );
});

test('Ctrl-C stops it cleanly: the last line is whole, a summary is printed, exit 0; kubectl found on PATH, probe after --', async (t) => {
  t.timeout(60_000);
  const kubectl = standInDir();
  const out = outDir();
  const child = spawn('node', [cliPath, 'record', '--out', out, '--interval', '1s', '--events-every', '0', '--', 'get', 'namespaces', '-o', 'name'], {
    cwd: projectRoot,
    env: { ...process.env, PATH: `${kubectl}${delimiter}${process.env.PATH ?? ''}`, KP_STANDIN_START: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const file = join(out, 'probes.ndjson');
  for (let waited = 0; waited < 8000 && !(existsSync(file) && readFileSync(file, 'utf8').split('\n').length > 2); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGINT');
  t.is(await exited, 0, stderr);
  const text = readFileSync(file, 'utf8');
  t.true(text.endsWith('}\n'));
  const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { ok: boolean; command: string[] });
  t.true(lines.length >= 2);
  t.true(lines.every((line) => line.ok));
  t.deepEqual(lines[0]!.command, ['kubectl', 'get', 'namespaces', '-o', 'name']);
  t.deepEqual(readdirSync(out), ['probes.ndjson']);
  t.regex(stderr, new RegExp(`\\nkube-postmortem record: stopped after \\d+ s: ${lines.length} samples, 0 failed; 1 file in \\S+ \\(probes\\.ndjson\\)\\n$`, 'u'));
});

test('a kubectl that does not exist is exit 1 with a clear message, and no samples', async (t) => {
  const out = outDir();
  const missing = join(mkdtempSync(join(tmpdir(), 'kp-none-')), 'kubectl');
  const { code, stderr } = await spawnCli(['record', '--out', out, '--kubectl', missing]);
  t.is(code, 1);
  t.regex(stderr, new RegExp(`\\nkube-postmortem: cannot run ${missing}: no such program \\(give --kubectl with the path to kubectl, or put it on PATH\\)\\n$`, 'u'));
  t.deepEqual(readdirSync(out), []);
});

test('wrong options are usage errors (exit 2) that name the option', async (t) => {
  const out = outDir();
  const cases: [string[], RegExp][] = [
    [[], /Missing required argument: out/u],
    [['--out', out, '--interval', '0s'], /--interval: at least 1s/u],
    [['--out', out, '--interval', 'soon'], /--interval: "soon" is not a duration/u],
    [['--out', out, '--timeout', '45s'], /--timeout: between 1s and 30s/u],
    [['--out', out, '--events-every', 'hourly'], /--events-every: "hourly" is not a duration/u],
    [['--out', out, '--max-file-size', '10 parsecs'], /--max-file-size: "10 parsecs" is not a size/u],
    [['--out', out, '--max-file-size', '12'], /--max-file-size: at least 1KiB/u],
    [['--out', out, '--duration', '0'], /--duration: more than 0s/u],
    [['--out', out, '--', 'kubectl', 'get', 'pods'], /after --, give kubectl's arguments without kubectl itself/u],
  ];
  const runs = await Promise.all(cases.map(([args]) => spawnCli(['record', ...args])));
  runs.forEach(({ code, stderr }, index) => {
    t.is(code, 2, cases[index]![0].join(' '));
    t.regex(stderr, cases[index]![1]);
  });
  t.false(existsSync(out));
});

test('defaults: /readyz every 5s with a timeout of the interval (at most 30s), events every minute, 10 MiB files', (t) => {
  const argv = { out: 'incident', interval: '5s', 'events-every': '60s', kubectl: 'kubectl', 'max-file-size': '10MiB' };
  t.deepEqual(readRecordArgs(argv), {
    out: 'incident',
    kubectl: 'kubectl',
    probeArgs: ['get', '--raw', '/readyz'],
    eventsArgs: ['get', 'events', '-A', '-o', 'json'],
    intervalMs: 5000,
    timeoutMs: 5000,
    eventsEveryMs: 60_000,
    maxFileBytes: 10 * 1024 * 1024,
    durationMs: null,
  });
  t.is(readRecordArgs({ ...argv, interval: '2m' }).timeoutMs, 30_000);
  t.is(readRecordArgs({ ...argv, 'events-every': '0' }).eventsEveryMs, 0);
  // --context and --kubeconfig reach both commands, so the events come from the cluster the probe asks.
  const scoped = readRecordArgs({ ...argv, context: 'prod', kubeconfig: '/k/config', '--': ['get', 'namespaces', '-o', 'name'] });
  t.deepEqual(scoped.probeArgs, ['--kubeconfig=/k/config', '--context=prod', 'get', 'namespaces', '-o', 'name']);
  t.deepEqual(scoped.eventsArgs, ['--kubeconfig=/k/config', '--context=prod', 'get', 'events', '-A', '-o', 'json']);
});

test('--max-file-size: binary K, M, G as ls -h, decimal KB, MB, GB, or bytes', (t) => {
  t.is(sizeOption('--max-file-size', '10MiB'), 10_485_760);
  t.is(sizeOption('--max-file-size', '512k'), 524_288);
  t.is(sizeOption('--max-file-size', '1.5M'), 1_572_864);
  t.is(sizeOption('--max-file-size', '2 MB'), 2_000_000);
  t.is(sizeOption('--max-file-size', '1G'), 1_073_741_824);
  t.is(sizeOption('--max-file-size', '4096'), 4096);
});
