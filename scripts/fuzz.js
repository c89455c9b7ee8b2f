// `npm run fuzz`: the fuzz suite (test/fuzz/) with a random seed and many more runs than
// `npm test` makes. It prints the seed first: FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npm run fuzz
// replays a run. A failure prints the counterexample; keep it in fixtures/fuzz/ once fixed.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31));
const runs = process.env.FUZZ_RUNS ?? '20';
process.stdout.write(`fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${runs}\n`);
const ava = spawnSync('npx', ['ava', '--timeout=30m', 'test/fuzz/'], { stdio: 'inherit', env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs } });
if (ava.status !== 0) process.stdout.write(`fuzz: failed; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz\n`);
process.exitCode = ava.status ?? 1;
