import { readFileSync } from 'node:fs';
import { expect, replaceDataFile, test } from './fixtures';

const outcomes = JSON.parse(readFileSync('data/outcomes.json', 'utf8')) as {
  version: string;
  reviewed: string;
  outcomes: Record<string, unknown>[];
};

test('the built app loads the dataset and shows the table with linked sources', async ({ page }) => {
  await page.goto('./?view=table');
  const table = page.getByRole('table').first();
  await expect(table).toBeVisible();
  await expect(page.getByRole('heading', { name: 'PTSD Treatment Evidence' })).toBeVisible();
  const claims = (JSON.parse(readFileSync('data/claims.json', 'utf8')) as { claims: unknown[] }).claims.length;
  const figures = outcomes.outcomes.length;
  await expect(page.getByTestId('result-count')).toHaveText(
    `Showing ${figures} of ${figures} figures and ${claims} of ${claims} claims`,
  );
  // Long tables are virtualized: every row counts for assistive technology, a screenful is in the DOM.
  await expect(table).toHaveAttribute('aria-rowcount', String(figures + claims + 1));
  await expect(table.locator('tbody tr[data-row-id]').first()).toBeVisible();
  const firstLink = table.locator('td[data-column="source"] a').first();
  await expect(firstLink).toHaveAttribute('href', /^https:\/\//);
  await expect(page.getByText('Not medical advice.')).toBeVisible();
  await expect(page.getByTestId('dataset-version')).toHaveText(outcomes.version);
});

test('a broken dataset shows the error screen naming file, record and field', async ({ page }) => {
  const broken = structuredClone(outcomes);
  const first = broken.outcomes[0];
  if (!first) throw new Error('data/outcomes.json has no outcomes');
  first.value = 'sixty-seven';
  await replaceDataFile(page, 'outcomes.json', JSON.stringify(broken));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'The dataset did not pass its checks' })).toBeVisible();
  const item = page.locator('.issue-list li').first();
  await expect(item).toContainText('outcomes.json');
  await expect(item).toContainText(String(first.id));
  await expect(item).toContainText('value');
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('a dangling reference is reported with the missing id', async ({ page }) => {
  const broken = structuredClone(outcomes);
  const first = broken.outcomes[0];
  if (!first) throw new Error('data/outcomes.json has no outcomes');
  first.sourceId = 'no-such-source';
  await replaceDataFile(page, 'outcomes.json', JSON.stringify(broken));
  await page.goto('./');
  await expect(page.locator('.issue-list')).toContainText('no-such-source');
});

test('a javascript: link in the data is refused, never rendered', async ({ page }) => {
  const sources = JSON.parse(readFileSync('data/sources.json', 'utf8')) as {
    sources: Record<string, unknown>[];
  };
  const first = sources.sources[0];
  if (!first) throw new Error('data/sources.json has no sources');
  first.url = 'javascript:alert(1)';
  await replaceDataFile(page, 'sources.json', JSON.stringify(sources));
  await page.goto('./');
  await expect(page.locator('.issue-list')).toContainText('must be an absolute https:// URL');
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
});

test.describe('when a file cannot be fetched', () => {
  // The browser itself logs the 503; that is the scenario under test, not an app error.
  test.use({ allowedConsoleErrors: [/status of 503/] });

  test('the app says so and Retry loads the data', async ({ page }) => {
    let failNext = true;
    await page.route('**/data/claims.json*', async (route) => {
      if (failNext) {
        failNext = false;
        await route.fulfill({ status: 503, body: 'unavailable' });
      } else {
        await route.continue();
      }
    });
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'The dataset could not be loaded' })).toBeVisible();
    await expect(page.locator('.issue-list')).toContainText('claims.json');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('table').first()).toBeVisible();
  });
});
