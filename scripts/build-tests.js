// Compiles src/, test/ and the TypeScript of scripts/ into .build/ for `npm test`: one JavaScript
// file per TypeScript file, same tree, inline source maps, nothing bundled. AVA runs the compiled
// tests (@ava/typescript maps test/x.test.ts to .build/test/x.test.js), so a test file starts in
// a worker thread without a TypeScript loader: the suite takes half the CPU time it took under
// tsx. Types are checked by `npm run typecheck`, not here.
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const typescriptIn = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(dir, path));

rmSync('.build', { recursive: true, force: true });
await build({
  entryPoints: ['src', 'test', 'scripts'].flatMap(typescriptIn),
  outdir: '.build',
  outbase: '.',
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: 'inline',
  logLevel: 'warning',
});
// src/cli/version.ts imports ../../package.json, which from .build/src/cli/ is this copy.
copyFileSync('package.json', '.build/package.json');
