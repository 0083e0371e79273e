import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/data/check';
import { buildStore, type Store } from '../../src/data/normalize';
import { FACETS, selectFacetCounts, selectFiltered, type Facet } from '../../src/selectors/select-filtered';
import { selectAllRows } from '../../src/selectors/select-table-rows';
import {
  EVIDENCE_COLUMNS,
  EXPORT_HEADER,
  SOURCE_COLUMNS,
  selectAttribution,
  selectExportRecords,
  selectSourceRows,
  sortRows,
} from '../../src/selectors/table-columns';
import { DATABASES } from '../../src/data/vocabulary';
import { COLUMN_IDS, DEFAULT_FILTERS, SOURCE_COLUMN_IDS, type Filters } from '../../src/state/view-state';
import { data, result } from '../data/real-dataset';
import { rawFixture } from '../fixtures/load-fixture';

function fixtureStore(): Store {
  const r = validateDataset(rawFixture());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return buildStore(r.dataset);
}

describe('the column module', () => {
  it('defines every evidence column once, in the order the URL tokens list them', () => {
    expect(EVIDENCE_COLUMNS.map((c) => c.id)).toEqual([...COLUMN_IDS]);
    expect(SOURCE_COLUMNS.map((c) => c.id)).toEqual([...SOURCE_COLUMN_IDS]);
  });

  it('gives the export one header with no duplicate, every column contributing its fields', () => {
    expect(new Set(EXPORT_HEADER).size).toBe(EXPORT_HEADER.length);
    for (const c of EVIDENCE_COLUMNS) {
      expect(c.exports.length, c.id).toBeGreaterThan(0);
      for (const [name] of c.exports) expect(EXPORT_HEADER).toContain(name);
    }
    expect(EXPORT_HEADER.slice(0, 2)).toEqual(['row_type', 'id']);
  });

  it('exports a figure and a claim by the same rules the table shows them', () => {
    const store = fixtureStore();
    const rows = selectAllRows(store);
    const [record] = selectExportRecords(
      rows.filter((r) => r.rowKind === 'claim'),
      { datasetVersion: 'v', viewUrl: 'https://example.org/', filters: [] },
    );
    const claim = store.claims[0]!;
    expect(record).toMatchObject({
      row_type: 'claim',
      id: claim.id,
      locator: claim.locator,
      claim_statement: claim.statement,
      claim_verdict: claim.verdict,
      note: undefined,
      filters: 'none',
    });
    const figures = selectExportRecords(
      rows.filter((r) => r.rowKind === 'figure'),
      { datasetVersion: 'v', viewUrl: 'https://example.org/', filters: ['Measure: Response'] },
    );
    for (const [i, f] of figures.entries()) {
      const o = store.outcomes[i]!;
      expect(f).toMatchObject({ row_type: 'figure', id: o.id, value: o.value, locator: o.locator, n: o.n });
      // The table's text and the export's value for the same column agree.
      const row = rows.find((r) => r.id === o.id)!;
      expect(f.treatment).toBe(EVIDENCE_COLUMNS[0]!.text(row));
    }
  });

  it('sorts the Sources table with missing values last in both directions', () => {
    const store = fixtureStore();
    const rows = selectSourceRows(store, store.sources);
    for (const desc of [false, true]) {
      const years = sortRows(rows, [{ id: 'year', desc }], SOURCE_COLUMNS).map((r) => r.source.year);
      const known = years.filter((y) => y !== undefined);
      expect(years.slice(0, known.length)).toEqual(known);
      expect(known).toEqual([...known].sort((a, b) => (desc ? b! - a! : a! - b!)));
    }
    const figures = sortRows(rows, [{ id: 'figures', desc: true }], SOURCE_COLUMNS).map((r) => r.figures);
    expect(figures).toEqual([...figures].sort((a, b) => b - a));
  });
});

describe('facet counts', () => {
  const store = buildStore(data);
  const add = (filters: Filters, facet: Facet, value: string): Filters => ({
    ...filters,
    [facet]: [...(filters[facet] as string[]), value],
  });

  // Each box's count must equal what ticking it gives, on the real dataset, under other filters.
  const bases: [string, Filters][] = [
    ['no filter', DEFAULT_FILTERS],
    ['ketamine only', { ...DEFAULT_FILTERS, classes: ['ketamine'] }],
    ['SSRI randomized trials with a search', { ...DEFAULT_FILTERS, classes: ['ssri'], query: 'response' }],
    ['peer-reviewed since 2010', { ...DEFAULT_FILTERS, kind: 'peer-reviewed', yearFrom: 2010 }],
    ['waitlist trials, clinician-rated', { ...DEFAULT_FILTERS, controls: ['waitlist'], ratings: ['clinician'] }],
  ];
  for (const [name, base] of bases) {
    it(`equal the rows a box would add when ticked (${name})`, () => {
      expect(result.ok).toBe(true);
      const counts = selectFacetCounts(store, base);
      const shown = new Set(selectFiltered(store, base).rows.map((r) => r.id));
      let checked = 0;
      for (const facet of FACETS) {
        for (const [value, count] of counts[facet]) {
          const ticked = selectFiltered(store, add(base, facet, value)).rows;
          if ((base[facet] as string[]).length === 0) {
            // Nothing ticked in this facet yet: ticking narrows to exactly the counted rows
            // (a verdict narrows claims only, so its count is of claims).
            const got = facet === 'verdicts' ? ticked.filter((r) => r.rowKind === 'claim').length : ticked.length;
            expect(got, `${facet}=${value}`).toBe(count);
          } else {
            // Boxes add up: the new box brings its rows beside those already shown.
            expect(ticked.length, `${facet}=${value}`).toBeGreaterThanOrEqual(shown.size);
          }
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(20);
    });
  }
});

describe('exports name the database a figure or judgement comes from', () => {
  const store = buildStore(data);
  const rows = selectAllRows(store);
  const context = { datasetVersion: 'v', viewUrl: 'https://example.org/', filters: [] };
  const recordOf = (id: string) => selectExportRecords([rows.find((r) => r.id === id)!], context)[0]!;
  const metapsy = DATABASES['metapsy-ptsd-psyctr'];
  const fields = [
    'rating',
    'se',
    'risk_of_bias',
    'risk_of_bias_by',
    'data_from',
    'data_doi',
    'data_licence',
    'data_row',
  ];

  it('adds the attribution fields to the header, once each', () => {
    expect(result.ok).toBe(true);
    for (const f of fields)
      expect(
        EXPORT_HEADER.filter((h) => h === f),
        f,
      ).toHaveLength(1);
  });

  it('credits a figure generated from the database with its name, DOI, licence and row', () => {
    expect(recordOf('acarturk-2016-metapsy-g-emdr-ies')).toMatchObject({
      rating: 'Self-reported',
      se: 0.307,
      risk_of_bias: 'Some concerns (RoB 2)',
      risk_of_bias_by: metapsy.name,
      data_from: metapsy.name,
      data_doi: '10.5281/zenodo.10027042',
      data_licence: 'Open Data Commons Attribution License 1.0',
      data_row: 1,
    });
  });

  it('leaves the database fields empty on a curated figure, and names the database behind a merged trial’s judgement', () => {
    const feder = recordOf('feder-2021-effect-size-ketamine-wk2');
    expect(feder.rating).toBe('Clinician-rated');
    for (const f of ['risk_of_bias', 'risk_of_bias_by', 'data_from', 'data_doi', 'data_licence', 'data_row']) {
      expect(feder[f], f).toBeUndefined();
    }
    // Foa 2005 was curated here; the database matched it and added its RoB 2 judgement, not this figure.
    const foa = recordOf('foa-2005-duration-pe');
    expect(foa).toMatchObject({ risk_of_bias: 'High risk of bias (RoB 2)', risk_of_bias_by: metapsy.name });
    expect(foa.data_from).toBeUndefined();
    expect(foa.data_doi).toBeUndefined();
  });

  it('fills data_doi and data_row on exactly the figures with provenance, across the real dataset', () => {
    const records = selectExportRecords(rows, context);
    let imported = 0;
    for (const [i, r] of rows.entries()) {
      const rec = records[i]!;
      const provenance = r.rowKind === 'figure' ? r.outcome.provenance : undefined;
      if (provenance) {
        imported += 1;
        expect(rec.data_doi, r.id).toBe(DATABASES[provenance.database].doi);
        expect(rec.data_from, r.id).toBe(DATABASES[provenance.database].name);
        expect(rec.data_row, r.id).toBe(provenance.row);
      } else {
        for (const f of ['data_from', 'data_doi', 'data_licence', 'data_row'])
          expect(rec[f], `${r.id} ${f}`).toBeUndefined();
      }
      if (r.rowKind === 'figure' && r.outcome.se !== undefined) expect(rec.se, r.id).toBe(r.outcome.se);
    }
    expect(imported).toBe(store.outcomes.filter((o) => o.provenance).length);
    expect(imported).toBeGreaterThan(100);
  });

  it('lists each database the rows draw on once for the JSON attribution, and none for curated rows only', () => {
    const only = (pred: (id: string) => boolean) => rows.filter((r) => pred(r.id));
    expect(selectAttribution(only((id) => id.startsWith('feder-2021')))).toEqual([]);
    const expected = {
      database: metapsy.name,
      doi: '10.5281/zenodo.10027042',
      doiUrl: 'https://doi.org/10.5281/zenodo.10027042',
      licence: metapsy.licence.name,
      licenceUrl: metapsy.licence.url,
      url: metapsy.origin,
    };
    expect(selectAttribution(rows)).toEqual([expected]);
    // A merged trial's curated figure still carries the database's risk-of-bias judgement.
    expect(selectAttribution(only((id) => id === 'foa-2005-duration-pe'))).toEqual([expected]);
    for (const a of selectAttribution(rows)) {
      for (const url of [a.doiUrl, a.licenceUrl, a.url]) expect(new URL(url).protocol).toBe('https:');
    }
  });
});
