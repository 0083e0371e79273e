import { readFileSync } from 'node:fs';
import { COMPARE_HEADING, expect, test } from './fixtures';

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
  for (const title of CHARTS) await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await expect(page.locator('#chart-improve [data-record-id]').first()).toBeVisible();
});

test('a mark opens its figure with its source, by click and by Enter', async ({ page }) => {
  await page.goto('./');
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
  const marks = page.locator('#chart-improve [data-record-id]');
  await expect(marks.first()).toBeVisible();
  const before = await marks.count();
  await page.goto('./?src=feder-2021');
  await expect(page.getByTestId('glance-ssri-improve')).toContainText('No controlled PTSD trial');
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
