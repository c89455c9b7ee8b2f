// Turns the raw bytes of a saved capture into text and lines, whatever encoding the shell chose,
// and refuses bytes that are not text at all. Pure: no file system, no knowledge of event formats.
import type { TextEncoding } from '../model/input-summary.js';

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: string };

/** Only the head is inspected: a binary file gives itself away early, and 300 MB captures must stay cheap. */
const SNIFF_LENGTH = 64 * 1024;

/** A stray NUL or two can survive a sloppy copy-paste; more than this is binary. */
const MAX_NUL_COUNT = 8;
const MAX_NUL_RATE = 0.01;

/** Share of undecodable or control characters above which the bytes are not text. */
const MAX_GARBAGE_RATE = 0.1;

/** BOM-less UTF-16 of mostly-ASCII text has a zero in (nearly) every other byte. */
const UTF16_ZERO_RATE = 0.4;
const UTF16_STRAY_ZERO_RATE = 0.02;

/**
 * Enough leading bytes for the first SNIFF_LENGTH decoded characters in any encoding: UTF-8 spends at most
 * 3 bytes on one (UTF-16 code unit), so a cut-off sequence at the end of the head falls outside the sample.
 */
export const HEAD_LENGTH = 4 * SNIFF_LENGTH;

export type SniffedEncoding = { ok: true; encoding: TextEncoding; bomLength: number } | { ok: false; reason: string };

/**
 * Which encoding the bytes are in, or why they are not text. Looks at the first HEAD_LENGTH bytes only,
 * so a streaming reader can decide on the head and gets the same answer as for the whole buffer.
 */
export function sniffEncoding(bytes: Uint8Array): SniffedEncoding {
  const head = bytes.subarray(0, HEAD_LENGTH);
  if (head.length === 0 || isPlainAscii(head.subarray(0, SNIFF_LENGTH))) return { ok: true, encoding: 'utf-8', bomLength: 0 };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return checkUtf8(head, 3, 'utf-8-bom');
  // Windows PowerShell 5 `kubectl ... > file` writes UTF-16 LE with a BOM; the BOM is authoritative.
  if (startsWith(head, [0xff, 0xfe])) return { ok: true, encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { ok: true, encoding: 'utf-16be', bomLength: 2 };
  return sniffBomless(head) ?? checkUtf8(head, 0, 'utf-8');
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const sniffed = sniffEncoding(bytes);
  if (!sniffed.ok) return sniffed;
  const body = bytes.subarray(sniffed.bomLength);
  const { encoding } = sniffed;
  const text = encoding === 'utf-16le' ? decodeUtf16le(body) : encoding === 'utf-16be' ? decodeUtf16be(body) : decodeUtf8(body);
  return { ok: true, text, encoding };
}

/** Printable ASCII, tabs and line ends only: text in any encoding's reading, and the common case, told without decoding. */
function isPlainAscii(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i += 1) {
    const byte = sample[i]!;
    if (byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09)) return false;
  }
  return true;
}

/** Without a BOM UTF-16 is only a guess, so it must also read as plausible text or UTF-8 gets its turn. */
function sniffBomless(head: Uint8Array): SniffedEncoding | null {
  const endianness = sniffUtf16(head);
  if (endianness === null) return null;
  const sample = (endianness === 'le' ? decodeUtf16le(head) : decodeUtf16be(head)).slice(0, SNIFF_LENGTH);
  if (countNuls(sample) > MAX_NUL_COUNT || garbageCount(sample) > sample.length * MAX_GARBAGE_RATE) return null;
  return { ok: true, encoding: endianness === 'le' ? 'utf-16le' : 'utf-16be', bomLength: 0 };
}

function sniffUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_LENGTH) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const looksLike = (zeros: number, strays: number): boolean =>
    zeros >= pairs * UTF16_ZERO_RATE && strays <= pairs * UTF16_STRAY_ZERO_RATE;
  if (looksLike(oddZeros, evenZeros)) return 'le';
  if (looksLike(evenZeros, oddZeros)) return 'be';
  return null;
}

function checkUtf8(head: Uint8Array, skip: number, encoding: TextEncoding): SniffedEncoding {
  // A 0x00 byte is always a NUL character in UTF-8, so the raw bytes give an exact offset to report.
  const nuls = findNuls(head.subarray(0, SNIFF_LENGTH));
  const sampleLength = Math.min(head.length, SNIFF_LENGTH);
  if (nuls.count > MAX_NUL_COUNT || nuls.count > sampleLength * MAX_NUL_RATE) {
    return { ok: false, reason: `binary data (NUL bytes at offset ${nuls.first}), not text` };
  }
  const rejection = garbageReason(decodeUtf8(head.subarray(skip)).slice(0, SNIFF_LENGTH));
  return rejection === null ? { ok: true, encoding, bomLength: skip } : { ok: false, reason: rejection };
}

function garbageReason(sample: string): string | null {
  const undecodable = countChar(sample, 0xfffd);
  const controls = garbageCount(sample) - undecodable;
  if (undecodable + controls <= sample.length * MAX_GARBAGE_RATE) return null;
  if (undecodable >= controls) return `not valid UTF-8 text (${percent(undecodable, sample.length)} undecodable bytes)`;
  return `binary data (${percent(controls, sample.length)} control characters), not text`;
}

/** Replacement characters plus C0 controls that no terminal capture would legitimately hold. */
function garbageCount(sample: string): number {
  let count = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || (code < 0x20 && !TEXT_CONTROLS.has(code))) count++;
  }
  return count;
}

/** Tab, newline, carriage return, form feed, and ESC (colour codes are stripped later, not rejected). */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0d, 0x0c, 0x1b]);

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

function decodeUtf16le(bytes: Uint8Array): string {
  return new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** TextDecoder's UTF-16 BE support depends on the ICU build; swapping to LE works everywhere. */
function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  // An odd trailing byte stays in place so the decoder flags it instead of it vanishing.
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1]!;
  return decodeUtf16le(swapped);
}

function findNuls(bytes: Uint8Array): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, i + 1)) {
    if (first === -1) first = i;
    count++;
  }
  return { count, first };
}

function countNuls(sample: string): number {
  return countChar(sample, 0);
}

function countChar(sample: string, code: number): number {
  const char = String.fromCharCode(code);
  let count = 0;
  for (let i = sample.indexOf(char); i !== -1; i = sample.indexOf(char, i + 1)) count++;
  return count;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}

/**
 * Line terminators are "\n" and "\r\n" only. A lone "\r" is kept: it is what a message with an
 * embedded carriage return looks like, and splitting there would invent a line kubectl never printed.
 * Scans with indexOf because captures reach hundreds of megabytes.
 */
export function splitLines(text: string): { lines: string[]; crlf: boolean } {
  const lines: string[] = [];
  let crlf = false;
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (newline !== -1 && end > start && text.charCodeAt(end - 1) === 0x0d) {
      crlf = true;
      lines.push(text.slice(start, end - 1));
    } else {
      lines.push(text.slice(start, end));
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return { lines, crlf };
}

/**
 * CSI (ESC [ params final, e.g. SGR colours and erase-line), OSC (ESC ] ... BEL or ESC \, e.g.
 * hyperlinks), and the short ESC forms (ESC, optional intermediates, one final byte).
 * kubectl prints an ESC inside a message as the two characters "^[", which contain no ESC and so survive.
 */
const ANSI_PATTERN = '\\x1b(?:\\[[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]|\\][^\\x07\\x1b]*(?:\\x07|\\x1b\\\\)|[\\x20-\\x2f]*[\\x30-\\x7e])';
const ANSI_GLOBAL = new RegExp(ANSI_PATTERN, 'g');
const ANSI_ANY = new RegExp(ANSI_PATTERN);

export function stripAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ANSI_GLOBAL, '') : line;
}

export function hasAnsi(line: string): boolean {
  return line.includes('\x1b') && ANSI_ANY.test(line);
}
