// Where the browser tests find Chromium: CHROMIUM_PATH if set, else `chromium` or
// `chromium-browser` on PATH (Debian and Ubuntu name it differently). Nothing downloads one.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const installHint = 'set CHROMIUM_PATH, or put chromium on PATH (Debian: apt-get install -y --no-install-recommends chromium)';

export type ChromiumLookup = { found: true; path: string } | { found: false; why: string };

export function findChromium(env: Readonly<Record<string, string | undefined>>): ChromiumLookup {
  const given = env.CHROMIUM_PATH;
  if (given) return isExecutable(given) ? { found: true, path: given } : { found: false, why: `CHROMIUM_PATH=${given} is not an executable file` };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const path = join(dir, name);
      if (isExecutable(path)) return { found: true, path };
    }
  }
  return { found: false, why: 'no chromium or chromium-browser on PATH and no CHROMIUM_PATH' };
}

/** CI systems set CI=true (GitHub Actions, GitLab, CircleCI, …); .ci/run does too. */
export const isCi = (env: Readonly<Record<string, string | undefined>>): boolean => ['true', '1'].includes((env.CI ?? '').toLowerCase());

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
