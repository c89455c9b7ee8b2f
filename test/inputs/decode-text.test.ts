// Unit tests for the pure decoding layer: encodings, binary refusal, line splitting, ANSI stripping.
import test from 'ava';
import { decodeText, hasAnsi, splitLines, stripAnsi } from '../../src/inputs/index.js';

const sample = 'NAMESPACE   LAST SEEN\nkube-system 60m\n';

function decodedOk(bytes: Uint8Array): { text: string; encoding: string } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new Error(`expected text, got: ${decoded.reason}`);
  return decoded;
}

test('plain UTF-8 decodes as utf-8', (t) => {
  t.deepEqual(decodeText(Buffer.from(sample)), { ok: true, text: sample, encoding: 'utf-8' });
});

test('multi-byte UTF-8 survives intact', (t) => {
  const text = 'message: ünïcødé — 日本語 ✓\n';
  t.is(decodedOk(Buffer.from(text)).text, text);
});

test('UTF-8 BOM is detected and removed', (t) => {
  const decoded = decodedOk(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]));
  t.is(decoded.encoding, 'utf-8-bom');
  t.is(decoded.text, sample);
});

test('UTF-16 LE and BE with BOM decode to the same text', (t) => {
  const le = decodedOk(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]));
  const be = decodedOk(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sample, 'utf16le').swap16()]));
  t.deepEqual([le.encoding, le.text], ['utf-16le', sample]);
  t.deepEqual([be.encoding, be.text], ['utf-16be', sample]);
});

test('BOM-less UTF-16 is recognised in both byte orders', (t) => {
  const le = decodedOk(Buffer.from(sample, 'utf16le'));
  const be = decodedOk(Buffer.from(sample, 'utf16le').swap16());
  t.deepEqual([le.encoding, le.text], ['utf-16le', sample]);
  t.deepEqual([be.encoding, be.text], ['utf-16be', sample]);
});

test('empty bytes are empty text', (t) => {
  t.deepEqual(decodeText(new Uint8Array(0)), { ok: true, text: '', encoding: 'utf-8' });
});

test('NUL bytes mean binary, with the offset of the first one', (t) => {
  const bytes = Buffer.concat([Buffer.from('header line!'), Buffer.alloc(20)]);
  t.deepEqual(decodeText(bytes), { ok: false, reason: 'binary data (NUL bytes at offset 12), not text' });
});

test('a single stray NUL in a long text is tolerated', (t) => {
  const bytes = Buffer.from(`${'x'.repeat(500)}\0${'y'.repeat(500)}\n`);
  t.true(decodeText(bytes).ok);
});

test('mostly undecodable bytes are refused as not UTF-8', (t) => {
  const bytes = Buffer.from([...'abcdefgh'].map((c) => c.charCodeAt(0)).concat([0xff, 0xfe, 0xfd, 0xc3, 0x28, 0xa0, 0xa1]));
  const decoded = decodeText(bytes);
  t.false(decoded.ok);
  if (!decoded.ok) t.regex(decoded.reason, /^not valid UTF-8 text \(\d+% undecodable bytes\)$/);
});

test('a few undecodable bytes (Latin-1 accents) still pass as text', (t) => {
  const bytes = Buffer.concat([Buffer.from('Pulling image caf'), Buffer.from([0xe9]), Buffer.from(' from registry, attempt 3 of 5\n'.repeat(3))]);
  const decoded = decodedOk(bytes);
  t.true(decoded.text.includes('caf\ufffd'));
});

test('control characters other than tab, newline, CR, FF and ESC mean binary', (t) => {
  const bytes = Buffer.from('ab\x01\x02\x03\x04\x05\x06cd\x07\x08');
  const decoded = decodeText(bytes);
  t.false(decoded.ok);
  if (!decoded.ok) t.regex(decoded.reason, /^binary data \(\d+% control characters\), not text$/);
  t.true(decodeText(Buffer.from('a\tb\fc\x1b[0m\r\n')).ok);
});

test('splitLines: a final newline makes no extra line', (t) => {
  t.deepEqual(splitLines('a\nb\n'), { lines: ['a', 'b'], crlf: false });
});

test('splitLines: no final newline keeps the last line', (t) => {
  t.deepEqual(splitLines('a\nb'), { lines: ['a', 'b'], crlf: false });
});

test('splitLines: CRLF is removed and reported', (t) => {
  t.deepEqual(splitLines('a\r\nb\r\n'), { lines: ['a', 'b'], crlf: true });
  t.deepEqual(splitLines('a\nb\r\nc'), { lines: ['a', 'b', 'c'], crlf: true });
});

test('splitLines: a lone CR stays inside its line', (t) => {
  t.deepEqual(splitLines('a\rb\nc\r\r\n'), { lines: ['a\rb', 'c\r'], crlf: true });
});

test('splitLines: empty text and blank lines', (t) => {
  t.deepEqual(splitLines(''), { lines: [], crlf: false });
  t.deepEqual(splitLines('\n'), { lines: [''], crlf: false });
  t.deepEqual(splitLines('\r\n'), { lines: [''], crlf: true });
  t.deepEqual(splitLines('a\n\n\nb'), { lines: ['a', '', '', 'b'], crlf: false });
});

// Its speed is a figure of `npm run bench` (every command splits its inputs with it), not a test.
test('splitLines keeps each of a million lines whole, LF and CRLF mixed', (t) => {
  const row = 'default   5m   Normal   Pulled   pod/x   Container image already present';
  const text = `${row}\n${row}\r\n`.repeat(500_000);
  const { lines, crlf } = splitLines(text);
  t.is(lines.length, 1_000_000);
  t.true(crlf);
  t.true(lines.every((line) => line === row));
});

test('stripAnsi removes SGR, erase-line, OSC and short ESC sequences', (t) => {
  t.is(stripAnsi('\x1b[1;31mWarning\x1b[0m   BackOff\x1b[K'), 'Warning   BackOff');
  t.is(stripAnsi('\x1b]8;;https://example.com\x07link\x1b]8;;\x1b\\ text'), 'link text');
  t.is(stripAnsi('\x1b(Bplain\x1b7saved\x1b8'), 'plainsaved');
  t.is(stripAnsi('\x1b[38;5;208morange\x1b[m'), 'orange');
});

test('stripAnsi keeps kubectl-escaped ESC (^[) as message text', (t) => {
  const line = 'default   Warning   Failed   pod/x   Error: ^[[31mred^[[0m';
  t.is(stripAnsi(line), line);
  t.false(hasAnsi(line));
});

test('hasAnsi tells coloured from plain lines', (t) => {
  t.true(hasAnsi('\x1b[32mNormal\x1b[0m'));
  t.false(hasAnsi('Normal'));
  t.is(stripAnsi('no escapes here'), 'no escapes here');
});
