import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

// axe-core injects its own script into the page, which the site's strict CSP (Trusted Types) rightly refuses;
// these are accessibility audits, so the audit tool runs unhindered. tests/e2e/csp.spec.ts checks the CSP itself.
test.use({ bypassCSP: true });

type Ref = {
  case: string;
  method: string;
  test: string;
  level: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  k: number;
  tau2: number;
  i2: number;
  piLow: number;
  piHigh: number;
};
const reference = (
  JSON.parse(readFileSync('tests/fixtures/meta-analysis/metafor-reference.json', 'utf8')) as { results: Ref[] }
).results;
const emdrWaitlist = reference.find(
  (r) => r.case === 'data:emdr|waitlist|standardized' && r.method === 'REML' && r.test === 'knha' && r.level === 95,
)!;
const two = (v: number) => v.toFixed(2).replace('-', '−');

test('EMDR against a waitlist: filter in two steps, read the pooled g metafor gives, reach a trial’s DOI', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./?view=effects');
  await expect(page.getByRole('heading', { name: /^Effects/ })).toBeVisible();
  // Trial details: compared with a waitlist.
  await page.locator('.filter-fold > summary', { hasText: /^Trial details/ }).click();
  await page
    .getByRole('group', { name: 'Compared with' })
    .getByLabel(/^Waitlist/)
    .check();
  // Treatments: EMDR.
  await page.locator('.treatment-picker > summary').click();
  await page
    .getByRole('group', { name: 'Treatments and control arms' })
    .getByLabel(/^EMDR ·/)
    .check();
  await expect(page).toHaveURL(/control=waitlist/);
  await expect(page).toHaveURL(/tx=emdr/);

  const pool = page.getByTestId('pool-emdr|waitlist|standardized');
  await expect(pool).toContainText(
    `g = ${two(emdrWaitlist.estimate)} (95% CI ${two(emdrWaitlist.ciLow)} to ${two(emdrWaitlist.ciHigh)})`,
  );
  await expect(pool).toContainText(`prediction interval ${two(emdrWaitlist.piLow)} to ${two(emdrWaitlist.piHigh)}`);
  await expect(pool).toContainText(`k = ${emdrWaitlist.k} trials`);
  await expect(pool).toContainText(`I² = ${emdrWaitlist.i2.toFixed(0)}%`);
  await expect(pool).toContainText('REML with Knapp–Hartung');
  // Only EMDR against waitlists is left to pool.
  await expect(page.locator('.pooled-list > li')).toHaveCount(1);

  // A trial row opens its figure, and the figure reaches its source's DOI.
  const mark = page.locator('#chart-forest-standardized [data-record-id]').first();
  await mark.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: /^DOI 10\./ }).first()).toHaveAttribute(
    'href',
    /^https:\/\/doi\.org\/10\./,
  );
});

test('a selection that must not be pooled says why', async ({ page }) => {
  await page.goto('./?view=effects&tx=emdr&control=placebo');
  await expect(page.getByTestId('pool-emdr|placebo|standardized')).toContainText('Not pooled: needs at least 3 trials');
});

for (const width of [1280, 390]) {
  test(`the effects view at ${width}px fits the screen and has no axe violations`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?view=effects&class=psychotherapy');
    await expect(page.locator('#chart-forest-standardized [data-record-id]').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
