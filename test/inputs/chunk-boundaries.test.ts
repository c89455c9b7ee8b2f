// Streaming reads must not depend on where the chunks happen to end: every input is cut at every
// byte offset (and into single bytes) and must read exactly as the whole-buffer path reads it.
import test from 'ava';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync, gunzipSync } from 'node:zlib';
import { decodeText, hasAnsi, readInputs, splitLines, stripAnsi } from '../../src/inputs/index.js';
import { HEAD_LENGTH } from '../../src/inputs/decode-text.js';

type Read = { ok: true; lines: string[]; encoding: string; crlf: boolean; ansi: boolean; gzip: boolean; size: number; sha256: string } | { ok: false; reason: string };

/** The reference: gunzip, decode, split and strip the whole buffer at once, as reading did before streaming. */
function wholeBuffer(stored: Buffer): Read {
  const gzip = stored[0] === 0x1f && stored[1] === 0x8b;
  let bytes = stored;
  if (gzip) {
    try {
      bytes = gunzipSync(stored);
    } catch (error) {
      return { ok: false, reason: `gzip data is corrupt or truncated (${(error as Error).message})` };
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const { lines, crlf } = splitLines(decoded.text);
  const sha256 = createHash('sha256').update(stored).digest('hex');
  return { ok: true, lines: lines.map(stripAnsi), encoding: decoded.encoding, crlf, ansi: lines.some(hasAnsi), gzip, size: stored.length, sha256 };
}

async function streamed(chunks: Buffer[]): Promise<Read> {
  const [outcome] = await readInputs(['-'], { stdin: Readable.from(chunks) });
  if (outcome === undefined || !outcome.ok) return { ok: false, reason: outcome?.ok === false ? outcome.reason : 'no outcome' };
  const { lines, encoding, crlf, ansi, gzip, size, sha256 } = outcome.source;
  return { ok: true, lines, encoding, crlf, ansi, gzip, size, sha256 };
}

/** Two chunks cut at every offset, including the empty ones at either end, and one byte per chunk. */
function everySplit(bytes: Buffer): Buffer[][] {
  const splits: Buffer[][] = [];
  for (let i = 0; i <= bytes.length; i++) splits.push([bytes.subarray(0, i), bytes.subarray(i)]);
  splits.push([...bytes].map((byte) => Buffer.from([byte])));
  return splits;
}

const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const bom = { utf8: Buffer.from([0xef, 0xbb, 0xbf]), le: Buffer.from([0xff, 0xfe]), be: Buffer.from([0xfe, 0xff]) };
const korean = 'kube-system   경고   파드/api-7f 재시작 🚀🔥\n정상 ✓ 😀\nlast line, no newline 한';
const crlfText = 'a\r\nb\r\n\r\nlone\rCR stays\r\r\nend\r';
/** Characters whose UTF-16 bytes hold 0x0a or 0x0d without being a newline or CR: ੁ Ā č Ċ. */
const utf16Traps = '\u0a41\u0100 \u010d\u010a end \u010d\n\u0a41\u0100\r\n';
const ansiText = '\x1b[1;31mWarning\x1b[0m   BackOff 경고\x1b[K\n\x1b]8;;https://example.com\x07link\x1b]8;;\x1b\\ text\nplain ^[[31m\n';

const cases: ReadonlyArray<[string, Buffer]> = [
  ['UTF-8 with Korean and emoji', Buffer.from(korean)],
  ['UTF-8 with a BOM', Buffer.concat([bom.utf8, Buffer.from(korean)])],
  ['UTF-16 LE with a BOM, a split surrogate pair and CRLF', Buffer.concat([bom.le, utf16le(`${korean}\r\n🚀\r\n`)])],
  ['UTF-16 BE with a BOM and surrogate pairs', Buffer.concat([bom.be, utf16le(`${korean}\n😀\n`).swap16()])],
  ['UTF-16 LE bytes that look like newlines', Buffer.concat([bom.le, utf16le(utf16Traps)])],
  ['UTF-16 BE bytes that look like newlines', Buffer.concat([bom.be, utf16le(utf16Traps).swap16()])],
  ['UTF-16 LE without a BOM', utf16le('default   Normal   Pulled   pod/x\r\n')],
  ['UTF-16 BE without a BOM, odd trailing byte', Buffer.concat([utf16le('default   Normal\nPulled\n').swap16(), Buffer.from([0x41])])],
  ['CRLF, lone CR and a final CR without newline', Buffer.from(crlfText)],
  ['ANSI colours, erase-line and OSC links', Buffer.from(ansiText)],
  ['undecodable bytes at line ends', Buffer.from(`${'Pulling image '.repeat(4)}caf\xe9\nab\u00e2\u0082\n`, 'latin1')],
  ['gzip', gzipSync(Buffer.from(korean + '\r\n' + ansiText))],
  ['truncated gzip', gzipSync(Buffer.from(korean)).subarray(0, 30)],
  ['binary data', Buffer.concat([Buffer.from('header'), Buffer.alloc(20), Buffer.from('\n')])],
  ['a lone newline', Buffer.from('\n')],
  ['nothing', Buffer.alloc(0)],
];

for (const [name, bytes] of cases) {
  test(`${name}: every chunking reads as the whole buffer does`, async (t) => {
    const original = Buffer.from(bytes);
    const expected = wholeBuffer(bytes);
    for (const chunks of everySplit(bytes)) {
      const read = await streamed(chunks);
      if (!t.deepEqual(read, expected, `chunks of ${chunks.map((chunk) => chunk.length).join('+')} bytes`)) return;
    }
    // Big-endian input is swapped on a copy, never on the caller's bytes.
    t.deepEqual(bytes, original);
  });
}

test('the cases cover what they say', (t) => {
  const outcomes = cases.map(([name, bytes]) => [name, wholeBuffer(bytes)] as const);
  const byName = new Map(outcomes);
  t.like(byName.get('UTF-16 BE with a BOM and surrogate pairs'), { ok: true, encoding: 'utf-16be' });
  t.like(byName.get('UTF-16 BE without a BOM, odd trailing byte'), { ok: true, encoding: 'utf-16be' });
  t.like(byName.get('UTF-16 LE without a BOM'), { ok: true, encoding: 'utf-16le', crlf: true });
  t.like(byName.get('UTF-16 LE bytes that look like newlines'), { ok: true, lines: ['\u0a41\u0100 \u010d\u010a end \u010d', '\u0a41\u0100'] });
  t.like(byName.get('ANSI colours, erase-line and OSC links'), { ok: true, ansi: true });
  t.like(byName.get('gzip'), { ok: true, gzip: true, ansi: true, crlf: true });
  t.like(byName.get('truncated gzip'), { ok: false });
  t.like(byName.get('binary data'), { ok: false });
  t.like(byName.get('undecodable bytes at line ends'), { ok: true, lines: [`${'Pulling image '.repeat(4)}caf\ufffd`, 'ab\ufffd'] });
});

/** Past the head the encoding is settled and chunks are cut as they come; these inputs are larger than the head. */
const large: ReadonlyArray<[string, Buffer]> = [
  ['UTF-8', Buffer.from(`${korean}\r\n${ansiText}`.repeat(Math.ceil((HEAD_LENGTH * 1.5) / 200)))],
  ['UTF-16 LE', Buffer.concat([bom.le, utf16le(`${korean}\r\n`.repeat(Math.ceil(HEAD_LENGTH / 100)))])],
  ['UTF-16 BE', Buffer.concat([bom.be, utf16le(`${korean}\r\n`.repeat(Math.ceil(HEAD_LENGTH / 100))).swap16()])],
  ['gzip', gzipSync(Buffer.from(`${korean}\n`.repeat(Math.ceil((HEAD_LENGTH * 2) / 60))))],
];

for (const [name, bytes] of large) {
  test(`${name} larger than the head reads the same in odd-sized chunks`, async (t) => {
    const expected = wholeBuffer(bytes);
    t.true(expected.ok);
    for (const size of [7, 4093, 65_537, HEAD_LENGTH - 1, HEAD_LENGTH + 3]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      t.deepEqual(await streamed(chunks), expected, `chunks of ${size} bytes`);
    }
  });
}
