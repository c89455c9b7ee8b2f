// Reads the paths named on the command line (files, directories, or "-" for stdin) into decoded lines,
// turning every problem into an outcome so one bad input never stops the others.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { TextEncoding } from '../model/input-summary.js';
import { LineDecoder } from './line-decoder.js';

export interface SourceText {
  path: string;
  /** Bytes as stored on disk (before gunzip), so the report identifies the exact file the user has. */
  size: number;
  sha256: string;
  gzip: boolean;
  encoding: TextEncoding;
  crlf: boolean;
  ansi: boolean;
  /** Null when there is no file to ask, as for stdin or a pipe. */
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
      yield await readStdin(options.stdin ?? process.stdin, now);
      continue;
    }
    for (const entry of await expandPath(path)) {
      yield entry.kind === 'file' ? await readFile(entry.path, now) : { ok: false, path: entry.path, reason: entry.reason };
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
    const entries = await walkDirectory(path);
    return entries.length > 0 ? entries : [{ kind: 'problem', path, reason: 'directory holds no files' }];
  }
  // Pipes are read when named outright, so `kube-postmortem <(zcat events.gz)` works.
  if (stat.isFile() || stat.isFIFO()) return [{ kind: 'file', path }];
  return [{ kind: 'problem', path, reason: `${describeFileType(stat)}, skipped` }];
}

async function walkDirectory(dir: string): Promise<PathEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    return [{ kind: 'problem', path: dir, reason: describeFsError(error) }];
  }
  const entries: PathEntry[] = [];
  for (const name of names.sort(compareCodeUnits)) {
    entries.push(...(await walkEntry(join(dir, name))));
  }
  return entries;
}

async function walkEntry(path: string): Promise<PathEntry[]> {
  const link = await statOrReason(path, fs.lstat);
  if (typeof link === 'string') return [{ kind: 'problem', path, reason: link }];
  if (link.isDirectory()) return walkDirectory(path);
  if (link.isFile()) return [{ kind: 'file', path }];
  if (!link.isSymbolicLink()) return [{ kind: 'problem', path, reason: `${describeFileType(link)}, skipped` }];
  const target = await statOrReason(path, fs.stat);
  if (typeof target === 'string') return [{ kind: 'problem', path, reason: `symbolic link to nothing readable (${target})` }];
  if (target.isFile()) return [{ kind: 'file', path }];
  // Following directory links inside a walk risks cycles and reading the same capture twice.
  if (target.isDirectory()) return [{ kind: 'problem', path, reason: 'symbolic link to a directory, not followed' }];
  return [{ kind: 'problem', path, reason: `symbolic link to a ${describeFileType(target)}, skipped` }];
}

/** Plain code-unit order, not localeCompare, so the walk order is the same on every machine. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readFile(path: string, now: () => number): Promise<InputOutcome> {
  try {
    const stat = await fs.stat(path);
    const stored = createReadStream(path, { highWaterMark: CHUNK_SIZE });
    return await readStored(stored, path, stat.isFile() ? stat.mtimeMs : null, now);
  } catch (error) {
    return { ok: false, path, reason: describeFsError(error) };
  }
}

async function readStdin(stream: NodeJS.ReadableStream, now: () => number): Promise<InputOutcome> {
  try {
    return await readStored(stream, STDIN_PATH, null, now);
  } catch (error) {
    return { ok: false, path: STDIN_PATH, reason: describeFsError(error) };
  }
}

/** Bytes a caller already holds → SourceText, through the same streaming path as files and stdin. */
export async function readSource(
  stored: Uint8Array,
  path: string,
  times: { mtimeMs: number | null; readAtMs: number },
): Promise<InputOutcome> {
  return readStored([stored], path, times.mtimeMs, () => times.readAtMs);
}

/**
 * Stored chunks → SourceText: gunzip when the magic says so, decode, split, strip colour codes, all
 * chunk by chunk, so memory holds the lines and never the whole file or its whole text.
 * Throws what the stored stream throws; gzip and decoding problems are outcomes.
 */
async function readStored(
  stored: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>,
  path: string,
  mtimeMs: number | null,
  now: () => number,
): Promise<InputOutcome> {
  const hash = createHash('sha256');
  let size = 0;
  const counted = (async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of stored) {
      // A stream with an encoding set hands over strings; the bytes stored were UTF-8.
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(bytes);
      size += bytes.length;
      yield bytes;
    }
  })();
  const { head, all } = await peek(counted, 2);
  const gzip = isGzip(head);
  const decoder = new LineDecoder();
  const decodeAll = async (body: AsyncIterable<Uint8Array>): Promise<void> => {
    for await (const chunk of body) decoder.push(chunk);
  };
  try {
    await (gzip ? pipeline(all, createGunzip(), decodeAll) : decodeAll(all));
  } catch (error) {
    if (!isZlibError(error)) throw error;
    return { ok: false, path, reason: `gzip data is corrupt or truncated (${errorMessage(error)})` };
  }
  const decoded = decoder.end();
  if (!decoded.ok) return { ok: false, path, reason: decoded.reason };
  const { lines, encoding, crlf, ansi } = decoded;
  return {
    ok: true,
    source: { path, size, sha256: hash.digest('hex'), gzip, encoding, crlf, ansi, mtimeMs, readAtMs: now(), lines },
  };
}

/** Reads until `length` bytes have come (or the end), and gives them back along with all chunks, those included. */
async function peek(
  chunks: AsyncIterator<Uint8Array>,
  length: number,
): Promise<{ head: Buffer; all: AsyncIterable<Uint8Array> }> {
  const read: Uint8Array[] = [];
  let readLength = 0;
  while (readLength < length) {
    const next = await chunks.next();
    if (next.done === true) break;
    read.push(next.value);
    readLength += next.value.length;
  }
  const all = async function* (): AsyncGenerator<Uint8Array> {
    yield* read;
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
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

function describeFileType(stat: Stats): string {
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
