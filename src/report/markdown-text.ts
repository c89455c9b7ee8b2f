// Input strings in Markdown: a message written by whoever runs pods must not become a link,
// an image, HTML, emphasis, or a broken table. The characters that open Markdown constructs
// are backslash-escaped (CommonMark allows it for any ASCII punctuation), line breaks become
// spaces, and what GFM links by itself (URLs, www., e-mail addresses) is broken with a
// zero-width non-joiner.
const opensMarkdown = /[\\`*_{}[\]()<>#|~!&]/gu;
const zeroWidthNonJoiner = '\u200c';

export function markdownText(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/gu, ' ')
    .replace(opensMarkdown, (character) => `\\${character}`)
    .replace(/^([+\-=:.])/u, '\\$1')
    .replace(/(https?|ftp|mailto|www)/giu, (scheme) => `${scheme[0]}${zeroWidthNonJoiner}${scheme.slice(1)}`)
    .replace(/@/gu, `@${zeroWidthNonJoiner}`);
}

/** A code block whose fence cannot be closed by the content: longer than any backtick run in it. */
export function codeBlock(lines: readonly string[], language = 'text'): string {
  const longestRun = Math.max(2, ...lines.map((line) => Math.max(0, ...(line.match(/`+/gu) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(longestRun + 1);
  return [`${fence}${language}`, ...lines.map((line) => line.replace(/[\r\n]/gu, ' ')), fence].join('\n');
}

/** A GFM table; every cell is already Markdown (escaped by the caller where it is input text). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
