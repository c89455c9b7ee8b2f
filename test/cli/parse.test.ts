// `kube-postmortem parse` as a user runs it: real files, exit codes, stderr (stdin, and an
// unreadable input's exit status, through the built CLI).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { z } from 'zod';
import { InputSummarySchema, UnreadableInputSchema } from '../../src/model/input-summary.js';
import { projectRoot, runCommand, spawnCli } from '../helpers/run-cli.js';

const root = projectRoot;
const run = (args: string[]) => runCommand(args);

const records = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
const noStackTrace = (t: import('ava').ExecutionContext, stderr: string) => t.notRegex(stderr, /\n\s+at /u);

test('the seed incident: 8 records on stdout, the account of its lines on stderr', async (t) => {
  const { code, stdout, stderr } = await run(['parse', 'fixtures/seed/eks-failover.txt', '--captured-at', '2024-11-05T06:02:00Z']);
  t.is(code, 0);
  const parsed = records(stdout);
  t.is(parsed.length, 8);
  t.deepEqual(Object.keys(parsed[0]), [
    'kind', 'namespace', 'type', 'reason', 'object', 'message', 'component', 'host', 'count',
    'firstSeen', 'lastSeen', 'uid', 'name', 'cluster', 'capture', 'notes', 'source',
  ]);
  t.deepEqual(parsed[0].lastSeen, { earliest: '2024-11-05T05:01:00.000Z', latest: '2024-11-05T05:02:00.000Z' });
  t.deepEqual(parsed[7].source, { path: 'fixtures/seed/eks-failover.txt', line: 8, format: 'kubectl-get-events' });
  t.regex(stderr, /format\s+kubectl-text \(kubectl-get-events\)/u);
  t.regex(stderr, /captured\s+2024-11-05T06:02:00Z, from --captured-at/u);
  t.regex(stderr, /lines\s+8 = 8 in records \+ 0 header \+ 0 blank \+ 0 skipped/u);
});

test('--accounting writes every input, with its hash and skipped lines by reason', async (t) => {
  const out = join(mkdtempSync(join(tmpdir(), 'kp-')), 'accounting.json');
  const { code } = await run(['parse', 'fixtures/public/007-kind130-events-A-fluentbit-blog.txt', 'fixtures/encodings', '--accounting', out]);
  t.is(code, 1, 'binary.bin and truncated.txt.gz cannot be read');
  const accounting = z
    .object({ inputs: z.array(InputSummarySchema), unreadable: z.array(UnreadableInputSchema) })
    .parse(JSON.parse(readFileSync(out, 'utf8')));
  const blog = accounting.inputs[0]!;
  t.is(blog.accounting.total, 44);
  t.deepEqual(blog.accounting.skippedByReason, { 'shell-prompt': 1 });
  t.regex(blog.sha256, /^[0-9a-f]{64}$/u);
  t.deepEqual(accounting.unreadable.map((input) => input.path.split('/').pop()), ['binary.bin', 'truncated.txt.gz']);
  const encodings = accounting.inputs.slice(1).filter((input) => !input.path.endsWith('README.md'));
  t.deepEqual(
    encodings.map((input) => [input.path.split('/').pop(), input.encoding, input.accounting.record]),
    [
      ['ansi-kubecolor.txt', 'utf-8', 2],
      ['crlf.txt', 'utf-8', 2],
      ['empty.txt', 'utf-8', 0],
      ['events.txt.gz', 'utf-8', 2],
      ['utf16be-bom.txt', 'utf-16be', 2],
      ['utf16le-bom.txt', 'utf-16le', 2],
      ['utf8-bom.txt', 'utf-8-bom', 2],
      ['utf8.txt', 'utf-8', 2],
    ],
  );
});

test('every encoding of the same table gives the same records', async (t) => {
  const variants = ['utf8.txt', 'utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'crlf.txt', 'ansi-kubecolor.txt', 'events.txt.gz'];
  const outputs = await Promise.all(
    variants.map(async (name) => {
      const { stdout } = await run(['parse', `fixtures/encodings/${name}`, '--captured-at', '2024-11-05T06:02:00Z']);
      return records(stdout).map(({ source, ...record }) => record);
    }),
  );
  t.is(outputs[0]!.length, 2);
  for (const output of outputs.slice(1)) t.deepEqual(output, outputs[0]);
});

test('an unreadable input is reported, and the other inputs are still parsed (exit 1)', async (t) => {
  const { code, stdout, stderr } = await spawnCli(['parse', 'no/such/file.txt', 'fixtures/encodings/binary.bin', 'fixtures/seed/eks-failover.txt']);
  t.is(code, 1);
  t.is(records(stdout).length, 8);
  t.regex(stderr, /no\/such\/file\.txt\n\s+error\s+cannot be read: no such file or directory/u);
  t.regex(stderr, /binary\.bin\n\s+error\s+cannot be read: binary data/u);
  noStackTrace(t, stderr);
});

test('stdin is read with `-`, and its capture time is the moment it was read', async (t) => {
  const { code, stdout, stderr } = await spawnCli(['parse', '-'], { stdin: readFileSync(join(root, 'fixtures/seed/eks-failover.txt'), 'utf8') });
  t.is(code, 0);
  const parsed = records(stdout);
  t.is(parsed.length, 8);
  t.is(parsed[0].source.path, 'stdin');
  t.is(parsed[0].capture.origin, 'read-time');
  t.regex(stderr, /from the time the input was read/u);
});

test('a date line before a table is its capture time, read in --input-tz', async (t) => {
  const { code, stdout, stderr } = await run(['parse', 'fixtures/capture/retry-loop-with-tables.log', '--input-tz', 'Asia/Seoul']);
  t.is(code, 0);
  const events = records(stdout).filter((record) => record.kind === 'event');
  t.is(events.length, 3);
  // 14:59:58 KST is 05:59:58Z; "58m" before it.
  t.deepEqual(events[0].capture, { at: { earliest: '2024-11-05T05:59:58.000Z', latest: '2024-11-05T05:59:58.999Z' }, origin: 'date-line', line: 2 });
  t.deepEqual(events[0].lastSeen, { earliest: '2024-11-05T05:00:58.000Z', latest: '2024-11-05T05:01:58.999Z' });
  t.is(events[1].capture.line, 13);
  t.regex(stderr, /skipped\s+4 separator or marker line: lines 1, 6, 9, 12\n/u);
});

test('each date line of a retry loop starts a sample: answered, or the error kubectl printed', async (t) => {
  const { stdout } = await run(['parse', 'fixtures/capture/retry-loop-with-tables.log', '--input-tz', 'Asia/Seoul']);
  const probes = records(stdout).filter((record) => record.kind === 'probe');
  t.deepEqual(
    probes.map((probe) => [probe.at.earliest, probe.ok, probe.errorClass, probe.source.line]),
    [
      ['2024-11-05T05:59:58.000Z', true, null, 2],
      ['2024-11-05T06:00:01.000Z', false, 'unauthorized', 7],
      ['2024-11-05T06:00:03.000Z', false, 'connection-refused', 10],
      ['2024-11-05T06:00:35.000Z', true, null, 13],
    ],
  );
  t.is(probes[1].error, 'error: You must be logged in to the server (Unauthorized)');
});

test('usage errors exit 2 with a plain message', async (t) => {
  for (const args of [
    ['parse'],
    ['parse', 'x.txt', '--input-tz', 'Mars/Olympus'],
    ['parse', 'x.txt', '--captured-at', 'yesterday-ish'],
    ['parse', 'x.txt', '--no-such-flag'],
    ['frobnicate'],
    [],
  ]) {
    const { code, stderr } = await run(args);
    t.is(code, 2, args.join(' '));
    t.regex(stderr, /^kube-postmortem: .+\nRun kube-postmortem --help for usage\.\n$/u, args.join(' '));
  }
  t.regex((await run(['parse', 'x', '--input-tz', 'Mars/Olympus'])).stderr, /"Mars\/Olympus" is not an IANA time zone/u);
});

test('an accounting file that cannot be written is exit 1, named', async (t) => {
  const { code, stderr } = await run(['parse', 'fixtures/seed/eks-failover.txt', '--accounting', '/no/such/dir/a.json']);
  t.is(code, 1);
  t.regex(stderr, /cannot write \/no\/such\/dir\/a\.json: its directory does not exist/u);
  noStackTrace(t, stderr);
});
