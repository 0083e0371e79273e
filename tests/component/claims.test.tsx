import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../fixtures/render-app';

type Rec = Record<string, unknown>;

/** A second blog with two claims, so grouping and verdict counts have something to do. */
function withSecondBlog(raw: Record<string, Rec>) {
  (raw.sources!.sources as Rec[]).push({
    id: 'second-blog',
    kind: 'clinic-blog',
    condition: 'ptsd',
    title: 'Second clinic post',
    venue: 'Second Clinic',
  });
  (raw.claims!.claims as Rec[]).push(
    {
      id: 'second-blog-lasts-forever',
      sourceId: 'second-blog',
      treatmentId: 'ketamine-iv-six-infusions',
      metric: 'duration',
      statement: 'The post says the benefit is permanent.',
      locator: 'first paragraph',
      verdict: 'unsupported',
      evidence: [],
      rationale: 'No study followed people that long.',
    },
    {
      id: 'second-blog-responders',
      sourceId: 'second-blog',
      treatmentId: 'ketamine-iv-six-infusions',
      metric: 'response',
      statement: 'The post says two in three respond after six infusions.',
      locator: 'second paragraph',
      verdict: 'consistent',
      evidence: ['feder-2021-response-ketamine-wk2', 'feder-2021-response-midazolam-wk2'],
      rationale: 'Feder 2021 found 67% against 20%.',
    },
  );
}

describe('Claims view', () => {
  it('groups claims by blog with how many were checked, and counts verdicts', async () => {
    renderApp('?view=claims', withSecondBlog);
    const first = await screen.findByRole('region', { name: 'Example Clinic' });
    expect(first).toHaveTextContent('checked 1 claim');
    expect(within(first).getByRole('link', { name: /Read the post/ })).toHaveAttribute(
      'href',
      'https://clinic.example.org/post',
    );
    const second = screen.getByRole('region', { name: 'Second Clinic' });
    expect(second).toHaveTextContent('checked 2 claims');
    expect(within(second).getByText('No web address known')).toBeInTheDocument();
    const summary = screen.getByRole('group', { name: /Claims by verdict/ });
    expect(within(summary).getByRole('button', { name: /Overstated 1/ })).toHaveAttribute('aria-pressed', 'false');
    expect(within(summary).getByRole('button', { name: /Unsupported 1/ })).toBeInTheDocument();
    expect(within(summary).getByRole('button', { name: /Misattributed 0/ })).toBeInTheDocument();
  });

  it('filters by verdict through the shared URL state', async () => {
    const user = userEvent.setup();
    renderApp('?view=claims', withSecondBlog);
    const summary = await screen.findByRole('group', { name: /Claims by verdict/ });
    await user.click(within(summary).getByRole('button', { name: /Consistent with the evidence 1/ }));
    await waitFor(() => expect(window.location.search).toBe('?view=claims&verdict=consistent'));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Example Clinic' })).toBeNull());
    expect(screen.getByRole('heading', { name: /two in three respond/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /benefit is permanent/ })).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Remove filter Verdict: Consistent with the evidence' }),
    ).toBeInTheDocument();
  });

  it('opens a claim link at that claim, marked and focused, with where its number sits', async () => {
    renderApp('?view=claims&claim=example-clinic-blog-seventy-percent', withSecondBlog);
    const heading = await screen.findByRole('heading', { name: 'The post says about 70% improve.' });
    await waitFor(() => expect(heading).toHaveFocus());
    const card = heading.closest('li') as HTMLElement;
    expect(card).toHaveClass('claim-card--highlighted');
    expect(
      within(card).getByText(/^The claim's “70%” sits above the only treatment-arm response figure, 67%\./),
    ).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Link to this claim' })).toHaveAttribute(
      'href',
      '?view=claims&claim=example-clinic-blog-seventy-percent',
    );
    const evidence = within(card).getByRole('button', {
      name: /Feder 2021 \(randomized trial\): .*response 67% \(n 15\)/,
    });
    expect(evidence).toBeInTheDocument();
  });

  it('shows the claim verdict in the table', async () => {
    renderApp('?view=table');
    const table = await screen.findByRole('table');
    const row = within(table).getByText('Claim to check').closest('tr') as HTMLElement;
    expect(within(row).getByText('Overstated')).toBeInTheDocument();
  });
});
