import { readFileSync } from 'node:fs';
import { COMPARE_HEADING, expect, reachCharts, replaceDataFile, test } from './fixtures';

const CHARTS = [
  'How fast it works and how long it lasts',
  'How many improve, beside the control arm',
  'Side effects, beside the placebo arm',
  'Dropping out for any reason',
  'How much evidence',
];

test('the bare address opens Compare: the grid at a glance, then the five charts', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle('Compare · PTSD Treatment Evidence');
  await expect(page.locator('main h2').first()).toHaveText(COMPARE_HEADING);
  await expect(page.getByTestId('glance-ketamine-onset')).toContainText('24 hours');
  await expect(page.getByTestId('glance-ketamine-side-effects')).toContainText('Not a PTSD population');
  await reachCharts(page);
  for (const title of CHARTS) await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await expect(page.locator('#chart-improve [data-record-id]').first()).toBeVisible();
});

test('the charts wait for the reader: no chart code until they come near, then all five; Tab reaches them', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('./');
  await expect(page.getByTestId('glance-ketamine-onset')).toContainText('24 hours');
  const pending = page.locator('.charts-pending');
  await expect(pending).toContainText('Five charts follow');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((url) => /compare-charts/.test(url))).toEqual([]);
  await expect(page.locator('.recharts-wrapper, [id^="chart-"]')).toHaveCount(0);
  // Tab into the view (a grid link): the charts draw before focus can pass them.
  await page.getByTestId('glance-ketamine-onset').getByRole('link').focus();
  await expect(page.locator('#chart-time [data-record-id]').first()).toBeAttached();
  expect(scripts.some((url) => /compare-charts/.test(url))).toBe(true);
  for (const title of CHARTS) await expect(page.getByRole('heading', { level: 3, name: title })).toBeAttached();
  // A phone reader scrolling down gets them the same way; the button draws them at once.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Show the charts' }).click();
  await expect(page.locator('#chart-time [data-record-id]').first()).toBeVisible();
});

test('the landing view is in the page before any script runs, and the page adopts it rather than redrawing', async ({
  page,
  browser,
}) => {
  // Without JavaScript: the grid's answers are there, from the same data.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const bare = await noScript.newPage();
  await bare.goto('./');
  await expect(bare.getByTestId('glance-ketamine-onset')).toContainText('24 hours');
  await expect(bare.locator('#root')).toHaveAttribute('data-prerendered', /.+/);
  await noScript.close();

  // With JavaScript: the very nodes painted from the HTML stay (hydrated), and nothing is reported as redrawn.
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  const warnings: string[] = [];
  page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && warnings.push(m.text()));
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { paintedGrid: Element | null }).paintedGrid = document.querySelector('table.glance');
    });
  });
  await page.goto('./');
  // The app is running once it has set the view's title.
  await expect(page).toHaveTitle('Compare · PTSD Treatment Evidence');
  expect(
    await page.evaluate(() => {
      const painted = (window as unknown as { paintedGrid: Element | null }).paintedGrid;
      return painted !== null && painted === document.querySelector('table.glance');
    }),
  ).toBe(true);
  // Interactive in place: a grid link opens the table without loading a new page.
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await page.getByTestId('glance-ketamine-onset').getByRole('link').click();
  await expect(page).toHaveURL(/view=table/);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  expect(warnings.filter((w) => /redrawn|hydrat|Minified React error/i.test(w))).toEqual([]);
  // The dataset was fetched and checked in the worker; the page never loaded the validator, nor the files itself
  // (the page's own resource timeline has the scripts but no data file).
  expect(scripts.some((url) => /check\.worker-/.test(url))).toBe(true);
  expect(scripts.filter((url) => /check-texts-/.test(url))).toEqual([]);
  const pageResources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(pageResources.some((url) => /\/assets\/app-[^/]+\.js$/.test(url))).toBe(true);
  expect(pageResources.filter((url) => /\/data\/[a-z]+\.json/.test(url))).toEqual([]);
});

test('on the landing view nothing else is requested until the prerendered page is on screen', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle('Compare · PTSD Treatment Evidence');
  const { fcp, firstLater } = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    // Everything but what index.html names (stylesheet, entry script and the runtime it imports) and the icon,
    // which the browser fetches on its own.
    const later = performance
      .getEntriesByType('resource')
      .filter((e) => !/\/(assets\/(index-[^/]+\.(css|js)|rolldown-runtime-[^/]+\.js)|favicon\.png)$/.test(e.name));
    return { fcp: paint?.startTime ?? null, firstLater: Math.min(...later.map((e) => e.startTime)) };
  });
  expect(fcp).not.toBeNull();
  expect(firstLater).toBeGreaterThanOrEqual(fcp!);
});

test('the landing view sets its text in one family, three sizes and two weights (and the wide title)', async ({
  page,
}) => {
  // Each face the browser meets first costs a font lookup inside the first layout, the longest task of the load.
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto('./');
    await expect(page.getByTestId('glance-ketamine-onset')).toContainText('24 hours');
    const faces = await page.evaluate(() => {
      const seen = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !node.textContent?.trim() || !el.checkVisibility()) continue;
        const s = getComputedStyle(el);
        seen.add(`${s.fontSize} ${s.fontWeight} ${s.fontStyle} ${s.fontFamily}`);
      }
      return [...seen].sort();
    });
    expect(new Set(faces.map((f) => f.split(' ').slice(3).join(' '))).size).toBe(1);
    expect(faces.map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual([
      '14px 400 normal',
      '14px 700 normal',
      '16px 400 normal',
      '16px 700 normal',
      '20px 700 normal',
      // The site's title is larger on a wide screen.
      ...(width > 640 ? ['24px 700 normal'] : []),
    ]);
  }
});

test('on a phone the grid cards below the first screen are drawn as they come near, with their text in the page all along', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  const cards = page.locator('.glance tbody tr');
  await expect(cards).toHaveCount(6);
  const drawn = () =>
    cards.evaluateAll((rows) =>
      rows.map((row) => row.querySelector('th')!.checkVisibility({ contentVisibilityAuto: true })),
    );
  // The first card reaches into the first screen; the last is far below it (the browser draws a margin ahead).
  const before = await drawn();
  expect(before[0]).toBe(true);
  expect(before.slice(-2)).toEqual([false, false]);
  await expect(cards.last()).toContainText('How much evidence');
  await cards.last().scrollIntoViewIfNeeded();
  await expect.poll(async () => (await drawn()).at(-1)).toBe(true);
});

test('when the worker cannot start, the page fetches and checks the data itself, with the same answer', async ({
  page,
}) => {
  await page.route(/\/assets\/check\.worker-[^/]+\.js/, (route) => route.abort('internetdisconnected'));
  await page.goto('./');
  await expect(page).toHaveTitle('Compare · PTSD Treatment Evidence');
  await expect(page.getByTestId('glance-ketamine-onset')).toContainText('24 hours');
  // The page read the four files itself.
  await expect
    .poll(() =>
      page.evaluate(
        () => performance.getEntriesByType('resource').filter((e) => /\/data\/[a-z]+\.json/.test(e.name)).length,
      ),
    )
    .toBe(4);
  await page.getByTestId('glance-ketamine-onset').getByRole('link').click();
  await expect(page).toHaveURL(/view=table/);
  await expect(page.getByRole('table').first()).toBeVisible();
});

test('replaced data files (a different fingerprint) are drawn afresh, not shown over the prerendered figures', async ({
  page,
}) => {
  const claims = readFileSync('data/claims.json', 'utf8');
  await replaceDataFile(page, 'claims.json', `${claims}\n`);
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { paintedGrid: Element | null }).paintedGrid = document.querySelector('table.glance');
    });
  });
  await page.goto('./');
  await expect(page).toHaveTitle('Compare · PTSD Treatment Evidence');
  await expect(page.getByTestId('glance-ketamine-onset')).toContainText('24 hours');
  // Drawn by the page from the files it fetched: the grid painted from the HTML was replaced, not kept.
  expect(
    await page.evaluate(() => (window as unknown as { paintedGrid: Element | null }).paintedGrid?.isConnected),
  ).toBe(false);
  await expect(page.locator('table.glance')).toHaveCount(1);
});

test('a mark opens its figure with its source, by click and by Enter', async ({ page }) => {
  await page.goto('./');
  await reachCharts(page);
  const mark = page.locator('#chart-improve [data-record-id="feder-2021-response-ketamine-wk2"]');
  await mark.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: /Open the source/ })).toHaveAttribute(
    'href',
    'https://doi.org/10.1176/appi.ajp.2020.20050596',
  );
  await expect(page).toHaveURL(/fig=feder-2021-response-ketamine-wk2/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  const timeMark = page.locator('#chart-time [data-record-id="feder-2014-onset-ketamine-24h"]');
  await timeMark.focus();
  await expect(page.locator('#chart-time .chart-caption')).toContainText('IV ketamine, one infusion');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Feder');
});

test('filtering to one source changes the grid, the charts and the table together', async ({ page }) => {
  await page.goto('./');
  await reachCharts(page);
  const marks = page.locator('#chart-improve [data-record-id]');
  await expect(marks.first()).toBeVisible();
  const before = await marks.count();
  await page.goto('./?src=feder-2021');
  await expect(page.getByTestId('glance-ssri-improve')).toContainText('No controlled PTSD trial');
  await reachCharts(page);
  await expect(marks).toHaveCount(2);
  expect(before).toBeGreaterThan(2);
  const ids = await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-record-id')));
  expect(ids.every((id) => id?.startsWith('feder-2021-'))).toBe(true);
  await page.getByTestId('glance-ketamine-improve').getByRole('link').click();
  await expect(page).toHaveURL(/view=table.*cell=ketamine\.improve/);
  await expect(page.locator('.evidence-table tbody tr[data-row-id]')).toHaveCount(2);
});

test('a chart has its own link, and its downloaded SVG carries title, legend and sources', async ({ page }) => {
  await page.goto('./#chart-side-effects');
  const chart = page.locator('#chart-side-effects');
  await expect(chart.locator('[data-record-id]').first()).toBeVisible();
  // The shared link lands on the chart itself, not on the top of the page.
  await expect(chart.getByRole('heading', { level: 3 })).toBeInViewport();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    chart.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ptsd-evidence-side-effects.svg');
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toContain('Side effects, beside the placebo arm');
  expect(svg).toMatch(/Sources: [^<]*Abdallah 2022/);
  expect(svg).toContain('Not a PTSD population (context)');
  expect(svg).toContain('#chart-side-effects');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    chart.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});
