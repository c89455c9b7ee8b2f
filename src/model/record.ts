import { z } from 'zod';
import { EventRecordSchema } from './event-record.js';

/** Every record kind the parsers produce; `probe` and `log` join this union when they exist. */
export const RecordSchema = z.discriminatedUnion('kind', [EventRecordSchema]);

export type ParsedRecord = z.infer<typeof RecordSchema>;
export type RecordKind = ParsedRecord['kind'];
