// The command line: yargs wiring, and the one place that maps failures to exit codes
// (0 done, 1 an input or output could not be used, 2 usage error) and prints them.
import yargs from 'yargs';
import { OutputError, UsageError } from '../errors.js';
import { batchCommand, runBatchCommand } from './commands/batch.js';
import { parseCommand, runParse } from './commands/parse.js';
import { recordCommand, runRecord } from './commands/record.js';
import { reportCommand, runReport } from './commands/report.js';
import { runSummary, summaryCommand } from './commands/summary.js';
import type { Environment } from './environment.js';
import { cliArgument } from './options.js';
import { processTerminal, type Terminal } from './output.js';
import { toolVersion } from './version.js';

export async function main(args: readonly string[], terminal: Terminal = processTerminal, env: Environment = process.env): Promise<number> {
  let exitCode = 0;
  const debug = args.includes('--debug');
  try {
    await yargs(args.map(cliArgument))
      .scriptName('kube-postmortem')
      .usage('$0 <command> [options]\n\nOffline forensics for Kubernetes incidents, from saved kubectl output.')
      .command({
        ...parseCommand,
        handler: async (argv) => {
          exitCode = await runParse(argv, terminal);
        },
      })
      .command({
        ...reportCommand,
        handler: async (argv) => {
          exitCode = await runReport(argv, terminal, env);
        },
      })
      .command({
        ...summaryCommand,
        handler: async (argv) => {
          exitCode = await runSummary(argv, terminal);
        },
      })
      .command({
        ...batchCommand,
        handler: async (argv) => {
          exitCode = await runBatchCommand(argv, terminal, env);
        },
      })
      .command({
        ...recordCommand,
        handler: async (argv) => {
          exitCode = await runRecord(argv, terminal);
        },
      })
      .option('debug', { type: 'boolean', describe: 'print stack traces of unexpected errors' })
      .demandCommand(1, 'name a command: parse, summary, report, batch or record')
      .strict()
      .help()
      // Given no version, yargs guesses it from the package.json above the working directory
      // once bundled (it looks for node_modules in its own path), and prints `unknown` elsewhere.
      .version(toolVersion)
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      })
      .parseAsync();
    return exitCode;
  } catch (error) {
    return reportFailure(error, terminal, debug);
  }
}

function reportFailure(error: unknown, terminal: Terminal, debug: boolean): number {
  if (error instanceof UsageError) {
    terminal.err(`kube-postmortem: ${error.message}\nRun kube-postmortem --help for usage.\n`);
    return 2;
  }
  if (error instanceof OutputError) {
    terminal.err(`kube-postmortem: ${error.message}\n`);
    return 1;
  }
  const detail = debug && error instanceof Error ? (error.stack ?? error.message) : String(error);
  terminal.err(`kube-postmortem: unexpected error: ${detail}\nThis is a bug; please report it with --debug output.\n`);
  return 70;
}
