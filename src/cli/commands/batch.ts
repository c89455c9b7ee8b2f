// `kube-postmortem batch <dir|files..> --out DIR`: an archive of dumps, grouped by cluster, one
// report per incident and an index of them all. File names come from the incident window and
// the inputs' hashes (as `report`), never from strings inside the inputs.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { z } from 'zod';
import { groupByModes, type GroupBy } from '../../batch/group-inputs.js';
import { defaultJobs } from '../../batch/parse-pool.js';
import { runBatch } from '../../batch/run-batch.js';
import { OutputError, UsageError } from '../../errors.js';
import { batchIndexRenderers } from '../../report/batch-index.js';
import { renderers, reportFormats, type ReportFormat } from '../../report/renderers.js';
import type { Report } from '../../report/report-model.js';
import { analysisOptions, readAnalysisArgs } from '../analysis-options.js';
import { inputOptions, readInputArgs, readRedact, redactOption } from '../options.js';
import { ensureDirectory, writeTextFile, type Terminal } from '../output.js';
import { exitCode, failOnOption, readFailOn, type Found } from '../fail-on.js';
import { createProgress } from '../progress.js';
import { generationTime, type Environment } from '../environment.js';
import { toolVersion } from '../version.js';
import { foundIn, reportName } from './report.js';

export const batchCommand = {
  command: 'batch <inputs..>',
  describe: 'an archive of dumps: group by cluster, one report per incident, and an index, into --out',
  builder: (yargs: Argv) =>
    yargs
      .positional('inputs', { type: 'string', array: true, describe: 'directories or files (walked recursively, .gz included)' })
      .options({
        ...inputOptions,
        ...analysisOptions,
        ...failOnOption,
        ...redactOption,
        out: { type: 'string', demandOption: true, describe: 'directory to write the reports and the index into' },
        'group-by': { type: 'string', choices: groupByModes, default: 'dir', describe: 'dir: the first directory level below each root; file: each file; none: one group' },
        format: { type: 'string', array: true, choices: reportFormats, default: ['md', 'html'], describe: 'report formats: md, html, json (repeatable)' },
        quiet: { type: 'boolean', default: false, describe: 'print nothing on stderr but errors' },
        force: { type: 'boolean', default: false, describe: 'overwrite reports and an index of the same name' },
        jobs: { type: 'number', describe: `files parsed at once, in worker threads (default: ${defaultJobs()}, the cores up to 4); 1 parses without workers` },
      }),
};

const BatchArgsSchema = z.object({
  out: z.string().min(1),
  'group-by': z.enum(groupByModes),
  format: z.array(z.enum(reportFormats as [ReportFormat, ...ReportFormat[]])).min(1),
  quiet: z.boolean(),
  force: z.boolean(),
  jobs: z.number().int().min(1).max(64).optional(),
});

const indexFormats = ['md', 'html', 'json'] as const;

export async function runBatchCommand(argv: unknown, terminal: Terminal, env: Environment): Promise<number> {
  const args = readInputArgs(argv);
  const { analysis, zone } = readAnalysisArgs(argv);
  const parsed = BatchArgsSchema.safeParse(argv);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  const { out, quiet, force, jobs } = parsed.data;
  const groupBy: GroupBy = parsed.data['group-by'];
  const formats = [...new Set(parsed.data.format)];
  if (args.inputs.includes('-')) throw new UsageError('batch reads files and directories, not stdin');

  await ensureDirectory(out);
  const indexPaths = indexFormats.map((format) => join(out, `index.${format}`));
  if (!force) {
    for (const path of indexPaths) if (await exists(path)) throw new OutputError(path, `${path} exists; give --force to overwrite it`);
  }

  const failOn = readFailOn(argv);
  const found: Found = { incidents: 0, failovers: 0 };
  let progress = createProgress({ write: () => {}, isTerminal: false }, { totalFiles: 0, totalBytes: 0, quiet: true });
  const written = new Set<string>();
  const index = await runBatch(
    { roots: args.inputs, groupBy, analysis, capturedAt: args.capturedAt, inputZone: args.inputZone, displayZone: zone, generatedAt: generationTime(env), version: toolVersion, jobs: jobs ?? defaultJobs(), redact: readRedact(argv) },
    {
      start: (totals) => {
        progress = createProgress({ write: (text) => terminal.err(text), isTerminal: terminal.isErrorTerminal?.() ?? false }, { totalFiles: totals.files, totalBytes: totals.bytes, quiet });
      },
      inputDone: (bytes) => progress.advance(bytes),
      emit: async (report) => {
        found.incidents += foundIn(report).incidents;
        found.failovers += foundIn(report).failovers;
        const base = uniqueName(reportName(report), written);
        const files = formats.map((format) => ({ format, file: `${base}.${format}` }));
        for (const { format, file } of files) await writeInside(out, file, renderers[format](report), force);
        return files;
      },
    },
  );
  progress.done();
  for (const [position, format] of indexFormats.entries()) await writeInside(out, `index.${format}`, batchIndexRenderers[format](index), true, indexPaths[position]);
  if (!quiet) {
    const unreadable = index.unreadable.length > 0 ? `; ${index.unreadable.length} unreadable (listed in the index)` : '';
    terminal.err(`wrote ${index.incidents.length} incident reports from ${index.groups.length} groups${unreadable}; index: ${join(out, 'index.html')}\n`);
  }
  return exitCode(index.unreadable.length, found, failOn);
}

/** Two incidents of one group that start in the same minute share a name: the second gets `-2`. */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${base}-${suffix}`;
  taken.add(name);
  return name;
}

async function writeInside(out: string, file: string, text: string, force: boolean, path = join(out, file)): Promise<void> {
  if (!resolve(path).startsWith(resolve(out))) throw new OutputError(path, `refusing to write outside ${out}`);
  if (!force && (await exists(path))) throw new OutputError(path, `${path} exists; give --force to overwrite it`);
  await writeTextFile(path, text);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
