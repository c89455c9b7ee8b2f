// Which group (cluster) an input of `batch` belongs to, from where it sits under the argument
// that named it. Pure: the caller says whether that argument is a directory.
import { basename, dirname, relative, resolve, sep } from 'node:path';

export const groupByModes = ['dir', 'file', 'none'] as const;
export type GroupBy = (typeof groupByModes)[number];

/** The one group of `--group-by none`. */
export const singleGroup = 'all';

export interface InputRoot {
  /** The argument as given: a directory or a file. */
  path: string;
  isDirectory: boolean;
}

/**
 * - `dir`: the first directory level below the root (`archive/prod-apne2/2024/…` → `prod-apne2`);
 *   a file directly in the root, or named on its own, goes to a group named after its directory.
 * - `file`: every file is its own group, named by its path below the root.
 * - `none`: one group.
 */
export function groupOf(path: string, root: InputRoot, groupBy: GroupBy): string {
  if (groupBy === 'none') return singleGroup;
  const base = root.isDirectory ? root.path : dirname(root.path);
  const below = relative(base, path).split(sep).filter((part) => part !== '' && part !== '.');
  if (groupBy === 'file') return below.join('/') || basename(path);
  if (below.length >= 2) return below[0]!;
  return basename(resolve(base)) || resolve(base);
}

/** The path below its root, where a date in the name is looked for (the root's own name is not). */
export function pathBelowRoot(path: string, root: InputRoot): string {
  if (!root.isDirectory) return basename(path);
  return relative(root.path, path).split(sep).join('/') || basename(path);
}
