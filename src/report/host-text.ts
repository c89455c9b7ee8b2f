// Host names as reports show them where space is short: an EC2 private DNS name without its
// region suffix, since the region is said once for the whole cluster.
export function shortHost(host: string): string {
  return host.replace(/\.(?:[a-z]{2}(?:-gov)?-[a-z]+-\d\.compute\.internal|ec2\.internal)$/u, '');
}
