// The streaming form of decodeText + splitLines + stripAnsi: bytes go in chunk by chunk, lines come out.
// Lines are cut on the bytes and each is decoded on its own, so no decoded copy of the whole text ever
// exists and every line is its own flat string. A slice of a big decoded chunk would keep the whole
// chunk alive, and so would anything a parser later slices from that line.
import type { TextEncoding } from '../model/input-summary.js';
import { HEAD_LENGTH, hasAnsi, sniffEncoding, stripAnsi } from './decode-text.js';

export type DecodedLines =
  | { ok: true; lines: string[]; encoding: TextEncoding; crlf: boolean; ansi: boolean }
  | { ok: false; reason: string };

export class LineDecoder {
  private readonly lines: string[] = [];
  private crlf = false;
  private ansi = false;
  /** Input kept until HEAD_LENGTH bytes have come, so the encoding is chosen on the same head as decodeText's. */
  private head: Uint8Array[] | null = [];
  private headLength = 0;
  private encoding: TextEncoding = 'utf-8';
  private failure: string | null = null;
  private decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Bytes per code unit: 1 for UTF-8, 2 for UTF-16 (big endian is swapped to little endian first). */
  private unit = 1;
  private bomLeft = 0;
  /** A UTF-16 byte whose partner is in the next chunk. */
  private oddByte: Uint8Array | null = null;
  /** The bytes of a line that has not ended yet. */
  private partial: Uint8Array[] = [];

  push(chunk: Uint8Array): void {
    if (this.failure !== null) return;
    if (this.head === null) {
      this.cut(chunk);
      return;
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength >= HEAD_LENGTH) this.chooseEncoding(this.head);
  }

  end(): DecodedLines {
    if (this.head !== null) this.chooseEncoding(this.head);
    if (this.failure !== null) return { ok: false, reason: this.failure };
    if (this.oddByte !== null) this.partial.push(this.oddByte);
    // The last line has no newline, so a "\r" at its end is text, as in splitLines.
    if (this.partial.length > 0) this.addLine(Buffer.concat(this.partial));
    return { ok: true, lines: this.lines, encoding: this.encoding, crlf: this.crlf, ansi: this.ansi };
  }

  private chooseEncoding(head: Uint8Array[]): void {
    this.head = null;
    const sniffed = sniffEncoding(Buffer.concat(head, Math.min(this.headLength, HEAD_LENGTH)));
    if (!sniffed.ok) {
      this.failure = sniffed.reason;
      return;
    }
    this.encoding = sniffed.encoding;
    this.bomLeft = sniffed.bomLength;
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      this.unit = 2;
      this.decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
    }
    for (const chunk of head) this.cut(chunk);
  }

  private cut(chunk: Uint8Array): void {
    if (this.bomLeft > 0) {
      // Chunks can be a single byte, so the BOM may span several.
      const skipped = Math.min(this.bomLeft, chunk.length);
      chunk = chunk.subarray(skipped);
      this.bomLeft -= skipped;
    }
    if (this.unit === 2) chunk = this.wholeUnits(chunk);
    let start = 0;
    for (let newline = this.findNewline(chunk, 0); newline !== -1; newline = this.findNewline(chunk, start)) {
      const tail = chunk.subarray(start, newline);
      this.endLine(this.partial.length === 0 ? tail : Buffer.concat([...this.partial, tail]));
      this.partial = [];
      start = newline + this.unit;
    }
    // A copy: the caller may reuse its buffer, and a short tail should not pin a 1 MiB chunk.
    if (start < chunk.length) this.partial.push(Buffer.from(chunk.subarray(start)));
  }

  /** Even-length little-endian UTF-16, so a code unit never straddles two chunks. */
  private wholeUnits(chunk: Uint8Array): Uint8Array {
    if (this.oddByte !== null) chunk = Buffer.concat([this.oddByte, chunk]);
    const even = chunk.length - (chunk.length % 2);
    this.oddByte = even < chunk.length ? Buffer.from(chunk.subarray(even)) : null;
    chunk = chunk.subarray(0, even);
    // A copy, never an in-place swap: the bytes belong to the caller.
    return this.encoding === 'utf-16be' ? Buffer.from(chunk).swap16() : chunk;
  }

  /** "\n" as a whole code unit: in UTF-16 a 0x0a byte can also be half of another character. */
  private findNewline(chunk: Uint8Array, from: number): number {
    if (this.unit === 1) return chunk.indexOf(0x0a, from);
    for (let i = chunk.indexOf(0x0a, from); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
      if (i % 2 === 0 && chunk[i + 1] === 0) return i;
    }
    return -1;
  }

  /** Only "\r\n" ends a line with a CR removed; a lone "\r" stays inside its line, as in splitLines. */
  private endLine(bytes: Uint8Array): void {
    const end = bytes.length - this.unit;
    if (bytes[end] === 0x0d && (this.unit === 1 || bytes[end + 1] === 0)) {
      this.crlf = true;
      bytes = bytes.subarray(0, end);
    }
    this.addLine(bytes);
  }

  private addLine(bytes: Uint8Array): void {
    const line = this.decoder.decode(bytes);
    // An escape sequence never spans a newline, so stripping line by line is the same as stripping the text.
    if (hasAnsi(line)) {
      this.ansi = true;
      this.lines.push(stripAnsi(line));
    } else {
      this.lines.push(line);
    }
  }
}
