// Two ways to run a command. `runCommand` calls the CLI's `main` in this process with a terminal
// that keeps what it printed: the same parsing, exit codes and output, without a node process to
// start (most tests). `spawnCli` runs the built CLI as a user would, for what only a process has:
// stdin, signals, the executable and its bundle.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Terminal } from '../../src/cli/output.js';

/** AVA runs every test file from the project's root (the tests run compiled, from .build/test/). */
export const projectRoot = process.cwd();
export const cliPath = resolve('dist/cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A terminal that keeps what a command printed, and is no terminal: no colour, no progress in place. */
export function capturingTerminal(): Terminal & { stdout(): string; stderr(): string } {
  let stdout = '';
  let stderr = '';
  return {
    out: async (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    isColourTerminal: () => false,
    isErrorTerminal: () => false,
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** `kube-postmortem <args>` in this process, paths relative to the project root (ava's working directory). */
export async function runCommand(args: readonly string[], options: { env?: Record<string, string> } = {}): Promise<CliRun> {
  const terminal = capturingTerminal();
  const code = await main(args, terminal, { ...options.env });
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

export function spawnCli(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      'node',
      [cliPath, ...args],
      { cwd: projectRoot, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  });
}
