import { expect, test } from './fixtures';

test('a claim link in a fresh browser opens that claim, places its number among the evidence, and leads to the source', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('./?view=claims&claim=ketamine-relief-blog-feder-2014-lasting-two-weeks');
  const card = page.locator('#claim-ketamine-relief-blog-feder-2014-lasting-two-weeks');
  const heading = card.getByRole('heading', { level: 4 });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(card).toContainText('Overstated');
  // Where the claimed "two weeks" sits: a chart with the claim's line and focusable figures.
  await expect(card.locator('.claim-context__summary')).toContainText('two weeks');
  await expect(card.locator('.claim-chart [data-record-id]').first()).toBeVisible();
  // Its evidence opens the figure, and the figure opens its source.
  await card
    .getByRole('button', { name: /^Pradhan 2017/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Not medical advice');
  await expect(dialog.getByRole('link', { name: /Open the source/ })).toHaveAttribute('href', /^https:\/\//);
  await context.close();
});

test('claims filter by blog and verdict, and About renders the known gaps from the dataset', async ({ page }) => {
  await page.goto('./?view=claims&verdict=consistent');
  await expect(page.getByRole('button', { name: 'Remove filter Verdict: Consistent with the evidence' })).toBeVisible();
  const badges = page.locator('.claim-card .verdict');
  await expect(badges.first()).toBeVisible();
  expect(new Set(await badges.allTextContents())).toEqual(new Set(['✓ Consistent with the evidence']));

  await page.goto('./?view=about');
  await expect(page.getByTestId('known-gaps')).toContainText('Side effects of IV ketamine');
  await expect(page.getByRole('link', { name: 'outcomes.json' })).toHaveAttribute('href', 'data/outcomes.json');
});
