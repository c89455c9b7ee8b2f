// `kube-postmortem summary <inputs..>`: read, analyse, and print the findings as tables.
import type { Argv } from 'yargs';
import { analyze } from '../../analysis/analyze.js';
import { parseAll } from '../../pipeline.js';
import { renderSummary } from '../../report/summary-terminal.js';
import { ansiStyles, plainStyles } from '../../report/terminal-text.js';
import { analysisOptions, readAnalysisArgs } from '../analysis-options.js';
import { inputOptions, readInputArgs } from '../options.js';
import { exitCode, failOnOption, readFailOn } from '../fail-on.js';
import type { Terminal } from '../output.js';

export const summaryCommand = {
  command: 'summary <inputs..>',
  describe: 'find leader-election clusters, error windows and incidents, and print them as tables',
  builder: (yargs: Argv) =>
    yargs
      .positional('inputs', { type: 'string', array: true, describe: 'files, directories, or - for stdin' })
      .options({ ...inputOptions, ...analysisOptions, ...failOnOption }),
};

export async function runSummary(argv: unknown, terminal: Terminal): Promise<number> {
  const args = readInputArgs(argv);
  const { analysis: options, zone } = readAnalysisArgs(argv);
  const failOn = readFailOn(argv);
  const { records, inputs, unreadable } = await parseAll(args.inputs, args);
  const styles = terminal.isColourTerminal() ? ansiStyles : plainStyles;
  const analysis = analyze(records, options);
  await terminal.out(renderSummary({ analysis, inputs, unreadable, zone, styles }));
  const failovers = analysis.clusters.filter((cluster) => cluster.verdict === 'control-plane-failover').length;
  return exitCode(unreadable.length, { incidents: analysis.incidents.length, failovers }, failOn);
}
