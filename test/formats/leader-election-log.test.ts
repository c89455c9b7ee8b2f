// Leader-election log lines in every client-go wording (formats.md §5.4), and the event lines
// the event broadcaster logs to klog (§5.1).
import test from 'ava';
import { readKlogEventLine, readKlogPairs, readLeaderElectionLine } from '../../src/formats/shared/leader-election-log.js';

const lock = (namespace: string | null, name: string) => ({ namespace, name });

test('attempting: ≤1.19 two spaces, 1.20–1.34 one space, ≥1.35 structured, ≤1.7 without a name', (t) => {
  t.deepEqual(readLeaderElectionLine('attempting to acquire leader lease  kube-system/kube-scheduler...'), {
    action: 'attempting',
    lock: lock('kube-system', 'kube-scheduler'),
  });
  t.deepEqual(readLeaderElectionLine('attempting to acquire leader lease kube-system/kube-controller-manager...'), {
    action: 'attempting',
    lock: lock('kube-system', 'kube-controller-manager'),
  });
  t.deepEqual(readLeaderElectionLine('"Attempting to acquire leader lease..." lock="kube-system/cloud-controller-manager"'), {
    action: 'attempting',
    lock: lock('kube-system', 'cloud-controller-manager'),
  });
  t.deepEqual(readLeaderElectionLine('attempting to acquire leader lease...'), { action: 'attempting', lock: null });
  // A lock name with dots (controller-runtime, sample 023) keeps them; only the final "..." goes.
  t.deepEqual(readLeaderElectionLine('attempting to acquire leader lease  music-system/9f9c4fd4.example.io...'), {
    action: 'attempting',
    lock: lock('music-system', '9f9c4fd4.example.io'),
  });
});

test('acquired: successfully, the old typo sucessfully, and the structured form', (t) => {
  const expected = { action: 'acquired', lock: lock('kube-system', 'kube-controller-manager') };
  t.deepEqual(readLeaderElectionLine('successfully acquired lease kube-system/kube-controller-manager'), expected);
  t.deepEqual(readLeaderElectionLine('sucessfully acquired lease kube-system/kube-controller-manager'), expected);
  t.deepEqual(readLeaderElectionLine('"Successfully acquired lease" lock="kube-system/kube-controller-manager"'), expected);
});

test('renew failed: every error text, the structured form, and names as the user typed them', (t) => {
  t.deepEqual(readLeaderElectionLine('failed to renew lease kube-system/kube-scheduler: timed out waiting for the condition'), {
    action: 'renew-failed',
    lock: lock('kube-system', 'kube-scheduler'),
  });
  t.deepEqual(readLeaderElectionLine('failed to renew lease kube-system/kube-controller-manager: context deadline exceeded'), {
    action: 'renew-failed',
    lock: lock('kube-system', 'kube-controller-manager'),
  });
  t.deepEqual(readLeaderElectionLine('"Failed to renew lease" lock="kube-system/kube-scheduler" err="context deadline exceeded"'), {
    action: 'renew-failed',
    lock: lock('kube-system', 'kube-scheduler'),
  });
  // Sample 034: a 1.13 scheduler, capitalised by the user who pasted it.
  t.deepEqual(readLeaderElectionLine('failed to renew lease Kube-system/Kube-scheduler: failed to tryAcquireOrRenew context deadline exceeded'), {
    action: 'renew-failed',
    lock: lock('Kube-system', 'Kube-scheduler'),
  });
});

test('lost: leaderelection lost, "Leaderelection lost", lost lease and lost master name no lock', (t) => {
  for (const message of ['leaderelection lost', '"Leaderelection lost"', 'lost lease', 'lost master', '"leaderelection lost"']) {
    t.deepEqual(readLeaderElectionLine(message), { action: 'lost', lock: null }, message);
  }
});

test('a whole klog line is read past its header', (t) => {
  t.deepEqual(readLeaderElectionLine('I0302 05:06:48.260875       1 leaderelection.go:188] sucessfully acquired lease kube-system/kube-controller-manager'), {
    action: 'acquired',
    lock: lock('kube-system', 'kube-controller-manager'),
  });
  t.deepEqual(readLeaderElectionLine('F0612 10:21:53.902687      10 controllermanager.go:294] leaderelection lost'), { action: 'lost', lock: null });
});

test('standby and error chatter is not an election step', (t) => {
  for (const message of [
    'lock is held by utv-kube03 and has not yet expired',
    'lock is held by kube-controller-manager-2039395169-p5rh5 and has not yet expired',
    'failed to acquire lease kube-system/kube-scheduler',
    '"Lease is held and has not yet expired"',
    'error retrieving resource lock kube-system/kube-scheduler: Get "https://10.0.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler": net/http: TLS handshake timeout',
    '"error retrieving resource lock" err="context deadline exceeded" lock="kube-system/kube-scheduler"',
    'Failed to update lock: Put "https://172.16.0.1:443/apis/coordination.k8s.io/v1/namespaces/kubewarden/leases/a4ddbf36.kubewarden.io": context deadline exceeded',
    'Failed to update lock optimitically: context deadline exceeded, falling back to slow path',
    '"Failed to update lease optimistically, falling back to slow path"',
    'Failed to release lock: resource name may not be empty',
    '"Failed to release lease"',
    '"Event occurred" object="kube-system/kube-scheduler" kind="Lease" type="Normal" reason="LeaderElection" message="x became leader"',
    'Started "cronjob"',
    '',
  ]) {
    t.is(readLeaderElectionLine(message), null, message);
  }
});

test('the structured event line: object, kind, type, reason and message', (t) => {
  t.deepEqual(
    readKlogEventLine(
      '"Event occurred" object="kube-system/kube-controller-manager" fieldPath="" kind="Lease" apiVersion="coordination.k8s.io/v1" type="Normal" reason="LeaderElection" message="ip-10-0-142-31.us-west-2.compute.internal_1f0c1c8e-7d2a-4b6e-9c3f-8a5d2e1b4c70 became leader"',
    ),
    {
      kind: 'Lease',
      namespace: 'kube-system',
      name: 'kube-controller-manager',
      type: 'Normal',
      reason: 'LeaderElection',
      message: 'ip-10-0-142-31.us-west-2.compute.internal_1f0c1c8e-7d2a-4b6e-9c3f-8a5d2e1b4c70 became leader',
    },
  );
  // A cluster-scoped object has no namespace; quotes inside the message are Go-escaped.
  t.deepEqual(
    readKlogEventLine(
      'I0901 00:25:09.300000       1 event.go:291] "Event occurred" object="minikube" kind="Node" apiVersion="v1" type="Normal" reason="NodeNotReady" message="Node minikube status is now: \\"NodeNotReady\\""',
    ),
    { kind: 'Node', namespace: null, name: 'minikube', type: 'Normal', reason: 'NodeNotReady', message: 'Node minikube status is now: "NodeNotReady"' },
  );
});

test('the old Event(v1.ObjectReference{…}) line, as 1.13 and (api.) 1.5 print it', (t) => {
  t.deepEqual(
    readKlogEventLine(
      'Event(v1.ObjectReference{Kind:"Endpoints", Namespace:"kube-system", Name:"kube-controller-manager", UID:"5e7f0b7c-5a4e-11e9-9e2c-0242ac110002", APIVersion:"v1", ResourceVersion:"1523", FieldPath:""}): type: \'Normal\' reason: \'LeaderElection\' master_1c3d6e3f-5a4e-11e9-a5d7-0242ac110002 became leader',
    ),
    {
      kind: 'Endpoints',
      namespace: 'kube-system',
      name: 'kube-controller-manager',
      type: 'Normal',
      reason: 'LeaderElection',
      message: 'master_1c3d6e3f-5a4e-11e9-a5d7-0242ac110002 became leader',
    },
  );
  const old = readKlogEventLine(
    'I0302 05:06:48.268460       1 event.go:217] Event(api.ObjectReference{Kind:"Node", Namespace:"", Name:"node-1", UID:"node-1", APIVersion:"", ResourceVersion:"", FieldPath:""}): type: \'Normal\' reason: \'RegisteredNode\' Node node-1 event: Registered Node node-1 in Controller',
  );
  t.like(old, { kind: 'Node', namespace: null, name: 'node-1', reason: 'RegisteredNode' });
});

test('other messages are not event lines', (t) => {
  t.is(readKlogEventLine('successfully acquired lease kube-system/kube-scheduler'), null);
  t.is(readKlogEventLine('"Starting controller" name="cronjob"'), null);
});

test('klog key=value pairs: quoted, escaped, bare, and cut off', (t) => {
  t.deepEqual(readKlogPairs(' lock="kube-system/kube-scheduler" err="Get \\"https://x\\": EOF" count=3 empty=""'), {
    lock: 'kube-system/kube-scheduler',
    err: 'Get "https://x": EOF',
    count: '3',
    empty: '',
  });
  t.deepEqual(readKlogPairs(' kind="Lease" message="green-m4_3c8f3404-f0c0-4789-8610-342'), { kind: 'Lease', message: 'green-m4_3c8f3404-f0c0-4789-8610-342' });
});
