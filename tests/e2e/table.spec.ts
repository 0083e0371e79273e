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

for (const width of [1280, 390]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('filter to one source and see only its rows; the view survives a reload', async ({ page }) => {
      await page.goto('./?view=table');
      // On a phone the filters start folded; open them as a person would.
      const panel = page.locator('.sidebar__details');
      if ((await panel.getAttribute('open')) === null) await panel.locator(':scope > summary').click();
      const picker = page.getByRole('group', { name: /Sources/ });
      await picker.getByRole('searchbox', { name: 'Find a source' }).fill('Feder 2021');
      await picker.getByLabel(/^Feder 2021/).check();
      await expect(page.getByTestId('result-count')).toContainText(
        `Showing ${feder2021.length} of ${outcomes.length} figures`,
      );
      await expect(page).toHaveURL(/[?&]src=feder-2021(&|$)/);
      const cited = await visibleColumn(page, 'source');
      expect(cited.length).toBe(feder2021.length);
      expect(new Set(cited.map((c) => c.replace(/\s*\(opens.*$/s, '').trim()))).toEqual(new Set(['Feder 2021']));

      await page
        .getByRole('columnheader', { name: /^Value/ })
        .getByRole('button')
        .click();
      await expect(page).toHaveURL(/sort=value\.asc/);
      await page.reload();
      await expect(page.getByRole('button', { name: 'Remove filter Source: Feder 2021' })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: /^Value/ })).toHaveAttribute('aria-sort', 'ascending');
      expect((await visibleColumn(page, 'source')).length).toBe(feder2021.length);
    });

    test('sort a numeric and a text column, missing values last', async ({ page }) => {
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
  await page.getByRole('group', { name: 'Treatment class' }).getByLabel('SSRI', { exact: true }).check();
  await page.getByRole('group', { name: 'Study design' }).getByLabel('Randomized trial', { exact: true }).check();
  await expect(page).toHaveURL(/design=randomized/);
  const kinds = page.locator('.evidence-table tbody tr[data-row-id] td[data-column="kind"]');
  await expect(kinds.first()).toBeVisible();
  expect(new Set((await kinds.allTextContents()).map((t) => t.trim()))).toEqual(new Set(['✓ Randomized trial']));
});
