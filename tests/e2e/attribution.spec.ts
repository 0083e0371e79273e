import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { parseCsv } from '../../src/lib/csv';
import { expect, test } from './fixtures';

// axe-core injects its own script into the page, which the site's strict CSP (Trusted Types) rightly refuses;
// these are accessibility audits, so the audit tool runs unhindered. tests/e2e/csp.spec.ts checks the CSP itself.
test.use({ bypassCSP: true });

type Rec = { id: string; sourceId: string; provenance?: { row?: number } };
const outcomes = (JSON.parse(readFileSync('data/outcomes.json', 'utf8')) as { outcomes: Rec[] }).outcomes;
const sources = (JSON.parse(readFileSync('data/sources.json', 'utf8')) as { sources: { kind: string }[] }).sources;

const NAME = 'Metapsy PTSD psychotherapy database (VA National Center for PTSD, PTSD-Repository)';
const DOI = '10.5281/zenodo.10027042';
const LICENCE = 'Open Data Commons Attribution License 1.0';
const IMPORTED = 'acarturk-2016-metapsy-g-emdr-ies';

/** The DOI and licence links: https, opening safely, and targets at least 24 px high (WCAG 2.5.8). */
async function expectCreditLinks(scope: Locator) {
  const doi = scope.getByRole('link', { name: new RegExp(`^DOI ${DOI.replace('.', '\\.')}`) }).first();
  const licence = scope.getByRole('link', { name: new RegExp(`^Licence: ${LICENCE}`) }).first();
  await expect(doi).toHaveAttribute('href', `https://doi.org/${DOI}`);
  await expect(licence).toHaveAttribute('href', 'https://opendatacommons.org/licenses/by/1.0/');
  for (const link of [doi, licence]) {
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const box = await link.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(24);
  }
}

test('About names the database, its DOI and licence, and how much came from it', async ({ page }) => {
  await page.goto('./?view=about');
  await expect(page.getByRole('heading', { name: 'Data from other databases' })).toBeVisible();
  const section = page.getByRole('region', { name: NAME });
  await expect(section).toContainText('102 trials as 131 rows');
  await expect(section).toContainText('2023-03-03');
  await expect(section).toContainText('npm run import:metapsy');
  const imported = outcomes.filter((o) => o.provenance).length;
  await expect(section).toContainText(`${imported} figures of ${outcomes.length}`);
  await expectCreditLinks(section);
});

test('an imported figure’s details credit the database, its row, DOI and licence, and show the RoB 2 judgements', async ({
  page,
}) => {
  await page.goto(`./?view=table&fig=${IMPORTED}`);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const credit = dialog.getByTestId('database-credit');
  await expect(credit).toHaveCount(1);
  await expect(credit).toContainText(`From the ${NAME}`);
  await expect(credit).toContainText('row 1 (study “Acarturk, 2016”)');
  await expectCreditLinks(credit);
  const rob = dialog.getByRole('region', { name: 'Risk of bias (RoB 2)' });
  await expect(rob).toContainText('Overall');
  await expect(rob).toContainText('Some concerns');
  await expect(rob).toContainText('Selection of the reported result');
  await expect(dialog).toContainText('Self-reported');

  const results = await new AxeBuilder({ page })
    .include('dialog')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('a CSV of the table names the database on imported rows only; the JSON lists it once', async ({ page }) => {
  await page.goto('./?view=table&src=acarturk-2016,feder-2021');
  const expected = outcomes.filter((o) => ['acarturk-2016', 'feder-2021'].includes(o.sourceId));
  await expect(page.getByTestId('result-count')).toContainText(`Showing ${expected.length} of`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).click(),
  ]);
  const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
  const col = (name: string) => {
    const i = header!.indexOf(name);
    expect(i, name).toBeGreaterThanOrEqual(0);
    return i;
  };
  expect(rows).toHaveLength(expected.length);
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  let imported = 0;
  for (const row of rows) {
    const o = byId.get(row[col('id')]!)!;
    if (o.provenance) {
      imported += 1;
      expect(row[col('data_doi')]).toBe(DOI);
      expect(row[col('data_from')]).toBe(NAME);
      expect(row[col('data_licence')]).toBe(LICENCE);
      expect(row[col('data_row')]).toBe(String(o.provenance.row));
    } else {
      expect(row[col('data_doi')]).toBe('');
      expect(row[col('data_from')]).toBe('');
    }
  }
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThan(rows.length);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
  const body = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
    attribution?: { database: string; doi: string; licence: string; url: string }[];
  };
  expect(body.attribution).toEqual([
    expect.objectContaining({
      database: NAME,
      doi: DOI,
      licence: LICENCE,
      url: 'https://github.com/metapsy-project/data-ptsd-psyctr',
    }),
  ]);
});

for (const width of [1280, 390]) {
  test(`the source picker at ${width}px lists 12 trials, then all, ${width < 640 ? 'in the page’s own scroll' : 'in a box of its own'}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?view=table');
    // Once the app runs (it titles the page by view), the panel is the app's own, open or folded for this screen.
    await expect(page).toHaveTitle(/ · PTSD Treatment Evidence$/);
    const panel = page.locator('.sidebar__details');
    if ((await panel.getAttribute('open')) === null) await panel.locator(':scope > summary').click();
    await page.locator('.filter-fold > summary', { hasText: /^Sources/ }).click();
    const picker = page.getByRole('group', { name: /^Sources/ });
    const trials = picker.getByRole('group', { name: 'Randomized trial', exact: true });
    await expect(trials.getByRole('checkbox')).toHaveCount(12);
    const total = sources.filter((s) => s.kind === 'rct').length;
    await picker.getByRole('button', { name: `Show all ${total} Randomized trial sources` }).click();
    await expect(trials.getByRole('checkbox')).toHaveCount(total);
    await expect(trials.getByRole('checkbox').nth(12)).toBeFocused();
    const list = picker.getByTestId('source-picker-list');
    const overflow = await list.evaluate((el) => getComputedStyle(el).overflowY);
    const clipped = await list.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    if (width < 640) {
      // No box that scrolls inside the scrolling page on a phone.
      expect(overflow).toBe('visible');
      expect(clipped).toBe(false);
    } else {
      expect(overflow).toBe('auto');
      expect(clipped).toBe(true);
    }
    if (width >= 640) {
      // On a phone the sticky "Show N results" bar covers the checkboxes it passes over, which axe counts
      // against their target size; that is the bar's, not the list's, so the list is checked on a wide screen.
      const axe = await new AxeBuilder({ page })
        .include('.source-picker')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
    // A search by a co-author finds the trial the short citation names by its first author.
    await picker.getByRole('searchbox', { name: 'Find a source' }).fill('Konuk');
    await expect(picker.getByLabel(/^Acarturk 2016/)).toBeVisible();
  });
}
