import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../fixtures/render-app';

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const columnText = (table: HTMLElement, column: string) =>
  bodyRows(table).map(
    (r) =>
      r.querySelector(`td[data-column="${column}"] .value`)?.textContent ??
      r.querySelector(`td[data-column="${column}"]`)?.textContent,
  );
const header = (table: HTMLElement, name: RegExp) => within(table).getByRole('columnheader', { name });

describe('evidence table', () => {
  it('sorts by a header button, sets aria-sort, and writes the sort to the URL', async () => {
    const user = userEvent.setup();
    renderApp('?view=table');
    const table = await screen.findByRole('table');
    const value = header(table, /^Value/);
    expect(value).not.toHaveAttribute('aria-sort');
    await user.click(within(value).getByRole('button'));
    expect(value).toHaveAttribute('aria-sort', 'ascending');
    expect(columnText(table, 'value')).toEqual(['27.5 days', '20%', '67%', '70%']);
    await user.click(within(value).getByRole('button'));
    expect(value).toHaveAttribute('aria-sort', 'descending');
    expect(columnText(table, 'value')).toEqual(['27.5 days', '70%', '67%', '20%']);
    await waitFor(() => expect(window.location.search).toBe('?view=table&sort=value.desc'));
  });

  it('sorts from the keyboard', async () => {
    const user = userEvent.setup();
    renderApp('?view=table');
    const table = await screen.findByRole('table');
    within(header(table, /^Year/)).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(header(table, /^Year/)).toHaveAttribute('aria-sort', 'ascending');
  });

  it('multi-sorts without a Shift key and shows the priority', async () => {
    const user = userEvent.setup();
    renderApp('?view=table');
    const table = await screen.findByRole('table');
    await user.click(screen.getByLabelText('Sort by several columns'));
    await user.click(within(header(table, /^Measure/)).getByRole('button'));
    await user.click(within(header(table, /^Value/)).getByRole('button'));
    await user.click(within(header(table, /^Value/)).getByRole('button'));
    expect(within(header(table, /^Measure/)).getByRole('button')).toHaveAccessibleName(/^Measure.*sort priority 1$/);
    expect(within(header(table, /^Value/)).getByRole('button')).toHaveAccessibleName(/^Value.*sort priority 2$/);
    expect(columnText(table, 'value')).toEqual(['27.5 days', '70%', '67%', '20%']);
    await waitFor(() => expect(window.location.search).toBe('?view=table&sort=metric.asc,value.desc'));
    expect(screen.getByText(/Sorted by/)).toHaveTextContent(
      'Sorted by Measure (low to high), then Value (high to low)',
    );
  });

  it('filters by measure and by source, with chips that remove the filter', async () => {
    const user = userEvent.setup();
    renderApp('?view=table');
    const table = await screen.findByRole('table');
    const measures = screen.getByRole('group', { name: 'Measure' });
    await user.click(within(measures).getByLabelText(/^Duration/));
    expect(bodyRows(table)).toHaveLength(1);
    expect(screen.getByTestId('result-count')).toHaveTextContent('Showing 1 of 3 figures and 0 of 1 claims');
    await waitFor(() => expect(window.location.search).toBe('?view=table&metric=duration'));
    await user.click(screen.getByRole('button', { name: 'Remove filter Measure: Duration' }));
    expect(bodyRows(table)).toHaveLength(4);

    const sources = screen.getByRole('group', { name: /Sources/ });
    await user.type(within(sources).getByRole('searchbox', { name: 'Find a source' }), 'example');
    await user.click(within(sources).getByLabelText(/Example Clinic/));
    await waitFor(() => expect(bodyRows(screen.getByRole('table'))).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(bodyRows(screen.getByRole('table'))).toHaveLength(4);
    await waitFor(() => expect(window.location.search).toBe('?view=table'));
  });

  it('searches as you type and shows an empty state', async () => {
    const user = userEvent.setup();
    renderApp('?view=table');
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: 'Search figures and claims' }), 'zzzz');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText(/No figures match these filters/)).toBeInTheDocument();
  });

  it('opens a figure’s details, shows its source and locator, and returns focus on close', async () => {
    const user = userEvent.setup();
    renderApp('?view=table');
    const table = await screen.findByRole('table');
    const open = within(table).getAllByRole('button', { name: /^Details: Midazolam/ })[0]!;
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: /Midazolam \(active placebo\): Response/ });
    expect(within(dialog).getByText('abstract, Results')).toBeInTheDocument();
    expect(within(dialog).getByText('At least a 30% fall in CAPS-5 from baseline')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: /DOI 10.1176/ })).toHaveAttribute(
      'href',
      'https://doi.org/10.1176/appi.ajp.2020.20050596',
    );
    expect(within(dialog).getByRole('link', { name: /NCT02397889/ })).toHaveAttribute(
      'href',
      'https://clinicaltrials.gov/study/NCT02397889',
    );
    expect(within(dialog).getByRole('heading', { name: /Other figures from this source \(2\)/ })).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe('?view=table&fig=feder-2021-response-midazolam-wk2'));
    expect(within(dialog).getByRole('button', { name: /Close/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('"Show only this source" filters the table to that source', async () => {
    const user = userEvent.setup();
    renderApp('?view=table&fig=example-clinic-blog-seventy-percent');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Overstated')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Show only this source' }));
    expect(bodyRows(screen.getByRole('table'))).toHaveLength(1);
    await waitFor(() => expect(window.location.search).toBe('?view=table&src=example-clinic-blog'));
  });

  it('hides and shows columns, kept in the URL', async () => {
    const user = userEvent.setup();
    renderApp('?view=table&show=definition&hide=year');
    const table = await screen.findByRole('table');
    expect(within(table).queryByRole('columnheader', { name: /^Year/ })).not.toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /^Definition/ })).toBeInTheDocument();
    await user.click(screen.getByText('Columns'));
    await user.click(screen.getByLabelText('Year'));
    expect(within(table).getByRole('columnheader', { name: /^Year/ })).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe('?view=table&show=definition'));
  });
});
