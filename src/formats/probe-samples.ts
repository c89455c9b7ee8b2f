// What `kube-postmortem record` writes: probes.ndjson and its rotations (probes.1.ndjson …), one
// JSON line per run of the probe command (src/record/probe-line.ts). A sample becomes a `probe`
// record at the exact moment kubectl was started; a failed events capture is accounted for as a
// skipped line, since it says nothing the samples beside it do not.
import { z } from 'zod';
import { ErrorClassSchema, type ProbeRecord } from '../model/probe-record.js';
import { defineFormat, type ParseContext, type ParseResult } from './define-format.js';
import { isPlainObject } from './json/event-from-object.js';
import { classifyText, claimLines, finishScan, skipLines, startScan, type StructuredScan } from './json/structured-scan.js';
import { classifyKubectlError } from './shared/kubectl-errors.js';

const shape = 'kube-postmortem-probes-ndjson';

/** The recorder writes `kind` first, so a line is recognised by its opening bytes. */
const recorderLine = /^\s*\{\s*"kind"\s*:\s*"(?:probe-sample|events-capture-failed)"/u;

/** Lines longer than this are not parsed just to detect the format. */
const DETECT_PARSE_LIMIT = 100_000;

export const probeSamples = defineFormat({
  id: 'probe-samples',
  title: 'kube-postmortem record probe samples (probes.ndjson)',
  detect(lines) {
    const first = lines.slice(0, 200).find((line) => line.trim() !== '');
    if (first === undefined || first.length > DETECT_PARSE_LIMIT || !recorderLine.test(first)) return 0;
    // Above json-events (0.9), which would read these lines as objects that are not events.
    return isPlainObject(parseJson(first)) ? 0.97 : 0;
  },
  startsRegion: (line) => recorderLine.test(line),
  parse: parseProbeSamples,
});

const SampleSchema = z.object({
  kind: z.literal('probe-sample'),
  at: z.iso.datetime({ offset: true }),
  ok: z.boolean(),
  errorClass: z.string().nullable().optional(),
  stderr: z.string().nullable().optional(),
});

const CaptureFailedSchema = z.object({
  kind: z.literal('events-capture-failed'),
  at: z.string().optional(),
  errorClass: z.string().nullable().optional(),
});

function parseProbeSamples(lines: readonly string[], context: ParseContext): ParseResult {
  const scan = startScan(lines, context);
  const records: ProbeRecord[] = [];
  const failedCaptures: string[] = [];
  const lastLine = lastNonBlank(lines);
  lines.forEach((text, index) => {
    if (!text.trimStart().startsWith('{')) {
      classifyText(scan, index);
      return;
    }
    const value = parseJson(text);
    if (value === undefined) {
      // A recorder killed mid-write (a full disk, kill -9) leaves its last line cut short.
      if (index === lastLine) skipLines(scan, index, index, 'truncated', 'the file ends inside this line', 'was the recorder stopped while writing?');
      else skipLines(scan, index, index, 'invalid-syntax', 'not valid JSON');
      return;
    }
    const kind = isPlainObject(value) ? value.kind : undefined;
    if (kind === 'probe-sample') {
      const sample = SampleSchema.safeParse(value);
      if (sample.success) {
        records.push(probeRecord(sample.data, context, index));
        claimLines(scan, index, index, { kind: 'record' });
        scan.shapes.add(shape);
      } else {
        const problem = sample.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ');
        skipLines(scan, index, index, 'invalid-item', `probe sample skipped: ${problem}`);
      }
      return;
    }
    if (kind === 'events-capture-failed') {
      const failed = CaptureFailedSchema.safeParse(value);
      const at = failed.success ? (failed.data.at ?? 'an unknown time') : 'an unknown time';
      const errorClass = failed.success ? (failed.data.errorClass ?? 'other') : 'other';
      claimLines(scan, index, index, { kind: 'skipped', reason: 'kubectl-message', detail: `events capture failed at ${at} (${errorClass}): no events saved` });
      failedCaptures.push(at);
      return;
    }
    skipLines(scan, index, index, 'not-an-event', `${typeof kind === 'string' ? `a "${kind}" line` : 'a JSON value'}, not a probe sample`);
  });
  noteFailedCaptures(scan, failedCaptures);
  return { ...finishScan(scan), records };
}

function probeRecord(sample: z.infer<typeof SampleSchema>, context: ParseContext, index: number): ProbeRecord {
  const at = Date.parse(sample.at);
  const stderr = sample.stderr ?? '';
  const recorded = ErrorClassSchema.safeParse(sample.errorClass);
  return {
    kind: 'probe',
    at: { earliest: at, latest: at },
    ok: sample.ok,
    errorClass: sample.ok ? null : recorded.success ? recorded.data : classifyKubectlError(stderr),
    error: sample.ok || stderr.trim() === '' ? null : stderr,
    notes: [],
    source: { path: context.path, line: index + 1, format: shape },
  };
}

/** One note for all of them: during an outage every capture fails, and each line says so already. */
function noteFailedCaptures(scan: StructuredScan, failed: readonly string[]): void {
  if (failed.length === 0) return;
  scan.diagnostics.push({
    severity: 'info',
    code: 'events-capture-failed',
    message: `${failed.length} events ${failed.length === 1 ? 'capture' : 'captures'} failed (first at ${failed[0]}); no events were saved then`,
    path: scan.context.path,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function lastNonBlank(lines: readonly string[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) if (lines[index]!.trim() !== '') return index;
  return -1;
}
