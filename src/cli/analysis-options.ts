// Options of the commands that analyse: how close signals must be to join, what to ignore,
// and the zone to show times in.
import { z } from 'zod';
import { defaultAnalysisOptions, type AnalysisOptions } from '../analysis/analyze.js';
import { UsageError } from '../errors.js';
import { isValidZone } from '../time/index.js';

export const analysisOptions = {
  gap: { type: 'string', default: '2m', describe: 'signals this close join one cluster or window (e.g. 90s, 2m, 1h)' },
  correlate: { type: 'string', default: '5m', describe: 'clusters and windows this close form one incident' },
  'ignore-reason': { type: 'string', array: true, default: [] as string[], describe: 'Warning reasons to leave out of error windows (repeatable)' },
  tz: { type: 'string', default: 'UTC', describe: 'IANA time zone to show times in, next to UTC (e.g. Asia/Seoul)' },
} as const;

const AnalysisArgsSchema = z.object({
  gap: z.string(),
  correlate: z.string(),
  'ignore-reason': z.array(z.string()),
  tz: z.string().refine(isValidZone, { error: (issue) => `--tz: "${String(issue.input)}" is not an IANA time zone (e.g. Asia/Seoul)` }),
});

export function readAnalysisArgs(argv: unknown): { analysis: AnalysisOptions; zone: string } {
  const parsed = AnalysisArgsSchema.safeParse(argv);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const args = parsed.data;
  return {
    analysis: {
      ...defaultAnalysisOptions,
      gap: durationOption('--gap', args.gap),
      correlate: durationOption('--correlate', args.correlate),
      ignoreReasons: args['ignore-reason'].flatMap((reasons) => reasons.split(',')).map((reason) => reason.trim()).filter(Boolean),
    },
    zone: args.tz,
  };
}

/** `90s`, `2m`, `1h30m`, or plain seconds, in ms. */
export function durationOption(option: string, text: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/u.exec(text.trim());
  if (/^\d+$/u.test(text.trim())) return Number(text) * 1000;
  if (!match || text.trim() === '') throw new UsageError(`${option}: "${text}" is not a duration (try 90s, 2m or 1h30m)`);
  const [, hours, minutes, seconds] = match;
  return ((Number(hours ?? 0) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0)) * 1000;
}
