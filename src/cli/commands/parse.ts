// `kube-postmortem parse <inputs..>`: records as NDJSON on stdout, an account of every input
// on stderr, and with --accounting the same account as JSON.
import type { Argv } from 'yargs';
import type { InputSummary, UnreadableInput } from '../../model/input-summary.js';
import { parseInputs } from '../../pipeline.js';
import { renderInputSummary, renderUnreadable } from '../../report/input-summary-text.js';
import { recordLine } from '../../report/records-ndjson.js';
import { inputOptions, readInputArgs } from '../options.js';
import { writeTextFile, type Terminal } from '../output.js';

export const parseCommand = {
  command: 'parse <inputs..>',
  describe: 'parse saved kubectl event output into records (NDJSON on stdout)',
  builder: (yargs: Argv) =>
    yargs
      .positional('inputs', { type: 'string', array: true, describe: 'files, directories, or - for stdin' })
      .options({
        ...inputOptions,
        accounting: { type: 'string', describe: 'also write the line accounting of every input to this JSON file' },
      }),
};

/** Runs the command; the exit code is 1 when an input could not be read (design.md). */
export async function runParse(argv: unknown, terminal: Terminal): Promise<number> {
  const args = readInputArgs(argv);
  const accountingPath = (argv as { accounting?: unknown }).accounting;
  const inputs: InputSummary[] = [];
  const unreadable: UnreadableInput[] = [];
  for await (const result of parseInputs(args.inputs, args)) {
    if (!result.ok) {
      unreadable.push(result.unreadable);
      terminal.err(renderUnreadable(result.unreadable));
      continue;
    }
    inputs.push(result.input.summary);
    await writeInChunks(result.input.records.map(recordLine), terminal);
    terminal.err(renderInputSummary(result.input));
  }
  if (typeof accountingPath === 'string') {
    await writeTextFile(accountingPath, `${JSON.stringify({ inputs, unreadable }, null, 2)}\n`);
  }
  return unreadable.length > 0 ? 1 : 0;
}

/** One write per ~64 KiB rather than per record: a large dump has millions of records. */
async function writeInChunks(lines: readonly string[], terminal: Terminal): Promise<void> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 65_536) {
      await terminal.out(chunk);
      chunk = '';
    }
  }
  if (chunk) await terminal.out(chunk);
}
