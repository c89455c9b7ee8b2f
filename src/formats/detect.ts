// Picks the format of an input: every format scores the text, the best score wins, and ties
// go to the one listed first in the registry.
import type { InputFormat } from './define-format.js';
import { inputFormats } from './index.js';

export function detectFormat(lines: readonly string[]): InputFormat | null {
  let best: { format: InputFormat; score: number } | null = null;
  for (const format of inputFormats) {
    const score = format.detect(lines);
    if (score > 0 && (!best || score > best.score)) best = { format, score };
  }
  return best?.format ?? null;
}

/** Reads text no format recognises, so that its lines are still accounted for. */
export const fallbackFormat: InputFormat = inputFormats[0];
