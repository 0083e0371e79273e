// The built site deployed under a sub-path of a static host, with the headers from public/_headers
// (bench/serve.ts): assets and data/*.json must resolve relative to the page, and deep links must reload.
import { readFileSync } from 'node:fs';
import { contentSecurityPolicy, serveDist, type Served } from '../../bench/serve';
import { COMPARE_HEADING, expect, reachCharts, test } from './fixtures';

// Like the other journeys this one runs past the CSP (playwright.config.ts sets bypassCSP); csp.spec.ts enforces it.
const SUB_PATH = '/some/sub/path/';
let site: Served;

test.beforeAll(async () => {
  site = await serveDist({ root: 'dist', basePath: SUB_PATH });
});

test.afterAll(async () => {
  await site?.close();
});

const feder2021 = (
  JSON.parse(readFileSync('data/outcomes.json', 'utf8')) as { outcomes: { sourceId: string }[] }
).outcomes.filter((o) => o.sourceId === 'feder-2021').length;

test('from a sub-path: Compare with data, another view, and a reloaded deep link', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  const response = await page.goto(site.url);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toBe(contentSecurityPolicy());
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toBe('no-cache');

  // Compare, with figures from the dataset fetched beside the page.
  await expect(page.locator('main h2').first()).toHaveText(COMPARE_HEADING);
  await expect(page.getByTestId('glance-ketamine-onset')).toContainText('24 hours');
  await reachCharts(page);
  await expect(page.locator('#chart-improve [data-record-id]').first()).toBeVisible();
  expect(requests).toContain(`${site.url}data/outcomes.json`);
  // Everything the page asked for lives under the sub-path.
  expect(requests.filter((url) => !url.startsWith(site.url))).toEqual([]);

  // Another view, from the site's own navigation: the address stays under the sub-path.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Sources', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(SUB_PATH);

  // A deep link under the sub-path, loaded and then reloaded.
  const deepLink = `${site.url}?view=table&src=feder-2021`;
  await page.goto(deepLink);
  const count = page.getByTestId('result-count');
  await expect(count).toContainText(`Showing ${feder2021} of`);
  await page.reload();
  await expect(page).toHaveURL(deepLink);
  await expect(count).toContainText(`Showing ${feder2021} of`);
  await expect(page.locator('.evidence-table tbody tr[data-row-id]')).toHaveCount(feder2021);
});

test('the host sends hashed assets as immutable, the dataset as revalidated, and text gzip-compressed', async ({
  request,
}) => {
  const html = await (await request.get(site.url)).text();
  const script = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  expect(script, 'index.html loads its entry script by a relative path').toBeTruthy();
  const asset = await request.get(site.url + script!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(asset.status()).toBe(200);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('gzip');
  expect(asset.headers()['content-type']).toMatch(/^text\/javascript/);
  const data = await request.get(`${site.url}data/outcomes.json`);
  expect(data.headers()['cache-control']).toBe('no-cache');
  expect(data.headers()['content-type']).toMatch(/^application\/json/);
  // The sub-path without its slash redirects to it; outside it there is nothing.
  const bare = await request.get(site.url.slice(0, -1), { maxRedirects: 0 });
  expect(bare.status()).toBe(301);
  expect(bare.headers()['location']).toBe(SUB_PATH);
  expect((await request.get(`${site.origin}/index.html`)).status()).toBe(404);
  expect((await request.get(`${site.url}_headers`)).status()).toBe(404);
});
