// The report as data: what every renderer (Markdown, HTML, JSON) shows, and the JSON output
// itself, validated on the way out. Times are ISO-8601 UTC spans; nothing here is formatted.
import { z } from 'zod';
import { CaptureOriginSchema } from '../model/capture-anchor.js';
import { LineAccountingSchema } from '../model/line-accounting.js';
import { InputRegionSchema } from '../model/input-summary.js';

export const IsoSpanSchema = z.object({ earliest: z.iso.datetime(), latest: z.iso.datetime() });
export type IsoSpan = z.infer<typeof IsoSpanSchema>;

const EvidenceSchema = z.object({
  /** `path:line` and the text of each line shown. */
  lines: z.array(z.object({ at: z.string(), text: z.string() })),
  /** Lines not shown because of the cap. */
  more: z.number().int().nonnegative(),
});

const RegionSchema = z.string().nullable();

/** The options that shaped the findings, as every report and index states them. */
export const ReportSettingsSchema = z.object({
  gapMs: z.number().int().nonnegative(),
  correlateMs: z.number().int().nonnegative(),
  ignoredReasons: z.array(z.string()),
  displayZone: z.string(),
  inputZone: z.string(),
  capturedAt: z.iso.datetime().nullable(),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('kube-postmortem'), version: z.string() }),
  generatedAt: z.iso.datetime(),
  title: z.string(),
  cluster: z.string().nullable(),
  settings: ReportSettingsSchema,
  inputs: z.array(
    z.object({
      path: z.string(),
      size: z.number().int().nonnegative(),
      sha256: z.string(),
      format: z.string().nullable(),
      shapes: z.array(z.string()),
      /** Only when the input held more than one thing (a ticket with a table and klog lines): the lines each format read. */
      regions: z.array(InputRegionSchema).optional(),
      encoding: z.string(),
      capturedAt: z.array(IsoSpanSchema),
      capturedAtSource: z.array(CaptureOriginSchema),
      lines: LineAccountingSchema,
    }),
  ),
  unreadable: z.array(z.object({ path: z.string(), reason: z.string() })),
  /** batch: inputs of the group that were read but hold none of this report's evidence, and are not listed (the index lists them). */
  inputsNotListed: z.number().int().positive().optional(),
  events: z.object({
    total: z.number().int().nonnegative(),
    duplicatesMerged: z.number().int().nonnegative(),
    untimed: z.number().int().nonnegative(),
    /** batch only: copies of events no finding needs, counted as read and not merged (so not in `total`). */
    otherCopies: z.number().int().nonnegative().optional(),
  }),
  incidents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      start: IsoSpanSchema,
      end: IsoSpanSchema,
      durationMs: z.object({ shortest: z.number().nonnegative(), longest: z.number().nonnegative() }),
      leaderElectionClusters: z.array(z.string()),
      errorWindows: z.array(z.string()),
      /** Plain sentences: what changed, the impact, and how precise the times are. */
      what: z.string(),
      impact: z.string(),
      precision: z.string(),
    }),
  ),
  leaderElectionClusters: z.array(
    z.object({
      id: z.string(),
      start: IsoSpanSchema,
      end: IsoSpanSchema,
      verdict: z.enum(['control-plane-failover', 'leader-change']),
      because: z.string(),
      hosts: z.array(z.string()),
      regions: z.array(z.string()),
      regionUnknownBecause: z.string().nullable(),
      locks: z.array(
        z.object({
          kind: z.string().nullable(),
          name: z.string().nullable(),
          namespace: z.string().nullable(),
          holder: z.string().nullable(),
          host: z.string().nullable(),
          region: RegionSchema,
          previousHost: z.string().nullable(),
          elections: z.number().int().nonnegative(),
          elected: IsoSpanSchema,
        }),
      ),
      evidence: EvidenceSchema,
    }),
  ),
  errorWindows: z.array(
    z.object({
      id: z.string(),
      start: IsoSpanSchema,
      end: IsoSpanSchema,
      occurrences: z.number().int().positive(),
      reasons: z.array(z.object({ reason: z.string(), count: z.number().int().positive(), share: z.number().min(0).max(1) })),
      namespaces: z.array(z.object({ name: z.string(), count: z.number().int().positive() })),
      objects: z.array(z.object({ name: z.string(), count: z.number().int().positive() })),
      /** What a kubectl retry loop measured, when one ran. */
      outage: z
        .object({
          lastSuccessBefore: IsoSpanSchema.nullable(),
          firstFailure: IsoSpanSchema,
          lastFailure: IsoSpanSchema,
          firstSuccessAfter: IsoSpanSchema.nullable(),
          failedSamples: z.number().int().positive(),
          intervalMs: z.number().nonnegative().nullable(),
          /** The same in one plain sentence. */
          summary: z.string(),
        })
        .nullable(),
      evidence: EvidenceSchema,
    }),
  ),
  supportCase: z
    .object({
      cluster: z.string().nullable(),
      region: z.string().nullable(),
      window: IsoSpanSchema,
      observed: z.string(),
      question: z.string(),
    })
    .nullable(),
  caveats: z.array(z.string()),
  /** --redact: the kinds of values replaced by pseudonyms, and how many distinct values of each. */
  redactions: z.array(z.object({ kind: z.string(), values: z.number().int().positive() })).optional(),
});

export type Report = z.infer<typeof ReportSchema>;

/** The events read, as the introduction of every report counts them. */
export function eventCountsText(report: Report): string {
  const { total, duplicatesMerged, otherCopies } = report.events;
  const merged = duplicatesMerged > 0 ? `, ${duplicatesMerged} duplicate copies merged` : '';
  const other = otherCopies ? `; ${otherCopies} copies of other events counted, not merged` : '';
  return `${total} events${merged}${other}`;
}

/** What a batch report says of the inputs of its group that it does not list. */
export function inputsNotListedText(report: Report): string {
  const count = report.inputsNotListed ?? 0;
  if (count === 0) return '';
  return `${count} other ${count === 1 ? 'input' : 'inputs'} of the group ${count === 1 ? 'was' : 'were'} read and ${count === 1 ? 'holds' : 'hold'} none of this report's evidence; the index of the batch lists every input.`;
}
