// Object kinds as the API spells them. `kubectl get events` prints `lower(kind)/name`
// (formats.md §2.3), so the table form of an event must be mapped back to compare it with
// the JSON form of the same event.

const builtInKinds = [
  'APIService', 'CSIDriver', 'CSINode', 'CertificateSigningRequest', 'ClusterRole',
  'ClusterRoleBinding', 'ConfigMap', 'ControllerRevision', 'CronJob', 'CustomResourceDefinition',
  'DaemonSet', 'Deployment', 'EndpointSlice', 'Endpoints', 'Event', 'HorizontalPodAutoscaler',
  'Ingress', 'IngressClass', 'Job', 'Lease', 'LimitRange', 'MutatingWebhookConfiguration',
  'Namespace', 'NetworkPolicy', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod',
  'PodDisruptionBudget', 'PodTemplate', 'PriorityClass', 'ReplicaSet', 'ReplicationController',
  'ResourceQuota', 'Role', 'RoleBinding', 'RuntimeClass', 'Secret', 'Service', 'ServiceAccount',
  'StatefulSet', 'StorageClass', 'ValidatingWebhookConfiguration', 'VolumeAttachment',
] as const;

const kindByLowerCase = new Map<string, string>(builtInKinds.map((kind) => [kind.toLowerCase(), kind]));

/** Objects that live outside namespaces; their events are filed in `default` (§4.1). */
const clusterScopedKinds: ReadonlySet<string> = new Set([
  'APIService', 'CSIDriver', 'CSINode', 'CertificateSigningRequest', 'ClusterRole',
  'ClusterRoleBinding', 'CustomResourceDefinition', 'IngressClass', 'MutatingWebhookConfiguration',
  'Namespace', 'Node', 'PersistentVolume', 'PriorityClass', 'RuntimeClass', 'StorageClass',
  'ValidatingWebhookConfiguration', 'VolumeAttachment',
]);

/** The API spelling of a built-in kind printed in lower case; other kinds as printed. */
export function canonicalKind(printed: string): string {
  return kindByLowerCase.get(printed.toLowerCase()) ?? printed;
}

export function isClusterScoped(kind: string): boolean {
  return clusterScopedKinds.has(kind);
}
