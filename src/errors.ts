// The few errors that stop a command. Bad input is not one of them: it becomes a skipped
// line or an unreadable input in the results.

/** The command line is wrong: exit 2, with the message and a pointer to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An output location cannot be written: exit 1. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
