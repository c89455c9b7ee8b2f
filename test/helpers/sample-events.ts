// Random events as a cluster would record them, for property tests of the parsers.
import fc from 'fast-check';
import type { SampleEvent } from './kubectl-printer.js';

/** The capture time the generated ages are measured from. */
export const sampleCapture = Date.parse('2024-06-12T10:48:30Z');
const capture = sampleCapture;
const day = 86_400_000;

const kinds = ['Pod', 'Node', 'Lease', 'ConfigMap', 'ReplicaSet', 'Deployment', 'Endpoints', 'PersistentVolumeClaim'];
const messageWord = fc.stringMatching(/^[\x21-\x7e]{1,10}$|^[가-힣]{1,4}$|^🚀$|^ü[a-z]{1,5}$/u);

export const sampleEvent: fc.Arbitrary<SampleEvent> = fc
  .record({
    namespace: fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/),
    type: fc.constantFrom('Normal', 'Warning'),
    reason: fc.stringMatching(/^[A-Z][A-Za-z]{2,15}$/),
    kind: fc.constantFrom(...kinds),
    objectName: fc.stringMatching(/^[a-z0-9](?:[-a-z0-9.]{0,30}[a-z0-9])?$/),
    fieldPath: fc.option(fc.stringMatching(/^spec\.containers\{[a-z][a-z0-9-]{0,10}\}$/), { nil: null }),
    component: fc.constantFrom('kubelet', 'default-scheduler', 'kube-controller-manager', 'node-controller'),
    host: fc.option(fc.stringMatching(/^ip-10-0-\d{1,3}-\d{1,3}\.us-west-2\.compute\.internal$/), { nil: null }),
    words: fc.array(fc.tuple(messageWord, fc.constantFrom(' ', ' ', '  ')), { maxLength: 10 }),
    count: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 500 })),
    lastAge: fc.integer({ min: 0, max: 9 * day }),
    spread: fc.integer({ min: 0, max: 2 * day }),
    nanos: fc.integer({ min: 0, max: 999_999 }),
  })
  .map(({ words, spread, nanos, ...event }) => {
    const message = words.map(([word, gap]) => word + gap).join('').trim();
    // An event seen once has one time; kubectl events and describe then print one age.
    const firstAge = event.count === 1 ? event.lastAge : event.lastAge + spread;
    const firstNanos = BigInt(capture - firstAge) * 1_000_000n + BigInt(nanos);
    return { ...event, message, firstAge, name: `${event.objectName}.${firstNanos.toString(16)}` };
  });

