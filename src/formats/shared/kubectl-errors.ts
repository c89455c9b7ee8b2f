// What kubectl prints when a call fails, and what it means (formats.md §6): the error classes
// a retry loop's samples are counted by.
import type { ErrorClass } from '../../model/probe-record.js';

/** First match wins: more specific texts come before the general ones they contain. */
const classes: readonly [RegExp, ErrorClass][] = [
  [/You must be logged in to the server|\(Unauthorized\)|provide credentials/u, 'unauthorized'],
  [/etcdserver: leader changed/u, 'etcd-leader-changed'],
  [/TLS handshake timeout/u, 'tls-handshake'],
  [/no such host|server misbehaving|lookup \S+ on \S+/u, 'dns'],
  [/was refused - did you specify the right host or port|connect: connection refused/u, 'connection-refused'],
  [/ServiceUnavailable|the server is currently unable to handle the request/u, 'server-unavailable'],
  [/i\/o timeout|context deadline exceeded|Client\.Timeout exceeded|request timed out|\(Timeout\)|timed out waiting/u, 'timeout'],
];

/** Lines kubectl prints when a call failed (not its ordinary output). */
const errorLine = /^\s*(?:error: |Error from server|The connection to the server |Unable to connect to the server|E\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ memcache\.go)/u;

export function isKubectlError(line: string): boolean {
  return errorLine.test(line);
}

export function classifyKubectlError(text: string): ErrorClass {
  return classes.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
}
