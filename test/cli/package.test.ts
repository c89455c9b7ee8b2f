// The package as npm publishes it: packed from the dist/ that `npm test` built, installed
// globally into a scratch prefix, and run from a directory that is not the project, as a user
// who installed it would. Nothing here may come from the clone or its node_modules.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';
import { projectRoot } from '../helpers/run-cli.js';

// Rejects, with the command's stderr, when it exits other than 0.
const run = promisify(execFile);
const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };

test('the packed package installs offline with nothing but itself and runs anywhere', async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'kp-package-'));
  t.teardown(() => rmSync(scratch, { recursive: true, force: true }));
  const [prefix, cwd, out] = ['prefix', 'elsewhere', 'reports'].map((name) => join(scratch, name)) as [string, string, string];
  mkdirSync(cwd);

  // --ignore-scripts: pack what `npm test` built rather than building again.
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: projectRoot });
  const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  t.deepEqual(files.map((file) => file.path).sort(), ['README.md', 'dist/cli.js', 'dist/parse-worker.js', 'package.json']);

  // An empty cache and --offline: the install fails if the package needs any other.
  await run('npm', ['install', '-g', '--prefix', prefix, '--cache', join(scratch, 'npm-cache'), '--offline', '--no-audit', '--no-fund', join(scratch, filename)], { cwd });
  t.deepEqual(readdirSync(join(prefix, 'lib', 'node_modules')), ['kube-postmortem']);
  t.false(existsSync(join(prefix, 'lib', 'node_modules', 'kube-postmortem', 'node_modules')));

  // No NODE_PATH either, so that a bare import left in the bundle cannot be found anywhere.
  const env = { ...process.env, NODE_PATH: '' };
  const bin = join(prefix, 'bin', 'kube-postmortem');
  t.is((await run(bin, ['--version'], { cwd, env })).stdout, `${version}\n`);

  const seed = join(projectRoot, 'fixtures', 'seed', 'eks-failover.txt');
  await run(bin, ['report', seed, '--captured-at', '2024-11-05T06:02:00Z', '--out', out, '--format', 'json'], { cwd, env });
  t.deepEqual(readdirSync(out), ['incident-20241105T0501Z-d50226b3.json']);
  const report = JSON.parse(readFileSync(join(out, 'incident-20241105T0501Z-d50226b3.json'), 'utf8')) as { tool: { version: string } };
  t.is(report.tool.version, version);
});
