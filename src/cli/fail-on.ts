// `--fail-on incident|failover`: exit 3 when such a finding exists, so that scripts and CI can
// act on a report. An input that could not be used (exit 1) still comes first: the findings of
// a partial read are not the whole story.
import { z } from 'zod';
import { UsageError } from '../errors.js';

export const failOnOption = {
  'fail-on': {
    type: 'string',
    choices: ['incident', 'failover'],
    describe: 'exit 3 when an incident (incident) or a control-plane fail-over (failover) is found',
  },
} as const;

export type FailOn = 'incident' | 'failover';

export interface Found {
  incidents: number;
  failovers: number;
}

export function readFailOn(argv: unknown): FailOn | null {
  const parsed = z.object({ 'fail-on': z.enum(['incident', 'failover']).optional() }).safeParse(argv);
  if (!parsed.success) throw new UsageError('--fail-on: give incident or failover');
  return parsed.data['fail-on'] ?? null;
}

export function exitCode(unreadable: number, found: Found, failOn: FailOn | null): number {
  if (unreadable > 0) return 1;
  if (failOn === 'incident' && found.incidents > 0) return 3;
  if (failOn === 'failover' && found.failovers > 0) return 3;
  return 0;
}
