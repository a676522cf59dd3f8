// One Lighthouse run of a page, reduced to the figures the browser budgets need: Lighthouse's
// default (mobile) configuration, so simulated throttling (Moto G Power, slow 4G, 4 × CPU
// slowdown), the performance, accessibility and best-practices categories only.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import type { Result } from 'lighthouse';

export type PageRun = {
  perf: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's "JavaScript execution time" (bootup-time): script evaluation, parse and compile. */
  bootupMs: number;
  a11y: number;
  bestPractices: number;
  /** The LCP element as Lighthouse names it ("img", "p", …) and its HTML, abridged. */
  lcpElement: { tag: string; snippet: string } | null;
  /** Audits of the accessibility and best-practices categories that did not pass, by id. */
  failing: string[];
  /** Bytes Lighthouse says could be saved: JavaScript never run, and polyfills for older browsers. */
  unusedJsBytes: number;
  legacyJsBytes: number;
  /** Where the boot-up time went: the three costliest scripts (the document's inline ones under its URL). */
  costliestScripts: { url: string; ms: number }[];
  /** What the page logged as errors (errors-in-console), which a best-practices score below 100 often is. */
  consoleErrors: string[];
  finalUrl: string;
};

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

export type Browser = { port: number; stop: () => void };

/** Chromium for Lighthouse: headless, no sandbox (we may be root), no background traffic. */
export async function launchChromium(port: number): Promise<Browser> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    port,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    logLevel: 'error',
  });
  return { port: chrome.port, stop: () => chrome.kill() };
}

/** The first {type: 'node'} item anywhere in an audit's details. */
function firstNode(details: unknown): { nodeLabel?: string; snippet?: string } | null {
  if (details === null || typeof details !== 'object') return null;
  if ('type' in details && details.type === 'node') return details as { snippet?: string };
  for (const value of Object.values(details)) {
    const found = firstNode(value);
    if (found) return found;
  }
  return null;
}

/** The rows of an audit's table, as plain records. */
const itemsOf = (details: unknown): Record<string, unknown>[] =>
  details !== null && typeof details === 'object' && 'items' in details && Array.isArray(details.items) ? (details.items as Record<string, unknown>[]) : [];

const savings = (details: unknown) =>
  details !== null && typeof details === 'object' && 'overallSavingsBytes' in details && typeof details.overallSavingsBytes === 'number' ? details.overallSavingsBytes : 0;

const execFileAsync = promisify(execFile);

export async function runLighthouse(browser: Browser, url: string, cookie?: string): Promise<PageRun> {
  const script = join(import.meta.dirname, 'lighthouse-run.mjs');
  const { stdout } = await execFileAsync(process.execPath, [script, String(browser.port), url, CATEGORIES.join(','), ...(cookie ? [cookie] : [])], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const lhr = JSON.parse(stdout) as Result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id: string) => {
    const found = lhr.audits[id];
    if (!found) throw new Error(`Lighthouse on ${url}: no audit ${id}`);
    return found;
  };
  const numeric = (id: string) => audit(id).numericValue ?? Number.NaN;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = ['accessibility', 'best-practices'].flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a !== undefined && a.score !== null && a.score < 1 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric'))
      .map((a) => a?.id ?? ''),
  );
  const node = firstNode(lhr.audits['largest-contentful-paint-element']?.details);
  const snippet = node?.snippet ?? '';
  return {
    perf: score('performance'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    bootupMs: numeric('bootup-time'),
    a11y: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpElement: node ? { tag: /^<([a-z0-9-]+)/i.exec(snippet)?.[1]?.toLowerCase() ?? '?', snippet: snippet.slice(0, 120) } : null,
    failing,
    unusedJsBytes: savings(lhr.audits['unused-javascript']?.details),
    legacyJsBytes: savings(lhr.audits['legacy-javascript']?.details),
    costliestScripts: itemsOf(lhr.audits['bootup-time']?.details)
      .map((i) => ({ url: String(i.url).replace(/^https?:\/\/[^/]+/, ''), ms: Number(i.total) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3),
    consoleErrors: itemsOf(lhr.audits['errors-in-console']?.details).map((i) => String(i.description).slice(0, 200)),
    finalUrl: lhr.finalDisplayedUrl,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Each figure's median over the runs, taken figure by figure (the LCP's median need not come from
 * the run whose TBT is the median). The LCP element and URL are the median-LCP run's; an audit
 * failing in any run is listed.
 */
export function medianRun(runs: PageRun[]): PageRun {
  const of = (key: 'perf' | 'lcpMs' | 'tbtMs' | 'cls' | 'bootupMs' | 'a11y' | 'bestPractices' | 'unusedJsBytes' | 'legacyJsBytes') => median(runs.map((r) => r[key]));
  const lcpMs = of('lcpMs');
  const typical = [...runs].sort((a, b) => Math.abs(a.lcpMs - lcpMs) - Math.abs(b.lcpMs - lcpMs))[0];
  if (typical === undefined) throw new Error('no Lighthouse runs');
  return {
    perf: of('perf'),
    lcpMs,
    tbtMs: of('tbtMs'),
    cls: of('cls'),
    bootupMs: of('bootupMs'),
    a11y: of('a11y'),
    bestPractices: of('bestPractices'),
    lcpElement: typical.lcpElement,
    failing: [...new Set(runs.flatMap((r) => r.failing))],
    unusedJsBytes: of('unusedJsBytes'),
    legacyJsBytes: of('legacyJsBytes'),
    costliestScripts: typical.costliestScripts,
    consoleErrors: [...new Set(runs.flatMap((r) => r.consoleErrors))],
    finalUrl: typical.finalUrl,
  };
}
