// `kubectl get events` before server 1.12: LASTSEEN FIRSTSEEN COUNT NAME KIND SUBOBJECT TYPE
// REASON SOURCE MESSAGE with ShortHumanDuration ages (1.2–1.11), and 2015's FIRSTSEEN LASTSEEN
// ... with absolute dates and no TYPE (formats.md §2.8). NAME is the object's name here.
import { columnsOf, defineTableShape, eventTypePattern, isUpperCaseHeader } from './define-table-shape.js';
import { layoutOf } from './row.js';

export const kubectlGetEventsLegacy = defineTableShape({
  id: 'kubectl-get-events-legacy',
  title: 'kubectl get events (before server 1.12)',
  claimsHeader: (header) => isUpperCaseHeader(header) && columnsOf(header).includes('objectName'),
  headerless: [
    {
      layout: layoutOf([
        { column: 'lastSeen' },
        { column: 'firstSeen' },
        { column: 'count' },
        { column: 'objectName' },
        { column: 'kind', pattern: '[A-Z][A-Za-z0-9]*' },
        { column: 'subobject', pattern: '\\S*\\{[^}\\s]*\\}', optional: true },
        { column: 'type', pattern: eventTypePattern },
        { column: 'reason' },
        { column: 'source' },
        { column: 'message', optional: true },
      ]),
    },
  ],
  ageStyle: () => 'short',
  printsRawNewlines: false,
  plainAgeMeansOnce: false,
});
