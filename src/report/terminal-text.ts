// Text from the inputs goes to a terminal: control characters (an escape sequence in an event
// message) must never reach it. They are shown as visible escapes instead; line breaks stay.
export function terminalSafe(text: string): string {
  return text.replace(/\t/gu, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, (character) => {
    const code = character.charCodeAt(0);
    return code === 0x1b ? '^[' : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

export interface Styles {
  bold(text: string): string;
  red(text: string): string;
  dim(text: string): string;
}

export const plainStyles: Styles = { bold: (text) => text, red: (text) => text, dim: (text) => text };

export const ansiStyles: Styles = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  red: (text) => `\u001b[31m${text}\u001b[39m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};

/**
 * Wraps text to `width` columns at spaces, and breaks words longer than that after a `/`, `-`
 * or `.` where it can (lock names, host names, paths), so that nothing is cut off.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, width))
    .join('\n');
}

function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ').flatMap((token) => breakWord(token, width))) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > width) {
    const head = rest.slice(0, width);
    const at = Math.max(head.lastIndexOf('/'), head.lastIndexOf('-'), head.lastIndexOf('.'), head.lastIndexOf('_'));
    const cut = at > width / 3 ? at + 1 : width;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...pieces, rest];
}
