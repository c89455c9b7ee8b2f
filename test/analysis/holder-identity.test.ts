import test from 'ava';
import { parseIdentity, readElectionMessage, regionOfHost } from '../../src/analysis/holder-identity.js';

test('identities split into host and instance uuid; a bare host is a host', (t) => {
  t.deepEqual(parseIdentity('ip-10-0-59-113.ap-northeast-2.compute.internal_3e65451d-6010-4ccb-96c1-2e244d767f74'), {
    identity: 'ip-10-0-59-113.ap-northeast-2.compute.internal_3e65451d-6010-4ccb-96c1-2e244d767f74',
    host: 'ip-10-0-59-113.ap-northeast-2.compute.internal',
    instance: '3e65451d-6010-4ccb-96c1-2e244d767f74',
  });
  t.deepEqual(parseIdentity('ip-10-0-59-113.ap-northeast-2.compute.internal'), {
    identity: 'ip-10-0-59-113.ap-northeast-2.compute.internal',
    host: 'ip-10-0-59-113.ap-northeast-2.compute.internal',
    instance: null,
  });
  t.is(parseIdentity('k8s-master-01_e607209c-21a4-11e9-81d8-42010a8a000e').host, 'k8s-master-01');
  t.is(parseIdentity('my_host_not-a-uuid').host, 'my_host_not-a-uuid');
});

test('election messages: became leader and stopped leading', (t) => {
  t.deepEqual(readElectionMessage('kind-control-plane_bfbae46f-5277-442c-aeac-6d1e4a6a9bde stopped leading'), {
    identity: { identity: 'kind-control-plane_bfbae46f-5277-442c-aeac-6d1e4a6a9bde', host: 'kind-control-plane', instance: 'bfbae46f-5277-442c-aeac-6d1e4a6a9bde' },
    action: 'stopped-leading',
  });
  t.is(readElectionMessage('gke-49fe-vm became leader')?.action, 'became-leader');
  t.is(readElectionMessage('Scaled up replica set x to 3'), null);
});

test('regions from EC2 host names, and why GKE and AKS names do not tell', (t) => {
  t.deepEqual(regionOfHost('ip-10-0-96-181.ap-northeast-2.compute.internal'), { kind: 'region', cloud: 'aws', region: 'ap-northeast-2' });
  t.deepEqual(regionOfHost('ip-10-0-1-2.ec2.internal'), { kind: 'region', cloud: 'aws', region: 'us-east-1' });
  t.deepEqual(regionOfHost('ip-10-0-1-2.us-gov-west-1.compute.internal'), { kind: 'region', cloud: 'aws', region: 'us-gov-west-1' });
  t.deepEqual(regionOfHost('ec2-3-4-5-6.eu-west-1.compute.amazonaws.com'), { kind: 'region', cloud: 'aws', region: 'eu-west-1' });
  t.is(regionOfHost('gke-cluster-1-default-pool-81a54c78-gl40').kind, 'unknown');
  t.regex((regionOfHost('aks-nodepool1-12345678-vmss000000') as { reason: string }).reason, /AKS/u);
  t.regex((regionOfHost('control-plane2') as { reason: string }).reason, /does not show/u);
});
