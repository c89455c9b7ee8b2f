// Options shared by the commands, validated once: handlers get typed values, never raw argv.
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { TimeSpan } from '../model/time-span.js';
import { redactModes, type RedactMode } from '../report/redact.js';
import { isValidZone, parseCapturedAt } from '../time/index.js';

export const inputOptions = {
  'captured-at': {
    type: 'string',
    describe: 'when the inputs were captured (ISO 8601, or `date` output); relative ages are measured from it',
  },
  'input-tz': {
    type: 'string',
    default: 'UTC',
    describe: 'IANA time zone of times printed without one (date lines, --captured-at)',
  },
} as const;

const InputArgsSchema = z.object({
  inputs: z.array(z.string()).min(1, 'name at least one input (a file, a directory, or - for stdin)'),
  'captured-at': z.string().optional(),
  'input-tz': z.string().refine(isValidZone, {
    error: (issue) => `--input-tz: "${String(issue.input)}" is not an IANA time zone (e.g. Asia/Seoul)`,
  }),
});

export const redactOption = {
  redact: {
    type: 'string',
    describe: 'replace IP addresses, AWS account ids, ARNs, e-mail addresses, tokens and secrets by pseudonyms; --redact=hosts also host names',
  },
} as const;

/**
 * `--redact` alone, or `--redact=hosts`. A bare `--redact` reaches yargs as `--redact=secrets`
 * (see cliArgument), so that it never takes the input after it for its value.
 */
export function readRedact(argv: unknown): RedactMode | null {
  const value = (argv as { redact?: unknown }).redact;
  if (value === undefined) return null;
  if (redactModes.includes(value as RedactMode)) return value as RedactMode;
  throw new UsageError(`--redact: "${String(value)}" is not what to redact; give --redact, or --redact=hosts to replace host names too`);
}

/** An argument as yargs should see it. */
export function cliArgument(arg: string): string {
  if (arg === '-') return stdinArgument;
  if (arg === '--redact') return '--redact=secrets';
  return arg;
}

/** yargs drops a lone `-` from positionals, so it travels through yargs under this name. */
export const stdinArgument = '\u0000stdin';

export interface InputArgs {
  inputs: string[];
  capturedAt: TimeSpan | null;
  inputZone: string;
}

export function readInputArgs(argv: unknown): InputArgs {
  const parsed = InputArgsSchema.safeParse(argv);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const args = parsed.data;
  const inputZone = args['input-tz'];
  let capturedAt: TimeSpan | null = null;
  if (args['captured-at'] !== undefined) {
    capturedAt = parseCapturedAt(args['captured-at'], inputZone);
    if (!capturedAt) {
      throw new UsageError(`--captured-at: "${args['captured-at']}" is not a time (try 2024-11-05T06:02:00Z)`);
    }
  }
  const inputs = args.inputs.map((input) => (String(input) === stdinArgument ? '-' : String(input)));
  return { inputs, capturedAt, inputZone };
}
