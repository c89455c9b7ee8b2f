// --redact: what leaves the company carries no address, account, token or secret, and with
// --redact=hosts no host name; each value keeps one pseudonym, so the story still lines up.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { redactReport } from '../../src/report/redact.js';
import { ReportSchema, type Report } from '../../src/report/report-model.js';
import { runCommand } from '../helpers/run-cli.js';

const secrets = {
  ip: '52.95.110.1',
  otherIp: '10.100.0.1',
  ipv6: '2600:1f18:4a3:6900:9b2c:a6f1:2e0c:1d7b',
  account: '123456789012',
  arn: 'arn:aws:iam::210987654321:role/eks-node-role',
  email: 'oncall.lead@example.com',
  bearer: 'sk_live_51HxQe2eZvKYlo2C0aBcDeFgHiJ',
  jwt: 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl',
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
  password: 'hunter2hunter2',
};
const hostA = 'ip-10-0-96-181.ap-northeast-2.compute.internal';
const hostB = 'ip-10-0-59-113.ap-northeast-2.compute.internal';

const table = [
  'NAMESPACE     LAST SEEN   TYPE      REASON           OBJECT                            MESSAGE',
  `kube-system   3m          Normal    LeaderElection   lease/kube-scheduler              ${hostA}_f02cf5ab-2657-4180-ba3c-a2d39f55f3dd became leader`,
  `kube-system   3m          Normal    LeaderElection   lease/kube-controller-manager     ${hostB}_081a708b-2b03-496b-a647-a90ec4f7bddb became leader`,
  `kube-system   2m          Warning   FailedMount      pod/aws-node-x7k2p                MountVolume failed: dial tcp ${secrets.otherIp}:443: i/o timeout (from ${secrets.ip}, ${secrets.ipv6})`,
  `default       2m          Warning   Failed           pod/web-1                         Failed to pull image "${secrets.account}.dkr.ecr.ap-northeast-2.amazonaws.com/web:1.2": assuming ${secrets.arn} denied for ${secrets.email}`,
  `default       2m          Warning   BackOff          pod/web-1                         curl -H "Authorization: Bearer ${secrets.bearer}" failed with ${secrets.jwt} at 05:01:20 on ${hostA}`,
  `default       1m          Warning   Unhealthy        pod/web-1                         probe env AWS_ACCESS_KEY_ID=${secrets.accessKey} password=${secrets.password} from ${secrets.ip} again, account ${secrets.account}`,
  `default       1m          Warning   Evicted          pod/web-2                         The node was low on resource: ephemeral-storage. Image size: 214748364800 bytes`,
  '',
].join('\n');

async function reportOf(redact: string): Promise<{ json: Report; md: string; html: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kp-redact-'));
  writeFileSync(join(dir, 'events.txt'), table);
  const out = join(dir, 'out');
  const { code, stderr } = await runCommand(['report', join(dir, 'events.txt'), '--captured-at', '2024-11-05T05:05:00Z', redact, '--out', out, '--format', 'md', '--format', 'html', '--format', 'json']);
  if (code !== 0) throw new Error(stderr);
  const written = stderr.match(/wrote (\S+)/gu)!.map((line) => line.slice('wrote '.length));
  const read = (extension: string) => readFileSync(written.find((path) => path.endsWith(extension))!, 'utf8');
  return { json: ReportSchema.parse(JSON.parse(read('.json'))), md: read('.md'), html: read('.html') };
}

test('--redact=hosts leaves no address, account, token, secret or host name in any format', async (t) => {
  const { json, md, html } = await reportOf('--redact=hosts');
  for (const [name, value] of Object.entries({ ...secrets, hostA, hostB, shortA: 'ip-10-0-96-181', shortB: 'ip-10-0-59-113' })) {
    for (const [format, text] of Object.entries({ md, html, json: JSON.stringify(json) })) t.false(text.includes(value), `${name} in ${format}`);
  }
  t.deepEqual(json.redactions, [
    { kind: 'host name', values: 2 },
    { kind: 'ARN', values: 1 },
    { kind: 'AWS access key', values: 1 },
    { kind: 'token', values: 2 },
    { kind: 'secret', values: 1 },
    { kind: 'e-mail address', values: 1 },
    { kind: 'AWS account id', values: 1 },
    { kind: 'IP address', values: 3 },
  ]);
  // The same value, the same pseudonym: the host of the election is the host named in a message.
  const cluster = json.leaderElectionClusters[0]!;
  t.deepEqual(cluster.hosts.sort(), ['host-1', 'host-2']);
  const scheduler = cluster.locks.find((lock) => lock.name === 'kube-scheduler')!;
  t.true(json.errorWindows[0]!.evidence.lines.some((line) => line.text.includes(`on ${scheduler.host}`)));
  t.true(md.includes('from 52.x.x.') && (md.match(/52\.x\.x\.\d/gu) ?? []).every((pseudonym) => pseudonym === md.match(/52\.x\.x\.\d/u)![0]));
  // What a support case needs stays: the region, the UTC window; and times and ids in messages.
  const plain = await reportOf('--tz=UTC');
  t.is(json.supportCase!.region, 'ap-northeast-2');
  t.deepEqual(json.supportCase!.window, plain.json.supportCase!.window);
  t.deepEqual(json.incidents.map((incident) => [incident.start, incident.end, incident.title]), plain.json.incidents.map((incident) => [incident.start, incident.end, incident.title]));
  t.true(md.includes('at 05:01:20 on host-1') || md.includes('at 05:01:20 on host-2'));
  t.true(md.includes('f02cf5ab-2657-4180-ba3c-a2d39f55f3dd'));
  // Twelve digits that are no account, and the same account wherever it stands, once.
  t.true(md.includes('Image size: 214748364800 bytes'));
  t.true(md.includes('aws-account-1.dkr.ecr') && md.includes('account aws-account-1'));
  t.regex(json.caveats.at(-1)!, /^Redacted for sharing: 2 host names, 1 ARN, 1 AWS access key, 2 tokens, 1 secret, 1 e-mail address, 1 AWS account id, 3 IP addresses, each replaced by a pseudonym/u);
});

test('--redact keeps host names and says how to replace them too', async (t) => {
  const { json, md } = await reportOf('--redact');
  t.true(md.includes(hostA));
  t.false(md.includes(secrets.ip) || md.includes(secrets.account) || md.includes(secrets.password));
  t.false(json.redactions!.some((redaction) => redaction.kind === 'host name'));
  t.regex(json.caveats.at(-1)!, /Host names were kept; --redact=hosts replaces them too\.$/u);
});

test('a bare --redact never takes the input after it for its value; an unknown mode is a usage error', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-redact-'));
  writeFileSync(join(dir, 'events.txt'), table);
  const bare = await runCommand(['report', '--redact', join(dir, 'events.txt'), '--captured-at', '2024-11-05T05:05:00Z', '--stdout', '--format', 'json']);
  t.is(bare.code, 0);
  t.true(ReportSchema.parse(JSON.parse(bare.stdout)).redactions!.length > 0);
  const wrong = await runCommand(['report', join(dir, 'events.txt'), '--redact=everything']);
  t.is(wrong.code, 2);
  t.regex(wrong.stderr, /--redact: "everything" is not what to redact/u);
});

test('redaction is a pure function of the report: twice gives the same, and nothing found says so', async (t) => {
  const { json } = await reportOf('--redact=hosts');
  const plain = { ...json, caveats: json.caveats.slice(0, -1), redactions: undefined };
  t.deepEqual(redactReport(plain, 'hosts'), redactReport(plain, 'hosts'));
  const clean = redactReport({ ...plain, leaderElectionClusters: [], errorWindows: [], incidents: [], supportCase: null }, 'secrets');
  t.is(clean.redactions, undefined);
  t.is(clean.caveats.at(-1), 'Redacted for sharing: nothing was found to replace. Host names were kept; --redact=hosts replaces them too.');
});
