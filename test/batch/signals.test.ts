// What batch keeps of an input (signals.ts, parse-file.ts): elections, Warnings, probes and
// election or error logs whole; other events and logs counted and dropped.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { packEvidence, parseFile, unpackEvidence } from '../../src/batch/parse-file.js';
import { filterSignals, isSignal } from '../../src/batch/signals.js';
import { watchNote } from '../../src/formats/tables/table-scan.js';
import type { EventRecord } from '../../src/model/event-record.js';
import type { EvidenceIndex } from '../../src/model/evidence.js';
import type { LogRecord } from '../../src/model/log-record.js';
import type { ProbeRecord } from '../../src/model/probe-record.js';

const at = { earliest: 1_000, latest: 2_000 };
const source = (line: number) => ({ path: 'dump.txt', line, format: 'test' });

function event(line: number, fields: Partial<EventRecord>): EventRecord {
  return {
    kind: 'event', namespace: 'default', type: 'Normal', reason: 'Pulled', object: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: null },
    message: `message ${line}`, component: 'kubelet', host: 'node-1', count: 1, firstSeen: at, lastSeen: at, uid: null, name: null,
    cluster: null, capture: null, notes: [], source: source(line), ...fields,
  };
}
const probe = (line: number, ok: boolean): ProbeRecord => ({ kind: 'probe', at, ok, errorClass: ok ? null : 'timeout', error: ok ? null : 'i/o timeout', notes: [], source: source(line) });
function log(line: number, fields: Partial<LogRecord>): LogRecord {
  return { kind: 'log', at, severity: 'info', component: 'kube-scheduler', message: 'hello', leaderElection: null, notes: [], source: source(line), ...fields };
}

test('elections, Warnings, events of unknown type, every probe, and election or error logs are kept', (t) => {
  t.true(isSignal(event(1, { reason: 'LeaderElection' })));
  t.true(isSignal(event(2, { type: 'Warning', reason: 'BackOff' })));
  t.true(isSignal(event(3, { type: null })));
  t.false(isSignal(event(4, {})));
  t.true(isSignal(probe(5, true)));
  t.true(isSignal(probe(6, false)));
  t.true(isSignal(log(7, { severity: 'error' })));
  t.true(isSignal(log(8, { severity: 'fatal' })));
  t.true(isSignal(log(9, { leaderElection: { action: 'acquired', lock: { namespace: 'kube-system', name: 'kube-scheduler' } } })));
  t.false(isSignal(log(10, { severity: 'warning' })));
  t.false(isSignal(log(11, {})));
});

test('the rest is counted as copies, not merged: untimed copies and a watch are said', (t) => {
  const records = [
    event(1, { reason: 'LeaderElection' }),
    event(2, { name: 'web-1.a', uid: 'u1' }),
    log(3, {}),
    probe(4, true),
    event(5, { name: 'web-1.a', uid: 'u1', count: 2 }),
    event(6, { type: 'Warning' }),
    event(7, { firstSeen: null, lastSeen: null }),
  ];
  const { kept, other, counts } = filterSignals(records);
  t.deepEqual(kept.map((record) => record.source.line), [1, 4, 6]);
  t.deepEqual(counts, { events: 5, droppedLogs: 1 });
  t.deepEqual(other, { copies: 3, untimed: 1, watch: false });
  t.true(filterSignals([event(1, { notes: [watchNote] })]).other.watch);
  t.false(filterSignals([event(1, { type: 'Warning', notes: [watchNote] })]).other.watch, 'a kept event says it itself');
});

test('an input of only Normal events keeps no records but counts them, and keeps no evidence', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-signals-'));
  const path = join(dir, 'normal.txt');
  writeFileSync(
    path,
    [
      'NAMESPACE   LAST SEEN   TYPE     REASON      OBJECT          MESSAGE',
      'default     2m          Normal   Pulled      pod/web-1       Container image "nginx" already present on machine',
      'default     2m          Normal   Created     pod/web-1       Created container nginx',
      'default     1m          Normal   Started     pod/web-1       Started container nginx',
      '',
    ].join('\n'),
  );
  const [outcome] = await parseFile({ path, pathBelowRoot: 'normal.txt', capturedAt: null, inputZone: 'UTC' });
  if (!outcome?.ok) return t.fail('the input should be readable');
  t.is(outcome.records.length, 0);
  t.deepEqual(outcome.other, { copies: 3, untimed: 0, watch: false });
  t.deepEqual(outcome.counts, { events: 3, droppedLogs: 0 });
  t.is(outcome.evidence.keys.length, 0);
  t.is(outcome.summary.format !== null, true);
});

test('evidence packs and unpacks to the same index', (t) => {
  const entries: [string, { path: string; line: number; text: string }[]][] = [
    ['a.json:4', [{ path: 'a.json', line: 4, text: '{' }, { path: 'a.json', line: 7, text: '"reason": "BackOff",' }]],
    ['b.txt:2', [{ path: 'b.txt', line: 2, text: 'default 2m Warning BackOff pod/x …' }]],
    ['c.txt:9', []],
  ];
  const index: EvidenceIndex = new Map();
  unpackEvidence(structuredClone(packEvidence(entries)), index);
  t.deepEqual([...index], entries);
});
