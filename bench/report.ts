// What the bench prints and records: the machine, a line per scenario as it runs, the results
// table and the targets.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { FirstLoadJs } from './build';
import type { Measurement } from './load';

/** A row of the table and of results.json. */
export type Row = {
  scenario: string;
  server: string;
  database: string;
  result: Measurement;
  /** req/s ÷ the compared scenario's. */
  ratio?: number | undefined;
  /** The compared scenario's CPU per request ÷ this one's: the ratio if each server had a core to itself. */
  cpuRatio?: number | undefined;
};

/** A target as results.json records it; `value` is rounded, `met` was decided on the exact figure. */
export type CheckedTarget = {
  target: string;
  value: number;
  limit: number;
  atLeast: boolean;
  cpu?: number | undefined;
  floor?: number | undefined;
  met: boolean;
};

type Machine = ReturnType<typeof machine>;

export const machine = () => ({
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
});

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const LABEL_WIDTH = 44;

/** What the answers counted as errors said, for loads that tell (" (busy 240, rate-limited 12)"). */
export const showUnexpected = (r: Measurement) => {
  if (r.unexpected === undefined) return '';
  const kinds = Object.entries(r.unexpected).sort(([, a], [, b]) => b - a);
  return ` (${kinds.length === 0 ? 'all answers as expected' : kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')})`;
};

const summary = (r: Measurement) =>
  `${r.reqPerSec.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}${showUnexpected(r)}  cpu ${r.cpuMsPerRequest ?? '?'} ms/req`;

/** The start of a scenario's line, printed before its warm-up. */
export const printScenarioStart = (label: string) => process.stdout.write(`  ${label.padEnd(LABEL_WIDTH)}`);
export const printScenarioResult = (result: Measurement) => console.log(summary(result));
/** What the background load of a "during" scenario achieved, under its line. */
export const printMeanwhile = (what: string, r: Measurement) =>
  console.log(`  ${''.padEnd(LABEL_WIDTH)}(${what} meanwhile: ${r.reqPerSec.toFixed(1)}/s, p50 ${r.p50} ms, errors ${r.errors}${showUnexpected(r)})`);

export const showFirstLoadJs = (page: string, j: FirstLoadJs) =>
  `First-load JavaScript of ${page}: ${j.rawKiB} KiB, ${j.gzipKiB} KiB gzipped (${j.files} files)`;

export function printTable(rows: Row[]) {
  const header = ['scenario', 'server', 'database', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'app/baseline', 'CPU ms/req', 'baseline/app CPU'];
  const lines = rows.map((r) => [
    r.scenario,
    r.server,
    r.database,
    fmt(r.result.reqPerSec),
    String(r.result.p50),
    String(r.result.p99),
    String(r.result.errors),
    r.ratio === undefined ? '' : fmt(r.ratio, 3),
    r.result.cpuMsPerRequest === undefined ? '' : fmt(r.result.cpuMsPerRequest, 2),
    r.cpuRatio === undefined ? '' : fmt(r.cpuRatio, 3),
  ]);
  printMarkdownTable(header, lines, 3);
}

/** A Markdown table, columns from `firstNumeric` on right-aligned (the README copies it as printed). */
export function printMarkdownTable(header: string[], lines: string[][], firstNumeric: number) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const show = (cells: string[]) => `| ${cells.map((c, i) => (i >= firstNumeric ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  console.log(show(header));
  console.log(`|${widths.map((w, i) => (i >= firstNumeric ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const line of lines) console.log(show(line));
}

export function printTargets(targets: CheckedTarget[]) {
  for (const t of targets) {
    const cpu = t.cpu === undefined ? '' : ` (by server CPU per request: ${fmt(t.cpu, 3)})`;
    const floor = t.floor === undefined ? '' : `; framework floor: ${fmt(t.floor, 3)}`;
    console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.target}: ${t.value}${cpu}${floor}`);
  }
}

/** A warning when other work shared the machine during the run. */
export function printLoadNote(before: Machine, after: Machine) {
  const load = after.loadAverage[0];
  if (load !== undefined && load > before.cores) {
    console.log(`\nNote: the load average (${load}) exceeded the core count: other work shared the machine, so the figures are noisy.`);
  }
}

/**
 * Writes `fields` into results.json, keeping what is there under other keys: the server bench
 * (npm run bench) and the browser budgets (npm run bench:browser, under "browser") share the file.
 */
export function mergeResults(file: string, fields: Record<string, unknown>) {
  let existing: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      existing = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      console.log(`${file} was not valid JSON: writing it anew.`);
    }
  }
  writeFileSync(file, `${JSON.stringify({ ...existing, ...fields }, null, 2)}\n`);
}
