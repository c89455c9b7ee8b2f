// Hand-built event records for analysis tests.
import type { EventRecord } from '../../src/model/event-record.js';
import type { TimeSpan } from '../../src/model/time-span.js';

let line = 0;

export const T0 = Date.parse('2024-11-05T05:00:00Z');
export const minute = 60_000;

/** A span from `from` to `to` minutes after T0 (to defaults to from: exact). */
export function minutesAfter(from: number, to = from): TimeSpan {
  return { earliest: T0 + from * minute, latest: T0 + to * minute };
}

export function event(fields: Partial<EventRecord> & { at?: TimeSpan }): EventRecord {
  line += 1;
  const { at, ...rest } = fields;
  return {
    kind: 'event',
    namespace: 'kube-system',
    type: 'Normal',
    reason: 'Pulled',
    object: { kind: 'Pod', name: 'web', namespace: 'kube-system', fieldPath: null },
    message: 'pulled',
    component: null,
    host: null,
    count: 1,
    firstSeen: at ?? null,
    lastSeen: at ?? null,
    uid: null,
    name: null,
    cluster: null,
    capture: null,
    notes: [],
    source: { path: 'test.txt', line, format: 'test' },
    ...rest,
  };
}

export function election(lock: string, identity: string, at: TimeSpan, action: 'became leader' | 'stopped leading' = 'became leader'): EventRecord {
  const [kind, name] = lock.split('/');
  return event({
    reason: 'LeaderElection',
    object: { kind: kind!, name: name ?? null, namespace: 'kube-system', fieldPath: null },
    message: `${identity} ${action}`,
    at,
  });
}

export function warning(reason: string, object: string, at: TimeSpan, count = 1, namespace = 'default'): EventRecord {
  return event({
    type: 'Warning',
    reason,
    namespace,
    object: { kind: 'Pod', name: object, namespace, fieldPath: null },
    message: `${reason} on ${object}`,
    count,
    firstSeen: count > 1 ? { earliest: at.earliest - 5 * minute, latest: at.latest - 5 * minute } : at,
    lastSeen: at,
  });
}
