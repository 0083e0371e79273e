import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const views = ['table', 'compare', 'claims', 'sources', 'about'] as const;

for (const view of views) {
  test(`the ${view} view has no axe violations (WCAG 2.1 A/AA)`, async ({ page }) => {
    await page.goto(`./?view=${view}`);
    await expect(page.locator('main h2').first()).toBeVisible();
    // Compare's charts load after the grid; wait for the last one.
    if (view === 'compare') await expect(page.locator('#chart-evidence [data-record-id]').first()).toBeVisible();
    if (view === 'about') await expect(page.getByTestId('known-gaps')).toBeVisible();
    if (view === 'claims') await expect(page.locator('.claim-chart [data-record-id]').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}

test('the error screen has no axe violations', async ({ page }) => {
  await page.route('**/data/treatments.json*', (route) => route.fulfill({ status: 200, body: '{"version":1}' }));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: /did not pass/ })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
