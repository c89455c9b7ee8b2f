// The progress reporter: in place on a terminal, plain lines otherwise, nothing when quiet.
import test from 'ava';
import { byteText, createProgress } from '../../src/cli/progress.js';

function sink(isTerminal: boolean) {
  const written: string[] = [];
  return { written, sink: { isTerminal, write: (text: string) => written.push(text) } };
}

test('a terminal gets one line rewritten in place, with files, bytes, rate and time left', (t) => {
  let clock = 0;
  const { written, sink: terminal } = sink(true);
  const progress = createProgress(terminal, { totalFiles: 4, totalBytes: 4096, quiet: false, now: () => clock });
  clock = 1000;
  progress.advance(1024);
  t.is(written.at(-1), '\r1/4 files, 1.0 KiB/4.0 KiB (25%), 1.0 KiB/s, 3 s left\u001b[K');
  progress.done();
  t.is(written.at(-1), '\n');
});

test('elsewhere a plain line every 10 files or 5 s, and a last one', (t) => {
  let clock = 0;
  const { written, sink: pipe } = sink(false);
  const progress = createProgress(pipe, { totalFiles: 25, totalBytes: 25, quiet: false, now: () => clock });
  for (let file = 0; file < 12; file += 1) progress.advance(1);
  t.is(written.length, 1);
  t.regex(written[0]!, /^10\/25 files, 10 B\/25 B \(40%\), .*\n$/u);
  clock = 6000;
  progress.advance(1);
  t.is(written.length, 2);
  t.regex(written[1]!, /^13\/25 files/u);
  progress.done();
  t.is(written.length, 2, 'nothing new to say');
  progress.advance(1);
  progress.done();
  t.is(written.length, 3);
  t.regex(written[2]!, /^14\/25 files/u);
});

test('quiet prints nothing', (t) => {
  const { written, sink: terminal } = sink(true);
  const progress = createProgress(terminal, { totalFiles: 1, totalBytes: 1, quiet: true });
  progress.advance(1);
  progress.done();
  t.deepEqual(written, []);
  t.is(byteText(3 * 1024 * 1024), '3.0 MiB');
});
