import { z } from 'zod';
import { ProvenanceSchema } from './provenance.js';
import { TimeSpanSchema } from './time-span.js';

/** What a failed kubectl call says went wrong (formats.md §6). */
export const ErrorClassSchema = z.enum([
  'unauthorized',
  'connection-refused',
  'timeout',
  'tls-handshake',
  'server-unavailable',
  'etcd-leader-changed',
  'dns',
  'other',
]);
export type ErrorClass = z.infer<typeof ErrorClassSchema>;

/** One sample of a kubectl retry loop: did the API answer at that moment? */
export const ProbeRecordSchema = z.object({
  kind: z.literal('probe'),
  at: TimeSpanSchema,
  ok: z.boolean(),
  errorClass: ErrorClassSchema.nullable(),
  /** The raw error text kubectl printed. */
  error: z.string().nullable(),
  notes: z.array(z.string()),
  source: ProvenanceSchema,
});
export type ProbeRecord = z.infer<typeof ProbeRecordSchema>;
