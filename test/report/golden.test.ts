// Golden reports: the seed incident and three fixture incidents, in Markdown and JSON, equal to
// the reviewed files in test/golden/. `UPDATE_GOLDEN=1 npm test` rewrites them; review the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { ReportSchema } from '../../src/report/report-model.js';
import { runCommand } from '../helpers/run-cli.js';

const golden = (name: string) => join('test/golden', name);

const scenarios: [string, string[]][] = [
  ['seed-eks-failover', ['fixtures/seed/eks-failover.txt', '--captured-at', '2024-11-05T06:02:00Z', '--tz', 'Asia/Seoul', '--cluster', 'prod-apne2']],
  ['reference-all-forms', ['fixtures/reference', '--captured-at', '2024-06-12T10:48:30Z', '--tz', 'America/Los_Angeles']],
  ['kubectl-1.32-json', ['fixtures/kubectl-1.32/get-events-A-o-json.json']],
  ['kind-startup-public-007', ['fixtures/public/007-kind130-events-A-fluentbit-blog.txt', '--captured-at', '2024-08-02T12:00:00Z']],
];

async function report(args: string[], format: 'md' | 'json'): Promise<string> {
  const { stdout, code, stderr } = await runCommand(['report', ...args, '--stdout', '--format', format], { env: { SOURCE_DATE_EPOCH: '1733000000' } });
  if (code !== 0) throw new Error(stderr);
  return stdout;
}

for (const [name, args] of scenarios) {
  for (const format of ['md', 'json'] as const) {
    test(`${name}.${format} is as reviewed`, async (t) => {
      const actual = await report(args, format);
      if (format === 'json') ReportSchema.parse(JSON.parse(actual));
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden(`${name}.${format}`), actual);
      t.is(actual, readFileSync(golden(`${name}.${format}`), 'utf8'));
    });
  }
}
