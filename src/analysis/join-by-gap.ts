// Groups things in time: sorted by their earliest possible time, a thing joins the group
// before it when the two can be at most `gap` apart. Spans count at their most favourable:
// two spans that may touch are neighbours.
import type { TimeSpan } from '../model/time-span.js';

export function joinByGap<Item>(items: readonly Item[], spanOf: (item: Item) => TimeSpan, gap: number): Item[][] {
  const sorted = [...items].sort((a, b) => spanOf(a).earliest - spanOf(b).earliest || spanOf(a).latest - spanOf(b).latest);
  const groups: Item[][] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    const span = spanOf(item);
    const group = groups.at(-1);
    if (group && span.earliest - groupEnd <= gap) {
      group.push(item);
      groupEnd = Math.max(groupEnd, span.latest);
    } else {
      groups.push([item]);
      groupEnd = span.latest;
    }
  }
  return groups;
}

/**
 * When a group starts and ends. Each is itself a span: the first of several uncertain
 * moments lies between the earliest of their earliest and the earliest of their latest.
 */
export function startAndEnd(spans: readonly TimeSpan[]): { start: TimeSpan; end: TimeSpan } {
  const start = { earliest: Number.POSITIVE_INFINITY, latest: Number.POSITIVE_INFINITY };
  const end = { earliest: Number.NEGATIVE_INFINITY, latest: Number.NEGATIVE_INFINITY };
  for (const span of spans) {
    start.earliest = Math.min(start.earliest, span.earliest);
    start.latest = Math.min(start.latest, span.latest);
    end.earliest = Math.max(end.earliest, span.earliest);
    end.latest = Math.max(end.latest, span.latest);
  }
  return { start, end };
}
