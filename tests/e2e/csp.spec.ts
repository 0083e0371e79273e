// The built app under its strict Content-Security-Policy: served by bench/serve.ts with the headers from
// public/_headers (the ones a host should send), every view is visited and nothing may break the policy or load
// anything from another origin.
import { type Page } from '@playwright/test';
import { contentSecurityPolicy, serveDist, type Served } from '../../bench/serve';
import { COMPARE_HEADING, expect, reachCharts, test } from './fixtures';

// The other journeys run past the policy (playwright.config.ts sets bypassCSP); these are the ones that must not.
test.use({ bypassCSP: false });

let site: Served;

test.beforeAll(async () => {
  site = await serveDist({ root: 'dist' });
});

test.afterAll(async () => {
  await site?.close();
});

type Violation = { directive: string; blocked: string; source: string; sample: string };

/** Records every `securitypolicyviolation` the page fires, and every request it makes. */
async function watch(page: Page) {
  const violations: Violation[] = [];
  const requests: string[] = [];
  await page.exposeFunction('__reportCspViolation', (v: Violation) => violations.push(v));
  // Runs before the app's scripts; the init script itself is not subject to the page's policy.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (v: Violation) => void }).__reportCspViolation;
      void report({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        sample: e.sample,
      });
    });
  });
  page.on('request', (request) => requests.push(request.url()));
  return { violations, requests };
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true }).click();

test('every view works under the strict CSP, with no violation and no request to another origin', async ({ page }) => {
  test.setTimeout(90_000);
  const { violations, requests } = await watch(page);

  // Compare, with its charts, a mark's details and a chart downloaded as SVG and PNG (drawn from a blob: image).
  const response = await page.goto(site.url);
  expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy());
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await expect(page.locator('main h2').first()).toHaveText(COMPARE_HEADING);
  await reachCharts(page);
  for (const id of ['chart-time', 'chart-improve', 'chart-side-effects', 'chart-dropout', 'chart-evidence']) {
    await expect(page.locator(`#${id} [data-record-id]`).first()).toBeVisible();
  }
  await page.locator('#chart-improve [data-record-id]').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const chart = page.locator('#chart-side-effects');
  for (const name of ['Download SVG', 'Download PNG']) {
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name }).click()]);
    expect(await download.failure()).toBeNull();
  }

  // Effects: the forest plot and its pooled groups.
  await nav(page, 'Effects');
  await expect(page.getByRole('heading', { name: /^Effects/ })).toBeVisible();
  await expect(page.locator('[data-testid^="pool-"]').first()).toBeVisible();

  // Table, and a figure's details panel.
  await nav(page, 'Table');
  const row = page.locator('.evidence-table tbody tr[data-row-id]').first();
  await expect(row).toBeVisible();
  await page.goto(`${site.url}?view=table&fig=feder-2021-response-ketamine-wk2`);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: /Open the source/ })).toHaveAttribute('href', /^https:\/\//);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Claims, with a claim's context chart.
  await nav(page, 'Claims');
  await expect(page.locator('.claim-card').first()).toBeVisible();
  await expect(page.locator('.claim-chart [data-record-id]').first()).toBeVisible();

  // Sources, and one source's page.
  await nav(page, 'Sources');
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Feder 2021', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Figures from this source \(/ })).toBeVisible();

  // About, which fetches the known-gaps notes.
  await nav(page, 'About');
  await expect(page.getByTestId('known-gaps')).toContainText('Side effects of IV ketamine');

  expect(violations, 'CSP violations').toEqual([]);
  const origin = new URL(site.url).origin;
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  expect(foreign, 'requests that leave the page’s origin').toEqual([]);
  expect(requests.some((url) => url.endsWith('/data/outcomes.json'))).toBe(true);
});

test.describe('the watch itself', () => {
  // The refusals below are logged as errors; that is what this test provokes.
  test.use({ allowedConsoleErrors: [/Content Security Policy|Trusted ?Type|TrustedScript/i] });

  test('the policy refuses an inline script and a style attribute, and the watch sees the refusal', async ({
    page,
  }) => {
    const { violations } = await watch(page);
    await page.goto(site.url);
    await expect(page.locator('main h2').first()).toHaveText(COMPARE_HEADING);
    // Code run by the test harness is exempt from the policy (so eval cannot be tried here), but what it adds
    // to the page is not.
    const outcome = await page.evaluate(() => {
      const script = document.createElement('script');
      try {
        script.textContent = 'window.__inline = 1';
      } catch {
        // Trusted Types refuse the string before CSP sees it.
      }
      document.body.append(script);
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
      return {
        inline: (window as unknown as { __inline?: number }).__inline ?? null,
        styled: getComputedStyle(div).color === 'rgb(255, 0, 0)',
      };
    });
    expect(outcome).toEqual({ inline: null, styled: false });
    await expect
      .poll(() => violations.map((v) => v.directive).sort())
      .toEqual(expect.arrayContaining(['style-src-attr']));
  });
});
