import { z } from 'zod';
import { CaptureAnchorSchema } from './capture-anchor.js';
import { ProvenanceSchema } from './provenance.js';
import { TimeSpanSchema } from './time-span.js';

/** The object an event is about. Any part may be unknown: old tables print no name. */
export const InvolvedObjectSchema = z.object({
  kind: z.string().nullable(),
  name: z.string().nullable(),
  namespace: z.string().nullable(),
  fieldPath: z.string().nullable(),
});

export type InvolvedObject = z.infer<typeof InvolvedObjectSchema>;

export const EventRecordSchema = z.object({
  kind: z.literal('event'),
  namespace: z.string().nullable(),
  /** Normal, Warning, or whatever the reporter wrote. */
  type: z.string().nullable(),
  reason: z.string().nullable(),
  object: InvolvedObjectSchema,
  message: z.string(),
  /** source.component, or reportingController when the source is empty. */
  component: z.string().nullable(),
  /** source.host, or reportingInstance when the source is empty. */
  host: z.string().nullable(),
  count: z.number().int().positive().nullable(),
  firstSeen: TimeSpanSchema.nullable(),
  lastSeen: TimeSpanSchema.nullable(),
  uid: z.string().nullable(),
  /** metadata.name: `<object name>.<hex of the creation time in ns>`. */
  name: z.string().nullable(),
  /** The cluster an exporter said the event came from. */
  cluster: z.string().nullable(),
  /** The capture time that relative ages were measured from; null when no age was used. */
  capture: CaptureAnchorSchema.nullable(),
  /** What the parser could not know or had to assume, in plain words. */
  notes: z.array(z.string()),
  source: ProvenanceSchema,
});

export type EventRecord = z.infer<typeof EventRecordSchema>;
