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

// WCAG 2.2 adds target size (2.5.8): every link and button at least 24 px or spaced so.
for (const width of [1280, 390]) {
  for (const view of ['table', 'sources'] as const) {
    test(`the ${view} view at ${width}px has no axe violations (WCAG 2.2 A/AA, target size included)`, async ({
      page,
    }) => {
      // axe walks every row of a long table; on a busy 2-core machine that can pass half a minute.
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`./?view=${view}`);
      await expect(page.locator('main h2').first()).toBeVisible();
      await expect(page.locator('[data-row-id]').first()).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      // The rule must actually have looked at targets, or a pass means nothing.
      expect([...results.passes, ...results.incomplete].some((r) => r.id === 'target-size')).toBe(true);
    });
  }
}
