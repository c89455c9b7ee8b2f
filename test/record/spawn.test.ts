// The real process runner: output collected, a kill reaching what kubectl started, and a
// missing program told apart from one that fails.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  const [grandchildPid, stdinClosed] = [join(dir, 'grandchild.pid'), join(dir, 'stdin-closed')];
  // The child starts a grandchild, reads its stdin to the end (at once, when it is empty), says so, and waits.
  writeFileSync(join(dir, 'run.sh'), `sleep 60 >/dev/null 2>&1 &\necho $! > ${grandchildPid}.tmp && mv ${grandchildPid}.tmp ${grandchildPid}\ncat\ntouch ${stdinClosed}\nexec sleep 60\n`);
  const running = spawnProcess('sh', [join(dir, 'run.sh')], { keepStdout: false });
  // However slow the machine, both marks come (AVA's timeout ends a wait for a stdin left open).
  while (!existsSync(grandchildPid) || !existsSync(stdinClosed)) await pause(20);
  const pid = Number(readFileSync(grandchildPid, 'utf8'));
  running.kill();
  t.like(await running.done, { kind: 'exited', exitCode: null, signal: 'SIGKILL' });
  // The grandchild would sleep a minute; killed with its group, it is gone once reaped.
  for (let waited = 0; isAlive(pid) && waited < 10_000; waited += 20) await pause(20);
  t.false(isAlive(pid), `the grandchild ${pid} outlived the kill`);
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('a program that does not exist is a spawn failure with ENOENT, not an exit', async (t) => {
  const exit = await spawnProcess(join(tempDir(), 'no-kubectl'), ['version'], { keepStdout: false }).done;
  t.like(exit, { kind: 'spawn-failed', code: 'ENOENT' });
});

test('arguments Node refuses are a spawn failure too, never a throw', async (t) => {
  const exit = await spawnProcess('kubectl', ['get', 'pods\u0000'], { keepStdout: false }).done;
  t.like(exit, { kind: 'spawn-failed', code: 'ERR_INVALID_ARG_VALUE' });
});
