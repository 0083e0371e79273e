// npm run bench — builds the app, serves it with synthetic datasets of 1k, 10k and 100k figures,
// and measures in Chromium the first render and the latency of sort, filter and search
// (input to the next paint after the table shows the result), and typing in search key by key (input to
// the next paint). Prints a table; never fails on timings.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { validateDataset } from '../src/data/check';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';
import { bundleStats, serveDist } from './serve';
import { syntheticDataset } from './synthetic';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const TARGETS: Record<number, number> = { 10000: 100, 100000: 300 };
const dist = resolve('dist');
/**
 * Runs `action` in the page and resolves at the first frame after `done` holds, plus one frame for paint.
 * Written as a string: tsx's transpiler adds helpers that do not exist inside the page.
 */
async function timeInteraction(page: Page, action: string, done: string): Promise<number> {
  return page.evaluate(`new Promise((resolveTime, fail) => {
    const t0 = performance.now();
    setTimeout(() => fail(new Error('the page did not show the result within 120 s')), 120000);
    (() => { ${action} })();
    const wait = () => requestAnimationFrame(() => {
      if ((() => { ${done} })()) requestAnimationFrame(() => resolveTime(performance.now() - t0));
      else wait();
    });
    wait();
  })`) as Promise<number>;
}

/**
 * Polls `condition` (an expression) until it holds. Not page.waitForFunction: that evaluates its string with eval
 * inside the page, which the app's Content-Security-Policy refuses; page.evaluate runs outside the policy.
 */
async function waitUntil(page: Page, condition: string, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(condition))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${condition}`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The landing view: when the app has drawn the at-a-glance grid from the served data (the grid prerendered at build
 * time shows the build's own data earlier, so the app's title change marks the moment), and how long the charts
 * take to draw once the reader reaches them (they wait until then).
 */
async function measureCompare(page: Page, url: string) {
  await page.goto(url);
  await waitUntil(
    page,
    `document.title.startsWith('Compare') && document.querySelector('[data-testid=glance-ketamine-onset]') !== null`,
  );
  const grid = (await page.evaluate('performance.now()')) as number;
  const asked = (await page.evaluate(`(() => {
    document.querySelector('.charts-pending')?.scrollIntoView();
    return performance.now();
  })()`)) as number;
  await page.waitForSelector('#chart-evidence [data-record-id]', { timeout: 120_000 });
  const charts = ((await page.evaluate('performance.now()')) as number) - asked;
  return { grid, charts };
}

async function measure(page: Page, url: string) {
  await page.goto(`${url}?view=table`);
  await page.waitForSelector('.evidence-table tbody tr[data-row-id]', { timeout: 120_000 });
  const firstRender = (await page.evaluate('performance.now()')) as number;
  const count = `document.querySelector('[data-testid=result-count]').textContent`;
  const sortBtn = `document.querySelector('th[data-column=value] button')`;
  const aria = `document.querySelector('th[data-column=value]').getAttribute('aria-sort')`;
  const sort: number[] = [];
  const filter: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    // Sort: value column, toggling ascending/descending.
    const before = await page.evaluate(aria);
    sort.push(await timeInteraction(page, `${sortBtn}.click()`, `return ${aria} !== ${JSON.stringify(before)}`));
    // Filter: the "Response" measure checkbox, on then off.
    for (let k = 0; k < 2; k++) {
      const c = await page.evaluate(count);
      filter.push(
        await timeInteraction(
          page,
          `[...document.querySelectorAll('fieldset')].find(f => f.querySelector('legend')?.textContent === 'Measure').querySelector('input').click()`,
          `return ${count} !== ${JSON.stringify(c)}`,
        ),
      );
    }
    // Search: type a word, then clear it.
    for (const q of ['placebo', '']) {
      const c = await page.evaluate(count);
      search.push(
        await timeInteraction(
          page,
          `const el = document.querySelector('input[type=search][placeholder^="e.g."]');
           Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, ${JSON.stringify(q)});
           el.dispatchEvent(new Event('input', { bubbles: true }));`,
          `return ${count} !== ${JSON.stringify(c)}`,
        ),
      );
    }
  }
  // Typing: each key of "placebo" on its own, from the input event to the next frame the page paints
  // (the box must echo the key at once; the deferred filtering may follow). Median and worst key.
  const keys: number[] = [];
  const word = 'placebo';
  const full = await page.evaluate(count);
  for (let i = 0; i < Math.max(1, Math.floor(REPEATS / 2)); i++) {
    for (let k = 1; k <= word.length; k++) {
      keys.push(
        await timeInteraction(
          page,
          `const el = document.querySelector('input[type=search][placeholder^="e.g."]');
           Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, ${JSON.stringify(word.slice(0, k))});
           el.dispatchEvent(new Event('input', { bubbles: true }));`,
          `return document.querySelector('input[type=search][placeholder^="e.g."]').value === ${JSON.stringify(word.slice(0, k))}`,
        ),
      );
    }
    // Let the deferred results catch up, then clear and wait for the full list again.
    await waitUntil(page, `${count} !== ${JSON.stringify(full)}`);
    await page.evaluate(`(() => {
      const el = document.querySelector('input[type=search][placeholder^="e.g."]');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, '');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await waitUntil(page, `${count} === ${JSON.stringify(full)}`);
  }
  return {
    firstRender,
    sort: median(sort),
    filter: median(filter),
    search: median(search),
    keystroke: median(keys),
    keystrokeMax: Math.max(...keys),
  };
}

function bundleReport() {
  const assets = join(dist, 'assets');
  const { files: rows, firstView } = bundleStats(dist);
  console.log('\nBundle (dist/assets)');
  console.log('| file | raw kB | gzip kB |\n| --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.file} | ${(r.raw / 1024).toFixed(1)} | ${(r.gzip / 1024).toFixed(1)} |`);
  const js = rows.filter((r) => r.file.endsWith('.js')).reduce((a, r) => a + r.gzip, 0);
  console.log(`| **all JavaScript** | | **${(js / 1024).toFixed(1)}** |`);
  // What the first view needs (firstView): the scripts index.html loads or preloads. Chart code must not be among them.
  const kb = (files: (typeof rows)[number][]) => (files.reduce((a, r) => a + r.gzip, 0) / 1024).toFixed(1);
  const first = rows.filter((r) => firstView.has(r.file));
  // Chart code: the Compare charts chunk and what it imports that the first view (entry, React DOM, the app and
  // everything they import) does not already have.
  const importsOf = (file: string) =>
    [...readFileSync(join(assets, file), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const closure = (start: string[]) => {
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      importsOf(f).forEach(visit);
    };
    start.forEach(visit);
    return seen;
  };
  const firstViewAll = closure(rows.map((r) => r.file).filter((f) => firstView.has(f) || /^(app|client)-/.test(f)));
  const chartsFile = rows.find((r) => r.file.startsWith('compare-charts'))?.file;
  const chartSet = new Set(chartsFile ? [...closure([chartsFile])].filter((f) => !firstViewAll.has(f)) : []);
  const charts = rows.filter((r) => chartSet.has(r.file));
  console.log(
    `\nJavaScript named by index.html (the rest of the first view loads once the page has painted; npm run bench:load lists every script it requests): ${kb(first)} kB gzip (${first.map((r) => r.file).join(', ')})`,
  );
  console.log(
    `Chart chunk (loaded when the reader reaches the charts): ${kb(charts)} kB gzip (${charts.map((r) => r.file).join(', ')})`,
  );
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) execSync('npx vite build', { stdio: 'ignore' });
  bundleReport();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const results: {
    size: number;
    grid: number;
    charts: number;
    firstRender: number;
    sort: number;
    filter: number;
    search: number;
    keystroke: number;
    keystrokeMax: number;
  }[] = [];
  for (const size of SIZES) {
    const data = syntheticDataset(size);
    const check = validateDataset(data);
    if (!check.ok)
      throw new Error(`synthetic dataset of ${size} is invalid: ${JSON.stringify(check.issues.slice(0, 3))}`);
    const files = Object.fromEntries(Object.entries(data).map(([k, v]) => [`${k}.json`, JSON.stringify(v)]));
    // The production headers (CSP included), uncompressed: gzipping a 100k-figure dataset would be timed too.
    const { close, url } = await serveDist({ root: dist, gzip: false, data: files });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      // The table first, on a fresh page, so the charts' work cannot weigh on its numbers.
      const table = await measure(page, url);
      const compare = await measureCompare(page, url);
      results.push({ size, ...compare, ...table });
    } finally {
      await page.close();
      await close();
    }
  }
  await browser.close();
  console.log(
    `\nInteraction latency, median of ${REPEATS} runs (ms, input to next paint; Chromium headless, ${process.platform})`,
  );
  console.log(
    '| figures | Compare grid shown | Compare charts drawn, once reached | table first render | sort | filter | search (results shown) | typing, per key (median / worst) | target per interaction |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const target = TARGETS[r.size];
    console.log(
      `| ${r.size.toLocaleString('en')} | ${r.grid.toFixed(0)} | ${r.charts.toFixed(0)} | ${r.firstRender.toFixed(0)} | ${r.sort.toFixed(0)} | ${r.filter.toFixed(0)} | ${r.search.toFixed(0)} | ${r.keystroke.toFixed(0)} / ${r.keystrokeMax.toFixed(0)} | ${target ? `≤ ${target}` : '—'} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
