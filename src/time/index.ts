// Public surface of the time module: age strings, spans, capture-time lines, old absolute
// times and creation times decoded from event names.
export type { Age, AgeStyle } from './age.js';
export {
  ageStyleEvidence,
  agePattern,
  formatHumanDuration,
  formatShortHumanDuration,
  parseAge,
} from './age.js';
export {
  exactly,
  formatSpan,
  intersectSpans,
  spanBeforeCapture,
  spanOfNanoseconds,
  spanOfSecondFraction,
  spanWidth,
  toIsoSpan,
  toSecond,
  unionSpans,
} from './span.js';
export type { DateLine } from './date-line.js';
export { isValidZone, parseDateLine } from './date-line.js';
export { absoluteTimePattern, parseAbsoluteTime } from './absolute-time.js';
export { eventNameTime } from './event-name-time.js';
export { parseCapturedAt } from './captured-at.js';
export { parseApiTime } from './api-time.js';
export { durationText, withinText } from './duration-text.js';
