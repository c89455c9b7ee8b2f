// The stages in order: inputs are read, their format detected, and their lines parsed into
// records with a full account of every line. Later stages (analysis, report) start here.
import { collectEvidence } from './evidence.js';
import type { InputFormat } from './formats/define-format.js';
import { readRegions } from './formats/read-regions.js';
import { accountingOf } from './formats/text/line-ledger.js';
import { eachInput, type ReadOptions, type SourceText } from './inputs/index.js';
import type { CaptureAnchor } from './model/capture-anchor.js';
import type { Diagnostic } from './model/diagnostic.js';
import type { EvidenceIndex } from './model/evidence.js';
import type { InputSummary, UnreadableInput } from './model/input-summary.js';
import type { LineClass } from './model/line-accounting.js';
import type { ParsedRecord } from './model/record.js';
import type { TimeSpan } from './model/time-span.js';

export interface ParseOptions extends ReadOptions {
  capturedAt: TimeSpan | null;
  inputZone: string;
  /** A capture time stated by an input's path (`batch`), ranked after capturedAt and before a `date` line. */
  captureFromPath?: (path: string) => TimeSpan | null;
}

export interface ParsedInput {
  summary: InputSummary;
  records: ParsedRecord[];
  lineClasses: LineClass[];
  diagnostics: Diagnostic[];
  /** The input lines behind records that may become findings. */
  evidence: EvidenceIndex;
}

export type InputResult = { ok: true; input: ParsedInput } | { ok: false; unreadable: UnreadableInput };

/** Each input, parsed, in input order; one at a time so that memory holds one input's text. */
export async function* parseInputs(paths: readonly string[], options: ParseOptions): AsyncGenerator<InputResult> {
  for await (const outcome of eachInput(paths, options)) {
    yield outcome.ok
      ? { ok: true, input: parseSource(outcome.source, options) }
      : { ok: false, unreadable: { path: outcome.path, reason: outcome.reason } };
  }
}

/** `known`: the format a caller has already recognised (batch's sieve), so it is not detected again. */
export function parseSource(source: SourceText, options: ParseOptions, known?: InputFormat): ParsedInput {
  const named = options.captureFromPath?.(source.path) ?? null;
  const result = readRegions(
    source.lines,
    {
      path: source.path,
      inputZone: options.inputZone,
      capturedAt: options.capturedAt,
      fileNameCapture: named && { at: named, origin: 'file-name' },
      fallbackAnchor: fallbackAnchor(source),
    },
    known,
  );
  const diagnostics = [...result.diagnostics, ...weakCaptureWarnings(result.captures, source.path)];
  const evidence: EvidenceIndex = new Map();
  const events = result.records.filter((record) => record.kind === 'event');
  // A JSON or YAML item spans lines; a table row is one.
  collectEvidence(events, source.lines, (record) => isStructured(result.owners[record.source.line - 1]), evidence);
  if (result.records.length === 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'no-events',
      message: 'no kubectl event output found in this input',
      path: source.path,
      help: 'kube-postmortem reads `kubectl get events`, `kubectl events` and `kubectl describe` output',
    });
  }
  return {
    summary: {
      path: source.path,
      size: source.size,
      sha256: source.sha256,
      gzip: source.gzip,
      encoding: source.encoding,
      crlf: source.crlf,
      ansi: source.ansi,
      format: result.format?.id ?? null,
      shapes: result.shapes,
      regions: result.regions,
      captures: result.captures,
      accounting: accountingOf(result.lineClasses),
    },
    records: result.records,
    lineClasses: result.lineClasses,
    diagnostics,
    evidence,
  };
}

const isStructured = (format: string | null | undefined): boolean => format === 'json-events' || format === 'yaml-events';

function fallbackAnchor(source: SourceText): CaptureAnchor {
  return source.mtimeMs === null
    ? { at: { earliest: source.readAtMs, latest: source.readAtMs }, origin: 'read-time' }
    : { at: { earliest: Math.floor(source.mtimeMs), latest: Math.floor(source.mtimeMs) }, origin: 'file-mtime' };
}

/** Ages measured from an mtime or from the moment stdin was read are only as good as that guess. */
function weakCaptureWarnings(captures: readonly CaptureAnchor[], path: string): Diagnostic[] {
  const advice: Partial<Record<CaptureAnchor['origin'], string>> = {
    'file-mtime': "relative ages were measured from the file's modification time; if it was copied or edited after the capture, give --captured-at",
    'read-time': 'relative ages were measured from the moment stdin was read; unless kubectl was piped straight in, give --captured-at',
  };
  return [...new Set(captures.map((capture) => capture.origin))].flatMap((origin) => {
    const message = advice[origin];
    return message ? [{ severity: 'warning' as const, code: 'weak-capture-time', message, path }] : [];
  });
}

export interface ParsedInputs {
  records: ParsedRecord[];
  inputs: InputSummary[];
  unreadable: UnreadableInput[];
  evidence: EvidenceIndex;
}

/** Every input's records, accounts and evidence, for the commands that analyse them together. */
export async function parseAll(paths: readonly string[], options: ParseOptions): Promise<ParsedInputs> {
  const all: ParsedInputs = { records: [], inputs: [], unreadable: [], evidence: new Map() };
  for await (const result of parseInputs(paths, options)) {
    if (!result.ok) {
      all.unreadable.push(result.unreadable);
      continue;
    }
    all.inputs.push(result.input.summary);
    for (const record of result.input.records) all.records.push(record);
    for (const [key, lines] of result.input.evidence) all.evidence.set(key, lines);
  }
  return all;
}
