// What a klog message says about leader election (formats.md §5.4), across client-go versions:
// ≤1.19 `attempting to acquire leader lease  ns/name...` (two spaces), 1.20–1.34 one space,
// ≥1.35 structured `"Attempting to acquire leader lease..." lock="ns/name"`; the old typo
// `sucessfully`; and how components say they lost the lease. Also the event lines the event
// broadcaster logs (§5.1): `"Event occurred" object=… reason=…` and the older
// `Event(v1.ObjectReference{…}): type: 'Normal' reason: 'LeaderElection' …`.
import type { LeaderElectionAction } from '../../model/log-record.js';

export interface LeaseLock {
  namespace: string | null;
  name: string;
}

export interface LeaderElectionLine {
  action: LeaderElectionAction;
  /** The lock the line names, as written (`Kube-system/Kube-scheduler` stays so); null when it names none. */
  lock: LeaseLock | null;
}

/** A klog header, for callers that pass a whole line rather than its message. */
const klogHeader = /^\s*[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+\s+[^\s:\]]+:\d+\]\s?/u;

/**
 * The leader-election step a klog message reports, or null when it reports none. "lock is held
 * by … and has not yet expired", "failed to acquire lease", "Failed to update lock" and "error
 * retrieving resource lock" are not steps: a standby that sees the lock held elsewhere is not
 * an election.
 */
export function readLeaderElectionLine(message: string): LeaderElectionLine | null {
  const text = message.replace(klogHeader, '').trim();
  return readStructured(text) ?? readPrintf(text);
}

/** ≥1.35 (and `"Leaderelection lost"` of the current kube-scheduler): a quoted message, then key="value" pairs. */
function readStructured(text: string): LeaderElectionLine | null {
  const quoted = /^"((?:[^"\\]|\\.)*)"(.*)$/u.exec(text);
  if (!quoted) return null;
  const head = quoted[1]!.trim();
  const pairs = readKlogPairs(quoted[2]!);
  const lock = pairs.lock === undefined || pairs.lock === '' ? null : lockOf(pairs.lock);
  if (/^attempting to acquire leader lease(?:\.\.\.)?$/iu.test(head)) return { action: 'attempting', lock };
  if (/^su(?:c)?cessfully acquired lease$/iu.test(head)) return { action: 'acquired', lock };
  if (/^failed to renew lease$/iu.test(head)) return { action: 'renew-failed', lock };
  if (lostPhrase.test(head)) return { action: 'lost', lock: null };
  return null;
}

const lostPhrase = /^(?:leader ?election lost|lost lease|lost master)(?=$|[\s:.,!])/iu;

/** Up to 1.34: printf-style messages. */
function readPrintf(text: string): LeaderElectionLine | null {
  let match = /^attempting to acquire leader lease\s+(\S+?)\.\.\.(?=$|\s)/iu.exec(text);
  if (match) return { action: 'attempting', lock: lockOf(match[1]!) };
  // ≤1.7-era builds print no lock name.
  if (/^attempting to acquire leader lease\s*\.\.\.?$/iu.test(text)) return { action: 'attempting', lock: null };
  match = /^su(?:c)?cessfully acquired lease\s+([^\s:]+)/iu.exec(text);
  if (match) return { action: 'acquired', lock: lockOf(match[1]!) };
  match = /^failed to renew lease\s+([^\s:]+)(?=$|:|\s)/iu.exec(text);
  if (match) return { action: 'renew-failed', lock: lockOf(match[1]!) };
  if (lostPhrase.test(text)) return { action: 'lost', lock: null };
  return null;
}

function lockOf(text: string): LeaseLock {
  const slash = text.indexOf('/');
  return slash < 0 ? { namespace: null, name: text } : { namespace: text.slice(0, slash) || null, name: text.slice(slash + 1) };
}

/** An event as the event broadcaster logged it to klog. Empty strings are read as unknown (null). */
export interface KlogEventLine {
  kind: string | null;
  namespace: string | null;
  name: string | null;
  type: string | null;
  reason: string | null;
  message: string;
}

/**
 * The event a klog message logs: the structured `"Event occurred" object="ns/name" kind="Lease"
 * … type="Normal" reason="LeaderElection" message="X became leader"`, or the older
 * `Event(v1.ObjectReference{Kind:"Endpoints", Namespace:"kube-system", Name:"…", …}): type:
 * 'Normal' reason: 'LeaderElection' X became leader`. Null for any other message.
 */
export function readKlogEventLine(message: string): KlogEventLine | null {
  const text = message.replace(klogHeader, '').trim();
  return readStructuredEvent(text) ?? readObjectReferenceEvent(text);
}

function readStructuredEvent(text: string): KlogEventLine | null {
  const match = /^"Event occurred"(.*)$/u.exec(text);
  if (!match) return null;
  const pairs = readKlogPairs(match[1]!);
  const object = pairs.object ?? '';
  const slash = object.indexOf('/');
  return {
    kind: orNull(pairs.kind),
    // A cluster-scoped object (a Node) is printed without a namespace.
    namespace: slash < 0 ? null : orNull(object.slice(0, slash)),
    name: orNull(slash < 0 ? object : object.slice(slash + 1)),
    type: orNull(pairs.type),
    reason: orNull(pairs.reason),
    message: pairs.message ?? '',
  };
}

function readObjectReferenceEvent(text: string): KlogEventLine | null {
  const match = /^Event\((?:[\w.]+\.)?ObjectReference\{(.*?)\}\): type: '([^']*)' reason: '([^']*)' ?(.*)$/su.exec(text);
  if (!match) return null;
  const fields: Record<string, string> = {};
  for (const field of match[1]!.matchAll(/(\w+):"((?:[^"\\]|\\.)*)"/gu)) fields[field[1]!] = unquoteGo(field[2]!);
  return {
    kind: orNull(fields.Kind),
    namespace: orNull(fields.Namespace),
    name: orNull(fields.Name),
    type: orNull(match[2]),
    reason: orNull(match[3]),
    message: match[4]!,
  };
}

/**
 * klog's `key="value"` / `key=value` pairs after a structured message. Values are Go-quoted
 * strings (`\"`, `\\`, `\n` escapes) or bare words; a quoted value cut off by the end of the
 * text keeps what there is of it.
 */
export function readKlogPairs(text: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  const pattern = /([\w.-]+)=(?:"((?:[^"\\]|\\.)*)(?:"|$)|(\S*))/gu;
  for (const match of text.matchAll(pattern)) {
    const [, key, quoted, bare] = match;
    if (key !== undefined && !(key in pairs)) pairs[key] = quoted !== undefined ? unquoteGo(quoted) : (bare ?? '');
  }
  return pairs;
}

function unquoteGo(text: string): string {
  return text.replace(/\\(["\\nt])/gu, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

function orNull(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}
