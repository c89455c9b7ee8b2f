// The last branch of the error contract: a bug (here, a terminal that fails while printing) is
// exit 70 with one line asking for a report, and a stack trace only with --debug.
import test from 'ava';
import { main } from '../../src/cli/main.js';
import type { Terminal } from '../../src/cli/output.js';

function failingTerminal(): Terminal & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    out: () => Promise.reject(new Error('the pipe broke')),
    err: (text) => void errors.push(text),
    isColourTerminal: () => false,
  };
}

test('a bug is exit 70, said in one line without a stack trace', async (t) => {
  const terminal = failingTerminal();
  t.is(await main(['summary', 'fixtures/seed/eks-failover.txt', '--captured-at', '2024-11-05T06:02:00Z'], terminal), 70);
  const said = terminal.errors.join('');
  t.regex(said, /^kube-postmortem: unexpected error: Error: the pipe broke\nThis is a bug; please report it with --debug output\.\n$/u);
  t.false(/\n\s+at /u.test(said));
});

test('with --debug the same bug prints its stack', async (t) => {
  const terminal = failingTerminal();
  t.is(await main(['summary', 'fixtures/seed/eks-failover.txt', '--captured-at', '2024-11-05T06:02:00Z', '--debug'], terminal), 70);
  t.regex(terminal.errors.join(''), /the pipe broke\n\s+at /u);
});
