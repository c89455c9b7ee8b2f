// Files of klog lines (formats.md §5.3): `Lmmdd hh:mm:ss.uuuuuu pid file:line] msg` from
// kube-scheduler, kube-controller-manager and friends, bare or inside the wrappers people save
// them in (a Markdown quote or backticks, `kubectl logs --timestamps`, CRI and docker json-file
// container logs, syslog). Each klog line is a log record with its leader-election step (§5.4);
// every other line is classed like the text around tables.
import { IANAZone } from 'luxon';
import { captureOriginLabel } from '../model/capture-anchor.js';
import type { EventRecord } from '../model/event-record.js';
import type { LogRecord } from '../model/log-record.js';
import type { TimeSpan } from '../model/time-span.js';
import { parseApiTime, spanOfSecondFraction, unionSpans } from '../time/index.js';
import { defineFormat, type ParseContext, type ParseResult } from './define-format.js';
import { classifyText, claimLines, finishScan, startScan, type StructuredScan } from './json/structured-scan.js';
import { readKlogEventLine, readLeaderElectionLine } from './shared/leader-election-log.js';
import { lineKind, maxLineLength, type LineKind } from './text/line-kinds.js';

export type LogSeverity = LogRecord['severity'];

/** The parts of a klog header, and the message after it. */
export interface KlogHeader {
  severity: LogSeverity;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The digits after the decimal point (6 in klog). */
  fraction: string;
  pid: number;
  file: string;
  line: number;
  message: string;
}

const severities: Record<string, LogSeverity> = { I: 'info', W: 'warning', E: 'error', F: 'fatal' };

const headerPattern = /^([IWEF])(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{1,9})\s+(\d+)\s+([^\s:\]]+):(\d+)\] ?(.*)$/su;

/** A klog line's header and message, or null when the text does not start with a klog header. */
export function readKlogHeader(text: string): KlogHeader | null {
  const match = headerPattern.exec(text);
  if (!match) return null;
  const [, level, month, day, hour, minute, second, fraction, pid, file, line, message] = match;
  const header: KlogHeader = {
    severity: severities[level!]!,
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    fraction: fraction!,
    pid: Number(pid),
    file: file!,
    line: Number(line),
    message: message!,
  };
  return isValidClock(header) ? header : null;
}

function isValidClock(h: Pick<KlogHeader, 'month' | 'day' | 'hour' | 'minute' | 'second'>): boolean {
  return h.month >= 1 && h.month <= 12 && h.day >= 1 && h.day <= 31 && h.hour <= 23 && h.minute <= 59 && h.second <= 60;
}

/** Microseconds since midnight of the klog clock: orders lines that share a coarser timestamp. */
export function klogMicrosOfDay(header: KlogHeader): number {
  const micros = Number(header.fraction.padEnd(6, '0').slice(0, 6));
  return ((header.hour * 60 + header.minute) * 60 + header.second) * 1_000_000 + micros;
}

/** A klog header cut off before its `file:line]`, e.g. `F0302 05:06:48.299171       1 controllerman` (sample 017). */
const cutHeaderPattern = /^([IWEF])(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{1,9})(?:\s+\d*(?:\s+([^\s\]]*))?)?$/u;
/** Less than the time of a header: `I0805` at the end of sample 015. */
const headerStubPattern = /^[IWEF]\d{1,4}(?: [\d:.]*)?$/u;

// ---------------------------------------------------------------------------------------------
// Wrappers

type Wrapper = 'plain' | 'docker-json' | 'cri' | 'timestamps' | 'syslog';

interface Unwrapped {
  wrapper: Wrapper;
  /** The text inside the wrappers: a klog line, or a continuation of one. */
  inner: string;
  /** The wrapper's own timestamp when it has a year (docker, CRI, --timestamps, RFC 3339 syslog). */
  time: TimeSpan | null;
  /** The syslog program name. */
  program: string | null;
  /** Docker json-file `log` without a final newline, or a CRI `P` line: the next line continues it. */
  partial: boolean;
  /** A leading backtick without its closing one (Markdown inline code cut across lines). */
  backtickOpen: boolean;
  /** The line was pasted as a Markdown quote (`> `). */
  markdownQuote: boolean;
}

const shapeOf: Record<Wrapper, string> = {
  plain: 'klog',
  'docker-json': 'klog-docker-json',
  cri: 'klog-cri',
  timestamps: 'klog-timestamps',
  syslog: 'klog-syslog',
};

const wrapperTimeNote: Record<Wrapper, string> = {
  plain: '',
  'docker-json': 'time from the docker json-file "time" field, not the klog header',
  cri: 'time from the CRI log timestamp, not the klog header',
  timestamps: 'time from the `kubectl logs --timestamps` prefix, not the klog header',
  syslog: 'time from the syslog timestamp, not the klog header',
};

const RFC3339 = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)';
const criLine = new RegExp(`^(${RFC3339}) (stdout|stderr) ([FP]) (.*)$`, 'su');
const timestampedLine = new RegExp(`^(${RFC3339}) (.*)$`, 'su');
const isoSyslogLine = new RegExp(`^(${RFC3339}) (\\S+) ([^\\s\\[:]+)(?:\\[\\d+\\])?: (.*)$`, 'su');
const bsdSyslogLine = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d\d:\d\d:\d\d (\S+) ([^\s[:]+)(?:\[\d+\])?: (.*)$/su;

/** Markdown quote markers and backticks around a pasted line. */
function stripPasteMarks(line: string): { text: string; backtickOpen: boolean; markdownQuote: boolean } {
  const unquoted = line.replace(/^\s*(?:>\s?)+/u, '');
  const markdownQuote = unquoted.length !== line.length;
  let text = unquoted.trimStart();
  if (!text.startsWith('`')) return { text, backtickOpen: false, markdownQuote };
  text = text.slice(1);
  const closed = text.trimEnd().endsWith('`');
  return { text: closed ? text.trimEnd().slice(0, -1) : text, backtickOpen: !closed, markdownQuote };
}

type DockerReading = { kind: 'docker'; log: string; time: TimeSpan | null } | { kind: 'not-docker' } | { kind: 'broken'; reason: string };

/** A docker json-file line: `{"log":"…\n","stream":"stderr","time":"…"}`. */
function readDockerJson(text: string): DockerReading {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{"log":')) return { kind: 'not-docker' };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value !== 'object' || value === null || typeof (value as { log?: unknown }).log !== 'string') {
      return { kind: 'broken', reason: 'a docker json-file line without a string "log"' };
    }
    const { log, time } = value as { log: string; time?: unknown };
    return { kind: 'docker', log, time: typeof time === 'string' ? parseApiTime(time) : null };
  } catch (error) {
    return { kind: 'broken', reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Every reading of a line, outermost wrapper first; `plain` last. */
function unwrapCandidates(line: string): Unwrapped[] {
  const { text, backtickOpen, markdownQuote } = stripPasteMarks(line);
  const base = { program: null, partial: false, backtickOpen, markdownQuote };
  const docker = readDockerJson(text);
  if (docker.kind === 'docker') {
    const partial = !docker.log.endsWith('\n');
    return [{ ...base, wrapper: 'docker-json', inner: docker.log.replace(/\r?\n$/u, ''), time: docker.time, partial }];
  }
  const candidates: Unwrapped[] = [];
  let match = criLine.exec(text);
  if (match) candidates.push({ ...base, wrapper: 'cri', inner: match[4]!, time: parseApiTime(match[1]!), partial: match[3] === 'P' });
  match = isoSyslogLine.exec(text);
  if (match) candidates.push({ ...base, wrapper: 'syslog', inner: match[4]!, time: parseApiTime(match[1]!), program: match[3]! });
  match = timestampedLine.exec(text);
  if (match) candidates.push({ ...base, wrapper: 'timestamps', inner: match[2]!, time: parseApiTime(match[1]!) });
  match = bsdSyslogLine.exec(text);
  // BSD syslog has no year: the klog header's time (with microseconds) is used instead.
  if (match) candidates.push({ ...base, wrapper: 'syslog', inner: match[3]!, time: null, program: match[2]! });
  candidates.push({ ...base, wrapper: 'plain', inner: text, time: null });
  return candidates;
}

interface KlogLine {
  header: KlogHeader;
  unwrapped: Unwrapped;
}

/** The klog line a text line holds, inside whatever wrapper; null when it holds none. */
export function readKlogLine(line: string): KlogLine | null {
  if (line.length > maxLineLength) return null;
  for (const unwrapped of unwrapCandidates(line)) {
    const header = readKlogHeader(unwrapped.inner);
    if (header) return { header, unwrapped };
  }
  return null;
}

/** kubectl's discovery errors (formats.md §6) are klog lines from the client, not a component's log. */
const kubectlClientLine = /^\s*E\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ memcache\.go:\d+\]/u;

// ---------------------------------------------------------------------------------------------
// Components

const componentPattern = /(?<![\w-])(kube-controller-manager|cloud-controller-manager|kube-scheduler|kube-apiserver)(?![a-z])/u;

/** The control-plane component a file path, stream or program name names; the last one named wins. */
export function componentNamedIn(text: string): string | null {
  const all = [...text.matchAll(new RegExp(componentPattern.source, 'gu'))];
  return all.length === 0 ? null : all[all.length - 1]![1]!;
}

// ---------------------------------------------------------------------------------------------
// Time

const MINUTE = 60_000;
const DAY = 86_400_000;

interface ZoneReader {
  /** The instants a klog wall-clock time names in the input zone, as a span, with a note when DST makes it two or none. */
  place(local: number, fraction: string): { at: TimeSpan; note: string | null };
}

function zoneReader(zoneName: string): ZoneReader {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid || /^(?:UTC|UCT|GMT|Zulu|Etc\/(?:UTC|UCT|GMT|Zulu))$/iu.test(zoneName)) {
    return { place: (local, fraction) => ({ at: spanOfSecondFraction(local, fraction), note: null }) };
  }
  // Offsets change a few times a year at most: the candidates are cached per local hour.
  const offsetsByHour = new Map<number, number[]>();
  const offsetsNear = (local: number): number[] => {
    const hour = Math.floor(local / 3_600_000);
    let offsets = offsetsByHour.get(hour);
    if (!offsets) {
      offsets = [...new Set([zone.offset(local - DAY), zone.offset(local), zone.offset(local + DAY)])];
      offsetsByHour.set(hour, offsets);
    }
    return offsets;
  };
  return {
    place(local, fraction) {
      const offsets = offsetsNear(local);
      // One offset all around (most of the year): nothing to check.
      const instants =
        offsets.length === 1
          ? [local - offsets[0]! * MINUTE]
          : offsets.map((offset) => local - offset * MINUTE).filter((instant) => zone.offset(instant) * MINUTE === local - instant);
      // In a spring-forward gap no offset fits: keep every offset in play rather than guess.
      const chosen = instants.length > 0 ? [...new Set(instants)] : offsets.map((offset) => local - offset * MINUTE);
      const spans = chosen.map((instant) => spanOfSecondFraction(instant, fraction));
      const at = spans.slice(1).reduce(unionSpans, spans[0]!);
      const note =
        chosen.length > 1 && instants.length > 1
          ? `the local time occurs twice in ${zoneName} (clocks went back); both readings are kept`
          : instants.length === 0
            ? `the local time does not exist in ${zoneName} (clocks went forward); read with the offsets either side`
            : null;
      return { at, note };
    },
  };
}

const yearNote = 'year from the capture time; zone from --input-tz';

interface KlogClock {
  /** The instant a klog header names, with the year from the capture time and the zone from --input-tz. */
  read(header: Pick<KlogHeader, 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fraction'>): { at: TimeSpan; notes: string[] };
}

function klogClock(context: ParseContext): KlogClock {
  const capture = context.capturedAt ?? context.fallbackAnchor.at;
  const zone = IANAZone.isValidZone(context.inputZone) ? context.inputZone : 'UTC';
  const reader = zoneReader(zone);
  const captureZone = IANAZone.create(zone);
  // The capture date as the input zone's calendar shows it.
  const captureLocal = new Date(capture.latest + (captureZone.isValid ? captureZone.offset(capture.latest) : 0) * MINUTE);
  const captureYear = captureLocal.getUTCFullYear();
  const captureMonth = captureLocal.getUTCMonth() + 1;
  const captureDay = captureLocal.getUTCDate();
  return {
    read(header) {
      const notes = [yearNote];
      // A month and day after the capture date were logged the year before.
      const after = header.month > captureMonth || (header.month === captureMonth && header.day > captureDay);
      const guess = after ? captureYear - 1 : captureYear;
      let year = guess;
      let local = wallAsUtc(year, header);
      // 29 February: the latest leap year not after the one chosen.
      for (let back = 1; local === null && back <= 8; back += 1) {
        local = wallAsUtc(guess - back, header);
        if (local !== null) {
          year = guess - back;
          notes.push(`29 February does not exist in ${guess}; read as ${year}`);
        }
      }
      const { at, note } = reader.place(local ?? Date.UTC(year, header.month - 1, 1), header.fraction);
      if (note) notes.push(note);
      return { at, notes };
    },
  };
}

function wallAsUtc(year: number, h: Pick<KlogHeader, 'month' | 'day' | 'hour' | 'minute' | 'second'>): number | null {
  const ms = Date.UTC(year, h.month - 1, h.day, h.hour, h.minute, h.second);
  const back = new Date(ms);
  return back.getUTCMonth() === h.month - 1 && back.getUTCDate() === h.day ? ms : null;
}

// ---------------------------------------------------------------------------------------------
// The format

export const klog = defineFormat({
  id: 'klog',
  title: 'klog lines (Kubernetes component logs, bare or in container-log and syslog wrappers)',
  detect(lines) {
    let total = 0;
    let klogLines = 0;
    for (const line of lines) {
      if (line.trim() === '') continue;
      total += 1;
      if (!kubectlClientLine.test(line) && readKlogLine(line) !== null) klogLines += 1;
      if (total === 200) break;
    }
    return klogLines >= 3 && klogLines / total >= 0.5 ? 0.8 : 0;
  },
  startsRegion: (line) => !kubectlClientLine.test(line) && readKlogLine(line) !== null,
  parse: parseKlog,
});

/** The record being built, with what the lines after it may still add. */
interface Open {
  record: LogRecord;
  wrapper: Wrapper;
  /** 0-based index of its last line so far. */
  last: number;
  /** The message as printed, untrimmed, for rejoining a hard-wrapped line. */
  raw: string;
  partial: boolean;
  backtickOpen: boolean;
  markdownQuote: boolean;
  joined: number;
  dumpLines: number;
}

/** A bare `lost lease` printed without a klog header: its time lies after the line before it. */
interface Bare {
  record: LogRecord;
  after: number;
}

function parseKlog(lines: readonly string[], context: ParseContext): ParseResult {
  const scan = startScan(lines, context);
  const clock = klogClock(context);
  const pathComponent = componentNamedIn(context.path);
  const records: LogRecord[] = [];
  const shapes = new Set<string>();
  let promptComponent: string | null = null;
  let open: Open | null = null;
  /** The last line that belongs to a klog record or continues one without confirmation. */
  let chainEnd = -2;
  let bare: Bare[] = [];
  let usedClock = false;
  const lastNonBlank = lastNonBlankIndex(lines);

  const settleBare = (latest: number) => {
    for (const pending of bare) pending.record.at = { earliest: pending.after, latest: Math.max(pending.after, latest) };
    bare = [];
  };
  const closeOpen = () => {
    if (open === null) return;
    if (open.joined > 0) open.record.notes.push(`rejoined from ${open.joined + 1} lines: the line was cut inside a quoted value`);
    if (open.dumpLines > 0) open.record.notes.push(`followed by a goroutine dump of ${open.dumpLines} lines`);
    open = null;
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const candidates = line.length > maxLineLength ? [] : unwrapCandidates(line);

    // A docker json-file or CRI line split by the runtime continues in the next line of the same wrapper.
    if (open?.partial) {
      const next = candidates.find((candidate) => candidate.wrapper === open!.wrapper);
      if (next) {
        extend(open, next.inner, index, scan);
        open.partial = next.partial;
        continue;
      }
    }

    const klogLine = readKlogLineFrom(candidates);
    if (klogLine) {
      closeOpen();
      const { header, unwrapped } = klogLine;
      const timing = unwrapped.time ? { at: unwrapped.time, notes: [wrapperTimeNote[unwrapped.wrapper]] } : clock.read(header);
      if (!unwrapped.time) usedClock = true;
      settleBare(timing.at.latest);
      const shape = shapeOf[unwrapped.wrapper];
      shapes.add(shape);
      const record = makeRecord(header.severity, timing.at, header.message.trimEnd(), timing.notes, {
        component: componentOf(unwrapped.program) ?? promptComponent ?? pathComponent,
        path: context.path,
        line: index + 1,
        shape,
      });
      records.push(record);
      scan.ledger.claim(index, { kind: 'record' });
      open = { record, wrapper: unwrapped.wrapper, last: index, raw: header.message, partial: unwrapped.partial, backtickOpen: unwrapped.backtickOpen, markdownQuote: unwrapped.markdownQuote, joined: 0, dumpLines: 0 };
      chainEnd = index;
      continue;
    }

    const plain = candidates.find((candidate) => candidate.wrapper === 'plain')?.inner ?? line;
    const kind = lineKind(line, context.inputZone);

    const cut = cutHeader(plain, index, lastNonBlank, clock);
    if (cut) {
      closeOpen();
      if (cut.kind === 'record') {
        usedClock = true;
        settleBare(cut.at.latest);
        shapes.add('klog');
        const record = makeRecord(cut.severity, cut.at, '', [...cut.notes, cut.rest === '' ? 'the line is cut off inside its klog header: no message' : `the line is cut off inside its klog header, after ${JSON.stringify(cut.rest)}: no message`], {
          component: promptComponent ?? pathComponent,
          path: context.path,
          line: index + 1,
          shape: 'klog',
        });
        records.push(record);
        scan.ledger.claim(index, { kind: 'record' });
      } else {
        skip(scan, index, 'truncated', 'a klog header cut off at the end of the input');
      }
      continue;
    }

    // A line cut inside a quoted value continues on the next line (sample 015).
    if (open && open.last === index - 1 && canContinue(kind, line, open) && endsInsideQuote(open.raw)) {
      extend(open, continuationOf(open, line, candidates), index, scan);
      open.joined += 1;
      chainEnd = index;
      continue;
    }

    // klog.Fatalf prints a goroutine dump after the F line; its lines belong to that record.
    if (open && open.record.severity === 'fatal' && (isDumpLine(line) || (kind.kind === 'blank' && open.dumpLines > 0 && isDumpLine(lines[index + 1] ?? '')))) {
      if (kind.kind === 'blank') scan.ledger.claim(index, { kind: 'blank' });
      else {
        open.dumpLines += 1;
        open.last = index;
        scan.ledger.claim(index, { kind: 'record' });
      }
      chainEnd = index;
      continue;
    }

    if (kind.kind === 'skipped' && kind.reason === 'shell-prompt') promptComponent = componentNamedIn(line);

    // `lost lease`: kube-scheduler ≤1.13 returned it as its exit error, printed without a header (sample 034).
    if (open && chainEnd === index - 1 && isBareLostLine(plain)) {
      const previous = open.record;
      closeOpen();
      const record = makeRecord('error', previous.at, plain.trim(), [], {
        component: previous.component,
        path: context.path,
        line: index + 1,
        shape: previous.source.format,
      });
      record.notes.push('printed without a klog header (the exit error on stderr): its time lies between the line before it and the next klog line or the capture time');
      bare.push({ record, after: previous.at.earliest });
      records.push(record);
      scan.ledger.claim(index, { kind: 'record' });
      chainEnd = index;
      continue;
    }

    const docker = readDockerJson(plain);
    const dockerStub = /^\s*\{\s*(?:"(?:l(?:o(?:g(?:"\s*:?)?)?)?)?)?$/u.test(plain);
    if (docker.kind === 'broken' || (dockerStub && index === lastNonBlank && shapes.has('klog-docker-json'))) {
      closeOpen();
      if (index === lastNonBlank) skip(scan, index, 'truncated', 'a docker json-file line cut off at the end of the input');
      else skip(scan, index, 'invalid-syntax', docker.kind === 'broken' ? docker.reason : 'not a docker json-file line');
      continue;
    }

    closeOpen();
    const textLike = kind.kind === 'text' || kind.kind === 'describe-field' || kind.kind === 'dash-underline' || kind.kind === 'events-section';
    if (chainEnd === index - 1 && textLike) {
      // Right after a klog line, but nothing shows the line above was cut: not joined.
      skip(scan, index, 'unconfirmed-wrap', 'follows a klog line; may continue it, but its message does not end inside a quoted value');
      chainEnd = index;
      continue;
    }
    classifyText(scan, index);
  }
  closeOpen();
  const capture = context.capturedAt ?? context.fallbackAnchor.at;
  settleBare(capture.latest);

  const diagnostics = [...scan.diagnostics];
  if (usedClock) {
    const origin = context.capturedAt ? 'option' : context.fallbackAnchor.origin;
    diagnostics.push({
      severity: origin === 'option' ? 'info' : 'warning',
      code: 'klog-year-and-zone',
      message: `klog lines carry no year and no zone: the year was taken from ${captureOriginLabel[origin]} and the zone from --input-tz (${context.inputZone})`,
      path: context.path,
      ...(origin === 'option' ? {} : { help: 'give --captured-at when the log was saved long after it was written, and --input-tz for the zone the component logged in' }),
    });
  }
  return { ...finishScan(scan), records: [...records, ...records.flatMap(recordedEvent)], shapes: [...shapes], diagnostics };
}

/**
 * Components log every event they record (`"Event occurred" … reason="LeaderElection"`, or the
 * older `Event(v1.ObjectReference{…})` form): the event itself, as the log saw it, beside the
 * log line. Copies of it from the API are merged with it by the analysis.
 */
function recordedEvent(log: LogRecord): EventRecord[] {
  const event = readKlogEventLine(log.message);
  if (!event) return [];
  return [
    {
      kind: 'event',
      namespace: event.namespace,
      type: event.type,
      reason: event.reason,
      object: { kind: event.kind, name: event.name, namespace: event.namespace, fieldPath: null },
      message: event.message.trim(),
      component: log.component,
      host: null,
      count: 1,
      firstSeen: log.at,
      lastSeen: log.at,
      uid: null,
      name: null,
      cluster: null,
      capture: null,
      notes: ['an event the component logged as it recorded it', ...log.notes],
      source: log.source,
    },
  ];
}

function readKlogLineFrom(candidates: readonly Unwrapped[]): KlogLine | null {
  for (const unwrapped of candidates) {
    const header = readKlogHeader(unwrapped.inner);
    if (header) return { header, unwrapped };
  }
  return null;
}

function makeRecord(
  severity: LogSeverity,
  at: TimeSpan,
  message: string,
  notes: string[],
  where: { component: string | null; path: string; line: number; shape: string },
): LogRecord {
  const election = readLeaderElectionLine(message);
  return {
    kind: 'log',
    at,
    severity,
    component: where.component,
    message,
    leaderElection: election ? { action: election.action, lock: election.lock } : null,
    notes: notes.filter((note) => note !== ''),
    source: { path: where.path, line: where.line, format: where.shape },
  };
}

function extend(open: Open, text: string, index: number, scan: StructuredScan): void {
  open.raw += text;
  open.record.message = open.raw.trimEnd();
  const election = readLeaderElectionLine(open.record.message);
  open.record.leaderElection = election ? { action: election.action, lock: election.lock } : null;
  open.last = index;
  claimLines(scan, index, index, { kind: 'record' });
}

/** The rest of a cut line, exactly as printed: only the paste marks the klog line had come off. */
function continuationOf(open: Open, line: string, candidates: readonly Unwrapped[]): string {
  if (open.wrapper !== 'plain') {
    const same = candidates.find((candidate) => candidate.wrapper === open.wrapper);
    if (same) return same.inner;
  }
  let text = open.markdownQuote ? line.replace(/^\s*(?:>\s?)+/u, '') : line;
  if (open.backtickOpen) text = text.replace(/`\s*$/u, '');
  return text;
}

/** Any line but a blank, a prompt or Markdown may be the rest of a cut line; in a `> ` quote, the next quoted line. */
function canContinue(kind: LineKind, line: string, open: Open): boolean {
  if (kind.kind === 'blank') return false;
  if (kind.kind !== 'skipped') return true;
  if (kind.reason === 'markdown') return open.markdownQuote && /^\s*>\s*\S/u.test(line);
  return kind.reason !== 'shell-prompt';
}

function componentOf(program: string | null): string | null {
  return program === null ? null : componentNamedIn(program);
}

/** An odd number of unescaped double quotes: the message stops inside a quoted value. */
export function endsInsideQuote(message: string): boolean {
  let open = false;
  for (let i = 0; i < message.length; i += 1) {
    const c = message[i];
    if (c === '\\' && open) i += 1;
    else if (c === '"') open = !open;
  }
  return open;
}

const dumpPatterns: readonly RegExp[] = [
  /^goroutine \d+ \[[^\]]*\]:?$/u,
  /^\s*\S+\.(?:go|s):\d+(?: \+0x[0-9a-f]+)?$/u,
  /^[\w./*()\-[\]{}%~]+\(.*\)$/u,
  /^created by \S+/u,
  /^(?:panic: |\[signal |fatal error: |runtime: )/u,
];

function isDumpLine(text: string): boolean {
  const plain = stripPasteMarks(text).text;
  const docker = readDockerJson(plain);
  const inner = docker.kind === 'docker' ? docker.log.replace(/\r?\n$/u, '') : text.replace(/^\s*(?:>\s?)+/u, '');
  return dumpPatterns.some((pattern) => pattern.test(inner));
}

function isBareLostLine(text: string): boolean {
  return /^\s*(?:lost lease|lost master|leader ?election lost)\s*$/iu.test(text);
}

type CutHeader =
  | { kind: 'record'; severity: LogSeverity; at: TimeSpan; notes: string[]; rest: string }
  | { kind: 'stub' };

/** A klog header cut off: with its time a record can still be made, without it only the cut is told. */
function cutHeader(text: string, index: number, lastNonBlank: number, clock: KlogClock): CutHeader | null {
  const trimmed = text.trimEnd();
  const match = cutHeaderPattern.exec(trimmed);
  if (match) {
    const [, level, month, day, hour, minute, second, fraction, rest] = match;
    const clockParts = { month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) };
    if (!isValidClock(clockParts)) return null;
    const { at, notes } = clock.read({ ...clockParts, fraction: fraction! });
    return { kind: 'record', severity: severities[level!]!, at, notes, rest: (rest ?? '').trim() };
  }
  return index === lastNonBlank && headerStubPattern.test(trimmed) ? { kind: 'stub' } : null;
}

function skip(scan: StructuredScan, index: number, reason: 'truncated' | 'invalid-syntax' | 'unconfirmed-wrap', detail: string): void {
  scan.ledger.claim(index, { kind: 'skipped', reason, detail });
  if (reason !== 'unconfirmed-wrap') {
    scan.diagnostics.push({ severity: 'warning', code: reason, message: detail, path: scan.context.path, line: index + 1 });
  }
}

function lastNonBlankIndex(lines: readonly string[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) if (lines[index]!.trim() !== '') return index;
  return -1;
}
