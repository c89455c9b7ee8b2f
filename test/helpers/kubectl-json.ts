// Events as `kubectl get events -o json` prints them (formats.md §4.3: a List, keys sorted,
// four-space indent), for property tests that compare a table with the JSON of the same events.
import type { SampleEvent } from './kubectl-printer.js';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function coreEvent(event: SampleEvent, capture: number): Record<string, unknown> {
  const first = capture - event.firstAge;
  const last = capture - event.lastAge;
  return sortKeys({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: event.name, namespace: event.namespace, uid: `uid-${event.name}`, creationTimestamp: iso(first) },
    involvedObject: {
      kind: event.kind,
      name: event.objectName,
      ...(event.kind === 'Node' ? {} : { namespace: event.namespace }),
      ...(event.fieldPath ? { fieldPath: event.fieldPath } : {}),
    },
    reason: event.reason,
    ...(event.message ? { message: event.message } : {}),
    source: { component: event.component, ...(event.host ? { host: event.host } : {}) },
    firstTimestamp: iso(first),
    lastTimestamp: iso(last),
    count: event.count,
    type: event.type,
    eventTime: null,
    reportingComponent: event.component,
    reportingInstance: event.host ?? '',
  });
}

export function printJsonList(events: readonly SampleEvent[], capture: number): string {
  const list = { apiVersion: 'v1', items: events.map((event) => coreEvent(event, capture)), kind: 'List', metadata: { resourceVersion: '' } };
  return `${JSON.stringify(list, null, 4)}\n`;
}

function sortKeys(value: unknown): any {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}
