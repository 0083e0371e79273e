// npm run bench:load — builds the app (unless BENCH_SKIP_BUILD), serves dist/ gzip-compressed with the production
// headers (public/_headers, CSP included) on 127.0.0.1, and runs Lighthouse in Chromium three times with its
// default configuration: a mobile phone (emulated screen and CPU slowdown) on simulated slow 4G. Prints the median
// scores and load metrics beside their targets, the gzip size of every JS and CSS chunk, and the same Lighthouse's
// numbers for a one-paragraph reference page (the machine's floor; BENCH_REFERENCE=0 skips it). Never fails on
// numbers: exit 1 only when the build, the server or Lighthouse itself fails.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { bundleStats, serveDist } from './serve';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// BENCH_REFERENCE=0 skips the reference page (see referencePage).
const REFERENCE = process.env.BENCH_REFERENCE !== '0';
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const dist = resolve('dist');

type Run = {
  scores: Record<(typeof CATEGORIES)[number], number>;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  /** Audits in the three categories that did not pass, as `id (score)`. */
  failing: string[];
  /** What the page logged as errors (errors-in-console), which costs best practices. */
  consoleErrors: string[];
  /** The JavaScript files the page requested during the run (file names under assets/), workers included. */
  scripts: string[];
  /** The element Lighthouse found to be the largest paint (its CSS selector). */
  lcpElement: string;
  /** Where the (simulated) main-thread time went: the longest tasks and the top kinds of work. */
  mainThread: string;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * One Lighthouse run, run again once if Lighthouse itself fails (it sometimes misses the trace's navigation start,
 * NO_NAVSTART, on this machine); a second failure stops the benchmark.
 */
async function lighthouseRunRetried(url: string): Promise<Run> {
  try {
    return await lighthouseRun(url);
  } catch (error) {
    console.log(`\nLighthouse failed (${error instanceof Error ? error.message : String(error)}); running it again`);
    return lighthouseRun(url);
  }
}

async function lighthouseRun(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    // BENCH_SAVE=file keeps the last run's full report, for a closer look at what the summary leaves out.
    if (process.env.BENCH_SAVE) writeFileSync(process.env.BENCH_SAVE, JSON.stringify(lhr));
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse reported no ${id}`);
      return value;
    };
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => {
        const score = lhr.categories[c]?.score;
        if (score === null || score === undefined) throw new Error(`Lighthouse gave no ${c} score`);
        return [c, score];
      }),
    ) as Run['scores'];
    const failing = CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1)
        .map((a) => `${a!.id} (${a!.score})`),
    );
    const details = lhr.audits['errors-in-console']?.details;
    const consoleErrors =
      details?.type === 'table'
        ? details.items.map((item) =>
            `${String(item.source)}: ${String(item.description)} ${String(item.sourceLocation && typeof item.sourceLocation === 'object' && 'url' in item.sourceLocation ? item.sourceLocation.url : '')}`.trim(),
          )
        : [];
    const longTasks = lhr.audits['long-tasks']?.details;
    const longest =
      longTasks?.type === 'table'
        ? longTasks.items
            .slice(0, 3)
            .map((t) => `${Number(t.duration).toFixed(0)} ms (${String(t.url).split('/').pop() || 'document'})`)
        : [];
    const breakdown = lhr.audits['mainthread-work-breakdown']?.details;
    const kinds =
      breakdown?.type === 'table'
        ? breakdown.items.slice(0, 2).map((k) => `${String(k.groupLabel)} ${(Number(k.duration) / 1000).toFixed(1)} s`)
        : [];
    // Which element was the largest paint, as Lighthouse saw it.
    const lcpDetails = lhr.audits['largest-contentful-paint-element']?.details;
    const lcpTable = lcpDetails?.type === 'list' ? lcpDetails.items[0] : lcpDetails;
    const lcpNode =
      lcpTable && 'type' in lcpTable && lcpTable.type === 'table'
        ? (lcpTable.items[0]?.node as { selector?: string } | undefined)
        : undefined;
    const requests = lhr.audits['network-requests']?.details;
    const scripts =
      requests?.type === 'table'
        ? requests.items
            .map((item) => String(item.url))
            .filter((url) => /\/assets\/[^/]+\.js$/.test(url))
            .map((url) => url.split('/').pop()!)
        : [];
    return {
      scores,
      consoleErrors,
      scripts,
      lcpElement: lcpNode?.selector ?? 'unknown',
      mainThread: `longest tasks ${longest.join(', ') || 'none'}; ${kinds.join(', ')}`,
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      si: audit('speed-index'),
      failing,
    };
  } finally {
    chrome.kill();
  }
}

/**
 * Every chunk's size, and which the first view loaded: the scripts the page actually requested during the
 * Lighthouse runs (entry, React, the app, the validation worker), not a guess from index.html.
 */
function printBundle(loaded: ReadonlySet<string>) {
  const { files, firstViewCss } = bundleStats(dist);
  files.sort((a, b) => b.gzip - a.gzip);
  console.log('\nChunks (dist/assets, gzip level 9)');
  console.log('| file | raw KiB | gzip KiB | first view |\n| --- | ---: | ---: | :---: |');
  for (const f of files) {
    const first = loaded.has(f.file) || firstViewCss.has(f.file);
    console.log(`| ${f.file} | ${kib(f.raw)} | ${kib(f.gzip)} | ${first ? 'yes' : ''} |`);
  }
  const js = files.filter((f) => f.file.endsWith('.js'));
  const first = js.filter((f) => loaded.has(f.file));
  const firstBytes = first.reduce((a, f) => a + f.gzip, 0);
  console.log(
    `| all JavaScript | ${kib(js.reduce((a, f) => a + f.raw, 0))} | ${kib(js.reduce((a, f) => a + f.gzip, 0))} | |`,
  );
  return { firstBytes, firstFiles: first.map((f) => f.file) };
}

/**
 * A page with one heading and one paragraph, no stylesheet and no script, served the same way (same server,
 * headers and gzip). What Lighthouse reports for it is this machine's floor: the browser's own work on any
 * page (setting up the document and its script context, the first layout) counts as blocking time under the
 * simulated 4× slowdown too. Its runs alternate with the app's, so both meet the same load.
 */
function referencePage() {
  const root = mkdtempSync(join(os.tmpdir(), 'bench-reference-'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Reference</title><meta name="description" content="One paragraph, for comparison."></head>' +
      '<body><main><h1>Reference page</h1><p>One paragraph of text and nothing else.</p></main></body></html>',
  );
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) execSync('npx vite build', { stdio: 'ignore' });
  const { url, close } = await serveDist({ root: dist, gzip: true });
  const reference = REFERENCE ? referencePage() : undefined;
  // The reference page gets the site's headers (public/_headers) too.
  const referenceServer = reference ? await serveDist({ root: reference.root, gzip: true }) : undefined;
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
  const loadBefore = load();
  const runs: Run[] = [];
  const referenceRuns: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      if (referenceServer) {
        const ref = await lighthouseRunRetried(referenceServer.url);
        referenceRuns.push(ref);
        console.log(
          `\nreference ${i + 1}: performance ${ref.scores.performance}, FCP ${ref.fcp.toFixed(0)} ms, LCP ${ref.lcp.toFixed(0)} ms, TBT ${ref.tbt.toFixed(0)} ms; main thread: ${ref.mainThread}`,
        );
      }
      const run = await lighthouseRunRetried(url);
      runs.push(run);
      console.log(
        `\nrun ${i + 1}: performance ${run.scores.performance}, accessibility ${run.scores.accessibility}, best practices ${run.scores['best-practices']}, FCP ${run.fcp.toFixed(0)} ms, LCP ${run.lcp.toFixed(0)} ms, TBT ${run.tbt.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}` +
          `\n  largest paint: ${run.lcpElement}; main thread: ${run.mainThread}` +
          (run.failing.length ? `\n  audits below 1: ${run.failing.join(', ')}` : '') +
          run.consoleErrors.map((e) => `\n  console error: ${e}`).join(''),
      );
    }
  } finally {
    await close();
    await referenceServer?.close();
    reference?.remove();
  }
  const bundle = printBundle(new Set(runs.flatMap((r) => r.scripts)));
  const m = (f: (r: Run) => number) => median(runs.map(f));
  const row = (name: string, value: string, target: string, met: boolean) =>
    console.log(`| ${name} | ${value} | ${target} | ${met ? 'yes' : '**no**'} |`);
  console.log(
    `\nLighthouse ${RUNS} runs, median (default config: mobile emulation, simulated slow 4G and 4× CPU slowdown; Chromium ${CHROME_PATH}, gzip, production headers)`,
  );
  console.log(`load average (1 / 5 / 15 min) before: ${loadBefore}, after: ${load()}; ${os.cpus().length} cores`);
  console.log('| metric | median | target | met |\n| --- | ---: | ---: | :---: |');
  const perf = m((r) => r.scores.performance);
  const a11y = m((r) => r.scores.accessibility);
  const bp = m((r) => r.scores['best-practices']);
  const lcp = m((r) => r.lcp);
  const tbt = m((r) => r.tbt);
  const cls = m((r) => r.cls);
  row('performance', perf.toFixed(2), '≥ 0.98', perf >= 0.98);
  row('accessibility', a11y.toFixed(2), '1.00', a11y >= 1);
  row('best practices', bp.toFixed(2), '1.00', bp >= 1);
  row('FCP', `${(m((r) => r.fcp) / 1000).toFixed(2)} s`, '—', true);
  row('LCP', `${(lcp / 1000).toFixed(2)} s`, '≤ 1.5 s', lcp <= 1500);
  row('TBT', `${tbt.toFixed(0)} ms`, '≤ 100 ms', tbt <= 100);
  row('CLS', cls.toFixed(3), '—', true);
  row('first-view JavaScript (gzip)', `${kib(bundle.firstBytes)} KiB`, '≤ 140 KiB', bundle.firstBytes <= 140 * 1024);
  console.log(`first-view scripts: ${bundle.firstFiles.join(', ')}`);
  console.log(`app TBT per run: ${runs.map((x) => x.tbt.toFixed(0)).join(', ')} ms`);
  if (referenceRuns.length) {
    const r = (f: (x: Run) => number) => referenceRuns.map(f);
    const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
    console.log(
      `\nReference page (one heading, one paragraph, no CSS or JS), same Lighthouse, runs alternating with the app's:`,
    );
    console.log('| metric | median | runs |\n| --- | ---: | ---: |');
    console.log(
      `| performance | ${median(r((x) => x.scores.performance)).toFixed(2)} | ${r((x) => x.scores.performance).join(', ')} |`,
    );
    console.log(`| TBT | ${median(r((x) => x.tbt)).toFixed(0)} ms | ${range(r((x) => x.tbt))} ms |`);
    console.log(`| LCP | ${(median(r((x) => x.lcp)) / 1000).toFixed(2)} s | ${range(r((x) => x.lcp))} ms |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
