// Which age function printed a file's ages, from the strings only one of them can print
// (formats.md §1.2). Used for rows whose header does not date them.
import { ageStyleEvidence, type AgeStyle } from '../../time/index.js';

export function ageStyleOfText(lines: readonly string[]): AgeStyle | null {
  let human = false;
  let short = false;
  for (const line of lines) {
    for (const token of line.split(/\s+/u)) {
      if (token.length > 8 || !/^\d/u.test(token)) continue;
      const evidence = ageStyleEvidence(token);
      human ||= evidence === 'human';
      short ||= evidence === 'short';
    }
  }
  if (human === short) return null;
  return human ? 'human' : 'short';
}
