import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Presses Tab until the focused element matches, failing after `max` presses; checks every stop is visible. */
async function tabTo(page: Page, matches: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate((selector) => {
      const el = document.activeElement as HTMLElement | SVGElement | null;
      if (!el || el === document.body) return { hit: false, visible: true, ring: true };
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // SVG marks show focus by a thicker outline on their shape; everything else by an outline.
      const ring = style.outlineStyle !== 'none' || el.closest('.chart-mark') !== null || style.boxShadow !== 'none';
      return {
        hit: el.matches(selector),
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight,
        ring,
      };
    }, matches);
    expect(state.visible, `focus stop ${i} is on screen`).toBe(true);
    expect(state.ring, `focus stop ${i} shows a focus ring`).toBe(true);
    if (state.hit) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

test('keyboard only: views, a filter, a sort, a chart mark, a claim, and focus coming back', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./');
  // The charts are not drawn yet (they wait for the reader); tabbing into the view draws them before Tab gets there.
  await expect(page).toHaveTitle('Compare · PTSD Treatment Evidence');
  await expect(page.locator('.charts-pending')).toBeVisible();

  // The skip link comes first and lands in the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  // A filter: tick a measure with the keyboard.
  await page
    .getByRole('group', { name: 'Treatment class' })
    .getByLabel(/^Ketamine \(/)
    .focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/class=ketamine/);

  // A chart mark opens its figure with Enter; Escape closes it and focus returns to the mark.
  await page.locator('#main').focus();
  await tabTo(page, '#chart-time .chart-mark');
  const mark = await page.evaluate(() => document.activeElement?.getAttribute('data-record-id'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator(`#chart-time .chart-mark[data-record-id="${mark}"]`)).toBeFocused();

  // The table: to the Value header by Tab, sort with Enter.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Table' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'All figures' })).toBeVisible();
  await tabTo(page, 'th[data-column="value"] button');
  await page.keyboard.press('Enter');
  await expect(page.locator('th[data-column="value"]')).toHaveAttribute('aria-sort', 'ascending');

  // A row's details, closed with Escape, focus back on the row's button.
  await tabTo(page, 'tbody .row-open');
  const opener = await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-row-id'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator(`tr[data-row-id="${opener}"] .row-open`)).toBeFocused();

  // Claims: reach a claim's link by Tab.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Claims' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Clinic claims, checked/ })).toBeVisible();
  await tabTo(page, '.claim-card a[href*="claim="]', 200);

  // Effects: a forest-plot row opens its figure.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Effects' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Effects/ })).toBeVisible();
  await tabTo(page, '#chart-forest-standardized .chart-mark', 200);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('#chart-forest-standardized .chart-mark:focus')).toHaveCount(1);
});

test('reduced motion is respected: no smooth scrolling or animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?view=table');
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
        const s = getComputedStyle(el);
        const seconds = (v: string) => Math.max(...v.split(',').map((x) => parseFloat(x) || 0));
        return seconds(s.animationDuration) > 0.01 || seconds(s.transitionDuration) > 0.01;
      }).length,
  );
  expect(moving).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).not.toBe('smooth');
});
