import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, reachCharts, test } from './fixtures';

// axe-core injects its own script into the page, which the site's strict CSP (Trusted Types) rightly refuses;
// these are accessibility audits, so the audit tool runs unhindered. tests/e2e/csp.spec.ts checks the CSP itself.
test.use({ bypassCSP: true });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every screen a person can reach, each with what must be on it before it is checked. */
const screens: { name: string; url: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'Compare with its charts',
    url: './',
    ready: async (page) => {
      await reachCharts(page);
      await expect(page.locator('#chart-evidence [data-record-id]').first()).toBeAttached();
    },
  },
  {
    name: 'Effects',
    url: './?view=effects&class=psychotherapy',
    ready: async (page) => {
      await expect(page.locator('#chart-forest-standardized [data-record-id]').first()).toBeVisible();
    },
  },
  {
    name: 'Table',
    url: './?view=table',
    ready: async (page) => {
      await expect(page.locator('[data-row-id]').first()).toBeVisible();
    },
  },
  {
    name: 'Claims',
    url: './?view=claims',
    ready: async (page) => {
      await expect(page.locator('.claim-chart [data-record-id]').first()).toBeVisible();
    },
  },
  {
    name: 'Sources',
    url: './?view=sources',
    ready: async (page) => {
      await expect(page.locator('[data-row-id]').first()).toBeVisible();
    },
  },
  {
    name: 'a source page',
    url: './?view=sources&source=feder-2021',
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: /Figures from this source/ })).toBeVisible();
    },
  },
  {
    name: 'About',
    url: './?view=about',
    ready: async (page) => {
      await expect(page.getByTestId('known-gaps')).toBeVisible();
    },
  },
  {
    name: 'the details panel',
    url: './?view=table&fig=feder-2021-response-ketamine-wk2',
    ready: async (page) => {
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    // Dark at phone width repeats the dark desktop checks' colours; it is covered by the desktop run.
    if (scheme === 'dark' && width === 390) continue;
    test.describe(`${scheme} theme at ${width}px`, () => {
      test.use({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const screen of screens) {
        test(`${screen.name} has no axe violations (WCAG 2.2 A/AA, best practice, target size)`, async ({ page }) => {
          // axe walks every row and chart mark; on a busy 2-core machine that can take half a minute.
          test.setTimeout(120_000);
          await page.goto(screen.url);
          await screen.ready(page);
          const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          expect(
            results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' | ')})`),
          ).toEqual([]);
          // The checks that matter here must have run, or a pass means nothing.
          const ran = new Set([...results.passes, ...results.incomplete].map((r) => r.id));
          expect(ran.has('color-contrast')).toBe(true);
          if (screen.name !== 'About') expect(ran.has('target-size')).toBe(true);
        });
      }
    });
  }
}

test('the error screen has no axe violations', async ({ page }) => {
  await page.route('**/data/treatments.json*', (route) => route.fulfill({ status: 200, body: '{"version":1}' }));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: /did not pass/ })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test.describe('the filters open on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  // Below 60rem the filters fold above the results and a "Show N results" bar closes them again. A checkbox partly
  // under that bar is hidden from sight and touch, and axe's target-size rule counts it too close to the bar's
  // button. So a checkbox from the middle of the options is scrolled right onto the bar, as far as scrolling goes.
  test('have no axe violations with a checkbox scrolled onto the "Show N results" bar', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('./?view=table');
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.locator('.sidebar__details > summary').click();
    // A long list unfolded, so there is plenty to scroll.
    await page.locator('.filter-fold > summary', { hasText: /^Trial details/ }).click();
    const bar = page.getByRole('button', { name: /^Show \d+ results?$/ });
    await expect(bar).toBeVisible();

    // The checkbox's centre this many pixels above the top of the bar's button: on its edge, just clear, a row up.
    for (const above of [6, 14, 22]) {
      const reached = await page.evaluate((above) => {
        const details = document.querySelector('.sidebar__details')!;
        const options = details.querySelector<HTMLElement>('.filter-panel')!;
        const button = [...details.querySelectorAll('button')].find((b) => /^Show \d+ results?$/.test(b.innerText))!;
        const boxes = [...options.querySelectorAll('input[type="checkbox"]')].filter((b) => b.checkVisibility());
        const box = boxes[Math.floor(boxes.length / 2)]!;
        const gap = () => {
          const r = box.getBoundingClientRect();
          return r.top + r.height / 2 - (button.getBoundingClientRect().top - above);
        };
        // The bar on screen where it belongs, at the panel's end; then the options' own scroll, if they have one,
        // and the page's.
        details.scrollIntoView({ block: 'end' });
        options.scrollTop += gap();
        window.scrollBy(0, gap());
        return Math.abs(gap());
      }, above);
      expect(reached, `checkbox ${above}px above the bar`).toBeLessThan(1);
      await expect(bar).toBeInViewport();
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' | ')})`),
        `checkbox ${above}px above the bar`,
      ).toEqual([]);
      const ran = new Set([...results.passes, ...results.incomplete].map((r) => r.id));
      expect(ran.has('target-size')).toBe(true);
    }
  });
});
