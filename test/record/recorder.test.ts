// The recorder's loop against a fake clock and a scripted kubectl: cadence, timeouts, stops,
// rotation, events files, and errors that never stop it.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { eventsFileName, writeEventsFile } from '../../src/record/files.js';
import { defaultProbeArgs, eventsArgs, KubectlNotFoundError, record, type RecorderOptions } from '../../src/record/recorder.js';
import { FakeClock, fakeKubectl, filesIn, readLines, tempDir, type Behaviour } from './fakes.js';

const T0 = Date.parse('2024-11-05T05:00:00Z');
const iso = (offsetMs: number): string => new Date(T0 + offsetMs).toISOString();

const refused = 'The connection to the server 10.100.0.1:443 was refused - did you specify the right host or port?\n';
const unauthorized = 'error: You must be logged in to the server (Unauthorized)\n';
const ok: Behaviour = { after: 120, exitCode: 0, stdout: 'ok' };

function setup(script: (args: string[], at: number) => Behaviour, overrides: Partial<RecorderOptions> = {}) {
  const clock = new FakeClock(T0);
  const kubectl = fakeKubectl(clock, (args, at) => script(args, at - T0));
  const dir = tempDir();
  const options: RecorderOptions = {
    dir,
    kubectl: 'kubectl',
    probeArgs: defaultProbeArgs,
    eventsArgs,
    intervalMs: 1000,
    timeoutMs: 1000,
    eventsEveryMs: 0,
    maxFileBytes: 10 * 1024 * 1024,
    durationMs: 5000,
    ...overrides,
  };
  const warnings: string[] = [];
  const run = () => clock.drive(record(options, { clock, spawn: kubectl.spawn, warn: (message) => warnings.push(message) }));
  return { clock, dir, calls: kubectl.calls, run, warnings };
}

const isEvents = (args: string[]) => args.includes('events');

test('samples keep the cadence: each starts at start + n·interval, however long the last one took', async (t) => {
  const { run, dir, calls } = setup((_, at) => ({ after: at === 0 ? 900 : 350, exitCode: 0 }));
  const summary = await run();
  t.deepEqual(
    calls.map((call) => call.at - T0),
    [0, 1000, 2000, 3000, 4000],
  );
  const lines = readLines(dir);
  t.deepEqual(
    lines.map((line) => line.at),
    [0, 1000, 2000, 3000, 4000].map(iso),
  );
  t.deepEqual(lines[0], {
    kind: 'probe-sample',
    at: iso(0),
    durationMs: 900,
    exitCode: 0,
    ok: true,
    errorClass: null,
    stderr: '',
    command: ['kubectl', 'get', '--raw', '/readyz'],
  });
  t.like(summary, { samples: 5, failed: 0, missedSlots: 0, interrupted: 0, files: ['probes.ndjson'] });
  // The JSON keys come in a fixed order, `kind` first, which is what the format detects.
  t.regex(readFileSync(join(dir, 'probes.ndjson'), 'utf8'), /^\{"kind":"probe-sample","at":"2024-11-05T05:00:00\.000Z","durationMs":900,/u);
});

test('a probe that overstays its timeout is killed and recorded as a timeout', async (t) => {
  const { run, dir, calls } = setup((_, at) => (at === 1000 ? { hang: true, stderr: 'I1105 05:00:01 half a log line' } : ok), { timeoutMs: 700 });
  const summary = await run();
  t.is(calls[1]!.killedAt! - T0, 1700);
  t.true(calls.filter((call) => call !== calls[1]).every((call) => call.killedAt === null));
  const timedOut = readLines(dir)[1]!;
  t.like(timedOut, { at: iso(1000), durationMs: 700, exitCode: null, ok: false, errorClass: 'timeout', stderr: 'I1105 05:00:01 half a log line' });
  t.like(summary, { samples: 5, failed: 1, failuresByClass: { timeout: 1 } });
});

test('a timeout longer than the interval passes over the slots a hung probe covered, then keeps the cadence', async (t) => {
  const { run, dir } = setup((_, at) => (at === 1000 ? { hang: true } : ok), { timeoutMs: 2500, durationMs: 7000 });
  const summary = await run();
  // The hung probe runs 1000–3500: slot 2000 is passed over; 3000's interval is not over yet, so it runs late.
  t.deepEqual(
    readLines(dir).map((line) => [line.at, line.errorClass]),
    [
      [iso(0), null],
      [iso(1000), 'timeout'],
      [iso(3500), null],
      [iso(4000), null],
      [iso(5000), null],
      [iso(6000), null],
    ],
  );
  t.is(summary.missedSlots, 1);
});

test('errors never stop it: every failure is a line with its class, and the loop goes on', async (t) => {
  const outcomes: Behaviour[] = [
    ok,
    { after: 40, exitCode: 1, stderr: unauthorized },
    { after: 3, exitCode: 1, stderr: refused },
    { spawnError: 'EAGAIN' },
    { after: 80, exitCode: 1, stderr: 'Error from server: etcdserver: leader changed\n' },
    { after: 90, exitCode: 2, stderr: '' },
    ok,
  ];
  const { run, dir } = setup((_, at) => outcomes[at / 1000]!, { durationMs: 7000 });
  const summary = await run();
  const lines = readLines(dir);
  t.deepEqual(
    lines.map((line) => [line.ok, line.errorClass, line.exitCode]),
    [
      [true, null, 0],
      [false, 'unauthorized', 1],
      [false, 'connection-refused', 1],
      [false, 'other', null],
      [false, 'etcd-leader-changed', 1],
      [false, 'other', 2],
      [true, null, 0],
    ],
  );
  t.is(lines[2]!.stderr, refused);
  t.is(lines[3]!.stderr, 'cannot run kubectl: spawn kubectl EAGAIN');
  t.like(summary, { samples: 7, failed: 5, failuresByClass: { unauthorized: 1, 'connection-refused': 1, other: 2, 'etcd-leader-changed': 1 } });
});

test('stderr is kept to its first 2000 characters, and classed from all of it', async (t) => {
  const noise = 'E1105 05:00:00.000000   4242 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list"\n'.repeat(30);
  const { run, dir } = setup(() => ({ after: 10, exitCode: 1, stderr: noise + refused }), { durationMs: 1000 });
  await run();
  const [line] = readLines(dir);
  t.is((line!.stderr as string).length, 2000);
  t.is(line!.errorClass, 'connection-refused');
});

test('kubectl that does not exist stops it at once with KubectlNotFoundError, and nothing is written', async (t) => {
  const { run, dir } = setup(() => ({ spawnError: 'ENOENT' }), { eventsEveryMs: 3000, durationMs: null });
  const error = await t.throwsAsync(run(), { instanceOf: KubectlNotFoundError });
  t.regex(error!.message, /cannot run kubectl: no such program/u);
  t.deepEqual(filesIn(dir), []);
});

test('events are saved every --events-every as events-<capture time>.json; a failed capture is a line, not a file', async (t) => {
  const list = '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}\n';
  const { run, dir, calls } = setup(
    (args, at) => {
      if (!isEvents(args)) return ok;
      if (at === 3000) return { after: 15, exitCode: 1, stderr: unauthorized };
      return { after: 1500, exitCode: 0, stdout: list };
    },
    { eventsEveryMs: 3000, durationMs: 9000 },
  );
  const summary = await run();
  t.deepEqual(filesIn(dir), ['events-20241105T050000Z.json', 'events-20241105T050006Z.json', 'probes.ndjson']);
  t.is(readFileSync(join(dir, 'events-20241105T050006Z.json'), 'utf8'), list);
  t.deepEqual(
    calls.filter((call) => isEvents(call.args)).map((call) => [call.at - T0, call.args]),
    [0, 3000, 6000].map((at) => [at, ['get', 'events', '-A', '-o', 'json']]),
  );
  const lines = readLines(dir);
  t.is(lines.filter((line) => line.kind === 'probe-sample').length, 9);
  t.deepEqual(
    lines.filter((line) => line.kind === 'events-capture-failed'),
    [
      {
        kind: 'events-capture-failed',
        at: iso(3000),
        durationMs: 15,
        exitCode: 1,
        ok: false,
        errorClass: 'unauthorized',
        stderr: unauthorized,
        command: ['kubectl', 'get', 'events', '-A', '-o', 'json'],
      },
    ],
  );
  t.like(summary, { samples: 9, failed: 0, eventsCaptured: 2, eventsFailed: 1 });
  t.deepEqual(summary.files, ['events-20241105T050000Z.json', 'events-20241105T050006Z.json', 'probes.ndjson']);
});

test('an events capture gets twice the probe timeout, and a slow one does not hold up the probes', async (t) => {
  const { run, dir, calls } = setup((args) => (isEvents(args) ? { hang: true } : ok), { eventsEveryMs: 60_000, timeoutMs: 1000, durationMs: 4000 });
  const summary = await run();
  const capture = calls.find((call) => isEvents(call.args))!;
  t.is(capture.killedAt! - T0, 2000);
  t.deepEqual(
    calls.filter((call) => !isEvents(call.args)).map((call) => call.at - T0),
    [0, 1000, 2000, 3000],
  );
  t.like(
    readLines(dir).find((line) => line.kind === 'events-capture-failed'),
    { errorClass: 'timeout', exitCode: null, durationMs: 2000 },
  );
  t.like(summary, { eventsCaptured: 0, eventsFailed: 1 });
});

test('two captures in one second get distinct names', (t) => {
  const dir = tempDir();
  const at = Date.parse('2024-11-05T05:01:02.250Z');
  t.is(eventsFileName(at), 'events-20241105T050102Z.json');
  t.is(writeEventsFile(dir, at, Buffer.from('{}')), 'events-20241105T050102Z.json');
  t.is(writeEventsFile(dir, at + 500, Buffer.from('{}')), 'events-20241105T050102Z-2.json');
  t.deepEqual(filesIn(dir), ['events-20241105T050102Z-2.json', 'events-20241105T050102Z.json']);
});

test('probes.ndjson rotates by size into probes.1.ndjson (newest) … and no line is lost', async (t) => {
  const { run, dir } = setup(() => ok, { durationMs: 20_000, maxFileBytes: 1024 });
  const summary = await run();
  const names = filesIn(dir);
  t.deepEqual(names, ['probes.1.ndjson', 'probes.2.ndjson', 'probes.3.ndjson', 'probes.ndjson']);
  t.deepEqual(summary.files, names);
  for (const name of names) t.true(statSync(join(dir, name)).size <= 1024, name);
  // Oldest first: probes.3, probes.2, probes.1, then the live file.
  const times = ['probes.3.ndjson', 'probes.2.ndjson', 'probes.1.ndjson', 'probes.ndjson'].flatMap((name) => readLines(dir, name).map((line) => line.at));
  t.deepEqual(
    times,
    Array.from({ length: 20 }, (_, n) => iso(n * 1000)),
  );
});

test('a second run into the same directory appends, and counts what is there toward the size', async (t) => {
  const first = setup(() => ok, { durationMs: 3000 });
  await first.run();
  const existing = readFileSync(join(first.dir, 'probes.ndjson'), 'utf8');
  const second = setup(() => ok, { dir: first.dir, durationMs: 3000, maxFileBytes: existing.length + 250 });
  await second.run();
  t.deepEqual(filesIn(first.dir), ['probes.1.ndjson', 'probes.ndjson']);
  t.true(readFileSync(join(first.dir, 'probes.1.ndjson'), 'utf8').startsWith(existing));
});

test('a stop lets the run in flight finish within the grace and records it, then starts nothing more', async (t) => {
  const controller = new AbortController();
  const { run, dir, calls, clock } = setup((_, at) => (at === 2000 ? { after: 300, exitCode: 1, stderr: refused } : ok), {
    durationMs: null,
    signal: controller.signal,
    stopGraceMs: 500,
    eventsEveryMs: 60_000,
  });
  void clock.sleep(2100).then(() => controller.abort());
  const summary = await run();
  t.deepEqual(
    readLines(dir).filter((line) => line.kind === 'probe-sample').map((line) => [line.at, line.ok]),
    [
      [iso(0), true],
      [iso(1000), true],
      [iso(2000), false],
    ],
  );
  t.is(calls.length, 4);
  t.is(clock.now() - T0, 2300);
  t.like(summary, { samples: 3, failed: 1, interrupted: 0, eventsCaptured: 1 });
  t.is(summary.endedAt - T0, 2300);
});

test('a run still going when the grace ends is killed and left out: its outcome says nothing about the API', async (t) => {
  const controller = new AbortController();
  const { run, dir, calls, clock } = setup((_, at) => (at === 2000 ? { after: 900, exitCode: 0 } : ok), {
    durationMs: null,
    signal: controller.signal,
    stopGraceMs: 200,
  });
  void clock.sleep(2100).then(() => controller.abort());
  const summary = await run();
  t.is(calls[2]!.killedAt! - T0, 2300);
  t.is(readLines(dir).length, 2);
  t.like(summary, { samples: 2, interrupted: 1 });
  // Every line written is whole.
  t.true(readFileSync(join(dir, 'probes.ndjson'), 'utf8').endsWith('}\n'));
});

test('at the end of --duration the runs in flight finish and are recorded; nothing new starts', async (t) => {
  const { run, dir, calls } = setup((args) => (isEvents(args) ? { after: 1800, exitCode: 0, stdout: '{}' } : { after: 600, exitCode: 0 }), {
    durationMs: 3000,
    eventsEveryMs: 2000,
    timeoutMs: 1000,
  });
  const summary = await run();
  t.deepEqual(
    calls.map((call) => [call.at - T0, isEvents(call.args)]),
    [
      [0, false],
      [0, true],
      [1000, false],
      [2000, false],
      [2000, true],
    ],
  );
  t.true(calls.every((call) => call.killedAt === null));
  t.is(readLines(dir).length, 3);
  t.like(summary, { samples: 3, eventsCaptured: 2, endedAt: T0 + 3800 });
});

test('a directory that cannot be written to is warned about once per problem, and the loop goes on', async (t) => {
  const parent = tempDir();
  writeFileSync(join(parent, 'blocker'), '');
  const { run, warnings } = setup(() => ok, { dir: join(parent, 'blocker'), durationMs: 3000 });
  const summary = await run();
  t.like(summary, { samples: 3, writeErrors: 3, files: [] });
  t.is(warnings.length, 1);
  t.regex(warnings[0]!, /^cannot write probes\.ndjson in .*blocker: ENOTDIR/u);
});
