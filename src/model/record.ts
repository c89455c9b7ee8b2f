import { z } from 'zod';
import { EventRecordSchema } from './event-record.js';
import { LogRecordSchema } from './log-record.js';
import { ProbeRecordSchema } from './probe-record.js';

/** Every record kind the parsers produce: events, retry-loop probe samples, log lines. */
export const RecordSchema = z.discriminatedUnion('kind', [EventRecordSchema, ProbeRecordSchema, LogRecordSchema]);

export type ParsedRecord = z.infer<typeof RecordSchema>;
export type RecordKind = ParsedRecord['kind'];

export function isEventRecord(record: ParsedRecord): record is Extract<ParsedRecord, { kind: 'event' }> {
  return record.kind === 'event';
}
