// Time for the recorder: the wall clock in production, a fake one in tests, so that the loop's
// cadence, timeouts and stops can be tested without waiting.
import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  /** UTC epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    delay(Math.max(0, ms), undefined, signal ? { signal } : {}).then(
      () => undefined,
      () => undefined,
    ),
};
