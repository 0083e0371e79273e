import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/data/check';
import { buildStore, type Store } from '../../src/data/normalize';
import { FACETS, selectFacetCounts, selectFiltered, type Facet } from '../../src/selectors/select-filtered';
import { selectAllRows } from '../../src/selectors/select-table-rows';
import {
  EVIDENCE_COLUMNS,
  EXPORT_HEADER,
  SOURCE_COLUMNS,
  selectExportRecords,
  selectSourceRows,
  sortRows,
} from '../../src/selectors/table-columns';
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
