// Public face of the inputs stage: bytes on disk or stdin in, decoded and ANSI-free lines out.
export { decodeText, hasAnsi, splitLines, stripAnsi, type DecodedText } from './decode-text.js';
export { eachInput, MEMBER_SEPARATOR, readInputs, readPlainText, readSource, streamPlainText, sha256Hex, STDIN_PATH, type InputOutcome, type PlainText, type ReadOptions, type SourceText } from './read-inputs.js';
