// The tool's version, from its package.json, for reports that say what made them. Found by
// walking up from this module, which is src/cli/version.ts when run from source and dist/cli.js
// when bundled.
import { readFileSync } from 'node:fs';

function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'kube-postmortem' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here, or not ours: look further up.
    }
    if (dir.pathname === '/') throw new Error('the package.json of kube-postmortem was not found above its code');
  }
}

export const toolVersion: string = packageVersion();
