// Reads the paths named on the command line (files, directories, or "-" for stdin) into decoded lines,
// turning every problem into an outcome so one bad input never stops the others.
import { createHash } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { TextEncoding } from '../model/input-summary.js';
import { decodeText, hasAnsi, splitLines, stripAnsi } from './decode-text.js';

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
    const bytes = await fs.readFile(path);
    return await readSource(bytes, path, { mtimeMs: stat.isFile() ? stat.mtimeMs : null, readAtMs: now() });
  } catch (error) {
    return { ok: false, path, reason: describeFsError(error) };
  }
}

async function readStdin(stream: NodeJS.ReadableStream, now: () => number): Promise<InputOutcome> {
  try {
    const bytes = await readStream(stream);
    return await readSource(bytes, STDIN_PATH, { mtimeMs: null, readAtMs: now() });
  } catch (error) {
    return { ok: false, path: STDIN_PATH, reason: describeFsError(error) };
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

const gunzipAsync = promisify(gunzip);

/** Stored bytes → SourceText: gunzip when the magic says so, decode, split, strip colour codes. */
export async function readSource(
  stored: Uint8Array,
  path: string,
  times: { mtimeMs: number | null; readAtMs: number },
): Promise<InputOutcome> {
  const gzip = isGzip(stored);
  const bytes = gzip ? await gunzipOrReason(stored) : stored;
  if (typeof bytes === 'string') return { ok: false, path, reason: bytes };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, path, reason: decoded.reason };
  const { lines, crlf } = splitLines(decoded.text);
  const ansi = stripAnsiInPlace(lines, decoded.text);
  return {
    ok: true,
    source: { path, size: stored.length, sha256: sha256Hex(stored), gzip, encoding: decoded.encoding, crlf, ansi, ...times, lines },
  };
}

/** Works in place: a copy of a multi-million-line array would double the memory for nothing. */
function stripAnsiInPlace(lines: string[], text: string): boolean {
  if (!text.includes('\x1b')) return false;
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!hasAnsi(line)) continue;
    found = true;
    lines[i] = stripAnsi(line);
  }
  return found;
}

/** By magic bytes, not extension: people rename captures, and `.gz` files get saved as `.txt`. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzipOrReason(bytes: Uint8Array): Promise<Uint8Array | string> {
  try {
    return await gunzipAsync(bytes);
  } catch (error) {
    return `gzip data is corrupt or truncated (${errorMessage(error)})`;
  }
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
