// `kube-postmortem record --out DIR [-- kubectl args]`: the retry loop of an outage, leaving files
// that `report DIR` reads. The loop itself is src/record/; this wires options, signals and stderr.
import { basename, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { RecordLine } from '../../record/probe-line.js';
import { systemClock } from '../../record/clock.js';
import { defaultProbeArgs, eventsArgs, KubectlNotFoundError, record, type RecorderHooks, type RecordSummary } from '../../record/recorder.js';
import { spawnProcess } from '../../record/spawn.js';
import { durationText } from '../../time/duration-text.js';
import { durationOption } from '../analysis-options.js';
import { stdinArgument } from '../options.js';
import { ensureDirectory, type Terminal } from '../output.js';

const MAX_TIMEOUT_MS = 30_000;

export const recordCommand = {
  command: 'record',
  describe: 'probe the API server on a fixed cadence and save events, into --out, until Ctrl-C',
  builder: (yargs: Argv) =>
    yargs
      // Everything after `--` is the probe command, kept as typed: `-- get pods -n 0755` stays strings.
      .parserConfiguration({ 'populate--': true, 'parse-positional-numbers': false })
      .usage(
        '$0 record --out DIR [options] [-- kubectl args]\n\n' +
          `Runs \`kubectl ${defaultProbeArgs.join(' ')}\` (or the kubectl arguments after --) every --interval, one JSON line per run in DIR/probes.ndjson, ` +
          'and saves `kubectl get events -A -o json` into DIR every --events-every. It never stops on errors; Ctrl-C stops it. Then: kube-postmortem report DIR',
      )
      .options({
        out: { type: 'string', demandOption: true, describe: 'directory to write probes.ndjson and events-*.json into' },
        interval: { type: 'string', default: '5s', describe: 'time between probe starts (e.g. 5s, 1m)' },
        timeout: { type: 'string', describe: 'kill a probe after this long (default: the interval, at most 30s)' },
        'events-every': { type: 'string', default: '60s', describe: 'save events this often; 0 to not save them' },
        kubectl: { type: 'string', default: 'kubectl', describe: 'the kubectl to run' },
        context: { type: 'string', describe: 'kubeconfig context, given to every kubectl run' },
        kubeconfig: { type: 'string', describe: 'kubeconfig file, given to every kubectl run' },
        'max-file-size': { type: 'string', default: '10MiB', describe: 'rotate probes.ndjson to probes.1.ndjson … at this size' },
        duration: { type: 'string', describe: 'stop after this long (default: run until Ctrl-C)' },
      }),
};

const RecordArgsSchema = z.object({
  out: z.string().min(1, '--out: name a directory'),
  interval: z.string(),
  timeout: z.string().optional(),
  'events-every': z.string(),
  kubectl: z.string().min(1, '--kubectl: name a program'),
  context: z.string().optional(),
  kubeconfig: z.string().optional(),
  'max-file-size': z.string(),
  duration: z.string().optional(),
  '--': z.array(z.union([z.string(), z.number()])).optional(),
});

export interface RecordArgs {
  out: string;
  kubectl: string;
  probeArgs: string[];
  eventsArgs: string[];
  intervalMs: number;
  timeoutMs: number;
  eventsEveryMs: number;
  maxFileBytes: number;
  durationMs: number | null;
}

export function readRecordArgs(argv: unknown): RecordArgs {
  const parsed = RecordArgsSchema.safeParse(argv);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const args = parsed.data;
  const intervalMs = durationOption('--interval', args.interval);
  if (intervalMs < 1000) throw new UsageError('--interval: at least 1s');
  const timeoutMs = args.timeout === undefined ? Math.min(intervalMs, MAX_TIMEOUT_MS) : durationOption('--timeout', args.timeout);
  if (timeoutMs < 1000 || timeoutMs > MAX_TIMEOUT_MS) throw new UsageError('--timeout: between 1s and 30s');
  const eventsEveryMs = durationOption('--events-every', args['events-every']);
  if (eventsEveryMs > 0 && eventsEveryMs < 1000) throw new UsageError('--events-every: at least 1s, or 0 to not save events');
  const durationMs = args.duration === undefined ? null : durationOption('--duration', args.duration);
  if (durationMs !== null && durationMs <= 0) throw new UsageError('--duration: more than 0s');
  // Flags kubectl takes before any command, so that the events come from the cluster the probe asks.
  const global = [
    ...(args.kubeconfig === undefined ? [] : [`--kubeconfig=${args.kubeconfig}`]),
    ...(args.context === undefined ? [] : [`--context=${args.context}`]),
  ];
  const given = (args['--'] ?? []).map((arg) => (String(arg) === stdinArgument ? '-' : String(arg)));
  if (given[0] !== undefined && ['kubectl', basename(args.kubectl)].includes(basename(given[0]))) {
    throw new UsageError(`after --, give kubectl's arguments without ${given[0]} itself (e.g. -- get namespaces -o name); --kubectl names the program`);
  }
  return {
    out: args.out,
    kubectl: args.kubectl,
    probeArgs: [...global, ...(given.length > 0 ? given : defaultProbeArgs)],
    eventsArgs: [...global, ...eventsArgs],
    intervalMs,
    timeoutMs,
    eventsEveryMs,
    maxFileBytes: sizeOption('--max-file-size', args['max-file-size']),
    durationMs,
  };
}

const sizeUnits: Record<string, number> = { '': 1, b: 1, k: 1024, kib: 1024, kb: 1000, m: 1024 ** 2, mib: 1024 ** 2, mb: 1000 ** 2, g: 1024 ** 3, gib: 1024 ** 3, gb: 1000 ** 3 };

/** `10MiB`, `512k`, `1MB`, or plain bytes; K, M and G alone are binary, as in `ls -h`. */
export function sizeOption(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/iu.exec(text.trim());
  const unit = sizeUnits[match?.[2]?.toLowerCase() ?? 'none'];
  if (!match || unit === undefined) throw new UsageError(`${option}: "${text}" is not a size (try 10MiB, 512KiB or 1048576)`);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1024) throw new UsageError(`${option}: at least 1KiB`);
  return bytes;
}

/** The recorder's clock and kubectl runner: the real ones, unless a test passes its own. */
export type RecordDevices = Pick<RecorderHooks, 'clock' | 'spawn'>;

export async function runRecord(argv: unknown, terminal: Terminal, devices: RecordDevices = { clock: systemClock, spawn: spawnProcess }): Promise<number> {
  const args = readRecordArgs(argv);
  await ensureDirectory(args.out);
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  // A second Ctrl-C finds no handler and ends the process the usual way.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const status = statusPrinter(terminal);
  terminal.err(
    `kube-postmortem record: \`${[args.kubectl, ...args.probeArgs].join(' ')}\` every ${durationText(args.intervalMs)} (timeout ${durationText(args.timeoutMs)}), ` +
      `${args.eventsEveryMs > 0 ? `events every ${durationText(args.eventsEveryMs)}` : 'no events'}, into ${resolve(args.out)}; Ctrl-C to stop\n`,
  );
  try {
    const { out, ...loop } = args;
    const summary = await record(
      { ...loop, dir: out, signal: stop.signal },
      { ...devices, onLine: status, warn: (message) => terminal.err(`kube-postmortem record: ${message}\n`) },
    );
    terminal.err(`${summaryLine(summary, args.out)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof KubectlNotFoundError)) throw error;
    terminal.err(`kube-postmortem: ${error.message}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** One stderr line when the API stops answering and one when it answers again, as the loop goes. */
function statusPrinter(terminal: Terminal): (line: RecordLine) => void {
  let failingSince: { at: string; samples: number } | null = null;
  const time = (iso: string): string => `${iso.slice(11, 19)}Z`;
  const firstLine = (text: string): string => text.split('\n').find((line) => line.trim() !== '' && !/memcache\.go/u.test(line))?.trim().slice(0, 160) ?? '';
  return (line) => {
    if (line.kind === 'events-capture-failed') {
      terminal.err(`${time(line.at)} events not saved: ${line.errorClass}\n`);
      return;
    }
    if (!line.ok && failingSince === null) {
      failingSince = { at: line.at, samples: 0 };
      terminal.err(`${time(line.at)} failing: ${line.errorClass}${firstLine(line.stderr) ? ` (${firstLine(line.stderr)})` : ''}\n`);
    }
    if (!line.ok && failingSince !== null) failingSince.samples += 1;
    if (line.ok && failingSince !== null) {
      const down = Date.parse(line.at) - Date.parse(failingSince.at);
      terminal.err(`${time(line.at)} answering again after ${durationText(down)} (${failingSince.samples} failed samples)\n`);
      failingSince = null;
    }
  };
}

export function summaryLine(summary: RecordSummary, dir: string): string {
  const classes = Object.entries(summary.failuresByClass)
    .sort(([, a], [, b]) => b - a)
    .map(([errorClass, count]) => `${errorClass} ${count}`)
    .join(', ');
  const probeFiles = summary.files.filter((name) => name.startsWith('probes.'));
  const eventFiles = summary.files.length - probeFiles.length;
  const captures = summary.eventsCaptured + summary.eventsFailed;
  const parts = [
    `${plural(summary.samples, 'sample')}, ${summary.failed} failed${classes ? ` (${classes})` : ''}`,
    ...(summary.interrupted > 0 ? [`${plural(summary.interrupted, 'run')} cut short by the stop, not recorded`] : []),
    ...(summary.missedSlots > 0 ? [`${plural(summary.missedSlots, 'slot')} passed over while a probe hung`] : []),
    ...(captures > 0 ? [`${plural(captures, 'events capture')}, ${summary.eventsFailed} failed`] : []),
    ...(summary.writeErrors > 0 ? [`${plural(summary.writeErrors, 'write')} failed`] : []),
    `${plural(summary.files.length, 'file')} in ${dir}${summary.files.length > 0 ? ` (${[...probeFiles, ...(eventFiles > 0 ? [`${eventFiles} events-*.json`] : [])].join(', ')})` : ''}`,
  ];
  return `kube-postmortem record: stopped after ${durationText(summary.endedAt - summary.startedAt)}: ${parts.join('; ')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
