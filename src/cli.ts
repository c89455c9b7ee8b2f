#!/usr/bin/env node
// The `kube-postmortem` executable.
import { main } from './cli/main.js';

// `kube-postmortem parse ... | head` closes stdout early: stop quietly, as cat does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
