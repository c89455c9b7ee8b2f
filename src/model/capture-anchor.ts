import { z } from 'zod';
import { TimeSpanSchema } from './time-span.js';

/**
 * Where the capture time of a table came from, in order of trust (design.md, "Time"):
 * the --captured-at option, a date in the file's name (`batch`: `events-2024-11-05T0510Z.txt`),
 * a `date` line printed just before the dump, the file's modification time (copying a file
 * changes it), or the moment stdin was read.
 */
export const CaptureOriginSchema = z.enum(['option', 'file-name', 'date-line', 'file-mtime', 'read-time']);
export type CaptureOrigin = z.infer<typeof CaptureOriginSchema>;

export const CaptureAnchorSchema = z.object({
  at: TimeSpanSchema,
  origin: CaptureOriginSchema,
  /** The input line the anchor was read from, for `date-line`. */
  line: z.number().int().positive().optional(),
});

export type CaptureAnchor = z.infer<typeof CaptureAnchorSchema>;

export const captureOriginLabel: Record<CaptureOrigin, string> = {
  option: '--captured-at',
  'file-name': "a date in the file's name",
  'date-line': 'a date line in the input',
  'file-mtime': "the file's modification time (changes when a file is copied)",
  'read-time': 'the time the input was read (stdin has no timestamp)',
};
