// Reads the encoding fixtures, directories, stdin and broken inputs through readInputs.
import test from 'ava';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readInputs, type InputOutcome, type SourceText } from '../../src/inputs/index.js';
import { describeFsError } from '../../src/inputs/read-inputs.js';

const fixtures = path.resolve('fixtures/encodings');
const fixture = (name: string): string => path.join(fixtures, name);

const expectedLines = fs.readFileSync(fixture('utf8.txt'), 'utf8').split('\n').slice(0, -1);

function source(outcome: InputOutcome | undefined): SourceText {
  if (outcome === undefined) throw new Error('missing outcome');
  if (!outcome.ok) throw new Error(`${outcome.path}: ${outcome.reason}`);
  return outcome.source;
}

async function readOne(name: string): Promise<SourceText> {
  const [outcome] = await readInputs([fixture(name)]);
  return source(outcome);
}

function tempDir(t: { teardown: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpm-inputs-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the reference table has a header and two rows', (t) => {
  t.is(expectedLines.length, 3);
  t.true(expectedLines[0]!.startsWith('NAMESPACE     LAST SEEN   TYPE'));
});

const variants: ReadonlyArray<[string, Partial<SourceText>]> = [
  ['utf8.txt', { encoding: 'utf-8', crlf: false, ansi: false, gzip: false }],
  ['utf8-bom.txt', { encoding: 'utf-8-bom', crlf: false, ansi: false, gzip: false }],
  ['utf16le-bom.txt', { encoding: 'utf-16le', crlf: true, ansi: false, gzip: false }],
  ['utf16be-bom.txt', { encoding: 'utf-16be', crlf: false, ansi: false, gzip: false }],
  ['crlf.txt', { encoding: 'utf-8', crlf: true, ansi: false, gzip: false }],
  ['ansi-kubecolor.txt', { encoding: 'utf-8', crlf: false, ansi: true, gzip: false }],
  ['events.txt.gz', { encoding: 'utf-8', crlf: false, ansi: false, gzip: true }],
];

for (const [name, flags] of variants) {
  test(`${name} reads as the reference lines with the right flags`, async (t) => {
    const read = await readOne(name);
    t.deepEqual(read.lines, expectedLines);
    t.like(read, flags);
  });
}

test('size and sha256 describe the stored bytes, not the gunzipped ones', async (t) => {
  const stored = fs.readFileSync(fixture('events.txt.gz'));
  const read = await readOne('events.txt.gz');
  t.is(read.size, stored.length);
  t.is(read.sha256, createHash('sha256').update(stored).digest('hex'));
  t.regex(read.sha256, /^[0-9a-f]{64}$/);
});

test('file times: mtime from the file, readAt from the injected clock', async (t) => {
  const [outcome] = await readInputs([fixture('utf8.txt')], { now: () => 1_700_000_000_000 });
  const read = source(outcome);
  t.is(read.readAtMs, 1_700_000_000_000);
  t.is(read.mtimeMs, fs.statSync(fixture('utf8.txt')).mtimeMs);
  t.is(read.path, fixture('utf8.txt'));
});

test('gzip is recognised by its magic bytes whatever the name', async (t) => {
  const dir = tempDir(t);
  const renamed = path.join(dir, 'events.txt');
  fs.copyFileSync(fixture('events.txt.gz'), renamed);
  const [outcome] = await readInputs([renamed]);
  t.like(source(outcome), { gzip: true, lines: expectedLines });
});

test('a truncated gzip is refused with a plain reason', async (t) => {
  const outcomes = await readInputs([fixture('truncated.txt.gz')]);
  t.deepEqual(outcomes, [
    { ok: false, path: fixture('truncated.txt.gz'), reason: 'gzip data is corrupt or truncated (unexpected end of file)' },
  ]);
});

test('binary data is refused with the offset of the first NUL', async (t) => {
  const outcomes = await readInputs([fixture('binary.bin')]);
  t.deepEqual(outcomes, [{ ok: false, path: fixture('binary.bin'), reason: 'binary data (NUL bytes at offset 8), not text' }]);
});

test('an empty file is read as zero lines', async (t) => {
  const read = await readOne('empty.txt');
  t.like(read, { lines: [], size: 0, encoding: 'utf-8', crlf: false, ansi: false, gzip: false });
  t.is(read.sha256, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('a missing path becomes an outcome and the other inputs are still read', async (t) => {
  const missing = fixture('no-such-capture.txt');
  const outcomes = await readInputs([fixture('utf8.txt'), missing, fixture('crlf.txt')]);
  t.is(outcomes.length, 3);
  t.deepEqual(source(outcomes[0]).lines, expectedLines);
  t.deepEqual(outcomes[1], { ok: false, path: missing, reason: 'no such file or directory' });
  t.deepEqual(source(outcomes[2]).lines, expectedLines);
});

test('a path given twice is read twice', async (t) => {
  const outcomes = await readInputs([fixture('utf8.txt'), fixture('utf8.txt')]);
  t.deepEqual(outcomes.map((o) => o.ok), [true, true]);
});

test('directories are walked recursively in code-unit order, expanded in place', async (t) => {
  const dir = tempDir(t);
  const write = (rel: string, text = 'line\n'): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  // Upper case sorts before lower case, '.' before letters: a locale sort would differ.
  write('b.txt');
  write('B.txt');
  write('a/z.txt');
  write('a/deeper/y.txt');
  write('.hidden/x.txt');
  write('a10.txt');
  write('a2.txt');
  fs.mkdirSync(path.join(dir, 'empty-sub'));

  const outcomes = await readInputs([fixture('utf8.txt'), dir, fixture('crlf.txt')]);
  const paths = outcomes.map((o) => (o.ok ? o.source.path : o.path));
  t.deepEqual(paths, [
    fixture('utf8.txt'),
    path.join(dir, '.hidden/x.txt'),
    path.join(dir, 'B.txt'),
    path.join(dir, 'a/deeper/y.txt'),
    path.join(dir, 'a/z.txt'),
    path.join(dir, 'a10.txt'),
    path.join(dir, 'a2.txt'),
    path.join(dir, 'b.txt'),
    fixture('crlf.txt'),
  ]);
  t.true(outcomes.every((o) => o.ok));
});

test('an empty directory is one outcome', async (t) => {
  const dir = tempDir(t);
  t.deepEqual(await readInputs([dir]), [{ ok: false, path: dir, reason: 'directory holds no files' }]);
});

test('symlinked directories are not followed, symlinked files are read', async (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'real.txt'), 'hello\n');
  fs.symlinkSync(dir, path.join(dir, 'loop'));
  fs.symlinkSync(path.join(dir, 'real.txt'), path.join(dir, 'link.txt'));
  fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
  const outcomes = await readInputs([dir]);
  t.deepEqual(
    outcomes.map((o) => (o.ok ? [o.source.path, o.source.lines] : [o.path, o.reason])),
    [
      [path.join(dir, 'dangling.txt'), 'symbolic link to nothing readable (no such file or directory)'],
      [path.join(dir, 'link.txt'), ['hello']],
      [path.join(dir, 'loop'), 'symbolic link to a directory, not followed'],
      [path.join(dir, 'real.txt'), ['hello']],
    ],
  );
});

test('non-regular files met in a walk are skipped with an outcome', async (t) => {
  const dir = tempDir(t);
  const net = await import('node:net');
  const socketPath = path.join(dir, 'agent.sock');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  t.teardown(() => server.close());
  fs.writeFileSync(path.join(dir, 'events.txt'), 'x\n');
  const outcomes = await readInputs([dir]);
  t.deepEqual(outcomes[0], { ok: false, path: socketPath, reason: 'not a regular file (socket), skipped' });
  t.true(outcomes[1]?.ok);
});

test('stdin is read fully from the given stream', async (t) => {
  const text = fs.readFileSync(fixture('utf16le-bom.txt'));
  const stdin = Readable.from([text.subarray(0, 7), text.subarray(7, 300), text.subarray(300)]);
  const outcomes = await readInputs(['-', fixture('utf8.txt')], { stdin, now: () => 42 });
  const read = source(outcomes[0]);
  t.like(read, { path: 'stdin', mtimeMs: null, readAtMs: 42, encoding: 'utf-16le', crlf: true, size: text.length });
  t.deepEqual(read.lines, expectedLines);
  t.true(outcomes[1]?.ok);
});

test('gzipped stdin is gunzipped too', async (t) => {
  const stdin = Readable.from([fs.readFileSync(fixture('events.txt.gz'))]);
  const [outcome] = await readInputs(['-'], { stdin });
  t.like(source(outcome), { gzip: true, lines: expectedLines });
});

test('a failing stdin stream becomes an outcome', async (t) => {
  const stdin = new Readable({
    read() {
      this.destroy(new Error('stream exploded'));
    },
  });
  t.deepEqual(await readInputs(['-'], { stdin }), [{ ok: false, path: 'stdin', reason: 'stream exploded' }]);
});

test('a 10 MB single line is read intact', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'long.txt');
  const line = 'default   1s   Warning   Huge   pod/x   ' + 'abcdefghij'.repeat(1_000_000);
  fs.writeFileSync(file, line + '\n');
  const [outcome] = await readInputs([file]);
  const read = source(outcome);
  t.is(read.lines.length, 1);
  t.is(read.lines[0]!.length, line.length);
  t.true(read.lines[0] === line);
});

test('filesystem errors are described in plain words', (t) => {
  const withCode = (code: string, message: string): Error => Object.assign(new Error(message), { code });
  t.is(describeFsError(withCode('EACCES', "EACCES: permission denied, open '/x'")), 'permission denied');
  t.is(describeFsError(withCode('ENOENT', "ENOENT: no such file or directory, open '/x'")), 'no such file or directory');
  t.is(describeFsError(withCode('EXDEV', "EXDEV: cross-device link not permitted, open '/x'")), 'cross-device link not permitted');
});

test('an unreadable file is reported as permission denied', async (t) => {
  if (process.getuid?.() === 0) {
    t.pass('running as root: file modes do not deny reads');
    return;
  }
  const dir = tempDir(t);
  const file = path.join(dir, 'secret.txt');
  fs.writeFileSync(file, 'x\n');
  fs.chmodSync(file, 0o000);
  t.deepEqual(await readInputs([file]), [{ ok: false, path: file, reason: 'permission denied' }]);
});
