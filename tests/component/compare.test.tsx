import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/data/check';
import { buildStore } from '../../src/data/normalize';
import { selectCompareCharts } from '../../src/selectors/select-compare-charts';
import { rawFixture } from '../fixtures/load-fixture';
import { renderApp } from '../fixtures/render-app';

function fixtureStore() {
  const result = validateDataset(rawFixture());
  if (!result.ok) throw new Error('fixture invalid');
  return buildStore(result.dataset);
}

const markIds = (chart: HTMLElement) =>
  [...chart.querySelectorAll('[data-record-id]')].map((el) => el.getAttribute('data-record-id'));

describe('Compare view', () => {
  it('is the landing view: the grid at a glance, a cell that opens the table on exactly its figures', async () => {
    const user = userEvent.setup();
    renderApp('');
    expect(await screen.findByRole('heading', { level: 2, name: /^At a glance/ })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Compare · PTSD Treatment Evidence'));
    const cell = screen.getByTestId('glance-ketamine-improve');
    expect(cell).toHaveTextContent('67 of 100 vs 20 of 100 on midazolam (active placebo)');
    expect(screen.getByTestId('glance-psychotherapy-improve')).toHaveTextContent(/No controlled PTSD trial/);
    const link = within(cell).getByRole('link', { name: /2 figures from 1 source/ });
    expect(link).toHaveAttribute('href', '?view=table&cell=ketamine.improve');
    await user.click(link);
    const table = await screen.findByRole('table');
    expect(table.querySelectorAll('tbody tr[data-row-id]')).toHaveLength(2);
    expect(
      screen.getByRole('button', { name: /Remove filter Behind the summary: Ketamine · How many improve/ }),
    ).toBeInTheDocument();
  });

  it('draws one focusable mark per record the selector places, and a mark opens its figure by click or Enter', async () => {
    const user = userEvent.setup();
    renderApp('');
    const chart = (await screen.findByRole('heading', { name: 'How many improve, beside the control arm' })).closest(
      'section',
    ) as HTMLElement;
    const expected = selectCompareCharts(fixtureStore(), fixtureStore().outcomes).improve.markIds;
    await waitFor(() => expect(markIds(chart).sort()).toEqual([...expected].sort()));
    expect(expected).toEqual(['feder-2021-response-ketamine-wk2', 'feder-2021-response-midazolam-wk2']);

    const mark = chart.querySelector('[data-record-id="feder-2021-response-ketamine-wk2"]') as HTMLElement;
    expect(mark).toHaveAttribute('role', 'button');
    expect(mark).toHaveAttribute('tabindex', '0');
    expect(mark.getAttribute('aria-label')).toMatch(
      /response.*: 67%, n 15, \+47 per 100 against control \(Feder 2021\)/,
    );
    await user.click(mark);
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('link', { name: /Open the source/ })).toHaveAttribute(
      'href',
      'https://doi.org/10.1176/appi.ajp.2020.20050596',
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const control = chart.querySelector('[data-record-id="feder-2021-response-midazolam-wk2"]') as HTMLElement;
    control.focus();
    await user.keyboard('{Enter}');
    dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(/Midazolam/);
  });

  it('says why a chart is empty when the filters leave nothing to draw', async () => {
    renderApp('?metric=duration');
    const heading = await screen.findByRole('heading', { name: 'How many improve, beside the control arm' });
    const chart = heading.closest('section') as HTMLElement;
    expect(
      within(chart).getByText('No response, remission or loss-of-diagnosis rate passes these filters.'),
    ).toBeInTheDocument();
    expect(markIds(chart)).toEqual([]);
  });
});
