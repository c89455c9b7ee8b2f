// `batch`: an archive of dumps → groups (clusters) of inputs → per group, the records of all its
// inputs merged and deduplicated, analysed, and one report per incident; plus the rows of the
// index. Files are parsed by a pool of worker threads (`jobs`) and their results taken in walk
// order, so the output is the same whatever the pool; of each input only the records findings
// are made of are kept, the other events counted (signals.ts). Holds one group's merged events
// at a time, each file's copies merged in as they come. Writing is the caller's (`emit`), so
// that file naming and --force stay with the command.
import { promises as fs, statSync } from 'node:fs';
import { analyzeMerged, type AnalysisOptions } from '../analysis/analyze.js';
import { EventMerger } from '../analysis/dedupe.js';
import { expandPath } from '../inputs/read-inputs.js';
import { evidenceKey, type EvidenceIndex, type EvidenceLine } from '../model/evidence.js';
import type { MergedEvent } from '../model/findings.js';
import type { InputSummary, UnreadableInput } from '../model/input-summary.js';
import { addOtherEvents, noOtherEvents, type OtherEvents } from '../model/other-events.js';
import type { LogRecord } from '../model/log-record.js';
import type { ProbeRecord } from '../model/probe-record.js';
import type { TimeSpan } from '../model/time-span.js';
import { BatchIndexSchema, type BatchIndex, type BatchIndexFormat } from '../report/batch-index.js';
import { buildReport, evidenceCap } from '../report/build-report.js';
import { redactIndex, redactReport, type RedactMode } from '../report/redact.js';
import type { Report } from '../report/report-model.js';
import { groupOf, pathBelowRoot, type GroupBy, type InputRoot } from './group-inputs.js';
import { unpackEvidence, type FileOutcome } from './parse-file.js';
import { defaultJobs, parseFiles, startPool, type Pool } from './parse-pool.js';

export interface BatchOptions {
  roots: readonly string[];
  groupBy: GroupBy;
  analysis: AnalysisOptions;
  capturedAt: TimeSpan | null;
  inputZone: string;
  displayZone: string;
  generatedAt: number;
  version: string;
  /** Worker threads parsing files; 1 parses in this thread. Default: defaultJobs(). */
  jobs?: number;
  /** --redact: each incident report, and the index, redacted on its own. */
  redact?: RedactMode | null;
}

export interface BatchCallbacks {
  /** Called once every file is known, before any is read. */
  start(totals: { files: number; bytes: number }): void;
  /** One input done (read or not), of this many bytes on disk. */
  inputDone(bytes: number): void;
  /** Writes an incident's report; returns the file written per format. */
  emit(report: Report, group: string): Promise<{ format: BatchIndexFormat; file: string }[]>;
}

interface PlannedFile {
  path: string;
  root: InputRoot;
  size: number;
}

interface Group {
  name: string;
  files: PlannedFile[];
  problems: UnreadableInput[];
}

export async function runBatch(options: BatchOptions, callbacks: BatchCallbacks): Promise<BatchIndex> {
  const pool = startPool(options.jobs ?? defaultJobs());
  try {
    return await batchFiles(options, callbacks, pool);
  } finally {
    await pool?.close();
  }
}

async function batchFiles(options: BatchOptions, callbacks: BatchCallbacks, pool: Pool | null): Promise<BatchIndex> {
  const groups = await planGroups(options.roots, options.groupBy);
  const files = [...groups.values()].flatMap((group) => group.files);
  callbacks.start({ files: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0) });
  const tasks = files.map((file) => ({
    path: file.path,
    pathBelowRoot: pathBelowRoot(file.path, file.root),
    capturedAt: options.capturedAt,
    inputZone: options.inputZone,
  }));
  const results = parseFiles(tasks, pool, (index) => callbacks.inputDone(files[index]!.size));

  const index: BatchIndex = {
    schemaVersion: 1,
    tool: { name: 'kube-postmortem', version: options.version },
    generatedAt: new Date(options.generatedAt).toISOString(),
    roots: [...options.roots],
    groupBy: options.groupBy,
    settings: {
      gapMs: options.analysis.gap,
      correlateMs: options.analysis.correlate,
      ignoredReasons: [...options.analysis.ignoreReasons],
      displayZone: options.displayZone,
      inputZone: options.inputZone,
      capturedAt: options.capturedAt ? new Date(options.capturedAt.earliest).toISOString() : null,
    },
    groups: [],
    incidents: [],
    inputs: [],
    unreadable: [],
  };

  try {
    for (const group of groups.values()) await batchGroup(group, await parseGroup(group, results), options, callbacks, index);
  } finally {
    await results.return(undefined);
  }
  const done = BatchIndexSchema.parse(index);
  return options.redact ? redactIndex(done, options.redact) : done;
}

async function batchGroup(group: Group, parsed: ParsedGroup, options: BatchOptions, callbacks: BatchCallbacks, index: BatchIndex): Promise<void> {
  const analysis = analyzeMerged(parsed.events.result(), parsed.probes, parsed.logs, options.analysis);
  for (const incident of analysis.incidents) {
    // The group's analysis narrowed to this incident: its findings only, its title, the inputs its evidence comes from.
    const clusters = analysis.clusters.filter((cluster) => incident.clusters.includes(cluster.id));
    const windows = analysis.windows.filter((window) => incident.windows.includes(window.id));
    const sources = new Set([...clusters, ...windows].flatMap((finding) => finding.evidence.map((line) => line.path)));
    const inputs = parsed.inputs.filter((input) => sources.has(input.path));
    const built = buildReport({
      analysis: { ...analysis, incidents: [incident], clusters, windows },
      inputs,
      inputsNotListed: parsed.inputs.length - inputs.length,
      unreadable: parsed.unreadable,
      evidence: parsed.evidence,
      otherEvents: parsed.other,
      settings: {
        gap: options.analysis.gap,
        correlate: options.analysis.correlate,
        ignoredReasons: options.analysis.ignoreReasons,
        displayZone: options.displayZone,
        inputZone: options.inputZone,
        capturedAt: options.capturedAt,
      },
      title: null,
      cluster: options.groupBy === 'dir' ? group.name : null,
      generatedAt: options.generatedAt,
      version: options.version,
    });
    const report = options.redact ? redactReport(built, options.redact) : built;
    const entry = report.incidents[0]!;
    index.incidents.push({
      group: group.name,
      id: entry.id,
      title: entry.title,
      start: entry.start,
      end: entry.end,
      durationMs: entry.durationMs,
      reports: await callbacks.emit(report, group.name),
    });
  }
  index.groups.push({
    name: group.name,
    inputs: parsed.inputs.length,
    unreadable: parsed.unreadable.length,
    events: { total: analysis.events.length, duplicatesMerged: analysis.duplicatesMerged, untimed: analysis.untimed, otherCopies: parsed.other.copies },
    incidents: analysis.incidents.length,
  });
  for (const input of parsed.inputs) {
    index.inputs.push({
      group: group.name,
      path: input.path,
      size: input.size,
      sha256: input.sha256,
      format: input.format,
      capturedAt: input.captures.map((capture) => ({ earliest: iso(capture.at.earliest), latest: iso(capture.at.latest) })),
      capturedAtSource: input.captures.map((capture) => capture.origin),
      lines: input.accounting,
    });
  }
  for (const { path, reason } of parsed.unreadable) index.unreadable.push({ group: group.name, path, reason });
}

/** Every file under the roots, in walk order, by group; what cannot be walked goes with its group as unreadable. */
async function planGroups(roots: readonly string[], groupBy: GroupBy): Promise<Map<string, Group>> {
  const groups = new Map<string, Group>();
  const groupNamed = (name: string): Group => {
    const existing = groups.get(name);
    if (existing) return existing;
    const created: Group = { name, files: [], problems: [] };
    groups.set(name, created);
    return created;
  };
  for (const rootPath of roots) {
    const stat = await fs.stat(rootPath).catch(() => null);
    const root: InputRoot = { path: rootPath, isDirectory: stat?.isDirectory() ?? false };
    for (const entry of await expandPath(rootPath)) {
      const group = groupNamed(groupOf(entry.path, root, groupBy));
      if (entry.kind === 'problem') {
        group.problems.push({ path: entry.path, reason: entry.reason });
        continue;
      }
      const size = fileSize(entry.path);
      group.files.push({ path: entry.path, root, size });
    }
  }
  return groups;
}

interface ParsedGroup {
  /** The group's events, each file's merged in as it came, so that copies are not all held. */
  events: EventMerger;
  probes: ProbeRecord[];
  logs: LogRecord[];
  /** The events that are neither elections nor Warnings, counted. */
  other: OtherEvents;
  inputs: InputSummary[];
  unreadable: UnreadableInput[];
  evidence: EvidenceIndex;
}

/** Each file of the group read as an input of its own (its outcomes come from `results`, in walk order). */
async function parseGroup(group: Group, results: AsyncGenerator<FileOutcome[]>): Promise<ParsedGroup> {
  const parsed: ParsedGroup = { events: new EventMerger(), probes: [], logs: [], other: noOtherEvents, inputs: [], unreadable: [...group.problems], evidence: new Map() };
  for (let count = 0; count < group.files.length; count += 1) {
    const next = await results.next();
    if (next.done === true) throw new Error('batch: fewer parse results than files');
    for (const outcome of next.value) {
      if (!outcome.ok) {
        parsed.unreadable.push(outcome.unreadable);
        continue;
      }
      parsed.inputs.push(outcome.summary);
      for (const record of outcome.records) {
        if (record.kind === 'event') forgetHiddenEvidence(parsed.events.add(record), parsed.evidence);
        else if (record.kind === 'probe') parsed.probes.push(record);
        else parsed.logs.push(record);
      }
      parsed.other = addOtherEvents(parsed.other, outcome.other);
      unpackEvidence(outcome.evidence, parsed.evidence);
    }
  }
  return parsed;
}

/**
 * A report shows a finding's first evidence lines, its events' copies in order, and counts the
 * rest: the text of a copy past the first `evidenceCap` of its event can never be shown. Its
 * lines are kept only as a count, so that a Warning seen in a hundred dumps costs a hundred
 * texts no more.
 */
function forgetHiddenEvidence(event: MergedEvent, evidence: EvidenceIndex): void {
  if (event.copies.length <= evidenceCap) return;
  const copy = event.copies[event.copies.length - 1]!;
  const key = evidenceKey(copy.path, copy.line);
  const lines = evidence.get(key);
  if (lines && lines !== countedOnly[lines.length]) evidence.set(key, (countedOnly[lines.length] ??= lines.map(() => hiddenLine)));
}

const hiddenLine: EvidenceLine = { path: '', line: 1, text: '' };
/** Shared stand-ins by number of lines. */
const countedOnly: EvidenceLine[][] = [];

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
