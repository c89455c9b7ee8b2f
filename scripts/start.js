// `npm start`: runs kube-postmortem on the bundled seed incident and writes what it finds to
// reports/. The seed's post gives no capture time; 2024-11-05T06:02:00Z stands in for it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const seed = 'fixtures/seed/eks-failover.txt';
const common = ['--captured-at', '2024-11-05T06:02:00Z'];
mkdirSync('reports', { recursive: true });

const run = (args) => {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
};

const outputs = {
  'reports/seed-eks-failover.summary.txt': run(['summary', seed, ...common, '--tz', 'Asia/Seoul']),
  'reports/seed-eks-failover.records.ndjson': run(['parse', seed, ...common, '--accounting', 'reports/seed-eks-failover.accounting.json']),
};
for (const [path, text] of Object.entries(outputs)) writeFileSync(path, text);
process.stdout.write(outputs['reports/seed-eks-failover.summary.txt']);
process.stdout.write(`\nwrote ${[...Object.keys(outputs), 'reports/seed-eks-failover.accounting.json'].join(', ')}\n`);
