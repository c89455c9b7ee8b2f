import { z } from 'zod';
import { CaptureAnchorSchema } from './capture-anchor.js';
import { LineAccountingSchema } from './line-accounting.js';

/** How the bytes of an input were turned into text. */
export const TextEncodingSchema = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be']);
export type TextEncoding = z.infer<typeof TextEncodingSchema>;

export const InputRegionSchema = z.object({
  /** First and last line (1-based) the format claimed; lines between may be prose it left. */
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  format: z.string(),
  /** The shapes of the records read in it (`kubectl-get-events`, `klog`, …), in order of first appearance. */
  shapes: z.array(z.string()),
});

export type InputRegion = z.infer<typeof InputRegionSchema>;

/** What an input was, how it was read, and what became of every line of it. */
export const InputSummarySchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  gzip: z.boolean(),
  encoding: TextEncodingSchema,
  crlf: z.boolean(),
  ansi: z.boolean(),
  /** The detected format; null when nothing in it is an event format. */
  format: z.string().nullable(),
  /** The table shapes found in it, in order of first appearance. */
  shapes: z.array(z.string()),
  /** The runs of lines each format read (formats/read-regions.ts), in order. */
  regions: z.array(InputRegionSchema),
  captures: z.array(CaptureAnchorSchema),
  accounting: LineAccountingSchema,
});

export type InputSummary = z.infer<typeof InputSummarySchema>;

/** An input that could not be used at all. */
export const UnreadableInputSchema = z.object({
  path: z.string(),
  reason: z.string(),
});

export type UnreadableInput = z.infer<typeof UnreadableInputSchema>;
