import { z } from 'zod';
import { EventRecordSchema } from './event-record.js';
import { ProvenanceSchema } from './provenance.js';
import { TimeSpanSchema } from './time-span.js';

/** One event, after the copies of it in several dumps were merged; every copy's origin kept. */
export const MergedEventSchema = EventRecordSchema.extend({
  copies: z.array(ProvenanceSchema).min(1),
});
export type MergedEvent = z.infer<typeof MergedEventSchema>;

export const LockSchema = z.object({
  kind: z.string().nullable(),
  namespace: z.string().nullable(),
  /** Null when the input did not print it (1.12–1.13 tables, `lease` without a name). */
  name: z.string().nullable(),
});
export type Lock = z.infer<typeof LockSchema>;

export const RegionReadingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('region'), cloud: z.literal('aws'), region: z.string() }),
  z.object({ kind: z.literal('unknown'), reason: z.string() }),
]);

/** What happened to one lock within a cluster. */
export const LockChangeSchema = z.object({
  lock: LockSchema,
  /** The identity that became leader last, and its host. */
  holder: z.string().nullable(),
  host: z.string().nullable(),
  /** The host that held the lock before, when a stopped-leading or an earlier election tells. */
  previousHost: z.string().nullable(),
  elections: z.number().int().nonnegative(),
  stoppedLeading: z.array(z.string()),
  span: TimeSpanSchema,
  controlPlane: z.boolean(),
});
export type LockChange = z.infer<typeof LockChangeSchema>;

export const ClusterVerdictSchema = z.enum(['control-plane-failover', 'leader-change']);
export type ClusterVerdict = z.infer<typeof ClusterVerdictSchema>;

export const LeaderElectionClusterSchema = z.object({
  kind: z.literal('leader-election-cluster'),
  id: z.string(),
  start: TimeSpanSchema,
  end: TimeSpanSchema,
  locks: z.array(LockChangeSchema),
  hosts: z.array(z.string()),
  regions: z.array(RegionReadingSchema),
  verdict: ClusterVerdictSchema,
  /** Why the verdict, in plain words. */
  because: z.string(),
  signals: z.number().int().positive(),
  evidence: z.array(ProvenanceSchema),
});
export type LeaderElectionCluster = z.infer<typeof LeaderElectionClusterSchema>;

export const CountedSchema = z.object({ name: z.string(), count: z.number().int().positive() });

/**
 * What a retry loop measured: the API answered at `lastSuccessBefore`, failed from
 * `firstFailure` to `lastFailure`, and answered again at `firstSuccessAfter`; the outage lies
 * between those bounds, known to within the loop's sampling `interval`.
 */
export const MeasuredOutageSchema = z.object({
  lastSuccessBefore: TimeSpanSchema.nullable(),
  firstFailure: TimeSpanSchema,
  lastFailure: TimeSpanSchema,
  firstSuccessAfter: TimeSpanSchema.nullable(),
  failedSamples: z.number().int().positive(),
  /** The typical time between samples, in ms; null with a single sample. */
  interval: z.number().nonnegative().nullable(),
});
export type MeasuredOutage = z.infer<typeof MeasuredOutageSchema>;

export const ErrorWindowSchema = z.object({
  kind: z.literal('error-window'),
  id: z.string(),
  start: TimeSpanSchema,
  end: TimeSpanSchema,
  /** Occurrences by reason (a Warning seen 7 times counts 7), with the share of the window each covers. */
  reasons: z.array(CountedSchema.extend({ share: z.number().min(0).max(1) })),
  namespaces: z.array(CountedSchema),
  objects: z.array(CountedSchema),
  occurrences: z.number().int().positive(),
  /** When the window holds failed retry-loop samples. */
  outage: MeasuredOutageSchema.nullable(),
  evidence: z.array(ProvenanceSchema),
});
export type ErrorWindow = z.infer<typeof ErrorWindowSchema>;

export const DurationBoundsSchema = z.object({ shortest: z.number().nonnegative(), longest: z.number().nonnegative() });

export const IncidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  start: TimeSpanSchema,
  end: TimeSpanSchema,
  duration: DurationBoundsSchema,
  clusters: z.array(z.string()),
  windows: z.array(z.string()),
});
export type Incident = z.infer<typeof IncidentSchema>;
