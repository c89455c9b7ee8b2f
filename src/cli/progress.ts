// Progress of a long run on stderr: on a terminal one line rewritten in place (files and bytes
// done, rate, time left); otherwise a plain line every few seconds or files; nothing when quiet.
import { durationText } from '../time/index.js';

export interface ProgressSink {
  write(text: string): void;
  isTerminal: boolean;
}

export interface Progress {
  /** One more file done, of this many bytes. */
  advance(bytes: number): void;
  /** The last word: the line is finished (terminal) or a final plain line is printed. */
  done(): void;
}

export interface ProgressOptions {
  totalFiles: number;
  totalBytes: number;
  quiet: boolean;
  now?: () => number;
  /** Plain mode: a line at least this often (ms) or every `everyFiles` files. */
  everyMs?: number;
  everyFiles?: number;
}

const silent: Progress = { advance: () => {}, done: () => {} };

export function createProgress(sink: ProgressSink, options: ProgressOptions): Progress {
  if (options.quiet) return silent;
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 5000;
  const everyFiles = options.everyFiles ?? 10;
  const started = now();
  let files = 0;
  let bytes = 0;
  let lastPlain = started;
  let filesAtLastPlain = 0;
  let drawn = false;

  const line = (): string => {
    const elapsed = Math.max(1, now() - started);
    const rate = (bytes / elapsed) * 1000;
    const left = rate > 0 ? ((options.totalBytes - bytes) / rate) * 1000 : null;
    const percent = options.totalBytes > 0 ? Math.floor((bytes / options.totalBytes) * 100) : 100;
    const eta = files >= options.totalFiles ? 'done' : left === null ? 'time left unknown' : `${durationText(Math.max(0, Math.round(left)))} left`;
    return `${files}/${options.totalFiles} files, ${byteText(bytes)}/${byteText(options.totalBytes)} (${percent}%), ${byteText(rate)}/s, ${eta}`;
  };

  return {
    advance(size) {
      files += 1;
      bytes += size;
      if (sink.isTerminal) {
        sink.write(`\r${line()}\u001b[K`);
        drawn = true;
        return;
      }
      const time = now();
      if (time - lastPlain >= everyMs || files - filesAtLastPlain >= everyFiles) {
        sink.write(`${line()}\n`);
        lastPlain = time;
        filesAtLastPlain = files;
      }
    },
    done() {
      if (sink.isTerminal) {
        if (drawn) sink.write('\n');
        return;
      }
      if (files !== filesAtLastPlain) sink.write(`${line()}\n`);
    },
  };
}

export function byteText(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
