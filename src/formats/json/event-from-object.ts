// A parsed JSON or YAML object into an event record: core/v1 and events.k8s.io events,
// bare or as an exporter enriched them, with the time rules of formats.md §2.3 and §4.
import type { z } from 'zod';
import type { EventRecord } from '../../model/event-record.js';
import type { Provenance } from '../../model/provenance.js';
import type { TimeSpan } from '../../model/time-span.js';
import { eventNameTime, parseApiTime } from '../../time/index.js';
import { CoreEventSchema, EventsV1EventSchema, type CoreEvent, type EventsV1Event } from './event-schemas.js';

export type ObjectReading =
  | { kind: 'event'; event: EventRecord }
  /** Meant as an event, but its fields are not what the API writes. */
  | { kind: 'invalid'; problem: string }
  /** Some other object: a Pod, a List of something else, a log line as JSON. */
  | { kind: 'not-an-event'; what: string };

export function readEventObject(value: unknown, source: Provenance): ObjectReading {
  if (!isPlainObject(value)) return { kind: 'not-an-event', what: `a JSON ${describeValue(value)}` };
  const kind = typeof value.kind === 'string' ? value.kind : null;
  if (kind !== null && kind !== 'Event') return { kind: 'not-an-event', what: `a ${kind}` };
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  if ('regarding' in value || apiVersion.startsWith('events.k8s.io/')) {
    return validated(EventsV1EventSchema, value, (event) => fromEventsV1(event, source));
  }
  if ('involvedObject' in value) return validated(CoreEventSchema, value, (event) => fromCoreEvent(event, source));
  if (kind === 'Event') return { kind: 'invalid', problem: 'an Event with neither involvedObject nor regarding' };
  return { kind: 'not-an-event', what: `an object with ${keyList(value)}` };
}

function validated<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  build: (event: z.infer<Schema>) => EventRecord | string,
): ObjectReading {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { kind: 'invalid', problem: plainIssues(parsed.error) };
  const built = build(parsed.data);
  return typeof built === 'string' ? { kind: 'invalid', problem: built } : { kind: 'event', event: built };
}

/** zod's issues as one line: `count: expected number, received string`. */
function plainIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'the object'}: ${issue.message.replace(/^Invalid input: /u, '')}`)
    .join('; ');
}

interface Times {
  firstSeen: TimeSpan | null;
  lastSeen: TimeSpan | null;
}

/** Reads the named timestamps; the first that is set wins; a malformed one is a problem. */
function firstTime(fields: Record<string, string | null | undefined>): TimeSpan | null | string {
  for (const [field, text] of Object.entries(fields)) {
    if (text === null || text === undefined || text === '') continue;
    const span = parseApiTime(text);
    return span ?? `${field}: "${text}" is not an RFC 3339 time`;
  }
  return null;
}

function readTimes(first: Record<string, string | null | undefined>, last: Record<string, string | null | undefined>): Times | string {
  const firstSeen = firstTime(first);
  if (typeof firstSeen === 'string') return firstSeen;
  const lastSeen = firstTime(last);
  if (typeof lastSeen === 'string') return lastSeen;
  return { firstSeen, lastSeen };
}

function fromCoreEvent(event: CoreEvent, source: Provenance): EventRecord | string {
  const times = readTimes(
    { firstTimestamp: event.firstTimestamp, eventTime: event.eventTime, 'metadata.creationTimestamp': event.metadata.creationTimestamp },
    {
      'series.lastObservedTime': event.series?.lastObservedTime,
      lastTimestamp: event.lastTimestamp,
      eventTime: event.eventTime,
      'metadata.creationTimestamp': event.metadata.creationTimestamp,
    },
  );
  if (typeof times === 'string') return times;
  return record(source, times, {
    metadata: event.metadata,
    object: event.involvedObject,
    type: event.type,
    reason: event.reason,
    message: event.message,
    component: event.source?.component || event.reportingComponent,
    host: event.source?.host || event.reportingInstance,
    count: event.series?.count ?? event.count,
    cluster: event.clusterName || event.metadata.clusterName,
    creationOnly: !event.firstTimestamp && !event.lastTimestamp && !event.eventTime && !event.series?.lastObservedTime,
  });
}

function fromEventsV1(event: EventsV1Event, source: Provenance): EventRecord | string {
  const times = readTimes(
    {
      deprecatedFirstTimestamp: event.deprecatedFirstTimestamp,
      eventTime: event.eventTime,
      'metadata.creationTimestamp': event.metadata.creationTimestamp,
    },
    {
      'series.lastObservedTime': event.series?.lastObservedTime,
      deprecatedLastTimestamp: event.deprecatedLastTimestamp,
      eventTime: event.eventTime,
      'metadata.creationTimestamp': event.metadata.creationTimestamp,
    },
  );
  if (typeof times === 'string') return times;
  return record(source, times, {
    metadata: event.metadata,
    object: event.regarding,
    type: event.type,
    reason: event.reason,
    message: event.note,
    component: event.deprecatedSource?.component || event.reportingController,
    host: event.deprecatedSource?.host || event.reportingInstance,
    count: event.series?.count ?? event.deprecatedCount,
    cluster: event.metadata.clusterName,
    creationOnly:
      !event.deprecatedFirstTimestamp && !event.deprecatedLastTimestamp && !event.eventTime && !event.series?.lastObservedTime,
  });
}

interface CommonFields {
  metadata: CoreEvent['metadata'];
  object: CoreEvent['involvedObject'];
  type: string | undefined;
  reason: string | undefined;
  message: string | undefined;
  component: string | undefined;
  host: string | undefined;
  count: number | null | undefined;
  cluster: string | undefined;
  creationOnly: boolean;
}

function record(source: Provenance, times: Times, fields: CommonFields): EventRecord {
  const notes = fields.creationOnly && times.lastSeen ? ['the event carries no timestamps; its creation time is used'] : [];
  const firstSeen = narrowedByName(times.firstSeen, fields.metadata.name);
  return {
    kind: 'event',
    namespace: fields.metadata.namespace || null,
    type: fields.type || null,
    reason: fields.reason || null,
    object: {
      kind: fields.object.kind || null,
      name: fields.object.name || null,
      namespace: fields.object.namespace || null,
      fieldPath: fields.object.fieldPath || null,
    },
    message: (fields.message ?? '').trim(),
    component: fields.component || null,
    host: fields.host || null,
    // Singleton events have no count in the new API; the printers show them as 1.
    count: fields.count || 1,
    firstSeen,
    lastSeen: times.lastSeen,
    uid: fields.metadata.uid || null,
    name: fields.metadata.name || null,
    cluster: fields.cluster || null,
    capture: null,
    notes,
    source,
  };
}

/**
 * firstTimestamp has whole seconds; the name's suffix is the same moment to the nanosecond
 * (formats.md §4.6). It is used only when it falls inside that second: then both agree.
 */
function narrowedByName(firstSeen: TimeSpan | null, name: string | undefined): TimeSpan | null {
  const fromName = name ? eventNameTime(name) : null;
  if (!firstSeen || !fromName) return firstSeen;
  return fromName.earliest >= firstSeen.earliest && fromName.latest <= firstSeen.latest ? fromName : firstSeen;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

function keyList(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'no keys';
  const shown = keys.slice(0, 4).join(', ');
  return `keys ${shown}${keys.length > 4 ? ', ...' : ''}`;
}
