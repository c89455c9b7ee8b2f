// A terminal wraps long rows at its width, so the pieces of a wrapped row are exactly that
// wide. The width is only trusted when at least two lines reach it and none goes beyond.
const minimumTerminalWidth = 60;

export function wrapWidthOf(lines: readonly string[]): number | null {
  let widest = 0;
  let atWidest = 0;
  for (const line of lines) {
    const width = codePointLength(line);
    if (width > widest) {
      widest = width;
      atWidest = 1;
    } else if (width === widest) {
      atWidest += 1;
    }
  }
  return widest >= minimumTerminalWidth && atWidest >= 2 ? widest : null;
}

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}
