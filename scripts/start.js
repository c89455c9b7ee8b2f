// `npm start`: runs kube-postmortem on the bundled seed incident and writes its report to
// reports/. The seed's post gives no capture time; 2024-11-05T06:02:00Z stands in for it.
import { spawnSync } from 'node:child_process';

const seed = 'fixtures/seed/eks-failover.txt';
const common = [seed, '--captured-at', '2024-11-05T06:02:00Z', '--tz', 'Asia/Seoul'];

const run = (args) => {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
  process.stderr.write(result.stderr);
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result.stdout;
};

process.stdout.write(run(['summary', ...common]));
run(['report', ...common, '--cluster', 'seed-eks', '--out', 'reports', '--format', 'md', '--format', 'html', '--format', 'json', '--force']);
