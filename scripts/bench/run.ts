// `npm run bench`: a benchmark, not a test. Generates (or reuses) a seeded archive at each scale,
// times `kube-postmortem batch` on it (wall time, peak RSS), checks that every injected incident
// is in the index, and times what a user would do by hand on the same data: jq over the JSON
// part, mawk over the table part. Prints one row per scale and the targets with PASS/FAIL.
//
//   npm run bench -- [--size 1g] [--scales 0.25,0.5,1] [--seed 1] [--warnings 0.1] [--cache DIR]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { archiveDir, ensureArchive, formatSize, parseSize, type BenchManifest } from './generate.js';

const MB = 1024 * 1024;
const projectRoot = resolve(import.meta.dirname, '..', '..');
const cli = join(projectRoot, 'dist', 'cli.js');
const JQ_FILTER = 'select(.reason=="LeaderElection" or .type=="Warning")';
const MAWK_PROGRAM = '/LeaderElection|Warning/';

interface Args {
  size: number;
  scales: number[];
  seed: number;
  /** Share of the events that are background Warnings (0: only the injected bursts). */
  warnings: number;
  cache: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { size: parseSize('1g'), scales: [0.25, 0.5, 1], seed: 1, warnings: 0, cache: join(tmpdir(), 'kube-postmortem-bench') };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => {
      const text = inline ?? argv[++i];
      if (text === undefined) fail(`${flag} needs a value`);
      return text;
    };
    if (flag === '--size') args.size = parseSize(value());
    else if (flag === '--scales') {
      args.scales = value()
        .split(',')
        .map((part) => Number(part.trim()));
      if (args.scales.length === 0 || args.scales.some((scale) => !(scale > 0 && scale <= 1))) fail('--scales: numbers in (0, 1], e.g. 0.25,0.5,1');
      args.scales.sort((a, b) => a - b);
    } else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--warnings') args.warnings = Number(value());
    else if (flag === '--cache') args.cache = resolve(value());
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write('npm run bench -- [--size 1g|256m|64m] [--scales 0.25,0.5,1] [--seed 1] [--warnings 0.1] [--cache DIR]\n');
      process.exit(0);
    } else fail(`unknown argument ${flag}`);
  }
  if (!Number.isInteger(args.seed)) fail('--seed: an integer');
  if (!(args.warnings >= 0 && args.warnings < 1)) fail('--warnings: a share in [0, 1), e.g. 0.1');
  return args;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function requireTool(name: string, path: string, hint: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${path}`], { encoding: 'utf8' });
  if (found.status !== 0) fail(`${name} not found (${path}); ${hint}`);
}

// ---------------------------------------------------------------------------------------------

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Runs a bash pipeline with its file lists on stdin-free NUL lists; returns wall seconds and its stdout. */
function timeShell(script: string, env: Record<string, string>): { seconds: number; stdout: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', `set -euo pipefail\n${script}`], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`pipeline failed (${result.status}): ${script}\n${result.stderr}`);
  return { seconds, stdout: result.stdout.trim() };
}

interface OursResult {
  seconds: number;
  peakRssMb: number;
  exitCode: number;
  index: IndexJson;
}

interface IndexJson {
  groups: { name: string; events: { total: number; otherCopies: number } }[];
  incidents: { group: string; title: string; start: { earliest: string }; end: { latest: string } }[];
  inputs: { lines: { total: number; record: number } }[];
  unreadable: { path: string; reason: string }[];
}

/** `node dist/cli.js batch` under /usr/bin/time -v: wall time from here, peak RSS from time's report. */
async function runOurs(archive: string, out: string, scratch: string): Promise<OursResult> {
  const timeReport = join(scratch, 'time-v.txt');
  const started = process.hrtime.bigint();
  const exitCode = await new Promise<number>((done, reject) => {
    const child = spawn('/usr/bin/time', ['-v', '-o', timeReport, process.execPath, cli, 'batch', archive, '--out', out, '--quiet', '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = readFileSync(timeReport, 'utf8');
  rmSync(timeReport, { force: true });
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(report)?.[1] ?? NaN);
  const indexPath = join(out, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`batch exited ${exitCode} and wrote no index.json\n${report}`);
  return { seconds, peakRssMb: rssKb / 1024, exitCode, index: JSON.parse(readFileSync(indexPath, 'utf8')) as IndexJson };
}

/** Every injected incident must overlap (±2 min) an index incident of its group. */
function checkIncidents(manifest: BenchManifest, index: IndexJson): { found: number; missing: string[]; extra: number } {
  const slack = 2 * 60_000;
  const used = new Set<number>();
  const missing: string[] = [];
  for (const injected of manifest.incidents) {
    const from = Date.parse(injected.start) - slack;
    const to = Date.parse(injected.end) + slack;
    const hit = index.incidents.findIndex((incident) => incident.group === injected.group && Date.parse(incident.start.earliest) <= to && Date.parse(incident.end.latest) >= from);
    if (hit < 0) missing.push(`${injected.group} ${injected.kind} ${injected.start}..${injected.end}`);
    else used.add(hit);
  }
  return { found: manifest.incidents.length - missing.length, missing, extra: index.incidents.length - used.size };
}

interface Row {
  scale: number;
  manifest: BenchManifest;
  ours: OursResult;
  /** batch over the table part alone (the files mawk reads), for the comparison with mawk. */
  oursTables: OursResult;
  check: ReturnType<typeof checkIncidents>;
  jqSeconds: number;
  jqRows: number;
  mawkSeconds: number;
  mawkRows: number;
}

async function benchScale(args: Args, scale: number, cleanups: Set<string>): Promise<Row> {
  const size = Math.round(args.size * scale);
  const spec = { sizeBytes: size, seed: args.seed, warningShare: args.warnings };
  const dir = archiveDir(spec, args.cache);
  process.stderr.write(`\n== scale ${scale} (${formatSize(size)}): archive ${dir}\n`);
  const generating = Date.now();
  const manifest = ensureArchive(dir, spec, (text) => process.stderr.write(text));
  process.stderr.write(`   archive ready in ${((Date.now() - generating) / 1000).toFixed(1)} s: ${manifest.files.total} files, ${(manifest.bytes.uncompressed / MB).toFixed(1)} MB (${(manifest.bytes.onDisk / MB).toFixed(1)} MB on disk)\n`);
  const archive = join(dir, 'archive');

  // The file lists of the two parts, plain and gzipped, as NUL-separated lists for xargs -0.
  const lists = mkdtempSync(join(tmpdir(), 'kpm-bench-lists-'));
  cleanups.add(lists);
  const files = filesUnder(archive);
  const writeList = (name: string, pick: (file: string) => boolean) => {
    const chosen = files.filter(pick);
    writeFileSync(join(lists, name), chosen.map((file) => `${file}\0`).join(''));
    return chosen.length;
  };
  writeList('json', (file) => file.endsWith('.json'));
  writeList('json-gz', (file) => file.endsWith('.json.gz'));
  writeList('ndjson', (file) => file.endsWith('.ndjson'));
  writeList('ndjson-gz', (file) => file.endsWith('.ndjson.gz'));
  writeList('table', (file) => file.endsWith('.txt'));
  writeList('table-gz', (file) => file.endsWith('.txt.gz'));
  const env = { L: lists };

  // Warm the page cache for everyone alike.
  timeShell('xargs -0 cat < "$L/json" > /dev/null; xargs -0 cat < "$L/json-gz" > /dev/null; xargs -0 cat < "$L/ndjson" > /dev/null; xargs -0 cat < "$L/ndjson-gz" > /dev/null; xargs -0 cat < "$L/table" > /dev/null; xargs -0 cat < "$L/table-gz" > /dev/null', env);

  /** `batch` over a tree, into an output folder of its own that is gone afterwards. */
  const batchOver = async (root: string): Promise<OursResult> => {
    const out = mkdtempSync(join(tmpdir(), 'kpm-bench-out-'));
    cleanups.add(out);
    try {
      return await runOurs(root, out, lists);
    } finally {
      rmSync(out, { recursive: true, force: true });
      cleanups.delete(out);
    }
  };
  process.stderr.write('   batch …\n');
  const ours = await batchOver(archive);
  const check = checkIncidents(manifest, ours.index);

  // The table part alone, as a tree of links to the same files (groups and names unchanged).
  const tables = join(lists, 'tables');
  for (const file of files.filter((path) => /\.txt(?:\.gz)?$/u.test(path))) {
    const link = join(tables, relative(archive, file));
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(file, link);
  }
  process.stderr.write('   batch over the table part …\n');
  const oursTables = await batchOver(tables);

  // By hand: jq over the JSON part (the -o json Lists, then the NDJSON), gz through zcat in the same pipeline.
  process.stderr.write('   jq …\n');
  const jq = timeShell(
    [
      `{ xargs -0 -r cat < "$L/json"; xargs -0 -r zcat < "$L/json-gz"; } | jq -c '.items[] | ${JQ_FILTER}' > "$L/jq-lists.out"`,
      `{ xargs -0 -r cat < "$L/ndjson"; xargs -0 -r zcat < "$L/ndjson-gz"; } | jq -c '${JQ_FILTER}' > "$L/jq-ndjson.out"`,
      'cat "$L/jq-lists.out" "$L/jq-ndjson.out" | wc -l',
    ].join('\n'),
    env,
  );
  // By hand: mawk selecting the same rows over the table part.
  process.stderr.write('   mawk …\n');
  const mawk = timeShell(`{ xargs -0 -r cat < "$L/table"; xargs -0 -r zcat < "$L/table-gz"; } | mawk '${MAWK_PROGRAM}' > "$L/mawk.out"\nwc -l < "$L/mawk.out"`, env);
  rmSync(lists, { recursive: true, force: true });
  cleanups.delete(lists);
  return { scale, manifest, ours, oursTables, check, jqSeconds: jq.seconds, jqRows: Number(jq.stdout), mawkSeconds: mawk.seconds, mawkRows: Number(mawk.stdout) };
}

// ---------------------------------------------------------------------------------------------

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function printResults(args: Args, rows: Row[]): boolean {
  const f = (value: number, digits = 1) => value.toFixed(digits);
  const out: string[] = [];
  const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
  out.push('');
  out.push(`kube-postmortem bench: --size ${formatSize(args.size)} --seed ${args.seed}${args.warnings > 0 ? ` --warnings ${args.warnings}` : ''}; node ${process.version}, ${cpus().length} cores (${cpuModel}), jq ${spawnSync('jq', ['--version'], { encoding: 'utf8' }).stdout.trim()}, mawk`);
  out.push('ours = `node dist/cli.js batch <archive> --out <tmp> --quiet --force` (md + html reports and the index), whole run, all files;');
  out.push('ours tables = the same over the table part alone (the files mawk reads);');
  out.push('jq = jq -c over the JSON part only (-o json Lists and NDJSON, zcat for .gz); mawk = mawk over the table part only (zcat for .gz). Warm page cache.');
  out.push('MB = uncompressed MiB of the whole archive (on disk in brackets); JSON/table MB = the part jq/mawk read; events/s = event copies in the archive / our wall time.');
  out.push('');
  out.push(
    table(
      ['scale', 'MB (disk)', 'JSON MB', 'table MB', 'ours s', 'MB/s', 'events/s', 'peak RSS MB', 'jq s', 'mawk s', 'ours/jq', 'ours/mawk', 'tables s', 'tables/mawk', 's/100MB', 'incidents'],
      rows.map((row) => {
        const mb = row.manifest.bytes.uncompressed / MB;
        return [
          String(row.scale),
          `${f(mb)} (${f(row.manifest.bytes.onDisk / MB)})`,
          f(row.manifest.bytes.jsonUncompressed / MB),
          f(row.manifest.bytes.tableUncompressed / MB),
          f(row.ours.seconds, 2),
          f(mb / row.ours.seconds),
          f(row.manifest.eventCopies / row.ours.seconds, 0),
          f(row.ours.peakRssMb, 0),
          f(row.jqSeconds, 2),
          f(row.mawkSeconds, 2),
          f(row.ours.seconds / row.jqSeconds, 2),
          f(row.ours.seconds / row.mawkSeconds, 2),
          f(row.oursTables.seconds, 2),
          f(row.oursTables.seconds / row.mawkSeconds, 2),
          f((row.ours.seconds / mb) * 100, 2),
          `${row.check.found}/${row.manifest.incidents.length}`,
        ];
      }),
    ),
  );
  out.push('');
  for (const row of rows) {
    const signals = row.ours.index.groups.reduce((sum, group) => sum + group.events.total, 0);
    const others = row.ours.index.groups.reduce((sum, group) => sum + group.events.otherCopies, 0);
    out.push(
      `scale ${row.scale}: ${row.manifest.files.total} files (${row.manifest.files.gz} gz), ${row.manifest.eventCopies} event copies, ${row.manifest.uniqueEvents} distinct events generated; in the index ${signals} elections and Warnings after merging and ${others} copies of other events; ` +
        `batch exit ${row.ours.exitCode}, ${row.ours.index.incidents.length} incidents in the index (${row.check.extra} not injected), ${row.ours.index.unreadable.length} unreadable; jq selected ${row.jqRows} items, mawk ${row.mawkRows} rows`,
    );
    for (const missing of row.check.missing) out.push(`  MISSING injected incident: ${missing}`);
    for (const unreadable of row.ours.index.unreadable.slice(0, 5)) out.push(`  unreadable: ${unreadable.path}: ${unreadable.reason}`);
  }

  const full = rows[rows.length - 1]!;
  const perMb = (row: Row) => row.ours.seconds / (row.manifest.bytes.uncompressed / MB);
  // Linear means t = fixed + perMb × MB: a least-squares line through the scales, every scale
  // within 10% of it (a fixed start-up cost alone makes the plain s/MB fall with size).
  const points = rows.map((row) => ({ x: row.manifest.bytes.uncompressed / MB, y: row.ours.seconds }));
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  const slope = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0) / (points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0) || 1);
  const fixed = meanY - slope * meanX;
  const deviations = points.map((p) => (p.y - (fixed + slope * p.x)) / p.y);
  const worst = Math.max(...deviations.map(Math.abs));
  const verdict = (ok: boolean | null) => (ok === null ? 'n/a ' : ok ? 'PASS' : 'FAIL');
  const targets: [string, boolean | null, string][] = [
    ['all injected incidents found (every scale)', rows.every((row) => row.check.missing.length === 0), rows.map((row) => `${row.check.found}/${row.manifest.incidents.length}`).join(', ')],
    ['whole batch ≥ 3× faster than jq over the JSON part (ours/jq ≤ 0.33, largest scale)', full.ours.seconds / full.jqSeconds <= 1 / 3, `ours/jq = ${f(full.ours.seconds / full.jqSeconds, 2)}`],
    ['batch over the table part ≤ 4× mawk over it (tables/mawk ≤ 4, largest scale)', full.oursTables.seconds / full.mawkSeconds <= 4, `tables/mawk = ${f(full.oursTables.seconds / full.mawkSeconds, 2)}`],
    ['whole batch ≤ 4× mawk over the table part alone (ours/mawk ≤ 4, largest scale)', full.ours.seconds / full.mawkSeconds <= 4, `ours/mawk = ${f(full.ours.seconds / full.mawkSeconds, 2)}`],
    [`peak RSS < 512 MB (largest scale, ${f(full.manifest.bytes.uncompressed / MB, 0)} MB archive)`, full.ours.peakRssMb < 512, `${f(full.ours.peakRssMb, 0)} MB`],
    [
      'time linear in size (least-squares line t = fixed + s/MB × MB; every scale within 10% of it)',
      rows.length >= 3 ? worst <= 0.1 : null,
      rows.length < 3
        ? `needs three scales (s/100MB per scale: ${rows.map((row) => f(perMb(row) * 100, 2)).join(', ')})`
        : `fixed ${f(fixed, 1)} s + ${f(slope * 100, 2)} s/100MB, deviations ${deviations.map((d) => `${d >= 0 ? '+' : ''}${f(d * 100, 1)}%`).join(', ')} (s/100MB per scale: ${rows.map((row) => f(perMb(row) * 100, 2)).join(', ')})`,
    ],
  ];
  out.push('');
  out.push('targets:');
  for (const [name, ok, figure] of targets) out.push(`  ${verdict(ok)}  ${name}: ${figure}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return targets.every(([, ok]) => ok !== false);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  requireTool('jq', 'jq', 'install jq (apt-get install jq)');
  requireTool('mawk', 'mawk', 'install mawk (apt-get install mawk)');
  requireTool('zcat', 'zcat', 'install gzip');
  requireTool('GNU time', '/usr/bin/time', 'install time (apt-get install time), used for the peak RSS');
  requireTool('bash', 'bash', 'install bash');
  if (!existsSync(cli)) fail(`${cli} missing; run npm run build first (npm run bench does)`);

  const cleanups = new Set<string>();
  const cleanup = () => {
    for (const path of cleanups) rmSync(path, { recursive: true, force: true });
    cleanups.clear();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      cleanup();
      process.exit(130);
    });
  const rows: Row[] = [];
  try {
    for (const scale of args.scales) rows.push(await benchScale(args, scale, cleanups));
  } finally {
    cleanup();
  }
  const passed = printResults(args, rows);
  process.exitCode = passed ? 0 : 1;
}

await main();
