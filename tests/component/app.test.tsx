import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import type { LoadResult } from '../../src/data/load';
import { fixtureLoader, renderApp } from '../fixtures/render-app';

describe('App', () => {
  it('shows a loading state, then the table of figures with linked sources', async () => {
    renderApp('?view=table');
    expect(screen.getByRole('status')).toHaveTextContent(/loading/i);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    const links = within(table).getAllByRole('link', { name: /Feder 2021/ });
    expect(links[0]).toHaveAttribute('href', 'https://doi.org/10.1176/appi.ajp.2020.20050596');
    expect(within(table).getByText('Claim to check')).toBeInTheDocument();
    expect(screen.getAllByText(/not medical advice/i)[0]).toBeInTheDocument();
    expect(screen.getByTestId('dataset-version')).toHaveTextContent('fixture-1');
    expect(screen.getByTestId('result-count')).toHaveTextContent('Showing 3 of 3 figures and 1 of 1 claims');
  });

  it('shows every problem of an invalid dataset and no figures', async () => {
    renderApp('?view=table', (raw) => {
      (raw.outcomes.outcomes as Record<string, unknown>[])[0]!.unit = 'furlongs';
    });
    expect(await screen.findByRole('heading', { name: /did not pass its checks/ })).toBeInTheDocument();
    const item = screen.getByRole('listitem');
    expect(item).toHaveTextContent('outcomes.json');
    expect(item).toHaveTextContent('feder-2021-response-ketamine-wk2');
    expect(item).toHaveTextContent('unit');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers Retry after a failed fetch', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const loader = async (): Promise<LoadResult> => {
      calls += 1;
      if (calls === 1)
        return {
          status: 'fetch-failed',
          failures: [{ file: 'sources.json', message: 'could not be fetched (offline)' }],
        };
      return fixtureLoader()();
    };
    render(<App loader={loader} />);
    expect(await screen.findByRole('heading', { name: /could not be loaded/ })).toBeInTheDocument();
    expect(screen.getByText(/offline/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});
