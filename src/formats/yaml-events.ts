// `kubectl get events -o yaml`: a List with `items`, or documents separated by `---` (a
// `-w -o yaml` capture, or objects saved one by one). Read with the `yaml` package; the line
// range of every item comes from its source offsets.
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { defineFormat, type ParseContext, type ParseResult } from './define-format.js';
import { claimLines, classifyText, finishScan, readItem, skipLines, startScan, type StructuredScan } from './json/structured-scan.js';
import { lineKind } from './text/line-kinds.js';

export const yamlEvents = defineFormat({
  id: 'yaml-events',
  title: 'Kubernetes events as YAML (kubectl get events -o yaml)',
  detect(lines) {
    const sample = lines.slice(0, 400).filter((line) => !isFraming(line) && line.trim() !== '' && !line.trimStart().startsWith('#'));
    const first = sample[0] ?? '';
    if (!/^(?:---|apiVersion:|items:|kind:|metadata:|- apiVersion:|- involvedObject:|involvedObject:|regarding:)/u.test(first)) return 0;
    const eventish = sample.some((line) => /^\s*(?:- )?(?:involvedObject|regarding):/u.test(line));
    return eventish ? 0.9 : 0;
  },
  startsRegion: (line) => /^\s*(?:- )?(?:involvedObject|regarding):/u.test(line),
  parse: parseYaml,
});

const shapeId = 'kubectl-get-events-yaml';

/** Prompts and Markdown fences around a pasted dump; the YAML parser must not see them. */
function isFraming(line: string): boolean {
  const kind = lineKind(line, 'UTC');
  return kind.kind === 'skipped' && (kind.reason === 'shell-prompt' || kind.reason === 'markdown') && !line.startsWith('#');
}

function parseYaml(lines: readonly string[], context: ParseContext): ParseResult {
  const scan = startScan(lines, context);
  const framing = lines.map(isFraming);
  framing.forEach((isFrame, index) => isFrame && classifyText(scan, index));
  const lineCounter = new LineCounter();
  const text = lines.map((line, index) => (framing[index] ? '' : line)).join('\n');
  const lineOf = (offset: number) => lineCounter.linePos(Math.max(0, offset)).line - 1;
  for (const document of parseAllDocuments(text, { lineCounter, uniqueKeys: false })) {
    readDocument(scan, document, lineOf);
  }
  lines.forEach((line, index) => {
    if (framing[index]) return;
    if (line.trim() === '') scan.ledger.claim(index, { kind: 'blank' });
    else scan.ledger.claim(index, { kind: 'structure' });
  });
  return finishScan(scan);
}

function readDocument(scan: StructuredScan, document: Document.Parsed, lineOf: (offset: number) => number): void {
  const [start, , end] = document.range;
  const first = lineOf(start);
  const last = lineOf(end - 1);
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    skipLines(scan, first, last, 'invalid-syntax', `not valid YAML: ${error.message.split('\n')[0]}`, 'was the dump cut off or edited by hand?');
    return;
  }
  const contents = document.contents;
  if (contents === null) return;
  const items = isMap(contents) ? contents.get('items', true) : contents;
  if (isSeq(items)) {
    claimLines(scan, first, last, { kind: 'structure' });
    for (const item of items.items) readNode(scan, item as Node, lineOf);
    return;
  }
  readNode(scan, contents, lineOf);
}

function readNode(scan: StructuredScan, node: Node, lineOf: (offset: number) => number): void {
  const [start, , end] = node.range ?? [0, 0, 0];
  readItem(scan, node.toJSON(), lineOf(start), lineOf(Math.max(start, end - 1)), shapeId);
}
