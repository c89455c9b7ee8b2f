// Builds dist/: the CLI and its batch worker, each bundled into one ES module with the libraries
// it uses. One file loads in a fraction of the time of a hundred modules and their packages'
// (`kube-postmortem --version` 0.40 s -> 0.20 s here), and every command and every worker
// thread of `batch` pays that at start. Types are checked by `npm run typecheck`, not here.
// The libraries it bundles are devDependencies: the installed package needs none of them.
// No source maps: they were two thirds of the package, and nothing reads them (Node ignores them
// without --enable-source-maps); the bundle is not minified, so its stack traces are readable,
// and `tsx src/cli.ts` gives source lines when debugging.
// npm runs this as `prepare` too: before `npm pack` and `npm publish`, and when it installs the
// package from git, where it runs no `prepack`; so a packed or git-installed package has dist/.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', 'parse-worker': 'src/batch/parse-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Some dependencies are CommonJS and call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as kubePostmortemRequire } from 'node:module'; const require = kubePostmortemRequire(import.meta.url);" },
  logLevel: 'warning',
});
