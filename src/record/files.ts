// What the recorder leaves in its directory: `probes.ndjson`, one JSON line per sample, rotated by
// size to `probes.1.ndjson` (the newest full one), `probes.2.ndjson` and so on, none deleted; and
// one `events-<capture time>.json` per events capture. Writes are synchronous and whole lines
// at a time, so a stop at any moment leaves no half line behind.
import { appendFileSync, existsSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const probesFile = 'probes.ndjson';

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    // Missing, or unreadable: the first append says what is wrong.
    return 0;
  }
}

const rotatedName = (n: number): string => `probes.${n}.ndjson`;
const rotatedPattern = /^probes\.(\d+)\.ndjson$/u;

export class ProbeLog {
  private size: number;
  /** Names of the files this run wrote or rotated into, for the summary. */
  readonly written = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
  ) {
    // A second run into the same directory carries on where the first stopped.
    this.size = sizeOf(this.path);
  }

  private get path(): string {
    return join(this.dir, probesFile);
  }

  /** Appends one line (without its newline); rotates first when it would not fit. */
  append(line: string): void {
    const bytes = Buffer.byteLength(line, 'utf8') + 1;
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    appendFileSync(this.path, `${line}\n`);
    this.size += bytes;
    this.written.add(probesFile);
  }

  /** probes.N → probes.N+1 from the highest N down, then probes.ndjson → probes.1.ndjson. */
  private rotate(): void {
    const numbers = readdirSync(this.dir)
      .map((name) => rotatedPattern.exec(name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => b - a);
    for (const n of numbers) {
      renameSync(join(this.dir, rotatedName(n)), join(this.dir, rotatedName(n + 1)));
      if (this.written.delete(rotatedName(n))) this.written.add(rotatedName(n + 1));
    }
    renameSync(this.path, join(this.dir, rotatedName(1)));
    this.written.add(rotatedName(1));
    this.size = 0;
  }
}

/** `events-20241105T050102Z.json`: the capture's start in UTC, to the second. */
export function eventsFileName(at: number, attempt = 0): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/gu, '').replace(/\.\d+Z$/u, 'Z');
  return `events-${stamp}${attempt > 0 ? `-${attempt + 1}` : ''}.json`;
}

/**
 * Writes a capture under a name no other file has, through a temporary name so that a stop in
 * the middle leaves no half dump under the final name. Returns the name used.
 */
export function writeEventsFile(dir: string, at: number, contents: Buffer): string {
  let attempt = 0;
  while (existsSync(join(dir, eventsFileName(at, attempt)))) attempt += 1;
  const name = eventsFileName(at, attempt);
  const partial = join(dir, `${name}.partial`);
  writeFileSync(partial, contents);
  renameSync(partial, join(dir, name));
  return name;
}
