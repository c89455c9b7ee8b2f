import { z } from 'zod';

/** A problem worth telling the user about, located in an input where possible. */
export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  line: z.number().int().positive().optional(),
  /** The offending line, shortened, for context. */
  excerpt: z.string().optional(),
  help: z.string().optional(),
});

export type Diagnostic = z.infer<typeof DiagnosticSchema>;
