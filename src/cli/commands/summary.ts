// `kube-postmortem summary <inputs..>`: read, analyse, and print the findings as tables.
import type { Argv } from 'yargs';
import { analyze } from '../../analysis/analyze.js';
import { parseAll } from '../../pipeline.js';
import { renderSummary } from '../../report/summary-terminal.js';
import { ansiStyles, plainStyles } from '../../report/terminal-text.js';
import { analysisOptions, readAnalysisArgs } from '../analysis-options.js';
import { inputOptions, readInputArgs } from '../options.js';
import type { Terminal } from '../output.js';

export const summaryCommand = {
  command: 'summary <inputs..>',
  describe: 'find leader-election clusters, error windows and incidents, and print them as tables',
  builder: (yargs: Argv) =>
    yargs
      .positional('inputs', { type: 'string', array: true, describe: 'files, directories, or - for stdin' })
      .options({ ...inputOptions, ...analysisOptions }),
};

export async function runSummary(argv: unknown, terminal: Terminal): Promise<number> {
  const args = readInputArgs(argv);
  const { analysis: options, zone } = readAnalysisArgs(argv);
  const { records, inputs, unreadable } = await parseAll(args.inputs, args);
  const styles = terminal.isColourTerminal() ? ansiStyles : plainStyles;
  await terminal.out(renderSummary({ analysis: analyze(records, options), inputs, unreadable, zone, styles }));
  return unreadable.length > 0 ? 1 : 0;
}
