// The newer client-side `kubectl events`: rows sorted oldest first, kinds as stored
// (`Lease/kube-scheduler`), and LAST SEEN like `24m (x7 over 26m)` (formats.md §3).
import { agePattern } from '../../time/index.js';
import {
  columnsOf,
  defineTableShape,
  eventTypePattern,
  isUpperCaseHeader,
  namespacePattern,
} from './define-table-shape.js';
import { isKubectlEventsRow, isWide } from './get-events.js';
import { layoutOf } from './row.js';

export const kubectlEvents = defineTableShape({
  id: 'kubectl-events',
  title: 'kubectl events',
  // Its header is the default one of `get events`; rows tell the two apart.
  claimsHeader: (header) => {
    const columns = columnsOf(header);
    return isUpperCaseHeader(header) && columns.includes('object') && !isWide(columns);
  },
  claimsRow: isKubectlEventsRow,
  headerless: [
    {
      layout: layoutOf([
        { column: 'namespace', pattern: namespacePattern, optional: true },
        { column: 'lastSeen', pattern: `(?:${agePattern})(?: \\(x\\d+ over (?:${agePattern})\\))?` },
        { column: 'type', pattern: eventTypePattern },
        { column: 'reason' },
        { column: 'object', pattern: '[A-Z][A-Za-z0-9]*/\\S*' },
        { column: 'message', optional: true },
      ]),
    },
  ],
  ageStyle: () => 'human',
  printsRawNewlines: true,
  plainAgeMeansOnce: true,
});
