import { z } from 'zod';

/**
 * Why a line was not turned into a record. A closed set, so that every reason has a
 * description (the compiler keeps `skipReasonText` complete) and reports can count them.
 */
export const SkipReasonSchema = z.enum([
  'shell-prompt',
  'date-line',
  'separator',
  'markdown',
  'kubectl-message',
  'log-line',
  'describe-field',
  'other-table',
  'row-fragment',
  'unparsed-row',
  'invalid-item',
  'not-an-event',
  'truncated',
  'invalid-syntax',
  'unconfirmed-wrap',
  'too-long',
  'control-characters',
  'prose',
]);

export type SkipReason = z.infer<typeof SkipReasonSchema>;

export const skipReasonText: Record<SkipReason, string> = {
  'shell-prompt': 'shell prompt or command line',
  'date-line': 'date line (used as the capture time of what follows)',
  separator: 'separator or marker line',
  markdown: 'Markdown fence, heading or quote marker',
  'kubectl-message': 'kubectl status or error message, not an event',
  'log-line': 'log line (klog or similar), not an event table row',
  'describe-field': 'field of `kubectl describe` output above its Events section',
  'other-table': 'part of a table that is not an event table',
  'row-fragment': 'fragment of a table row, too little of it to make an event',
  'unparsed-row': 'looks like an event row but its cells do not fit the table',
  'invalid-item': 'an event object whose fields are not what the API writes',
  'not-an-event': 'a JSON or YAML object that is not an event',
  truncated: 'the dump ends inside this object (cut off)',
  'invalid-syntax': 'not valid JSON or YAML',
  'unconfirmed-wrap': 'may continue a wrapped message, but the wrap cannot be confirmed',
  'too-long': 'line longer than the parser accepts',
  'control-characters': 'binary or control characters',
  prose: 'text that is not part of any table',
};

/**
 * What became of one input line. Every line gets exactly one class. `structure` is the frame
 * of a structured dump: a List's opening lines, brackets, `items:`.
 */
export type LineClass =
  | { kind: 'record' }
  | { kind: 'header' }
  | { kind: 'structure' }
  | { kind: 'blank' }
  | { kind: 'skipped'; reason: SkipReason; detail?: string };

export const LineAccountingSchema = z.object({
  total: z.number().int().nonnegative(),
  record: z.number().int().nonnegative(),
  header: z.number().int().nonnegative(),
  structure: z.number().int().nonnegative(),
  blank: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  skippedByReason: z.partialRecord(SkipReasonSchema, z.number().int().positive()),
});

export type LineAccounting = z.infer<typeof LineAccountingSchema>;
