// The environment variables the commands read, passed in rather than taken from `process.env`,
// so that a test can run a command in-process with its own.
export type Environment = Readonly<Record<string, string | undefined>>;

/** Reproducible output: SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the generation time. */
export function generationTime(env: Environment): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/u.test(epoch)) return Number(epoch) * 1000;
  return Date.now();
}
