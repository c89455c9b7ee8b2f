import { z } from 'zod';

/** Where a record came from: the input, its first line (1-based), and the shape that parsed it. */
export const ProvenanceSchema = z.object({
  path: z.string(),
  line: z.number().int().positive(),
  format: z.string(),
});

export type Provenance = z.infer<typeof ProvenanceSchema>;
