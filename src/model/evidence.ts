import { z } from 'zod';

/** An input line shown as evidence for a finding, with where it is. */
export const EvidenceLineSchema = z.object({
  path: z.string(),
  line: z.number().int().positive(),
  text: z.string(),
});

export type EvidenceLine = z.infer<typeof EvidenceLineSchema>;

/** Evidence lines by the `path:line` of the record they belong to. */
export type EvidenceIndex = Map<string, EvidenceLine[]>;

export const evidenceKey = (path: string, line: number): string => `${path}:${line}`;
