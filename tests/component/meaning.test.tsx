import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../fixtures/render-app';

type Rec = Record<string, unknown>;

/** Adds a depression-trial source with an esketamine side-effect rate, and a printed limit, to the fixture. */
function withContext(raw: Record<string, Rec>) {
  (raw.sources!.sources as Rec[]).push({
    id: 'spravato-label',
    kind: 'drug-label',
    condition: 'depression',
    title: 'SPRAVATO (esketamine) nasal spray US prescribing information',
    venue: 'US FDA-approved drug label',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d81a6a79-a74a-44b7-822c-0dfa3036eaed',
  });
  (raw.outcomes!.outcomes as Rec[]).push(
    {
      id: 'spravato-label-adverse-event-dissociation-esketamine-trd',
      sourceId: 'spravato-label',
      treatmentId: 'ketamine-iv-six-infusions',
      metric: 'adverse-event',
      value: 41,
      unit: '%',
      n: 346,
      events: 142,
      sideEffect: 'dissociation',
      locator: 'label Table 2',
      note: 'Not a PTSD population.',
    },
    {
      id: 'feder-2021-duration-ketamine-max',
      sourceId: 'feder-2021',
      treatmentId: 'ketamine-iv-six-infusions',
      metric: 'duration',
      value: 2,
      unit: 'weeks',
      bound: 'at-most',
      domain: 'ptsd',
      locator: 'abstract',
    },
  );
}

describe('meaning fields as a reader meets them', () => {
  it('labels a non-PTSD figure in the table and shows a printed limit as a limit', async () => {
    renderApp('?view=table', withContext);
    const table = await screen.findByRole('table');
    const contextRow = within(table).getByText('dissociation').closest('tr') as HTMLElement;
    expect(within(contextRow).getByText(/Not a PTSD population: depression/)).toBeInTheDocument();
    expect(within(table).getByText('at most 2 weeks')).toBeInTheDocument();
  });

  it('says in the details panel that a figure is context from another population', async () => {
    renderApp('?fig=spravato-label-adverse-event-dissociation-esketamine-trd', withContext);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Not a PTSD population: depression\. Shown as context only/)).toBeInTheDocument();
  });

  it('says in the details panel what a limit measures, and adds no population warning for PTSD figures', async () => {
    renderApp('?fig=feder-2021-duration-ketamine-max', withContext);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('at most 2 weeks')).toBeInTheDocument();
    expect(within(dialog).getByText('PTSD symptoms')).toBeInTheDocument();
    expect(within(dialog).queryByText(/Not a PTSD population/)).toBeNull();
  });
});
