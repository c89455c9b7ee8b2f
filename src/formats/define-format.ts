// An input format: how well a text looks like it (detect) and how to read it (parse).
// Formats see lines of text only; reading files and decoding bytes is `inputs/`'s job.
import type { CaptureAnchor } from '../model/capture-anchor.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { LineClass } from '../model/line-accounting.js';
import type { ParsedRecord } from '../model/record.js';
import type { TimeSpan } from '../model/time-span.js';

export interface ParseContext {
  path: string;
  /** IANA zone of times printed without one (`date` lines). */
  inputZone: string;
  /** --captured-at: when given, every relative age is measured from it. */
  capturedAt: TimeSpan | null;
  /** A date in the file's name (`batch`): after --captured-at, before a `date` line in the text. */
  fileNameCapture?: CaptureAnchor | null;
  /** The capture time when the input names none: the file's mtime, or when stdin was read. */
  fallbackAnchor: CaptureAnchor;
}

export interface ParseResult {
  records: ParsedRecord[];
  /** One class per input line, in order. */
  lineClasses: LineClass[];
  /** The shapes found, in order of first appearance (e.g. `kubectl-get-events`). */
  shapes: string[];
  /** The capture anchors that relative ages were measured from. */
  captures: CaptureAnchor[];
  diagnostics: Diagnostic[];
}

export interface InputFormat {
  id: string;
  title: string;
  /** 0 when the text is not this format; higher is a better match. */
  detect(lines: readonly string[]): number;
  /**
   * A cheap test of one line: could it be this format's? Lines another format left unread are
   * offered to this one only when one of them passes (formats/read-regions.ts).
   */
  startsRegion(line: string): boolean;
  parse(lines: readonly string[], context: ParseContext): ParseResult;
}

export function defineFormat<Format extends InputFormat>(format: Format): Format {
  return format;
}
