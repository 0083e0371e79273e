import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/lib/csv';
import type { Page } from '@playwright/test';
import { COMPARE_HEADING, expect, test } from './fixtures';

type Rec = { id: string; sourceId: string; n?: number };
const outcomes = (JSON.parse(readFileSync('data/outcomes.json', 'utf8')) as { outcomes: Rec[] }).outcomes;
const claims = (JSON.parse(readFileSync('data/claims.json', 'utf8')) as { claims: Rec[] }).claims;
const feder2021 = outcomes.filter((o) => o.sourceId === 'feder-2021');

const visibleColumn = (page: Page, column: string) =>
  page.locator(`.evidence-table tbody tr[data-row-id] td[data-column="${column}"]`).allInnerTexts();
const cardSources = (page: Page) =>
  page.locator('.evidence-card[data-row-id] .evidence-card__source .source-link').allInnerTexts();

/** Opens the filters (folded on a phone) and the folded Sources list, as a person would. */
async function openSourcePicker(page: Page) {
  // Once the app runs (it titles the page by view), the panel is the app's own, open or folded for this screen.
  await expect(page).toHaveTitle(/ · PTSD Treatment Evidence$/);
  const panel = page.locator('.sidebar__details');
  if ((await panel.getAttribute('open')) === null) await panel.locator(':scope > summary').click();
  await page.locator('.filter-fold > summary', { hasText: /^Sources/ }).click();
  return page.getByRole('group', { name: /^Sources/ });
}

for (const width of [1280, 390]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });
    const phone = width < 640;

    test('filter to one source and see only its rows; the view survives a reload', async ({ page }) => {
      await page.goto('./?view=table');
      const picker = await openSourcePicker(page);
      await picker.getByRole('searchbox', { name: 'Find a source' }).fill('Feder 2021');
      await picker.getByLabel(/^Feder 2021/).check();
      await expect(page.getByTestId('result-count')).toContainText(
        `Showing ${feder2021.length} of ${outcomes.length} figures`,
      );
      await expect(page).toHaveURL(/[?&]src=feder-2021(&|$)/);
      if (phone) {
        // The sticky bar leads back to the results, which are then on screen.
        await page.getByRole('button', { name: `Show ${feder2021.length} results` }).click();
        await expect(page.getByTestId('result-count')).toBeInViewport();
        await expect(page.locator('.evidence-card').first()).toBeInViewport({ ratio: 0.3 });
      }
      const cited = phone ? await cardSources(page) : await visibleColumn(page, 'source');
      expect(cited.length).toBe(feder2021.length);
      expect(new Set(cited.map((c) => c.replace(/\s*\(opens.*$/s, '').trim()))).toEqual(new Set(['Feder 2021']));

      if (phone) await page.getByLabel('Sort by').selectOption('value');
      else
        await page
          .getByRole('columnheader', { name: /^Value/ })
          .getByRole('button')
          .click();
      await expect(page).toHaveURL(/sort=value\.asc/);
      await page.reload();
      await expect(page.getByRole('button', { name: 'Remove filter Source: Feder 2021' })).toBeVisible();
      if (phone) await expect(page.getByLabel('Sort by')).toHaveValue('value');
      else await expect(page.getByRole('columnheader', { name: /^Value/ })).toHaveAttribute('aria-sort', 'ascending');
      expect((phone ? await cardSources(page) : await visibleColumn(page, 'source')).length).toBe(feder2021.length);
    });

    if (phone) {
      test('every card shows its value on screen, with no sideways scroll anywhere', async ({ page }) => {
        await page.goto('./?view=table');
        const first = page.locator('.evidence-card').first();
        await expect(first).toBeVisible();
        await expect(page.locator('.table-scroll')).toHaveCount(0);
        const value = first.locator('.evidence-card__value .value');
        await expect(value).toBeInViewport();
        const box = await value.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        // Every card on screen fits the width; virtualized, yet the count is announced.
        for (const card of await page.locator('.evidence-card').all()) {
          const b = await card.boundingBox();
          expect(b!.x + b!.width).toBeLessThanOrEqual(390);
        }
        const total = outcomes.length + claims.length;
        await expect(page.getByRole('table', { name: 'All figures' })).toHaveAttribute('aria-rowcount', String(total));
        expect(await page.locator('.evidence-card').count()).toBeLessThan(total);
      });
    }

    test('sort a numeric and a text column, missing values last', async ({ page }) => {
      test.skip(phone, 'a phone sorts through the menus, tested above');
      await page.goto('./?view=table&kind=peer');
      const nHeader = page.getByRole('columnheader', { name: /^n/ });
      await nHeader.getByRole('button').click();
      await expect(nHeader).toHaveAttribute('aria-sort', 'ascending');
      const ns = (await visibleColumn(page, 'n')).slice(0, 15).map((t) => Number(t.replace(/,/g, '')));
      expect(ns.every((v, i) => i === 0 || v >= ns[i - 1]!)).toBe(true);
      await nHeader.getByRole('button').click();
      await expect(nHeader).toHaveAttribute('aria-sort', 'descending');
      const desc = (await visibleColumn(page, 'n')).slice(0, 15).map((t) => Number(t.replace(/,/g, '')));
      expect(desc[0]).toBe(Math.max(...outcomes.flatMap((o) => (o.n === undefined ? [] : [o.n]))));
      expect(desc.every((v, i) => i === 0 || v <= desc[i - 1]!)).toBe(true);

      const source = page.getByRole('columnheader', { name: /^Source(?! kind)/ });
      await source.getByRole('button').click();
      await expect(source).toHaveAttribute('aria-sort', 'ascending');
      const names = (await visibleColumn(page, 'source')).slice(0, 20).map((t) => t.toLowerCase());
      expect(names).toEqual([...names].sort());
      await expect(page).toHaveURL(/sort=source\.asc/);
    });

    test('Back and Forward walk through views and opened figures', async ({ page }) => {
      await page.goto('./?view=table');
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Sources' }).click();
      await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
      await page.goBack();
      await expect(page.getByRole('heading', { name: 'All figures' })).toBeVisible();
      const opener = page.getByRole('button', { name: /^Details:/ }).first();
      await opener.click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expect(page).toHaveURL(/fig=/);
      await page.goBack();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await page.goForward();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(opener).toBeFocused();
    });
  });
}

test('export the current view as CSV and read it back', async ({ page }) => {
  await page.goto('./?view=table&src=feder-2021,abdallah-2022&sort=value.desc');
  const count = outcomes.filter((o) => ['feder-2021', 'abdallah-2022'].includes(o.sourceId)).length;
  const firstRowId = await page.locator('.evidence-table tbody tr[data-row-id]').first().getAttribute('data-row-id');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ptsd-evidence-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain('\r\n');
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(expect.arrayContaining(['id', 'value', 'source_citation', 'source_url', 'locator']));
  expect(rows).toHaveLength(count);
  const col = (name: string) => header!.indexOf(name);
  expect(rows[0]![col('id')]).toBe(firstRowId);
  expect(new Set(rows.map((r) => r[col('source_id')]))).toEqual(new Set(['feder-2021', 'abdallah-2022']));
  expect(rows.every((r) => r[col('source_url')]!.startsWith('https://'))).toBe(true);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  const body = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { rows: { id: string }[]; view: string };
  expect(body.rows).toHaveLength(count);
  expect(body.view).toContain('src=feder-2021,abdallah-2022');
});

test('a figure’s details show where it comes from, and "Show only this source" filters to it', async ({ page }) => {
  await page.goto('./?view=table&fig=feder-2021-response-ketamine-wk2');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('67%');
  await expect(dialog.getByRole('link', { name: /DOI 10.1176\/appi.ajp.2020.20050596/ })).toHaveAttribute(
    'href',
    'https://doi.org/10.1176/appi.ajp.2020.20050596',
  );
  await expect(dialog.getByRole('heading', { name: /Other figures from this source/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Show only this source' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('result-count')).toContainText(`Showing ${feder2021.length} of`);
});

test('the sources view sorts, and each source has a page of its figures', async ({ page }) => {
  await page.goto('./?view=sources');
  const figuresHeader = page.getByRole('columnheader', { name: /^Figures/ });
  await figuresHeader.getByRole('button').click();
  await figuresHeader.getByRole('button').click();
  await expect(figuresHeader).toHaveAttribute('aria-sort', 'descending');
  // The order is part of the address, so a shared link shows the same list.
  await expect(page).toHaveURL(/ssort=figures\.desc/);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: /^Figures/ })).toHaveAttribute('aria-sort', 'descending');
  const counts = (await page.locator('.sources-table tbody td[data-column="figures"]').allInnerTexts()).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await page.getByRole('button', { name: 'Feder 2021', exact: true }).click();
  await expect(page).toHaveURL(/view=sources&source=feder-2021/);
  await expect(page.getByRole('heading', { name: /Figures from this source \(/ })).toContainText(
    `(${feder2021.length})`,
  );
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
});

test('junk in the URL falls back to the default view without an error', async ({ page }) => {
  await page.goto('./?view=%3Cscript%3E&sort=bogus.sideways&src=NOPE&years=abc&fig=ghost');
  await expect(page.locator('main h2').first()).toHaveText(COMPARE_HEADING);
  await expect(page.getByTestId('result-count')).toContainText(
    `Showing ${outcomes.length} of ${outcomes.length} figures and ${claims.length} of ${claims.length} claims`,
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // It says what it left out, then cleans the address.
  await expect(page.locator('.link-notice')).toContainText('view=<script>');
  await expect(page.locator('.link-notice')).toContainText('src=NOPE');
  await expect(page).toHaveURL(/\/$/);
});

test('Back after closing a figure does not reopen it', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Table' }).click();
  await page
    .getByRole('button', { name: /^Details:/ })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'All figures' })).toBeVisible();
});

test('search finds a value as it is shown', async ({ page }) => {
  await page.goto('./?view=table&q=67%25');
  await expect(page.locator('.evidence-table tbody tr[data-row-id="feder-2021-response-ketamine-wk2"]')).toBeVisible();
});

test('randomized SSRI trials take two actions', async ({ page }) => {
  await page.goto('./?view=table');
  await page
    .getByRole('group', { name: 'Treatment class' })
    .getByLabel(/^SSRI \(/)
    .check();
  await page
    .getByRole('group', { name: 'Study design' })
    .getByLabel(/^Randomized trial \(/)
    .check();
  await expect(page).toHaveURL(/design=randomized/);
  const kinds = page.locator('.evidence-table tbody tr[data-row-id] td[data-column="kind"]');
  await expect(kinds.first()).toBeVisible();
  expect(new Set((await kinds.allTextContents()).map((t) => t.trim()))).toEqual(new Set(['✓ Randomized trial']));
});

test('each box counts what ticking it would show, following the other filters', async ({ page }) => {
  await page.goto('./?view=table');
  const design = page.getByRole('group', { name: 'Study design' });
  const randomized = design.locator('label', { hasText: /^Randomized trial/ });
  const before = (await randomized.textContent()) ?? '';
  await page
    .getByRole('group', { name: 'Treatment class' })
    .getByLabel(/^Ketamine \(/)
    .check();
  const label = design.getByLabel(/^Randomized trial \(/);
  // The count beside the box follows the class filter.
  await expect(randomized).not.toHaveText(before);
  const counted = Number(/\((\d+)/.exec((await randomized.textContent()) ?? '')![1]);
  await label.check();
  // Ticking gives exactly that many (randomized trials hold no blog claims).
  await expect(page.getByTestId('result-count')).toContainText(`Showing ${counted} of`);
  await expect(page.getByTestId('result-count')).toContainText('and 0 of');
  expect(counted).toBeGreaterThan(0);
  expect(counted).toBeLessThan(outcomes.length);
});

test('sorting by value keeps each measure and unit together', async ({ page }) => {
  await page.goto('./?view=table&sort=value.desc&kind=peer');
  await expect(page.getByText(/within each measure and unit/).first()).toBeVisible();
  const rows = page.locator('.evidence-table tbody tr[data-row-id]');
  await expect(rows.first()).toBeVisible();
  const measures = await page.locator('.evidence-table tbody tr[data-row-id] td[data-column="metric"]').allInnerTexts();
  const seq = measures.map((m) => m.split('\n')[0]!.trim());
  // Once the list moves on from a measure, it never comes back to it.
  const seen = new Set<string>();
  for (let i = 0; i < seq.length; i++) {
    if (i > 0 && seq[i] !== seq[i - 1]) {
      expect(seen.has(seq[i]!), `${seq[i]} reappears at row ${i}`).toBe(false);
    }
    seen.add(seq[i]!);
  }
  expect(seen.size).toBeGreaterThan(1);
});

test('keyboard only: every focus is visible and in view, the first column stays put', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./?view=table&show=instrument,definition');
  await page.locator('.evidence-table tbody tr[data-row-id]').first().waitFor();
  // Start at the last column header and walk on into the rows.
  await page.getByRole('columnheader', { name: /^Year/ }).getByRole('button').focus();
  const scroller = page.locator('.table-scroll');
  for (let step = 0; step < 6; step++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      const box = document.querySelector('.table-scroll')!.getBoundingClientRect();
      const style = getComputedStyle(el);
      const inTable = box.left <= r.left && r.right <= box.right + 1 && el.closest('.table-scroll') !== null;
      const sticky = document.querySelector('tbody td[data-column="treatment"]')!.getBoundingClientRect();
      return {
        inTable,
        withinBox: !inTable || (r.left >= box.left - 1 && r.right <= box.right + 1),
        outline: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        // A focused cell beside the sticky column is not hidden behind it.
        clearOfSticky:
          !el.closest('td') || el.closest('td[data-column="treatment"]') !== null || r.left >= sticky.right - 1,
        tag: el.tagName,
        inViewport: r.top >= 0 && r.bottom <= window.innerHeight,
      };
    });
    expect(state.outline).not.toBe('none');
    expect(state.outlineWidth).toBeGreaterThanOrEqual(2);
    expect(state.clearOfSticky).toBe(true);
    expect(state.withinBox).toBe(true);
  }
  // The treatment column is where it was, whatever the sideways scroll.
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const cell = page.locator('tbody td[data-column="treatment"]').first();
  const scrollerBox = (await scroller.boundingBox())!;
  expect(Math.abs((await cell.boundingBox())!.x - scrollerBox.x)).toBeLessThan(3);
  // Sorting is explained in visible text, which the header buttons point at.
  const hintId = await page
    .getByRole('columnheader', { name: /^Value/ })
    .getByRole('button')
    .getAttribute('aria-describedby');
  await expect(page.locator(`[id="${hintId}"]`)).toBeVisible();
  await expect(page.locator(`[id="${hintId}"]`)).toContainText('Shift-click');
});

test('the details panel is a modal dialog: the page behind is inert, focus comes back', async ({ page }) => {
  await page.goto('./?view=table');
  const opener = page.getByRole('button', { name: /^Details:/ }).first();
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
  // Tab never leaves the dialog.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('a link straight to the table fetches the table’s code while the data is still loading', async ({ page }) => {
  // Hold the largest data file until the table's code has been asked for (or 10 s have passed): the table's code
  // must not wait for the data.
  let markRequested: () => void = () => {};
  const tableCodeRequested = new Promise<void>((resolve) => (markRequested = resolve));
  page.on('request', (r) => /\/assets\/table-view-[^/]+\.js$/.test(r.url()) && markRequested());
  let order = '';
  await page.route('**/data/outcomes.json*', async (route) => {
    order = await Promise.race([
      tableCodeRequested.then(() => 'table code first'),
      new Promise<string>((resolve) => setTimeout(() => resolve('data first'), 10_000)),
    ]);
    await route.continue();
  });
  await page.goto('./?view=table');
  await expect(page.getByRole('table').first()).toBeVisible({ timeout: 15_000 });
  expect(order).toBe('table code first');
});
