import { z } from 'zod';

/**
 * What `batch` knows of the events no finding needs: they are counted as they stream past and
 * dropped, never merged with one another (a dump saved every five minutes shows an event a dozen
 * times, and merging them would mean holding them all).
 */
export const OtherEventsSchema = z.object({
  /** Copies read: an event in twelve dumps counts twelve. */
  copies: z.number().int().nonnegative(),
  /** Copies with no time at all (`<unknown>` ages). */
  untimed: z.number().int().nonnegative(),
  /** Whether a watch (-w) printed any, so that its age is relative to when it was printed. */
  watch: z.boolean(),
});

export type OtherEvents = z.infer<typeof OtherEventsSchema>;

export const noOtherEvents: OtherEvents = { copies: 0, untimed: 0, watch: false };

export function addOtherEvents(a: OtherEvents, b: OtherEvents): OtherEvents {
  return { copies: a.copies + b.copies, untimed: a.untimed + b.untimed, watch: a.watch || b.watch };
}
