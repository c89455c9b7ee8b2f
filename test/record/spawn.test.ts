// The real process runner: output collected, a kill reaching what kubectl started, and a
// missing program told apart from one that fails.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { spawnProcess } from '../../src/record/spawn.js';
import { tempDir } from './fakes.js';

const posix = process.platform === 'win32' ? test.skip : test;

posix('collects stdout when asked, stderr always, and the exit code', async (t) => {
  const script = 'printf "ok"; printf "error: You must be logged in to the server (Unauthorized)\\n" >&2; exit 1';
  const kept = await spawnProcess('sh', ['-c', script], { keepStdout: true }).done;
  t.deepEqual({ ...kept, stdout: kept.kind === 'exited' ? kept.stdout.toString() : null }, {
    kind: 'exited',
    exitCode: 1,
    signal: null,
    stdout: 'ok',
    stderr: 'error: You must be logged in to the server (Unauthorized)\n',
  });
  const dropped = await spawnProcess('sh', ['-c', script], { keepStdout: false }).done;
  t.is(dropped.kind === 'exited' ? dropped.stdout.length : -1, 0);
});

posix('a kill ends the process and whatever it started, and stdin is empty', async (t) => {
  const dir = tempDir();
  const marker = join(dir, 'grandchild-survived');
  // The child starts a grandchild that would leave a mark later, then waits on stdin (empty: EOF).
  writeFileSync(join(dir, 'run.sh'), `(sleep 1; touch ${marker}) &\ncat\nsleep 30\n`);
  const running = spawnProcess('sh', [join(dir, 'run.sh')], { keepStdout: false });
  await new Promise((resolve) => setTimeout(resolve, 200));
  running.kill();
  const exit = await running.done;
  t.like(exit, { kind: 'exited', exitCode: null, signal: 'SIGKILL' });
  await new Promise((resolve) => setTimeout(resolve, 1300));
  t.false(existsSync(marker));
  running.kill();
});

test('a program that does not exist is a spawn failure with ENOENT, not an exit', async (t) => {
  const exit = await spawnProcess(join(tempDir(), 'no-kubectl'), ['version'], { keepStdout: false }).done;
  t.like(exit, { kind: 'spawn-failed', code: 'ENOENT' });
});

test('arguments Node refuses are a spawn failure too, never a throw', async (t) => {
  const exit = await spawnProcess('kubectl', ['get', 'pods\u0000'], { keepStdout: false }).done;
  t.like(exit, { kind: 'spawn-failed', code: 'ERR_INVALID_ARG_VALUE' });
});
