// Runs the built CLI as a user would, from the project root, and returns what it printed.
import { execFile } from 'node:child_process';

export const cliPath = new URL('../../dist/cli.js', import.meta.url).pathname;
export const projectRoot = new URL('../../', import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
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
