// `kubectl get events` from servers 1.12 and 1.13: LAST SEEN TYPE REASON KIND MESSAGE. The
// object's name is not printed at all (formats.md §2.8): records say so, none is invented.
import { agePattern } from '../../time/index.js';
import {
  columnsOf,
  defineTableShape,
  eventTypePattern,
  isUpperCaseHeader,
  namespacePattern,
} from './define-table-shape.js';
import { layoutOf } from './row.js';

export const kubectlGetEventsV112 = defineTableShape({
  id: 'kubectl-get-events-v1.12',
  title: 'kubectl get events (server 1.12–1.13, KIND column)',
  claimsHeader: (header) => {
    const columns = columnsOf(header);
    return isUpperCaseHeader(header) && columns.includes('kind') && !columns.includes('objectName');
  },
  headerless: [
    {
      layout: layoutOf([
        { column: 'namespace', pattern: namespacePattern, optional: true },
        { column: 'lastSeen', pattern: agePattern },
        { column: 'type', pattern: eventTypePattern },
        { column: 'reason' },
        { column: 'kind', pattern: '[A-Z][A-Za-z0-9]*' },
        { column: 'message', optional: true },
      ]),
    },
  ],
  ageStyle: () => 'human',
  printsRawNewlines: false,
  plainAgeMeansOnce: false,
});
