// Support bundles: `.tar.gz`/`.tgz`/`.tar` archives read in place, one input per regular-file member.
import test from 'ava';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack, type Header } from 'tar-stream';
import { eachInput, readInputs, readSource, type InputOutcome, type SourceText } from '../../src/inputs/index.js';

const bundles = path.resolve('fixtures/bundles');
const bundle = path.join(bundles, 'eks-crawler-events.tar.gz');
const referenceJson = path.resolve('fixtures/reference/kubectl-get-events-A-o-json.json');
const utf8Reference = path.resolve('fixtures/encodings/utf8.txt');

const BUNDLE_MTIME_MS = Date.parse('2024-11-05T06:02:00Z');
const referenceLines = fs.readFileSync(utf8Reference, 'utf8').split('\n').slice(0, -1);

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const pathOf = (outcome: InputOutcome): string => (outcome.ok ? outcome.source.path : outcome.path);
const summary = (outcome: InputOutcome): [string, number | string] =>
  outcome.ok ? [outcome.source.path, outcome.source.lines.length] : [outcome.path, outcome.reason];

function source(outcome: InputOutcome | undefined): SourceText {
  if (outcome === undefined) throw new Error('missing outcome');
  if (!outcome.ok) throw new Error(`${outcome.path}: ${outcome.reason}`);
  return outcome.source;
}

function tempDir(t: { teardown: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpm-bundles-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

type Member = { header: Partial<Header> & { name: string }; body?: Uint8Array | string };

/** A tar archive in memory, built with tar-stream's pack. */
async function tarOf(members: readonly Member[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    archive.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
  });
  const mtime = new Date(BUNDLE_MTIME_MS);
  for (const { header, body } of members) {
    await new Promise<void>((resolve, reject) => {
      const callback = (error?: Error | null): void => (error ? reject(error) : resolve());
      if (body === undefined) archive.entry({ mtime, ...header }, callback);
      else archive.entry({ mtime, ...header }, body, callback);
    });
  }
  archive.finalize();
  return done;
}

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

const table = fs.readFileSync(utf8Reference);

test('the checked-in bundle: members in archive order, named archive!member, directories skipped', async (t) => {
  const outcomes = await readInputs([bundle], { now: () => 7 });
  t.deepEqual(outcomes.map(summary), [
    [`${bundle}!eks-logs/kubectl/get-events-A-o-json.json`, 381],
    [`${bundle}!eks-logs/kubectl/get-events.txt`, 5],
    [`${bundle}!eks-logs/system/core.kubelet.4312`, 'binary data (NUL bytes at offset 7), not text'],
  ]);

  const reference = fs.readFileSync(referenceJson);
  const json = source(outcomes[0]);
  t.deepEqual(json.lines, reference.toString('utf8').split('\n').slice(0, -1));
  // The member's bytes inside the archive, not the archive's.
  t.like(json, { size: reference.length, sha256: sha256(reference), gzip: false, encoding: 'utf-8', mtimeMs: BUNDLE_MTIME_MS, readAtMs: 7 });

  const events = source(outcomes[1]);
  t.regex(events.lines[0]!, /^NAMESPACE {5}LAST SEEN {3}TYPE {5}REASON {11}OBJECT {4}/);
  t.true(events.lines[1]!.startsWith('kube-system   60m         Normal   LeaderElection   lease/kube-scheduler'));
  t.is(events.size, 880);
});

test('gzipped members are gunzipped by magic; size and sha256 are of the stored gzip bytes', async (t) => {
  const gz = gzipSync(table);
  const archive = await tarOf([
    { header: { name: 'logs/', type: 'directory' } },
    { header: { name: 'logs/events.txt.gz' }, body: gz },
    { header: { name: 'logs/renamed.log' }, body: gz },
    { header: { name: 'logs/plain.txt' }, body: table },
    { header: { name: 'logs/empty.txt' }, body: '' },
  ]);
  const dir = tempDir(t);
  const file = write(dir, 'bundle.tar', archive);
  const outcomes = await readInputs([file]);
  t.deepEqual(outcomes.map(pathOf), [
    `${file}!logs/events.txt.gz`,
    `${file}!logs/renamed.log`,
    `${file}!logs/plain.txt`,
    `${file}!logs/empty.txt`,
  ]);
  for (const outcome of outcomes.slice(0, 2)) {
    t.like(source(outcome), { gzip: true, lines: referenceLines, size: gz.length, sha256: sha256(gz), mtimeMs: BUNDLE_MTIME_MS });
  }
  t.like(source(outcomes[2]), { gzip: false, lines: referenceLines, size: table.length, sha256: sha256(table) });
  t.like(source(outcomes[3]), { lines: [], size: 0, sha256: sha256(new Uint8Array()) });
});

test('.tar, .tgz, .tar.gz and a misnamed archive are all recognised by content', async (t) => {
  const archive = await tarOf([{ header: { name: 'events.txt' }, body: table }]);
  const dir = tempDir(t);
  const files = [
    write(dir, 'a.tar', archive),
    write(dir, 'b.tgz', gzipSync(archive)),
    write(dir, 'c.tar.gz', gzipSync(archive)),
    write(dir, 'd-events.txt', gzipSync(archive)),
    write(dir, 'e-events.log', archive),
  ];
  const outcomes = await readInputs(files);
  t.deepEqual(
    outcomes.map((o) => [pathOf(o), source(o).lines]),
    files.map((file) => [`${file}!events.txt`, referenceLines]),
  );
  // The member is plain text: the gzip around the archive is not the member's.
  t.true(outcomes.every((o) => source(o).gzip === false));
});

test('a plain .gz of a text file, even named .tar.gz, stays one input', async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'looks-like-a-bundle.tar.gz', gzipSync(table));
  const outcomes = await readInputs([file]);
  t.is(outcomes.length, 1);
  t.like(source(outcomes[0]), { path: file, gzip: true, lines: referenceLines });
});

test('a directory holding a bundle is walked and the bundle opened in place', async (t) => {
  const dir = tempDir(t);
  write(dir, 'a-first.txt', table);
  fs.copyFileSync(bundle, path.join(dir, 'eks_i-0abc_2024-11-05_0602-UTC_0.7.6.tar.gz'));
  write(dir, 'z-last.txt', table);
  const outcomes = await readInputs([dir]);
  const opened = path.join(dir, 'eks_i-0abc_2024-11-05_0602-UTC_0.7.6.tar.gz');
  t.deepEqual(outcomes.map(pathOf), [
    path.join(dir, 'a-first.txt'),
    `${opened}!eks-logs/kubectl/get-events-A-o-json.json`,
    `${opened}!eks-logs/kubectl/get-events.txt`,
    `${opened}!eks-logs/system/core.kubelet.4312`,
    path.join(dir, 'z-last.txt'),
  ]);
});

test('links, devices and nested tars are outcomes with a reason; the members after them are read', async (t) => {
  const inner = await tarOf([{ header: { name: 'inner.txt' }, body: table }]);
  const archive = await tarOf([
    { header: { name: './kubectl/', type: 'directory' } },
    { header: { name: './kubectl/events.txt' }, body: table },
    { header: { name: './kubectl/latest', type: 'symlink', linkname: 'events.txt' } },
    { header: { name: './kubectl/again.txt', type: 'link', linkname: 'kubectl/events.txt' } },
    { header: { name: './dev/null', type: 'character-device' } },
    { header: { name: './pipe', type: 'fifo' } },
    { header: { name: './nested.tar.gz' }, body: gzipSync(inner) },
    { header: { name: './nested.tar' }, body: inner },
    { header: { name: './after.txt' }, body: table },
  ]);
  const dir = tempDir(t);
  const file = write(dir, 'bundle.tgz', gzipSync(archive));
  const outcomes = await readInputs([file]);
  // A leading "./" (what `tar -C dir .` stores) is dropped from member names.
  t.deepEqual(outcomes.map(summary), [
    [`${file}!kubectl/events.txt`, 3],
    [`${file}!kubectl/latest`, 'symbolic link to events.txt inside the archive, not followed'],
    [`${file}!kubectl/again.txt`, 'hard link to kubectl/events.txt inside the archive, read under that name'],
    [`${file}!dev/null`, 'not a regular file (character device), skipped'],
    [`${file}!pipe`, 'not a regular file (named pipe), skipped'],
    [`${file}!nested.tar.gz`, 'a tar inside a tar is not opened'],
    [`${file}!nested.tar`, 'a tar inside a tar is not opened'],
    [`${file}!after.txt`, 3],
  ]);
});

test('a binary member is refused like a binary file and the members after it are read', async (t) => {
  const binary = Buffer.alloc(4096, 0);
  binary.write('\x7fELF', 0, 'latin1');
  const archive = await tarOf([
    { header: { name: 'var/log/core.1' }, body: binary },
    { header: { name: 'var/log/kubelet.log' }, body: table },
  ]);
  const dir = tempDir(t);
  const file = write(dir, 'eks_i-0123_2024.tar.gz', gzipSync(archive));
  const outcomes = await readInputs([file]);
  t.deepEqual(outcomes.map(summary), [
    [`${file}!var/log/core.1`, 'binary data (NUL bytes at offset 4), not text'],
    [`${file}!var/log/kubelet.log`, 3],
  ]);
});

test('a truncated .tar.gz keeps the members read so far and says where it broke', async (t) => {
  const stored = fs.readFileSync(bundle);
  const dir = tempDir(t);
  // Cut inside the binary member's compressed bytes: the two text members come whole before it.
  const file = write(dir, 'cut.tar.gz', stored.subarray(0, stored.length - 200));
  const outcomes = await readInputs([file]);
  t.deepEqual(outcomes.map(summary), [
    [`${file}!eks-logs/kubectl/get-events-A-o-json.json`, 381],
    [`${file}!eks-logs/kubectl/get-events.txt`, 5],
    [
      file,
      'tar archive is corrupt or truncated after member 5, eks-logs/system/ (gzip data is corrupt or truncated: unexpected end of file)',
    ],
  ]);
});

test('a truncated plain .tar: cut inside a member, and cut before the first member ends', async (t) => {
  const archive = await tarOf([
    { header: { name: 'one.txt' }, body: table },
    { header: { name: 'two.txt' }, body: table },
  ]);
  const dir = tempDir(t);
  const midSecond = write(dir, 'mid.tar', archive.subarray(0, 512 + 512 + 512 + 100));
  const midFirst = write(dir, 'first.tar', archive.subarray(0, 512 + 100));
  const outcomes = await readInputs([midSecond, midFirst]);
  t.deepEqual(outcomes.map(summary), [
    [`${midSecond}!one.txt`, 3],
    [midSecond, 'tar archive is corrupt or truncated after member 1, one.txt (unexpected end of data)'],
    [midFirst, 'tar archive is corrupt or truncated at its first member (unexpected end of data)'],
  ]);
});

test('a corrupt member header ends the archive with one outcome', async (t) => {
  const archive = await tarOf([
    { header: { name: 'one.txt' }, body: table },
    { header: { name: 'two.txt' }, body: table },
  ]);
  archive[1024 + 3] = 0x21; // a byte of the second header's name: its checksum no longer adds up
  const dir = tempDir(t);
  const file = write(dir, 'bad.tar', archive);
  t.deepEqual((await readInputs([file])).map(summary), [
    [`${file}!one.txt`, 3],
    [file, 'tar archive is corrupt or truncated after member 1, one.txt (invalid member header)'],
  ]);
});

test('an archive with no regular files is one outcome', async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'empty.tar', await tarOf([{ header: { name: 'only-a-dir/', type: 'directory' } }]));
  t.deepEqual(await readInputs([file]), [{ ok: false, path: file, reason: 'tar archive holds no files' }]);
});

test('a bundle on stdin is opened, in small chunks, its members named stdin!member', async (t) => {
  const archive = gzipSync(await tarOf([
    { header: { name: 'a.txt' }, body: table },
    { header: { name: 'b.txt.gz' }, body: gzipSync(table) },
  ]));
  const chunks: Buffer[] = [];
  for (let i = 0; i < archive.length; i += 37) chunks.push(archive.subarray(i, i + 37));
  const outcomes = await readInputs(['-'], { stdin: Readable.from(chunks) });
  t.deepEqual(outcomes.map(summary), [
    ['stdin!a.txt', 3],
    ['stdin!b.txt.gz', 3],
  ]);
});

test('a failing stdin mid-archive keeps the members read so far and is reported as the input\'s failure', async (t) => {
  const archive = await tarOf([
    { header: { name: 'a.txt' }, body: table },
    { header: { name: 'b.txt' }, body: Buffer.alloc(5000, 0x61) },
  ]);
  const stdin = Readable.from(
    (async function* () {
      yield archive.subarray(0, 1024 + 512 + 100);
      throw new Error('stream exploded');
    })(),
  );
  t.deepEqual((await readInputs(['-'], { stdin })).map(summary), [
    ['stdin!a.txt', 3],
    ['stdin', 'stream exploded'],
  ]);
});

test('large members stream through with backpressure and come out whole', async (t) => {
  const line = (i: number): string => `default   ${i}s   Normal   Pulled   pod/web-${i}   Container image already present on machine`;
  const lines = Array.from({ length: 60_000 }, (_, i) => line(i));
  const text = Buffer.from(lines.join('\n') + '\n');
  const archive = await tarOf([
    { header: { name: 'big.txt' }, body: text },
    { header: { name: 'big.txt.gz' }, body: gzipSync(text) },
    { header: { name: 'small.txt' }, body: table },
  ]);
  const dir = tempDir(t);
  const file = write(dir, 'big.tgz', gzipSync(archive));
  const outcomes = await readInputs([file]);
  t.is(outcomes.length, 3);
  t.deepEqual(source(outcomes[0]).lines, lines);
  t.deepEqual(source(outcomes[1]).lines, lines);
  t.like(source(outcomes[0]), { size: text.length, sha256: sha256(text) });
  t.deepEqual(source(outcomes[2]).lines, referenceLines);
});

test('a caller that stops after the first member does not hang and the next input is still read', async (t) => {
  const seen: string[] = [];
  for await (const outcome of eachInput([bundle])) {
    seen.push(pathOf(outcome));
    break;
  }
  t.deepEqual(seen, [`${bundle}!eks-logs/kubectl/get-events-A-o-json.json`]);
  const [after] = await readInputs([utf8Reference]);
  t.deepEqual(source(after).lines, referenceLines);
});

test('readSource holds one input: archive bytes are refused, not opened', async (t) => {
  const outcome = await readSource(fs.readFileSync(bundle), 'held.tgz', { mtimeMs: null, readAtMs: 1 });
  t.deepEqual(outcome, { ok: false, path: 'held.tgz', reason: 'a tar archive, not opened when passed as bytes' });
});
