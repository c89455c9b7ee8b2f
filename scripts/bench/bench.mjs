// Launcher of `npm run bench`: says clearly what is missing (tsx, jq, mawk, the build) before
// handing over to scripts/bench/run.ts under tsx. Arguments are passed through.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const fail = (message) => {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
};
try {
  import.meta.resolve('tsx');
} catch {
  fail('tsx not found; run npm ci (it is a devDependency)');
}
for (const [tool, hint] of [
  ['jq', 'install jq (apt-get install jq)'],
  ['mawk', 'install mawk (apt-get install mawk)'],
  ['zcat', 'install gzip'],
  ['/usr/bin/time', 'install GNU time (apt-get install time), used for the peak RSS'],
]) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0) fail(`${tool} not found; ${hint}`);
}
if (!existsSync(join(here, '..', '..', 'dist', 'cli.js'))) fail('dist/cli.js missing; run npm run build first');
const result = spawnSync(process.execPath, ['--import=tsx', join(here, 'run.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
