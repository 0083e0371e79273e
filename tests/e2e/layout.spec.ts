import { expect, test } from './fixtures';

const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const views = ['table', 'compare', 'claims', 'sources', 'about'] as const;

for (const size of widths) {
  test(`every view fits a ${size.width}px screen without sideways page scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const view of views) {
      await page.goto(`./?view=${view}`);
      await expect(page.locator('main h2').first()).toBeVisible();
      // Compare's charts load after the grid; wait for the last one.
      if (view === 'compare') await expect(page.locator('#chart-evidence [data-record-id]').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      // Kept for people to look at (screenshots/ is git-ignored).
      await page.screenshot({ path: `screenshots/${size.name}-${view}.png` });
    }
  });
}
