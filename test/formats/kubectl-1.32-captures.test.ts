// Real kubectl 1.32.4 output (fixtures/kubectl-1.32/, made against scripts/kubectl-stub):
// each table form of the same thirteen events agrees with their `-o json` form.
import { resolve } from 'node:path';
import test from 'ava';
import type { EventRecord } from '../../src/model/event-record.js';
import {
  assertSameEvent,
  findRecord,
  getEventsLastSeen,
  holdsTime,
  jsonEvents,
  kubectlEventsTimes,
  type Printed,
} from '../helpers/json-oracle.js';
import { watchNote } from '../../src/formats/tables/table-scan.js';
import { fixture, parseText, skippedLines, withEvents } from '../helpers/parse-text.js';

const capturedAt = '2024-06-12T10:48:30Z';
const json = jsonEvents('kubectl-1.32/get-events-A-o-json.json');
const parse = (name: string) => parseText(fixture(`kubectl-1.32/${name}`), { capturedAt, path: name });

const getEvents: Printed = { namespace: true, fieldPath: false, source: false, cutsNewlines: true };

// kubectl events ran on the same events plus one with a multi-line message (see the README).
const tables: [string, Printed, 'get' | 'events', number][] = [
  ['get-events-A.txt', getEvents, 'get', 0],
  ['get-events-A-no-headers.txt', getEvents, 'get', 0],
  ['get-events-A-sort-by-creation.txt', getEvents, 'get', 0],
  ['get-events-A-o-wide.txt', { namespace: true, fieldPath: true, source: true, cutsNewlines: true }, 'get', 0],
  ['kubectl-events-A.txt', { namespace: true, fieldPath: false, source: false, cutsNewlines: false }, 'events', 1],
];

for (const [name, printed, command, extra] of tables) {
  test(`${name}: every event of the JSON, and nothing else, with spans holding its times`, (t) => {
    const { records, accounting } = parse(name);
    t.is(accounting.skipped, 0);
    t.is(records.length, json.length + extra);
    for (const event of json) {
      const record = findRecord(records, event);
      if (!record) {
        t.fail(`no record for ${event.metadata.name}`);
        continue;
      }
      assertSameEvent(t, record, event, printed);
      if (command === 'get') {
        t.true(holdsTime(record.lastSeen, getEventsLastSeen(event)), `${event.metadata.name} LAST SEEN`);
      } else {
        const { first, last } = kubectlEventsTimes(event);
        t.true(holdsTime(record.firstSeen, first), `${event.metadata.name} first`);
        t.true(holdsTime(record.lastSeen, last), `${event.metadata.name} last`);
        t.is(record.count, event.series?.count ?? event.count ?? 1);
      }
    }
  });
}

test('get-events-n-kube-system.txt: no NAMESPACE column, so the namespace is not invented', (t) => {
  const { records } = parse('get-events-n-kube-system.txt');
  const kubeSystem = json.filter((event) => event.metadata.namespace === 'kube-system');
  t.is(records.length, kubeSystem.length);
  t.true(records.every((record) => record.namespace === null));
});

test('get-events-A-w.txt: two appended watch runs; rows that outgrow the header; repeats kept', (t) => {
  const { records, accounting, classes } = parse('get-events-A-w.txt');
  t.deepEqual(accounting, { total: 33, record: 31, header: 2, structure: 0, blank: 0, skipped: 0, skippedByReason: {} });
  t.deepEqual(skippedLines(classes), {});
  const sandbox = records.filter((record) => record.reason === 'FailedCreatePodSandBox');
  t.is(sandbox.length, 3, 'ADDED and MODIFIED in run 1, listed in run 2');
  t.true(sandbox.every((record) => record.object.name === 'storefront-6d4f8b7c9-p8r5t'));
  const unhealthy = records.filter((record) => record.reason === 'Unhealthy');
  t.is(unhealthy.length, 4, 'each appearance of the updated event is a record');
});

test('get-events-A-w-output-watch-events.txt: the EVENT column', (t) => {
  const { records, accounting } = parse('get-events-A-w-output-watch-events.txt');
  t.is(accounting.skipped, 0);
  t.is(records.length, 16);
  t.true(records.every((record) => record.notes.some((note) => /^watch event (ADDED|MODIFIED|DELETED)$/u.test(note))));
  t.true(records.every((record) => record.notes.includes(watchNote)));
  t.true(records.some((record) => record.notes.includes('watch event MODIFIED')));
});

test('multi-line and tabbed messages in get events: cut at the newline, tab shifts kept as text', (t) => {
  const byReason = (records: EventRecord[], reason: string) => records.find((record) => record.reason === reason)!;
  const plain = parse('get-events-multiline-message.txt').records;
  t.is(byReason(plain, 'Completed').message, 'line one...');
  t.is(byReason(plain, 'Pulled').message, '^[[32mimage pulled^[[0m in 1.2s', 'ESC printed as ^[ stays message text');
  const wide = parse('get-events-multiline-message-o-wide.txt');
  t.is(wide.accounting.skipped, 0);
  const tabbed = byReason(wide.records, 'Unhealthy');
  t.regex(tabbed.message, /^Liveness probe failed: status\s+degraded$/u);
  t.is(tabbed.count, 1);
  t.is(tabbed.name, 'ledger-0.17d83be6bb993080');
});

test('kubectl-events-A.txt: a message printed over three more lines stays one record', (t) => {
  const { records, accounting } = parse('kubectl-events-A.txt');
  const mount = records.find((record) => record.reason === 'FailedMount')!;
  t.is(mount.message.split('\n').length, 4);
  t.regex(mount.message, /\nOutput: mount\.nfs: Connection timed out$/u);
  t.is(mount.count, 4);
  t.is(accounting.record, 17);
});

test('kubectl-events-A-w.txt: rows flushed one by one, columns growing', (t) => {
  const { records, accounting } = parse('kubectl-events-A-w.txt');
  t.is(accounting.skipped, 0);
  t.true(records.length >= 13);
  t.true(records.every((record) => record.source.format === 'kubectl-events'));
});

test('describe-pod.txt: the Events section belongs to the pod described above it', (t) => {
  const { records, accounting } = parse('describe-pod.txt');
  t.deepEqual(records.map((record) => [record.reason, record.count]), [['NodeNotReady', 1], ['Unhealthy', 7]]);
  for (const record of records) {
    t.deepEqual(record.object, { kind: null, name: 'coredns-5b8cc885bc-7xk2p', namespace: 'kube-system', fieldPath: null });
  }
  t.is(accounting.header, 3);
  t.deepEqual(Object.keys(accounting.skippedByReason), ['describe-field']);
});

test('every structured capture gives the events of `get events -A -o json`, field for field', async (t) => {
  const { readInputs } = await import('../../src/inputs/index.js');
  const { parseSource } = await import('../../src/pipeline.js');
  const dir = resolve('fixtures/kubectl-1.32');
  const outcomes = await readInputs([dir]);
  const read = (name: string) => {
    const outcome = outcomes.find((candidate) => candidate.ok && candidate.source.path.endsWith(`/${name}`));
    if (!outcome?.ok) throw new Error(`no ${name}`);
    return withEvents(parseSource(outcome.source, { capturedAt: null, inputZone: 'UTC' }));
  };
  const essence = ({ source, notes, ...record }: EventRecord) => record;
  const byName = (records: EventRecord[]) => [...records].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const truth = byName(read('get-events-A-o-json.json').records).map(essence);
  t.is(truth.length, 13);
  for (const name of ['get-events-A-o-yaml.yaml', 'kubectl-events-A-o-json.json', 'kubectl-events-A-o-yaml.yaml', 'get-events-events.k8s.io-A-o-json.json']) {
    const input = read(name);
    t.is(input.summary.accounting.skipped, 0, name);
    t.deepEqual(byName(input.records).map(essence), truth, name);
  }
  // The watches list the thirteen, then deliver MODIFIED, ADDED, MODIFIED.
  for (const name of ['get-events-A-w-o-json.stream', 'get-events-A-w-o-json-output-watch-events.ndjson', 'get-events-A-w-o-yaml.stream']) {
    const { records, summary } = read(name);
    t.is(records.length, 16, name);
    t.is(summary.accounting.skipped, 0, name);
    t.deepEqual(records.slice(13).map((record) => record.reason), ['Unhealthy', 'FailedCreatePodSandBox', 'FailedCreatePodSandBox'], name);
    t.deepEqual(records.slice(13).map((record) => record.count), [8, 1, 2], name);
  }
  const cut = read('get-events-A-o-json-cut.stream');
  t.is(cut.records.length, 2);
  t.deepEqual(cut.summary.accounting.skippedByReason, { truncated: 16 });
  t.like(cut.diagnostics[0], { code: 'truncated', line: 63 });
});
