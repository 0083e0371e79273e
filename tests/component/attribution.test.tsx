import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import type { LoadResult } from '../../src/data/load';
import { buildStore } from '../../src/data/normalize';
import { DATABASES } from '../../src/data/vocabulary';
import { shortCitation } from '../../src/lib/format';
import { data, result } from '../data/real-dataset';

const METAPSY = DATABASES['metapsy-ptsd-psyctr'];
const DOI_URL = 'https://doi.org/10.5281/zenodo.10027042';
const store = buildStore(data);

/** The whole app on the real dataset, at the given query string. */
function renderReal(search: string) {
  window.history.replaceState(null, '', `/${search}`);
  const loader = async (): Promise<LoadResult> => ({ status: 'ready', store });
  return render(<App loader={loader} />);
}

/** The credit's two links, each https, opening safely, by their names. */
function expectCreditLinks(scope: HTMLElement) {
  const doi = within(scope).getByRole('link', { name: /^DOI 10\.5281\/zenodo\.10027042/ });
  expect(doi).toHaveAttribute('href', DOI_URL);
  const licence = within(scope).getByRole('link', { name: /Open Data Commons Attribution License 1\.0/ });
  expect(licence).toHaveAttribute('href', METAPSY.licence.url);
  for (const link of [doi, licence]) {
    expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
}

// The real dataset makes a large page, and role queries over it are slow in jsdom.
const SLOW = 30_000;

describe('attribution of data from the Metapsy database', () => {
  it('uses the real dataset', () => expect(result.ok).toBe(true));

  it(
    'credits an imported figure in its details: database, row and study, DOI, licence, rating, SE and RoB',
    async () => {
      renderReal('?view=about&fig=acarturk-2016-metapsy-g-emdr-ies');
      const dialog = await screen.findByRole('dialog', { name: /Effect size/ });
      const credit = within(dialog).getAllByTestId('database-credit');
      // The figure's own credit covers the source and its judgement too: named once, not three times.
      expect(credit).toHaveLength(1);
      expect(credit[0]).toHaveTextContent(
        `From the ${METAPSY.name}, version 2023-10-26 18e03cb, row 1 (study “Acarturk, 2016”).`,
      );
      expectCreditLinks(credit[0]!);
      expect(within(dialog).getByText('Who rated it').nextElementSibling).toHaveTextContent('Self-reported');
      expect(within(dialog).getByText('Standard error').nextElementSibling).toHaveTextContent('0.307');
      expect(dialog).toHaveTextContent('Population group: Civilians');

      const rob = within(dialog).getByRole('region', { name: 'Risk of bias (RoB 2)' });
      const judgement = (label: string) => within(rob).getByText(label).nextElementSibling;
      expect(judgement('Overall')).toHaveTextContent('Some concerns');
      expect(judgement('Randomization process')).toHaveTextContent('Low risk of bias');
      expect(judgement('Deviations from the intended treatment')).toHaveTextContent('Some concerns');
      expect(judgement('Missing outcome data')).toHaveTextContent('Low risk of bias');
      expect(judgement('Measurement of the outcome')).toHaveTextContent('Low risk of bias');
      expect(judgement('Selection of the reported result')).toHaveTextContent('Low risk of bias');
      expect(judgement('Judged by')).toHaveTextContent(`The ${METAPSY.shortName}, not the curators`);
    },
    SLOW,
  );

  it(
    'names the database behind a curated trial’s risk of bias, with its DOI and licence',
    async () => {
      renderReal('?view=about&fig=foa-2005-duration-pe');
      const dialog = await screen.findByRole('dialog', { name: /Duration/ });
      const rob = within(dialog).getByRole('region', { name: 'Risk of bias (RoB 2)' });
      expect(within(rob).getByText('Overall').nextElementSibling).toHaveTextContent('High risk of bias');
      expect(within(rob).getByText('Judged by').nextElementSibling).toHaveTextContent(METAPSY.shortName);
      // The figure itself was curated: no "Data from" line, but the judgement is credited.
      expect(within(dialog).queryByText('Data from')).not.toBeInTheDocument();
      expectCreditLinks(rob);
    },
    SLOW,
  );

  it(
    'shows no credit on a figure and source that owe nothing to a database',
    async () => {
      renderReal('?view=about&fig=feder-2021-response-ketamine-wk2');
      const dialog = await screen.findByRole('dialog', { name: /Response/ });
      expect(within(dialog).queryByTestId('database-credit')).not.toBeInTheDocument();
      expect(within(dialog).queryByRole('region', { name: /Risk of bias/ })).not.toBeInTheDocument();
    },
    SLOW,
  );

  it(
    'gives an imported source’s page its population group, RoB and credit',
    async () => {
      renderReal('?view=sources&source=acarturk-2016');
      const title = await screen.findByRole('heading', { level: 2, name: /efficacy of eye movement desensitization/ });
      const page = title.closest('section')!;
      expect(within(page).getByText('Population group').nextElementSibling).toHaveTextContent('Civilians');
      const credit = within(page).getByTestId('database-credit');
      expect(credit).toHaveTextContent(`${METAPSY.name}, version 2023-10-26 18e03cb, study “Acarturk, 2016”`);
      expectCreditLinks(credit);
      const rob = within(page).getByRole('region', { name: 'Risk of bias (RoB 2)' });
      expect(within(rob).getByRole('heading', { level: 3 })).toBeInTheDocument();
      expect(within(rob).getByText('Overall').nextElementSibling).toHaveTextContent('Some concerns');
    },
    SLOW,
  );

  it(
    'About names the database, what it holds, its DOI and licence, and counts what came from it',
    async () => {
      renderReal('?view=about');
      const section = await screen.findByRole('region', { name: METAPSY.name });
      expect(screen.getByRole('heading', { name: 'Data from other databases' })).toBeInTheDocument();
      expect(section).toHaveTextContent('102 trials as 131 rows');
      expect(section).toHaveTextContent('2023-03-03');
      expect(section).toHaveTextContent('npm run import:metapsy');
      expectCreditLinks(section);
      const figures = store.outcomes.filter((o) => o.provenance).length;
      const sources = store.sources.filter((s) => s.provenance).length;
      const merged = store.sources.filter((s) => !s.provenance && s.riskOfBias?.database).length;
      expect(section).toHaveTextContent(`${figures} figures of ${store.outcomes.length}`);
      expect(section).toHaveTextContent(`${sources} sources of ${store.sources.length}`);
      expect(section).toHaveTextContent(`${merged} more trials`);
    },
    SLOW,
  );
});

describe('the source picker with ~190 sources', () => {
  async function openPicker() {
    renderReal('?view=sources');
    return screen.findByRole('group', { name: /^Sources/ });
  }
  const trials = store.sources.filter((s) => s.kind === 'rct');

  it(
    'lists 12 trials and a "Show all" button, then all of them',
    async () => {
      const user = userEvent.setup();
      const picker = await openPicker();
      const group = within(picker).getByRole('group', { name: 'Randomized trial' });
      expect(within(group).getAllByRole('checkbox')).toHaveLength(12);
      const more = within(picker).getByRole('button', { name: `Show all ${trials.length} Randomized trial sources` });
      await user.click(more);
      expect(within(group).getAllByRole('checkbox')).toHaveLength(trials.length);
      // The keyboard goes on from the first source that was not listed before.
      expect(within(group).getAllByRole('checkbox')[12]).toHaveFocus();
      await user.click(within(picker).getByRole('button', { name: 'Show fewer Randomized trial sources' }));
      expect(within(group).getAllByRole('checkbox')).toHaveLength(12);
    },
    SLOW,
  );

  it(
    'finds a source by a co-author or by year, and keeps a ticked source listed',
    async () => {
      const user = userEvent.setup();
      const picker = await openPicker();
      const search = within(picker).getByRole('searchbox', { name: 'Find a source' });
      // Konuk is Acarturk 2016's second author; the short citation names only the first.
      await user.type(search, 'konuk');
      await user.click(within(picker).getByLabelText(/^Acarturk 2016/));
      await user.clear(search);
      await user.type(search, '2016 acarturk');
      expect(within(picker).getByLabelText(/^Acarturk 2016/)).toBeChecked();
      await user.clear(search);
      // Acarturk is listed first anyway; a trial from the end of the list shows that ticked ones stay in view.
      const last = trials.map(shortCitation).sort((a, b) => a.localeCompare(b))[trials.length - 1]!;
      await user.type(search, last);
      await user.click(within(picker).getByLabelText(new RegExp(`^${last}`)));
      await user.clear(search);
      const group = within(picker).getByRole('group', { name: 'Randomized trial' });
      const boxes = within(group).getAllByRole('checkbox');
      expect(boxes.length).toBeGreaterThan(12);
      expect(boxes.filter((b) => (b as HTMLInputElement).checked)).toHaveLength(2);
    },
    SLOW,
  );
});
