// Writing to stdout and to files, with failures turned into errors that name the place.
import { mkdir, writeFile } from 'node:fs/promises';
import { OutputError } from '../errors.js';

export interface Terminal {
  out(text: string): Promise<void>;
  err(text: string): void;
  /** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
  isColourTerminal(): boolean;
  /** stderr is a terminal: progress may rewrite its line in place. */
  isErrorTerminal?(): boolean;
}

export const processTerminal: Terminal = {
  out: (text) =>
    new Promise((resolve, reject) => {
      process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
    }),
  err: (text) => {
    process.stderr.write(text);
  },
  isColourTerminal: () => process.stdout.isTTY === true && !process.env.NO_COLOR,
  isErrorTerminal: () => process.stderr.isTTY === true,
};

export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new OutputError(path, `cannot write ${path}: ${reasonOf(error)}`, { cause: error });
  }
}

export async function ensureDirectory(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new OutputError(path, `cannot create ${path}: ${reasonOf(error)}`, { cause: error });
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? describeWriteError(String(error.code)) : String(error);
}

function describeWriteError(code: string): string {
  const reasons: Record<string, string> = {
    ENOENT: 'its directory does not exist',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOSPC: 'no space left on the device',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'a file of that name is in the way',
  };
  return reasons[code] ?? code;
}
