import { z } from 'zod';

/**
 * A moment known only to lie between two instants, in UTC epoch milliseconds, both ends
 * inclusive. An exact time has earliest === latest. Tables carry truncated ages, so most
 * times in this tool are spans, never a made-up exact minute.
 */
export const TimeSpanSchema = z
  .object({
    earliest: z.number().int(),
    latest: z.number().int(),
  })
  .refine((span) => span.earliest <= span.latest, {
    message: 'a span must not end before it starts',
  });

export type TimeSpan = z.infer<typeof TimeSpanSchema>;
