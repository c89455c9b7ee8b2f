// The tool's version, for `--version` and for reports that say what made them. package.json is
// the one place it is written: esbuild inlines this import into dist/cli.js, so the bundle knows
// its version wherever it is copied or installed, and tsx reads the file when run from source.
import manifest from '../../package.json' with { type: 'json' };

export const toolVersion: string = manifest.version;
