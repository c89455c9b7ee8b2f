// Every table shape kubectl has printed events in. Order breaks ties between shapes that
// read a row equally well: the current shape first, then this order.
import { kubectlDescribeEvents } from './describe-events.js';
import { kubectlEvents } from './events.js';
import { kubectlGetEvents } from './get-events.js';
import { kubectlGetEventsLegacy } from './get-events-legacy.js';
import { kubectlGetEventsV112 } from './get-events-v1-12.js';

export const tableShapes = [
  kubectlGetEvents,
  kubectlEvents,
  kubectlGetEventsV112,
  kubectlGetEventsLegacy,
  kubectlDescribeEvents,
] as const;

export type TableShapeId = (typeof tableShapes)[number]['id'];
