// `kube-postmortem report <inputs..>`: the incident report, written into --out as Markdown (and
// the other formats), named from the incident window and a hash of the inputs, never from
// strings inside the inputs.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { z } from 'zod';
import { analyze } from '../../analysis/analyze.js';
import { OutputError, UsageError } from '../../errors.js';
import { parseAll } from '../../pipeline.js';
import { buildReport } from '../../report/build-report.js';
import { renderers, reportFormats, type ReportFormat } from '../../report/renderers.js';
import { redactReport } from '../../report/redact.js';
import type { Report } from '../../report/report-model.js';
import { analysisOptions, readAnalysisArgs } from '../analysis-options.js';
import { inputOptions, readInputArgs, readRedact, redactOption } from '../options.js';
import { ensureDirectory, writeTextFile, type Terminal } from '../output.js';
import { exitCode, failOnOption, readFailOn, type Found } from '../fail-on.js';
import { generationTime, type Environment } from '../environment.js';
import { toolVersion } from '../version.js';

export const reportCommand = {
  command: 'report <inputs..>',
  describe: 'write the incident report (Markdown, HTML, JSON) into --out',
  builder: (yargs: Argv) =>
    yargs
      .positional('inputs', { type: 'string', array: true, describe: 'files, directories, or - for stdin' })
      .options({
        ...inputOptions,
        ...analysisOptions,
        ...failOnOption,
        ...redactOption,
        out: { type: 'string', default: 'reports', describe: 'directory to write the report into' },
        format: { type: 'string', array: true, choices: reportFormats, default: ['md', 'html'], describe: 'report formats: md, html, json (repeatable)' },
        stdout: { type: 'boolean', default: false, describe: 'print the one --format to stdout instead of writing files' },
        title: { type: 'string', describe: "the report's title (default: the first incident's)" },
        cluster: { type: 'string', describe: "the cluster's name, for the support-case block" },
        force: { type: 'boolean', default: false, describe: 'overwrite a report of the same name' },
      }),
};

const ReportArgsSchema = z.object({
  out: z.string().min(1),
  format: z.array(z.enum(reportFormats as [ReportFormat, ...ReportFormat[]])).min(1),
  stdout: z.boolean(),
  title: z.string().optional(),
  cluster: z.string().optional(),
  force: z.boolean(),
});

export async function runReport(argv: unknown, terminal: Terminal, env: Environment): Promise<number> {
  const args = readInputArgs(argv);
  const { analysis: options, zone } = readAnalysisArgs(argv);
  const parsed = ReportArgsSchema.safeParse(argv);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  const { out, stdout, title, cluster, force } = parsed.data;
  const formats = [...new Set(parsed.data.format)];
  if (stdout && formats.length !== 1) throw new UsageError('--stdout prints one format: give exactly one --format');

  const redact = readRedact(argv);
  const all = await parseAll(args.inputs, args);
  const built = buildReport({
    analysis: analyze(all.records, options),
    inputs: all.inputs,
    unreadable: all.unreadable,
    evidence: all.evidence,
    settings: { gap: options.gap, correlate: options.correlate, ignoredReasons: options.ignoreReasons, displayZone: zone, inputZone: args.inputZone, capturedAt: args.capturedAt },
    title: title ?? null,
    cluster: cluster ?? null,
    generatedAt: generationTime(env),
    version: toolVersion,
  });
  const report = redact ? redactReport(built, redact) : built;
  const failed = exitCode(all.unreadable.length, foundIn(report), readFailOn(argv));
  if (stdout) {
    await terminal.out(renderers[formats[0]!](report));
    return failed;
  }
  const written = await writeReport(report, formats, out, force);
  terminal.err(`${written.map((path) => `wrote ${path}`).join('\n')}\n`);
  return failed;
}

export function foundIn(report: Report): Found {
  return {
    incidents: report.incidents.length,
    failovers: report.leaderElectionClusters.filter((cluster) => cluster.verdict === 'control-plane-failover').length,
  };
}

async function writeReport(report: Report, formats: readonly ReportFormat[], out: string, force: boolean): Promise<string[]> {
  await ensureDirectory(out);
  const base = reportName(report);
  const paths = formats.map((format) => join(out, `${base}.${format}`));
  for (const path of paths) {
    if (!resolve(path).startsWith(resolve(out))) throw new OutputError(path, `refusing to write outside ${out}`);
    if (!force && (await exists(path))) throw new OutputError(path, `${path} exists; give --force to overwrite it`);
  }
  for (const [index, format] of formats.entries()) await writeTextFile(paths[index]!, renderers[format](report));
  return paths;
}

/** `incident-2024-11-05T0501Z-1a2b3c4d`: the window's start and a hash of the inputs' contents. */
export function reportName(report: Report): string {
  const start = report.incidents[0]?.start.earliest ?? report.generatedAt;
  const stamp = start.slice(0, 16).replace(/[-:]/gu, '').replace('T', 'T');
  const hash = createHash('sha256').update(report.inputs.map((input) => input.sha256).sort().join('\n')).digest('hex').slice(0, 8);
  return `${report.incidents.length > 0 ? 'incident' : 'report'}-${stamp.slice(0, 8)}T${stamp.slice(9, 13)}Z-${hash}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
