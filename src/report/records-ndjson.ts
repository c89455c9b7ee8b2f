// Records as `kube-postmortem parse` prints them: one JSON object a line, times as ISO-8601
// UTC spans, fields in the order the issue tracker and the README document.
import type { CaptureAnchor } from '../model/capture-anchor.js';
import type { EventRecord } from '../model/event-record.js';
import type { ParsedRecord } from '../model/record.js';
import type { TimeSpan } from '../model/time-span.js';

export function recordToJson(record: ParsedRecord): Record<string, unknown> {
  switch (record.kind) {
    case 'event':
      return eventToJson(record);
    case 'probe':
      return { ...record, at: isoSpan(record.at) };
    case 'log':
      return { ...record, at: isoSpan(record.at) };
  }
}

function eventToJson(record: EventRecord): Record<string, unknown> {
  return {
    kind: record.kind,
    namespace: record.namespace,
    type: record.type,
    reason: record.reason,
    object: record.object,
    message: record.message,
    component: record.component,
    host: record.host,
    count: record.count,
    firstSeen: isoSpan(record.firstSeen),
    lastSeen: isoSpan(record.lastSeen),
    uid: record.uid,
    name: record.name,
    cluster: record.cluster,
    capture: isoCapture(record.capture),
    notes: record.notes,
    source: record.source,
  };
}

export function recordLine(record: ParsedRecord): string {
  return `${JSON.stringify(recordToJson(record))}\n`;
}

function isoSpan(span: TimeSpan | null): { earliest: string; latest: string } | null {
  return span && { earliest: new Date(span.earliest).toISOString(), latest: new Date(span.latest).toISOString() };
}

function isoCapture(capture: CaptureAnchor | null): Record<string, unknown> | null {
  return capture && { ...capture, at: isoSpan(capture.at) };
}
