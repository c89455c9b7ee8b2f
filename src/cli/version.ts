// The tool's version, from its package.json, for reports that say what made them.
import { readFileSync } from 'node:fs';

export const toolVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
