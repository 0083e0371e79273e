import { test as base, expect, type Page } from '@playwright/test';

type Fixtures = { allowedConsoleErrors: RegExp[]; consoleGuard: void };

/** Every journey fails on any console error or uncaught exception, unless the test expects it. */
export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowedConsoleErrors.some((re) => re.test(msg.text()))) errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      await use();
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Serves a replacement for one data file, to show the app a broken dataset. */
export async function replaceDataFile(page: Page, file: string, body: string, status = 200) {
  await page.route(`**/data/${file}*`, (route) => route.fulfill({ status, contentType: 'application/json', body }));
}

/** The landing (Compare) view's first heading. */
export const COMPARE_HEADING = /^At a glance/;

/**
 * Compare's charts draw when a reader comes near them (src/features/compare/compare-view.tsx): scroll there as a
 * reader would, and wait for the first chart's marks.
 */
export async function reachCharts(page: Page) {
  await page.locator('.charts-pending, #chart-time').first().scrollIntoViewIfNeeded();
  await expect(page.locator('#chart-time [data-record-id]').first()).toBeVisible();
}
