// Reads the paths named on the command line (files, directories, or "-" for stdin) into decoded lines,
// turning every problem into an outcome so one bad input never stops the others. A tar archive
// (a support bundle, gzipped or not, found by content) is read in place, one input per member.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, promises as fs, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { extract as tarExtract, type Extract as TarExtract, type Header as TarHeader } from 'tar-stream';
import type { TextEncoding } from '../model/input-summary.js';
import { HEAD_LENGTH, sniffEncoding } from './decode-text.js';
import { LineDecoder } from './line-decoder.js';

/** A member as tar-stream hands it over: its header, and a stream of its stored bytes. */
type TarEntry = { header: TarHeader };

export interface SourceText {
  path: string;
  /**
   * Bytes as stored on disk (before gunzip), so the report identifies the exact file the user has;
   * for an archive member (`bundle.tar.gz!path/inside`), the member's bytes as stored inside the archive.
   */
  size: number;
  sha256: string;
  gzip: boolean;
  encoding: TextEncoding;
  crlf: boolean;
  ansi: boolean;
  /** Null when there is no file to ask, as for stdin or a pipe; for an archive member, its header's mtime. */
  mtimeMs: number | null;
  readAtMs: number;
  /** Decoded lines with ANSI escape sequences removed. */
  lines: string[];
}

export type InputOutcome = { ok: true; source: SourceText } | { ok: false; path: string; reason: string };

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  now?: () => number;
}

export const STDIN_PATH = 'stdin';

/** Read size for files: large enough that per-chunk work is noise, small enough to never matter for memory. */
const CHUNK_SIZE = 1024 * 1024;

export async function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<InputOutcome[]> {
  const outcomes: InputOutcome[] = [];
  for await (const outcome of eachInput(paths, options)) outcomes.push(outcome);
  return outcomes;
}

/**
 * The inputs one at a time, in order: a caller that is done with one before asking for the
 * next holds only one large capture in memory.
 */
export async function* eachInput(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputOutcome> {
  const now = options.now ?? Date.now;
  for (const path of paths) {
    if (path === '-') {
      yield* readStdin(options.stdin ?? process.stdin, now);
      continue;
    }
    for (const entry of await expandPath(path)) {
      if (entry.kind === 'file') yield* readFile(entry.path, now);
      else yield { ok: false, path: entry.path, reason: entry.reason };
    }
  }
}

type PathEntry = { kind: 'file'; path: string } | { kind: 'problem'; path: string; reason: string };

/** A path as the user gave it, expanded to the files it stands for, in a machine-independent order. */
export async function expandPath(path: string): Promise<PathEntry[]> {
  // The argument itself is followed even if it is a symlink: the user named it deliberately.
  const stat = await statOrReason(path, fs.stat);
  if (typeof stat === 'string') return [{ kind: 'problem', path, reason: stat }];
  if (stat.isDirectory()) {
    const entries = walkDirectory(path);
    return entries.length > 0 ? entries : [{ kind: 'problem', path, reason: 'directory holds no files' }];
  }
  // Pipes are read when named outright, so `kube-postmortem <(zcat events.gz)` works.
  if (stat.isFile() || stat.isFIFO()) return [{ kind: 'file', path }];
  return [{ kind: 'problem', path, reason: `${describeFileType(stat)}, skipped` }];
}

/** Synchronous: an archive of thousands of files is walked in milliseconds, not one trip through the thread pool per file. */
function walkDirectory(dir: string): PathEntry[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return [{ kind: 'problem', path: dir, reason: describeFsError(error) }];
  }
  const found: PathEntry[] = [];
  for (const entry of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walkDirectory(path));
    else if (entry.isFile()) found.push({ kind: 'file', path });
    else if (entry.isSymbolicLink()) found.push(followLink(path));
    else found.push({ kind: 'problem', path, reason: `${describeFileType(entry)}, skipped` });
  }
  return found;
}

function followLink(path: string): PathEntry {
  let target: Stats;
  try {
    target = statSync(path);
  } catch (error) {
    return { kind: 'problem', path, reason: `symbolic link to nothing readable (${describeFsError(error)})` };
  }
  if (target.isFile()) return { kind: 'file', path };
  // Following directory links inside a walk risks cycles and reading the same capture twice.
  if (target.isDirectory()) return { kind: 'problem', path, reason: 'symbolic link to a directory, not followed' };
  return { kind: 'problem', path, reason: `symbolic link to a ${describeFileType(target)}, skipped` };
}

/** Plain code-unit order, not localeCompare, so the walk order is the same on every machine. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function* readFile(path: string, now: () => number): AsyncGenerator<InputOutcome> {
  let stored: ReturnType<typeof createReadStream> | undefined;
  try {
    const stat = await fs.stat(path);
    stored = createReadStream(path, { highWaterMark: CHUNK_SIZE });
    yield* readStored(stored, path, stat.isFile() ? stat.mtimeMs : null, now);
  } catch (error) {
    yield { ok: false, path, reason: describeFsError(error) };
  } finally {
    // A gzip or archive problem can stop the read early; the descriptor should not wait for the GC.
    stored?.destroy();
  }
}

async function* readStdin(stream: NodeJS.ReadableStream, now: () => number): AsyncGenerator<InputOutcome> {
  try {
    yield* readStored(stream, STDIN_PATH, null, now);
  } catch (error) {
    yield { ok: false, path: STDIN_PATH, reason: describeFsError(error) };
  }
}

/**
 * Bytes a caller already holds → SourceText, through the same streaming path as files and stdin.
 * One input only: a tar archive held this way is refused, not opened (name the file to read its members).
 */
export async function readSource(
  stored: Uint8Array,
  path: string,
  times: { mtimeMs: number | null; readAtMs: number },
): Promise<InputOutcome> {
  const read = await readOne(new StoredBytes([stored]), path, times.mtimeMs, () => times.readAtMs);
  if (!('archive' in read)) return read;
  read.archive.close();
  return { ok: false, path, reason: 'a tar archive, not opened when passed as bytes' };
}

/** A whole input as one buffer of plain UTF-8 text, for readers that work on bytes (batch's sieve). */
export interface PlainText extends Omit<SourceText, 'lines'> {
  /** The text's bytes: gunzipped, without a BOM. */
  text: Buffer;
}

/**
 * The file as plain text in one buffer when it is a regular file of at most `limit` bytes (gunzipped),
 * UTF-8 with LF line ends and nothing that needs decoding line by line: no UTF-16, CR, ANSI escape,
 * NUL or tab; `too-large` when it is larger than that. Null for anything else, and for any problem:
 * the streaming read handles those and says what they are. `text` may be this thread's read buffer:
 * it is good until the next call.
 */
export function readPlainText(path: string, limit: number, now: () => number = Date.now): PlainText | 'too-large' | null {
  try {
    // Synchronous: a worker thread has nothing else to do meanwhile, and each await is a trip through the thread pool.
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    if (stat.size > limit) return 'too-large';
    const stored = readWhole(path, stat.size);
    if (stored === null) return null;
    const gzip = isGzip(stored);
    let bytes: Buffer = stored;
    if (gzip) {
      const gunzipped = gunzipWithin(stored, limit);
      if (gunzipped === null) return 'too-large';
      bytes = gunzipped;
    }
    const head = plainHead(bytes);
    if (!head) return null;
    const text = bytes.subarray(head.bomLength);
    if (!isPlainPiece(text)) return null;
    return { path, size: stored.length, sha256: sha256Hex(stored), gzip, encoding: head.encoding, crlf: false, ansi: false, mtimeMs: stat.mtimeMs, readAtMs: now(), text };
  } catch {
    return null;
  }
}

/**
 * The file as plain text (as readPlainText says) in pieces of a few megabytes, each handed to
 * `take` as it is read, for files too large to hold; `take` returns false to stop. What the
 * file is, once all of it was taken; null when it is not plain text, or was stopped.
 */
export async function streamPlainText(path: string, take: (piece: Buffer) => boolean, now: () => number = Date.now): Promise<Omit<PlainText, 'text'> | null> {
  let file: ReturnType<typeof createReadStream> | null = null;
  let inflated: ReturnType<typeof createGunzip> | null = null;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    file = createReadStream(path, { highWaterMark: STREAM_PIECE });
    const stored = new StoredBytes(file);
    const first = await peek(stored.chunks, 2);
    const gzip = isGzip(first.head);
    inflated = gzip ? gunzip(first.all, STREAM_PIECE) : null;
    // The head is judged on as many bytes as readPlainText judges it on.
    const text = await peek(inflated ?? first.all, HEAD_LENGTH);
    const head = plainHead(text.head);
    if (!head) return null;
    let bom = head.bomLength;
    for await (const chunk of text.all) {
      const skipped = Math.min(bom, chunk.length);
      bom -= skipped;
      const piece = Buffer.from(chunk.buffer, chunk.byteOffset + skipped, chunk.length - skipped);
      if (!isPlainPiece(piece) || !take(piece)) return null;
    }
    return { path, size: stored.size, sha256: stored.sha256(), gzip, encoding: head.encoding, crlf: false, ansi: false, mtimeMs: stat.mtimeMs, readAtMs: now() };
  } catch {
    return null;
  } finally {
    inflated?.destroy();
    file?.destroy();
  }
}

/** Pieces of a streamed file: large enough that the work per piece is noise. */
const STREAM_PIECE = 4 * 1024 * 1024;

/** UTF-8 (with or without a BOM) and not a tar archive, by the first bytes; null for anything else. */
function plainHead(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-8-bom'; bomLength: number } | null {
  if (isTarHeader(bytes.subarray(0, TAR_HEADER_LENGTH))) return null;
  const sniffed = sniffEncoding(bytes.subarray(0, HEAD_LENGTH));
  return sniffed.ok && (sniffed.encoding === 'utf-8' || sniffed.encoding === 'utf-8-bom') ? { encoding: sniffed.encoding, bomLength: sniffed.bomLength } : null;
}

/** None of what the line decoder would have to deal with: CR, ANSI escapes, NUL, tabs. */
function isPlainPiece(text: Uint8Array): boolean {
  return ![0x0d, 0x1b, 0x00, 0x09].some((byte) => text.includes(byte));
}

/** The gunzipped bytes, null when there would be more than `limit`; throws on corrupt data. */
function gunzipWithin(stored: Buffer, limit: number): Buffer | null {
  try {
    return gunzipSync(stored, { maxOutputLength: limit, chunkSize: gunzippedSizeHint(stored, limit) });
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * A gzip member ends with its uncompressed size modulo 2^32: sized by it, the output is one chunk
 * and not many to be joined. Only a hint (several members, or a lie), so it is kept within bounds.
 */
function gunzippedSizeHint(stored: Uint8Array, limit: number): number {
  const size = stored.length >= 4 ? Buffer.from(stored.buffer, stored.byteOffset, stored.length).readUInt32LE(stored.length - 4) : 0;
  return Math.min(Math.max(size + 1, 64 * 1024), limit);
}

/**
 * One buffer for every file this thread reads whole: a batch reads hundreds of dumps of a few
 * megabytes, and a fresh buffer for each costs page faults and garbage collection.
 */
let readBuffer = Buffer.alloc(0);

/** The file's `size` bytes, at once; null when it is not that size any more. */
function readWhole(path: string, size: number): Buffer | null {
  if (readBuffer.length < size + 1) readBuffer = Buffer.allocUnsafe(Math.max(size + 1, readBuffer.length * 2));
  const fd = openSync(path, 'r');
  try {
    let got = 0;
    for (let read = 1; read > 0 && got <= size; got += read) read = readSync(fd, readBuffer, got, size + 1 - got, got);
    return got === size ? readBuffer.subarray(0, size) : null;
  } finally {
    closeSync(fd);
  }
}

/** What an input that turned out to be a tar archive is named by, before the member path. */
export const MEMBER_SEPARATOR = '!';

const NESTED_TAR_REASON = 'a tar inside a tar is not opened';

/**
 * Stored chunks → outcomes: one for a text input, or one per member, in archive order, when the
 * (gunzipped) bytes are a tar archive. Throws what the stored stream throws, before or after some
 * members have been yielded; gzip, tar and decoding problems are outcomes.
 */
async function* readStored(
  stored: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>,
  path: string,
  mtimeMs: number | null,
  now: () => number,
): AsyncGenerator<InputOutcome> {
  const read = await readOne(new StoredBytes(stored), path, mtimeMs, now);
  if ('archive' in read) yield* readArchive(read.archive, path, now);
  else yield read;
}

/** The stored bytes as they pass by, counted and hashed, so SourceText describes what is on disk. */
class StoredBytes {
  size = 0;
  private readonly hash = createHash('sha256');
  /** Only ever advanced with next(), never returned: returning would destroy a tar member's stream, and the archive with it. */
  readonly chunks: AsyncGenerator<Uint8Array>;

  constructor(stored: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>) {
    this.chunks = this.count(stored);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }

  /** Reads what is left, so a tar member ends and the archive moves on to the next. */
  async drain(): Promise<void> {
    for (let next = await this.chunks.next(); next.done !== true; next = await this.chunks.next());
  }

  private async *count(stored: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of stored) {
      // A stream with an encoding set hands over strings; the bytes stored were UTF-8.
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      this.hash.update(bytes);
      this.size += bytes.length;
      yield bytes;
    }
  }
}

/** The bytes after an optional gunzip; `close` stops a gunzip that nobody will read to its end. */
interface Body {
  gzip: boolean;
  chunks: AsyncIterable<Uint8Array>;
  close: () => void;
}

/**
 * One input's bytes → its outcome, or the archive body when a tar header starts the (gunzipped) bytes.
 * Gunzips when the magic says so, then decodes, splits and strips colour codes chunk by chunk, so memory
 * holds the lines and never the whole file or its whole text. Throws what the stored stream throws.
 */
async function readOne(
  bytes: StoredBytes,
  path: string,
  mtimeMs: number | null,
  now: () => number,
): Promise<InputOutcome | { archive: Body }> {
  let body: Body | undefined;
  try {
    const { head, all } = await peek(bytes.chunks, 2);
    const gzip = isGzip(head);
    const inflated = gzip ? gunzip(all) : null;
    const plain = await peek(inflated ?? all, TAR_HEADER_LENGTH);
    body = { gzip, chunks: plain.all, close: () => inflated?.destroy() };
    if (isTarHeader(plain.head)) return { archive: body };
    const decoder = new LineDecoder();
    for await (const chunk of body.chunks) decoder.push(chunk);
    const decoded = decoder.end();
    if (!decoded.ok) return { ok: false, path, reason: decoded.reason };
    const { lines, encoding, crlf, ansi } = decoded;
    return {
      ok: true,
      source: { path, size: bytes.size, sha256: bytes.sha256(), gzip, encoding, crlf, ansi, mtimeMs, readAtMs: now(), lines },
    };
  } catch (error) {
    body?.close();
    if (!isZlibError(error)) throw error;
    return { ok: false, path, reason: `gzip data is corrupt or truncated (${errorMessage(error)})` };
  }
}

/**
 * Gunzipped chunks as they are read. A failing source or corrupt gzip data destroys the gunzip with
 * that error, so the reader sees it; the pipeline's own promise carries nothing more.
 */
function gunzip(chunks: AsyncIterable<Uint8Array>, chunkSize = 64 * 1024): ReturnType<typeof createGunzip> {
  const inflate = createGunzip({ chunkSize });
  pipeline(chunks, inflate).catch(() => undefined);
  return inflate;
}

/**
 * A tar archive's members → one outcome each, in archive order, streamed: a member's bytes go through
 * the same gunzip-by-magic and LineDecoder as a file's, and the archive is never held whole.
 * Regular files are read; directories are skipped silently (they are only structure); links, devices
 * and FIFOs get an outcome saying they were skipped, as a directory walk does. A corrupt or truncated
 * archive keeps the members read so far and ends with one outcome for the archive.
 */
async function* readArchive(body: Body, archivePath: string, now: () => number): AsyncGenerator<InputOutcome> {
  const extract = tarExtract();
  const feed: { error?: unknown; failed: boolean } = { failed: false };
  const feeding = feedArchive(body.chunks, extract, feed);
  // Set as soon as the archive is destroyed, before any error reaches a member's reader.
  const broken = (): boolean => feed.failed || extract.destroying;
  /** Members read to their end (directories and links too, as `tar -tv` counts them), and the last one's name. */
  let complete = 0;
  let last: string | null = null;
  let yielded = 0;
  try {
    for await (const entry of extract) {
      const outcome = await readEntry(entry, archivePath, now, broken);
      complete++;
      last = entry.header.name;
      if (outcome === null) continue;
      yielded++;
      yield outcome;
    }
  } catch (error) {
    // A failing disk or stdin is the input's problem, said as for any file; anything else is the archive's.
    if (feed.failed && feed.error === error && !isZlibError(error)) throw error;
    const cause = feed.failed && feed.error !== undefined ? feed.error : error;
    const where = last === null ? 'at its first member' : `after member ${complete}, ${memberName(last)}`;
    yield { ok: false, path: archivePath, reason: `tar archive is corrupt or truncated ${where} (${describeTarError(cause)})` };
    return;
  } finally {
    extract.destroy(null);
    body.close();
    await feeding;
  }
  if (yielded === 0) yield { ok: false, path: archivePath, reason: 'tar archive holds no files' };
}

/** Writes the archive body into the extractor with backpressure; a failing body destroys the extractor. */
async function feedArchive(
  chunks: AsyncIterable<Uint8Array>,
  extract: TarExtract,
  feed: { error?: unknown; failed: boolean },
): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (extract.destroying) return;
      if (!extract.write(chunk)) await drainedOrClosed(extract);
    }
    if (!extract.destroying) extract.end(null);
  } catch (error) {
    feed.failed = true;
    feed.error = error;
    extract.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

function drainedOrClosed(extract: TarExtract): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      extract.off('drain', done);
      extract.off('close', done);
      resolve();
    };
    extract.on('drain', done);
    extract.on('close', done);
  });
}

/** One member → its outcome, or null for a directory; its bytes are always read to the end so the archive goes on. */
async function readEntry(
  entry: TarEntry,
  archivePath: string,
  now: () => number,
  broken: () => boolean,
): Promise<InputOutcome | null> {
  const { header } = entry;
  const path = `${archivePath}${MEMBER_SEPARATOR}${memberName(header.name)}`;
  const bytes = new StoredBytes(entry as unknown as AsyncIterable<Uint8Array>);
  if (header.type !== 'file' && header.type !== 'contiguous-file') {
    await bytes.drain();
    return header.type === 'directory' ? null : { ok: false, path, reason: describeSkippedMember(header) };
  }
  let outcome: InputOutcome;
  try {
    const read = await readOne(bytes, path, header.mtime.getTime(), now);
    if ('archive' in read) read.archive.close();
    outcome = 'archive' in read ? { ok: false, path, reason: NESTED_TAR_REASON } : read;
  } catch (error) {
    if (broken()) throw error;
    outcome = { ok: false, path, reason: describeFsError(error) };
  }
  await bytes.drain();
  // The archive broke while this member was read: what was read of it is not the member.
  if (broken()) throw new Error('archive broken while a member was read');
  return outcome;
}

/** "./eks-logs/x.txt" (what `tar -C dir .` stores) reads as "eks-logs/x.txt". */
function memberName(name: string): string {
  let trimmed = name;
  while (trimmed.startsWith('./')) trimmed = trimmed.slice(2);
  return trimmed === '' ? name : trimmed;
}

function describeSkippedMember(header: TarHeader): string {
  switch (header.type) {
    case 'symlink':
      return `symbolic link to ${header.linkname} inside the archive, not followed`;
    case 'link':
      return `hard link to ${header.linkname} inside the archive, read under that name`;
    case 'character-device':
      return 'not a regular file (character device), skipped';
    case 'block-device':
      return 'not a regular file (block device), skipped';
    case 'fifo':
      return 'not a regular file (named pipe), skipped';
    default:
      return 'not a regular file, skipped';
  }
}

/** tar-stream's and zlib's messages, in the words of the other reasons. */
function describeTarError(error: unknown): string {
  if (isZlibError(error)) return `gzip data is corrupt or truncated: ${errorMessage(error)}`;
  const message = errorMessage(error);
  if (message === 'Unexpected end of data') return 'unexpected end of data';
  if (message.startsWith('Invalid tar header')) return 'invalid member header';
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** A ustar header is 512 bytes; its magic sits at offset 257. */
const TAR_HEADER_LENGTH = 512;
const TAR_MAGIC_OFFSET = 257;
const TAR_CHECKSUM_OFFSET = 148;
const TAR_CHECKSUM_LENGTH = 8;

/**
 * By content, not extension: "ustar" at offset 257 (POSIX "ustar\0" and GNU "ustar ") and a header
 * checksum that adds up, so a text file that happens to hold "ustar" there is still text.
 */
function isTarHeader(head: Uint8Array): boolean {
  if (head.length < TAR_HEADER_LENGTH) return false;
  const magic = Buffer.from(head.buffer, head.byteOffset + TAR_MAGIC_OFFSET, 6);
  if (magic.toString('latin1', 0, 5) !== 'ustar' || (magic[5] !== 0 && magic[5] !== 0x20)) return false;
  const field = Buffer.from(head.buffer, head.byteOffset + TAR_CHECKSUM_OFFSET, TAR_CHECKSUM_LENGTH);
  const stored = Number.parseInt(field.toString('latin1').replace(/[\0 ]+$/, '').trim(), 8);
  if (!Number.isFinite(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < TAR_HEADER_LENGTH; i++) {
    const byte = i >= TAR_CHECKSUM_OFFSET && i < TAR_CHECKSUM_OFFSET + TAR_CHECKSUM_LENGTH ? 0x20 : head[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/** Reads until `length` bytes have come (or the end), and gives them back along with all chunks, those included. */
async function peek(
  chunks: AsyncIterable<Uint8Array>,
  length: number,
): Promise<{ head: Buffer; all: AsyncIterable<Uint8Array> }> {
  // next() only, never return(): a caller that stops early must not destroy what lies beneath.
  const iterator = chunks[Symbol.asyncIterator]();
  const read: Uint8Array[] = [];
  let readLength = 0;
  while (readLength < length) {
    const next = await iterator.next();
    if (next.done === true) break;
    read.push(next.value);
    readLength += next.value.length;
  }
  const all = async function* (): AsyncGenerator<Uint8Array> {
    yield* read;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  };
  return { head: Buffer.concat(read, Math.min(readLength, length)), all: all() };
}

/** By magic bytes, not extension: people rename captures, and `.gz` files get saved as `.txt`. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** zlib's errors carry Z_* codes ("Z_BUF_ERROR" for a cut-off stream); a failing source keeps its own. */
function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function statOrReason(path: string, stat: (path: string) => Promise<Stats>): Promise<Stats | string> {
  try {
    return await stat(path);
  } catch (error) {
    return describeFsError(error);
  }
}

function describeFileType(stat: Pick<Stats, 'isSocket' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice'>): string {
  if (stat.isSocket()) return 'not a regular file (socket)';
  if (stat.isFIFO()) return 'not a regular file (named pipe)';
  if (stat.isCharacterDevice()) return 'not a regular file (character device)';
  if (stat.isBlockDevice()) return 'not a regular file (block device)';
  return 'not a regular file';
}

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a path component is not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  ENAMETOOLONG: 'file name too long',
};

/** Plain words for the user: Node's messages carry errno codes and syscall names they cannot act on. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_REASONS[code] !== undefined) return FS_REASONS[code];
  if (error instanceof RangeError) return `too large to read into memory (${error.message})`;
  const message = errorMessage(error);
  // "EXDEV: cross-device link not permitted, open '/x'" → "cross-device link not permitted"
  return /^[A-Z0-9_]+: (.+?)(?:, \w+ '.*')?$/.exec(message)?.[1] ?? message;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
