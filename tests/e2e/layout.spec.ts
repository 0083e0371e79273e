import { expect, reachCharts, test } from './fixtures';

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
      // Compare's charts draw when the reader reaches them; go there and wait for the last one.
      if (view === 'compare') {
        await reachCharts(page);
        await expect(page.locator('#chart-evidence [data-record-id]').first()).toBeAttached();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      // Kept for people to look at (screenshots/ is git-ignored).
      await page.screenshot({ path: `screenshots/${size.name}-${view}.png` });
    }
  });
}

test.describe('the filters open on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the last checkbox, reached with Tab, is not under the "Show N results" bar, which then leads to the results', async ({
    page,
  }) => {
    await page.goto('./?view=table');
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.locator('.sidebar__details > summary').click();
    await page.locator('.treatment-picker > summary').click();
    const bar = page.getByRole('button', { name: /^Show \d+ results?$/ });
    await expect(bar).toBeInViewport();
    const boxes = page.locator('.sidebar input[type="checkbox"]:visible');
    const count = await boxes.count();
    const last = boxes.nth(count - 1);
    // The last checkbox scrolled to just above the screen's bottom edge, where a bar pinned there would cover it
    // and the browser, seeing it on screen, would not scroll it out on focus (WCAG 2.4.11); then Tab onto it.
    await last.evaluate((el) => {
      el.scrollIntoView({ block: 'end' });
      window.scrollBy(0, el.getBoundingClientRect().bottom - (window.innerHeight - 20));
    });
    await boxes.nth(count - 2).evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
    await page.keyboard.press('Tab');
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport({ ratio: 0.9 });

    // The focused checkbox and the bar (its button and the strip around it) do not overlap…
    const box = (await last.boundingBox())!;
    for (const part of [bar, bar.locator('..')]) {
      const b = (await part.boundingBox())!;
      const apart = box.y + box.height <= b.y || box.y >= b.y + b.height;
      expect(apart, `checkbox ${JSON.stringify(box)} and bar ${JSON.stringify(b)}`).toBe(true);
    }
    // …and nothing else is drawn over it either.
    const onTop = await last.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
    });
    expect(onTop).toBe(true);

    // The bar is the next stop; it closes the filters and lands on the result count.
    await page.keyboard.press('Tab');
    await expect(bar).toBeFocused();
    await expect(bar).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('result-count')).toBeFocused();
    await expect(page.getByTestId('result-count')).toBeInViewport();
    await expect(page.locator('.sidebar__details')).not.toHaveAttribute('open');
  });

  test('every list unfolded, nothing scrolls sideways, and the options scroll in a labelled box of their own', async ({
    page,
  }) => {
    await page.goto('./?view=table');
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.locator('.sidebar__details > summary').click();
    for (const fold of ['Trial details', 'Publication year', 'Sources', 'Treatments'])
      await page.locator('.sidebar details > summary', { hasText: fold }).click();
    const options = page.getByRole('region', { name: 'Filter options' });
    await expect(options).toHaveAttribute('tabindex', '0');
    const sizes = await options.evaluate((el) => ({
      sideways: el.scrollWidth - el.clientWidth,
      down: el.scrollHeight - el.clientHeight,
      page: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(sizes.sideways, 'the options scroll sideways').toBe(0);
    expect(sizes.page, 'the page scrolls sideways').toBe(0);
    expect(sizes.down, 'the options have more than fits').toBeGreaterThan(0);
    // The keyboard scrolls it.
    await options.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => options.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.screenshot({ path: 'screenshots/phone-filters-open.png' });
  });
});

test('on a wide screen the filters stay a plain list beside the results, with no scroll box or bar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./?view=table');
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await expect(page.locator('.sidebar__details')).toHaveAttribute('open');
  await expect(page.getByRole('region', { name: 'Filter options' })).toHaveCount(0);
  expect(await page.locator('.sidebar .filter-panel').evaluate((el) => getComputedStyle(el).overflowY)).toBe('visible');
  await expect(page.getByRole('button', { name: /^Show \d+ results?$/ })).toHaveCount(0);
});
