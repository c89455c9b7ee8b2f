// `kube-postmortem record` as an operator runs it: the command against a fake clock and a scripted
// kubectl that answers, fails for a window with the real error strings, then answers again (what
// it writes and says, to the millisecond); then the process itself, stopped by Ctrl-C.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import test from 'ava';
import { probeSamples } from '../../src/formats/probe-samples.js';
import { splitLines } from '../../src/inputs/index.js';
import type { ProbeRecord } from '../../src/model/probe-record.js';
import { readRecordArgs, runRecord, sizeOption } from '../../src/cli/commands/record.js';
import { ReportSchema } from '../../src/report/report-model.js';
import { capturingTerminal, cliPath, projectRoot, runCommand, spawnCli } from '../helpers/run-cli.js';
import { FakeClock, fakeKubectl, type Behaviour } from '../record/fakes.js';

const unauthorized = 'error: You must be logged in to the server (Unauthorized)';
const refused = 'The connection to the server 10.100.0.1:443 was refused - did you specify the right host or port?';

/**
 * A stand-in kubectl (a sh script) for the tests that need a process: it answers `get namespaces`
 * and fails on anything else.
 */
const standIn = `#!/bin/sh
case "$*" in
  'get namespaces -o name') printf 'namespace/default\\nnamespace/kube-node-lease\\nnamespace/kube-public\\nnamespace/kube-system\\n' ;;
  *) echo "error: unknown command \\"$1\\" for \\"kubectl\\"" >&2; exit 1 ;;
esac
`;

function standInDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kp-kubectl-'));
  writeFileSync(join(dir, 'kubectl'), standIn);
  chmodSync(join(dir, 'kubectl'), 0o755);
  return dir;
}

const outDir = (): string => join(mkdtempSync(join(tmpdir(), 'kp-record-out-')), 'incident');

function probesOf(dir: string): ProbeRecord[] {
  const { lines } = splitLines(readFileSync(join(dir, 'probes.ndjson'), 'utf8'));
  if (probeSamples.detect(lines) !== 0.97) throw new Error('probes.ndjson is not detected as probe-samples');
  const result = probeSamples.parse(lines, { path: 'probes.ndjson', inputZone: 'UTC', capturedAt: null, fallbackAnchor: { at: { earliest: 0, latest: 0 }, origin: 'read-time' } });
  return result.records.filter((record): record is ProbeRecord => record.kind === 'probe');
}

const T0 = Date.parse('2024-11-05T05:00:00Z');

/** The API as the stand-in outage has it: Unauthorized in second 3, connection refused in 4 and 5, answering otherwise. */
function outage(events: Buffer): (args: string[], at: number) => Behaviour {
  return (args, at) => {
    const second = Math.floor((at - T0) / 1000);
    if (second === 3) return { after: 150, exitCode: 1, stderr: `${unauthorized}\n` };
    if (second === 4 || second === 5) return { after: 150, exitCode: 1, stderr: `${refused}\n` };
    return args.includes('events') ? { after: 400, exitCode: 0, stdout: events.toString('utf8') } : { after: 150, exitCode: 0, stdout: 'ok' };
  };
}

test('record --duration: samples on cadence, the outage with its error classes, events files, what it said; report reads the directory', async (t) => {
  const clock = new FakeClock(T0);
  const events = readFileSync(join(projectRoot, 'fixtures/kubectl-1.32/get-events-A-o-json.json'));
  const kubectl = fakeKubectl(clock, outage(events));
  const out = outDir();
  const terminal = capturingTerminal();
  const argv = { out, interval: '1s', 'events-every': '3s', duration: '9s', kubectl: 'kubectl', 'max-file-size': '10MiB' };
  t.is(await clock.drive(runRecord(argv, terminal, { clock, spawn: kubectl.spawn })), 0);

  // One JSON line per sample, each started on the 1 s cadence.
  const lines = readFileSync(join(out, 'probes.ndjson'), 'utf8').split('\n');
  t.is(lines.pop(), '');
  const parsed = lines.map((line) => JSON.parse(line) as { kind: string; at: string; ok: boolean; errorClass: string | null; stderr: string; command: string[] });
  const samples = parsed.filter((line) => line.kind === 'probe-sample');
  t.deepEqual(
    samples.map((sample) => [sample.at, sample.errorClass]),
    [0, 1, 2, 3, 4, 5, 6, 7, 8].map((second) => [new Date(T0 + second * 1000).toISOString(), second === 3 ? 'unauthorized' : second === 4 || second === 5 ? 'connection-refused' : null]),
  );
  t.deepEqual(samples[0]!.command, ['kubectl', 'get', '--raw', '/readyz']);
  t.is(samples[3]!.stderr, `${unauthorized}\n`);

  // Events at 0 s and 6 s are saved, named from when each capture began; the one at 3 s fell in the outage and is a line instead.
  t.deepEqual(readdirSync(out).sort(), ['events-20241105T050000Z.json', 'events-20241105T050006Z.json', 'probes.ndjson']);
  t.deepEqual(readFileSync(join(out, 'events-20241105T050006Z.json')), events);
  t.deepEqual(
    parsed.filter((line) => line.kind === 'events-capture-failed').map((line) => [line.at, line.errorClass, line.command.slice(1)]),
    [['2024-11-05T05:00:03.000Z', 'unauthorized', ['get', 'events', '-A', '-o', 'json']]],
  );

  // probe-samples reads the failed span back.
  const down = probesOf(out).filter((probe) => !probe.ok);
  t.deepEqual(down.map((probe) => [new Date(probe.at.earliest).toISOString(), probe.errorClass]), [
    ['2024-11-05T05:00:03.000Z', 'unauthorized'],
    ['2024-11-05T05:00:04.000Z', 'connection-refused'],
    ['2024-11-05T05:00:05.000Z', 'connection-refused'],
  ]);

  t.is(
    terminal.stderr(),
    [
      `kube-postmortem record: \`kubectl get --raw /readyz\` every 1 s (timeout 1 s), events every 3 s, into ${out}; Ctrl-C to stop`,
      '05:00:03Z events not saved: unauthorized',
      `05:00:03Z failing: unauthorized (${unauthorized})`,
      '05:00:06Z answering again after 3 s (3 failed samples)',
      `kube-postmortem record: stopped after 8 s: 9 samples, 3 failed (connection-refused 2, unauthorized 1); 3 events captures, 1 failed; 3 files in ${out} (probes.ndjson, 2 events-*.json)`,
      '',
    ].join('\n'),
  );

  // report reads the directory as it is.
  const report = await runCommand(['report', out, '--format', 'json', '--stdout']);
  t.is(report.code, 0, report.stderr);
  const inputs = ReportSchema.parse(JSON.parse(report.stdout)).inputs;
  t.deepEqual(
    inputs.map((input) => [input.path.slice(out.length + 1), input.format]),
    [
      ['events-20241105T050000Z.json', 'json-events'],
      ['events-20241105T050006Z.json', 'json-events'],
      ['probes.ndjson', 'probe-samples'],
    ],
  );
});

test('Ctrl-C stops it cleanly: the last line is whole, a summary is printed, exit 0; kubectl found on PATH, probe after --', async (t) => {
  const kubectl = standInDir();
  const out = outDir();
  const child = spawn('node', [cliPath, 'record', '--out', out, '--interval', '1s', '--events-every', '0', '--', 'get', 'namespaces', '-o', 'name'], {
    cwd: projectRoot,
    env: { ...process.env, PATH: `${kubectl}${delimiter}${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const file = join(out, 'probes.ndjson');
  // Until two samples are written, however long a loaded machine takes (ava's timeout ends a hang).
  while (!(existsSync(file) && readFileSync(file, 'utf8').split('\n').length > 2)) {
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
  const runs = await Promise.all(cases.map(([args]) => runCommand(['record', ...args])));
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
