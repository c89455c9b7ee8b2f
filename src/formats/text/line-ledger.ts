// Every input line ends up as exactly one of: part of a record, header, blank, or skipped
// with a reason. The ledger holds that promise: a line classed twice is a bug, and so is a
// line left unclassed when a parser finishes.
import type { LineAccounting, LineClass, SkipReason } from '../../model/line-accounting.js';

export interface LineLedger {
  classify(index: number, lineClass: LineClass): void;
  skip(index: number, reason: SkipReason, detail?: string): void;
  /**
   * For lines that several pieces share (a compact JSON list holds many items on one line):
   * the line takes the strongest class claimed for it, a record over a skipped item over frame.
   */
  claim(index: number, lineClass: LineClass): void;
  isClassified(index: number): boolean;
  classes(): LineClass[];
}

const claimRank: Record<LineClass['kind'], number> = { blank: 0, structure: 1, header: 2, skipped: 3, record: 4 };

export function createLedger(lineCount: number): LineLedger {
  const classes = new Array<LineClass | undefined>(lineCount);
  const classify = (index: number, lineClass: LineClass): void => {
    if (classes[index] !== undefined) throw new Error(`bug: line ${index + 1} classified twice`);
    classes[index] = lineClass;
  };
  return {
    classify,
    claim: (index, lineClass) => {
      const current = classes[index];
      if (current === undefined || claimRank[lineClass.kind] > claimRank[current.kind]) classes[index] = lineClass;
    },
    isClassified: (index) => classes[index] !== undefined,
    skip: (index, reason, detail) =>
      classify(index, detail === undefined ? { kind: 'skipped', reason } : { kind: 'skipped', reason, detail }),
    classes: () =>
      Array.from(classes, (lineClass, index) => {
        if (lineClass === undefined) throw new Error(`bug: line ${index + 1} was never classified`);
        return lineClass;
      }),
  };
}

export function accountingOf(classes: readonly LineClass[]): LineAccounting {
  const accounting: LineAccounting = {
    total: classes.length,
    record: 0,
    header: 0,
    structure: 0,
    blank: 0,
    skipped: 0,
    skippedByReason: {},
  };
  for (const lineClass of classes) {
    if (lineClass.kind === 'skipped') {
      accounting.skipped += 1;
      accounting.skippedByReason[lineClass.reason] = (accounting.skippedByReason[lineClass.reason] ?? 0) + 1;
    } else {
      accounting[lineClass.kind] += 1;
    }
  }
  return accounting;
}
