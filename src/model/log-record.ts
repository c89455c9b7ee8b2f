import { z } from 'zod';
import { ProvenanceSchema } from './provenance.js';
import { TimeSpanSchema } from './time-span.js';

export const LeaderElectionActionSchema = z.enum(['attempting', 'acquired', 'renew-failed', 'lost']);
export type LeaderElectionAction = z.infer<typeof LeaderElectionActionSchema>;

/** A control-plane log line: a klog line, or a row of a CloudWatch Logs export. */
export const LogRecordSchema = z.object({
  kind: z.literal('log'),
  at: TimeSpanSchema,
  severity: z.enum(['info', 'warning', 'error', 'fatal']),
  /** kube-scheduler, kube-controller-manager, ... when the log stream or file names it. */
  component: z.string().nullable(),
  message: z.string(),
  leaderElection: z
    .object({
      action: LeaderElectionActionSchema,
      /** `namespace/name` of the lock, when the line names it. */
      lock: z.object({ namespace: z.string().nullable(), name: z.string() }).nullable(),
    })
    .nullable(),
  notes: z.array(z.string()),
  source: ProvenanceSchema,
});
export type LogRecord = z.infer<typeof LogRecordSchema>;
