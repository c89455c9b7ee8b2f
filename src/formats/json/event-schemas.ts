// The raw shapes of events as API servers and exporters write them: core/v1 Event,
// events.k8s.io/v1 (and v1beta1) Event, kubernetes-event-exporter's EnhancedEvent. Lenient
// where real servers are (missing fields, nulls), strict on the types of what is present
// (formats.md §4.1, §4.2, §4.7).
import { z } from 'zod';

/** metav1.Time or MicroTime; `null` or absent when zero. */
const Timestamp = z.string().nullish();

const ObjectReference = z.looseObject({
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
  apiVersion: z.string().optional(),
  fieldPath: z.string().optional(),
});

const ObjectMeta = z.looseObject({
  name: z.string().optional(),
  namespace: z.string().optional(),
  uid: z.string().optional(),
  creationTimestamp: Timestamp,
  /** Exporters before 2022-12 wrote the cluster name here (formats.md §4.7). */
  clusterName: z.string().optional(),
});

const EventSeries = z.looseObject({
  count: z.number().int().nonnegative().optional(),
  lastObservedTime: Timestamp,
});

const EventSource = z.looseObject({
  component: z.string().optional(),
  host: z.string().optional(),
});

export const CoreEventSchema = z.looseObject({
  metadata: ObjectMeta,
  involvedObject: ObjectReference,
  reason: z.string().optional(),
  message: z.string().optional(),
  source: EventSource.nullish(),
  firstTimestamp: Timestamp,
  lastTimestamp: Timestamp,
  count: z.number().int().nonnegative().nullish(),
  type: z.string().optional(),
  eventTime: Timestamp,
  series: EventSeries.nullish(),
  reportingComponent: z.string().optional(),
  reportingInstance: z.string().optional(),
  /** kubernetes-event-exporter's top-level addition. */
  clusterName: z.string().optional(),
});

export type CoreEvent = z.infer<typeof CoreEventSchema>;

export const EventsV1EventSchema = z.looseObject({
  metadata: ObjectMeta,
  regarding: ObjectReference,
  note: z.string().optional(),
  reason: z.string().optional(),
  type: z.string().optional(),
  reportingController: z.string().optional(),
  reportingInstance: z.string().optional(),
  deprecatedSource: EventSource.nullish(),
  deprecatedFirstTimestamp: Timestamp,
  deprecatedLastTimestamp: Timestamp,
  deprecatedCount: z.number().int().nonnegative().nullish(),
  eventTime: Timestamp,
  series: EventSeries.nullish(),
});

export type EventsV1Event = z.infer<typeof EventsV1EventSchema>;
