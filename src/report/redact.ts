// --redact: a report that can leave the company. Every string of the report that came from an
// input is searched for IP addresses, AWS account ids, ARNs, e-mail addresses, tokens and
// secrets, and with `hosts` host names too; each distinct value is replaced by a pseudonym that
// is the same everywhere in the report (10.x.x.1, host-1, aws-account-1), so what happened on
// which node still lines up. Regions and times are left as they are: the support case needs them.
// The report says what was replaced and how many distinct values of each kind.
import { shortHost } from './host-text.js';
import { BatchIndexSchema, type BatchIndex } from './batch-index.js';
import { ReportSchema, type Report } from './report-model.js';

export const redactModes = ['secrets', 'hosts'] as const;
/** `secrets`: addresses, accounts, tokens; `hosts`: those and host names. */
export type RedactMode = (typeof redactModes)[number];

/** In the order reports list them. */
const kinds = ['host name', 'ARN', 'AWS access key', 'token', 'secret', 'e-mail address', 'AWS account id', 'IP address'] as const;
type Kind = (typeof kinds)[number];

interface Rule {
  kind: Kind;
  pattern: RegExp;
  /** The pseudonym of the n-th distinct value (from 1); `value` is the whole match. */
  pseudonym: (n: number, value: string) => string;
  /** Only this group is replaced (a secret's value, not its key). */
  group?: number;
}

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/** In order: a token inside an ARN or an account inside it is the ARN's. */
const rules: readonly Rule[] = [
  { kind: 'ARN', pattern: /\barn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:\d{0,12}:[^\s"'`,;<>)\]}]+/gu, pseudonym: (n) => `arn-${n}` },
  { kind: 'AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/gu, pseudonym: (n) => `access-key-${n}` },
  { kind: 'token', pattern: /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/gu, pseudonym: (n) => `jwt-${n}` },
  { kind: 'token', pattern: /(?<=\b[Bb]earer\s+)[\w.~+/-]{8,}=*/gu, pseudonym: (n) => `token-${n}` },
  {
    kind: 'secret',
    pattern: /\b(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret)["']?\s*[:=]\s*["']?([^\s"'`,;&]{4,})/giu,
    group: 1,
    pseudonym: (n) => `secret-${n}`,
  },
  { kind: 'e-mail address', pattern: /\b[\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/giu, pseudonym: (n) => `user-${n}@example.invalid` },
  // Twelve digits are an account where AWS puts one (an ECR registry, after "account"); a bare byte count is not.
  {
    kind: 'AWS account id',
    pattern: /(?<![\w.-])\d{12}(?=\.dkr\.ecr\.)|(?<=\baccount(?:[ _-]?id)?["']?\s*[:=]?\s*["']?)\d{12}(?![\w-])/giu,
    pseudonym: (n) => `aws-account-${n}`,
  },
  {
    kind: 'IP address',
    pattern: /(?<![\w.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\w.]*\w)/gu,
    pseudonym: (n, value) => `${value.split('.')[0]}.x.x.${n}`,
  },
  {
    kind: 'IP address',
    pattern: /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?)(?![\w:])/giu,
    pseudonym: (n) => `ipv6-${n}`,
  },
];

/** EC2 private DNS names, whole or without their region, as kubelets and leader elections name nodes. */
const ec2HostName = new RegExp(`\\bip-\\d{1,3}-\\d{1,3}-\\d{1,3}-\\d{1,3}(?:\\.${HOST_LABEL})*`, 'gu');

/** The pseudonyms of one report: the same value, the same pseudonym. */
class Pseudonyms {
  private readonly byKind = new Map<Kind, Map<string, string>>();

  name(kind: Kind, value: string, pseudonym: (n: number, value: string) => string): string {
    let values = this.byKind.get(kind);
    if (!values) this.byKind.set(kind, (values = new Map()));
    let named = values.get(value);
    if (named === undefined) {
      named = pseudonym(values.size + 1, value);
      values.set(value, named);
    }
    return named;
  }

  /** How many distinct values of each kind were replaced, and the first pseudonym of each, kind by kind. */
  counts(): { kind: Kind; values: number; example: string }[] {
    return kinds.flatMap((kind) => {
      const values = this.byKind.get(kind);
      return values ? [{ kind, values: values.size, example: values.values().next().value! }] : [];
    });
  }
}

/** Host names the report knows as hosts, and the short forms it shows them by. */
function knownHosts(report: Report): string[] {
  const hosts = new Set<string>();
  for (const cluster of report.leaderElectionClusters) {
    for (const host of cluster.hosts) hosts.add(host);
    for (const lock of cluster.locks) for (const host of [lock.host, lock.previousHost]) if (host) hosts.add(host);
  }
  return [...hosts];
}

function redactText(text: string, names: Pseudonyms, hosts: ReadonlyMap<string, string> | null): string {
  let redacted = text;
  if (hosts) {
    // Hosts first, longest first, so that a host's address-like name is replaced as a host.
    for (const [host, pseudonym] of hosts) redacted = redacted.split(host).join(pseudonym);
    redacted = redacted.replace(ec2HostName, (host) => names.name('host name', shortHost(host), (n) => `host-${n}`));
  }
  for (const rule of rules) {
    redacted = redacted.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
      const value = rule.group === undefined ? match : String(groups[rule.group - 1]);
      const pseudonym = names.name(rule.kind, value, rule.pseudonym);
      return rule.group === undefined ? pseudonym : match.slice(0, match.length - value.length) + pseudonym;
    });
  }
  return redacted;
}

/** Fields that never hold an input's text: hashes, times, the names of the files batch wrote. */
const untouched = new Set(['sha256', 'generatedAt', 'earliest', 'latest', 'region', 'regions', 'schemaVersion', 'tool', 'settings', 'file', 'groupBy']);

function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, untouched.has(key) ? field : redactValue(field, redact)]));
  }
  return value;
}

/** The report with what `mode` covers replaced, and a caveat saying what and how much. */
export function redactReport(report: Report, mode: RedactMode): Report {
  const { value, counts } = redactDocument(report, mode, knownHosts(report));
  value.caveats = [...value.caveats, redactionNote(mode, counts, 'report')];
  if (counts.length > 0) value.redactions = counts.map(({ kind, values }) => ({ kind, values }));
  return ReportSchema.parse(value);
}

/**
 * batch's index (its inputs' paths, groups, titles) redacted as the reports are, with pseudonyms
 * of its own: the index and each report are read on their own.
 */
export function redactIndex(index: BatchIndex, mode: RedactMode): BatchIndex {
  const { value, counts } = redactDocument(index, mode, []);
  value.redactions = { note: redactionNote(mode, counts, 'index'), counts: counts.map(({ kind, values }) => ({ kind, values })) };
  return BatchIndexSchema.parse(value);
}

function redactDocument<Document>(document: Document, mode: RedactMode, hostNames: readonly string[]): { value: Document; counts: ReturnType<Pseudonyms['counts']> } {
  const names = new Pseudonyms();
  let hosts: Map<string, string> | null = null;
  if (mode === 'hosts') {
    hosts = new Map();
    // A host and its short form are one host; the long form goes first so that it is replaced whole.
    for (const host of hostNames) hosts.set(host, names.name('host name', shortHost(host), (n) => `host-${n}`));
    for (const host of hostNames) if (shortHost(host) !== host) hosts.set(shortHost(host), hosts.get(host)!);
    hosts = new Map([...hosts].sort(([a], [b]) => b.length - a.length));
  }
  const value = redactValue(document, (text) => redactText(text, names, hosts)) as Document;
  return { value, counts: names.counts() };
}

function redactionNote(mode: RedactMode, counts: readonly { kind: Kind; values: number; example: string }[], where: 'report' | 'index'): string {
  const kept = mode === 'hosts' ? '' : ' Host names were kept; --redact=hosts replaces them too.';
  if (counts.length === 0) return `Redacted for sharing: nothing was found to replace.${kept}`;
  const what = counts.map(({ kind, values }) => `${values} ${values === 1 ? kind : plural(kind)}`).join(', ');
  const examples = counts.map(({ example }) => example).join(', ');
  return `Redacted for sharing: ${what}, each replaced by a pseudonym (${examples}) that stands for the same value throughout the ${where}; regions and times are as read.${kept}`;
}

function plural(kind: Kind): string {
  return kind === 'e-mail address' || kind === 'IP address' ? `${kind}es` : `${kind}s`;
}
