// Turns the cells of one table row into an event record: ages become spans before the
// capture time, `kind/name` becomes an object, `component, host` a source (formats.md §2.3).
import type { CaptureAnchor } from '../../model/capture-anchor.js';
import type { EventRecord, InvolvedObject } from '../../model/event-record.js';
import type { Provenance } from '../../model/provenance.js';
import type { TimeSpan } from '../../model/time-span.js';
import {
  eventNameTime,
  parseAbsoluteTime,
  parseAge,
  spanBeforeCapture,
  type AgeStyle,
} from '../../time/index.js';
import { canonicalKind, isClusterScoped } from '../shared/kubernetes-kinds.js';
import type { Cells } from './columns.js';

/** The object named by `kubectl describe` above its Events section. */
export interface DescribedObject {
  kind: string | null;
  name: string | null;
  namespace: string | null;
}

export interface RowContext {
  source: Provenance;
  ageStyle: AgeStyle;
  anchor: CaptureAnchor;
  /** `kubectl events` and `describe` print a single age only for an event seen once (§3). */
  plainAgeMeansOnce: boolean;
  describedObject: DescribedObject | null;
}

export type RowReading = { ok: true; event: EventRecord } | { ok: false; problem: string };

/** How far the reporter's clock (event name) may stray from the server's (ages) and still agree. */
const clockSkewToleranceMs = 2 * 60_000;

export function eventFromCells(cells: Cells, context: RowContext): RowReading {
  const notes: string[] = [];
  const times = readTimes(cells, context, notes);
  if (typeof times === 'string') return { ok: false, problem: times };
  const object = readObject(cells, context, notes);
  const namespace = cells.namespace ?? context.describedObject?.namespace ?? null;
  const { component, host } = readSource(cells.source);
  if (cells.event) notes.push(`watch event ${cells.event}`);
  return {
    ok: true,
    event: {
      kind: 'event',
      namespace,
      type: cells.type ?? null,
      reason: cells.reason ?? null,
      object: { ...object, namespace: object.kind && isClusterScoped(object.kind) ? null : namespace },
      message: cells.message ?? '',
      component,
      host,
      count: times.count,
      firstSeen: times.firstSeen,
      lastSeen: times.lastSeen,
      uid: null,
      name: cells.name ?? null,
      cluster: null,
      capture: times.usedAnchor ? context.anchor : null,
      notes,
      source: context.source,
    },
  };
}

interface Times {
  firstSeen: TimeSpan | null;
  lastSeen: TimeSpan | null;
  count: number | null;
  usedAnchor: boolean;
}

const seriesPattern = /^(?<last>\S+) \(x(?<count>\d+) over (?<first>\S+)\)$/u;

function readTimes(cells: Cells, context: RowContext, notes: string[]): Times | string {
  let usedAnchor = false;
  const read = (label: string, text: string | undefined): TimeSpan | null | string => {
    if (text === undefined) return null;
    const reading = readTime(label, text, context);
    if (typeof reading === 'string') return reading;
    if (reading.note) notes.push(reading.note);
    usedAnchor ||= reading.fromAge;
    return reading.span;
  };

  const series = cells.lastSeen ? seriesPattern.exec(cells.lastSeen)?.groups : undefined;
  const lastText = series?.last ?? cells.lastSeen;
  const lastSeen = read('LAST SEEN', lastText);
  if (typeof lastSeen === 'string') return lastSeen;
  let firstSeen = read('FIRST SEEN', series?.first ?? cells.firstSeen);
  if (typeof firstSeen === 'string') return firstSeen;

  let count = series?.count ?? cells.count ? Number(series?.count ?? cells.count) : null;
  const onlyOneAge = cells.count === undefined && cells.firstSeen === undefined;
  if (!series && lastText !== undefined && onlyOneAge && context.plainAgeMeansOnce) {
    count = 1;
    firstSeen = lastSeen;
  }
  if (count === 0) count = 1;
  if (cells.lastSeen === undefined) notes.push('the row has no LAST SEEN value; its time is unknown');

  firstSeen = firstSeenFromName(cells.name, firstSeen, notes);
  return { firstSeen, lastSeen, count, usedAnchor };
}

interface TimeReading {
  span: TimeSpan | null;
  fromAge: boolean;
  note?: string;
}

function readTime(label: string, text: string, context: RowContext): TimeReading | string {
  const absolute = parseAbsoluteTime(text);
  if (absolute) return { span: absolute, fromAge: false };
  // A printed age the era's rule cannot produce is still an age: read it by either rule.
  const age = parseAge(text, context.ageStyle) ?? parseAge(text, 'either');
  if (!age) return `${label} "${text}" is not a time kubectl prints`;
  if (age.kind === 'unknown') {
    return { span: null, fromAge: false, note: `${label} printed as <unknown>: the event carried no timestamp` };
  }
  if (age.kind === 'invalid') {
    return {
      span: null,
      fromAge: false,
      note: `${label} printed as <invalid>: the timestamp was ahead of the server's clock`,
    };
  }
  return { span: spanBeforeCapture(age, context.anchor.at), fromAge: true };
}

/** The event name's hex suffix is the reporter's clock at first occurrence, to the nanosecond (§4.6). */
function firstSeenFromName(name: string | undefined, firstSeen: TimeSpan | null, notes: string[]): TimeSpan | null {
  const fromName = name ? eventNameTime(name) : null;
  if (!fromName) return firstSeen;
  if (
    firstSeen &&
    (fromName.latest < firstSeen.earliest - clockSkewToleranceMs ||
      fromName.earliest > firstSeen.latest + clockSkewToleranceMs)
  ) {
    notes.push('the creation time encoded in the event name disagrees with FIRST SEEN; FIRST SEEN kept');
    return firstSeen;
  }
  notes.push('first seen exactly: decoded from the event name');
  return fromName;
}

function readObject(cells: Cells, context: RowContext, notes: string[]): Omit<InvolvedObject, 'namespace'> {
  const fieldPath = cells.subobject ?? null;
  if (cells.object !== undefined) {
    const slash = cells.object.indexOf('/');
    const printedKind = slash < 0 ? cells.object : cells.object.slice(0, slash);
    const kind = canonicalKind(printedKind);
    if (kind === printedKind && kind === kind.toLowerCase()) notes.push(lowerCaseKindNote);
    const name = slash < 0 ? '' : cells.object.slice(slash + 1);
    if (name === '') notes.push('kubectl printed the object without a name');
    return { kind, name: name || null, fieldPath };
  }
  if (cells.kind !== undefined) {
    if (cells.objectName === undefined) {
      notes.push("this table's columns (Kubernetes 1.12–1.13) give the object's kind but not its name");
    }
    return { kind: canonicalKind(cells.kind), name: cells.objectName ?? null, fieldPath };
  }
  const described = context.describedObject;
  if (!described) notes.push('the Events section names no object, and no described object was found above it');
  return { kind: described?.kind ?? null, name: described?.name ?? null, fieldPath };
}

/** `get events` prints `lower(kind)`: a custom resource's own spelling cannot be recovered. */
export const lowerCaseKindNote = 'kubectl printed this kind in lower case; its API spelling is not known';

function readSource(text: string | undefined): { component: string | null; host: string | null } {
  if (!text) return { component: null, host: null };
  const braced = /^\{(?<inner>[^}]*)\}$/u.exec(text)?.groups?.inner;
  const [component, host] =
    braced !== undefined ? splitOnce(braced, ' ') : splitOnce(text, ',');
  return { component: component || null, host: host || null };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text.trim(), ''] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}
