import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/data/check';
import { buildStore, type Store } from '../../src/data/normalize';
import { selectFiltered } from '../../src/selectors/select-filtered';
import { selectSortedRows } from '../../src/selectors/table-columns';
import { selectAllRows } from '../../src/selectors/select-table-rows';
import { DEFAULT_FILTERS, type Filters } from '../../src/state/view-state';
import { rawFixture } from '../fixtures/load-fixture';

function fixtureStore(mutate?: (raw: ReturnType<typeof rawFixture>) => void): Store {
  const raw = rawFixture();
  mutate?.(raw);
  const result = validateDataset(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return buildStore(result.dataset);
}

const ids = (store: Store, f: Partial<Filters>) =>
  selectFiltered(store, { ...DEFAULT_FILTERS, ...f }).rows.map((r) => r.id);

describe('selectFiltered', () => {
  const store = fixtureStore();

  it('returns every figure and claim with no filter, and counts the totals', () => {
    const v = selectFiltered(store, DEFAULT_FILTERS);
    expect(v.rows).toHaveLength(4);
    expect(v.total).toEqual({ figures: 3, claims: 1 });
    expect(v.outcomes).toHaveLength(3);
    expect(v.claims).toHaveLength(1);
  });

  it('filters to one source', () => {
    expect(ids(store, { sources: ['example-clinic-blog'] })).toEqual(['example-clinic-blog-seventy-percent']);
  });

  it('drops clinic-blog claims when only research is wanted', () => {
    expect(ids(store, { kind: 'peer-reviewed' })).not.toContain('example-clinic-blog-seventy-percent');
  });

  it('keeps a control arm when filtering to the class it was compared with', () => {
    const shown = ids(store, { classes: ['ketamine'], kind: 'peer-reviewed' });
    expect(shown).toContain('feder-2021-response-midazolam-wk2');
    expect(shown).toHaveLength(3);
    expect(ids(store, { classes: ['ssri'] })).toEqual([]);
  });

  it('filters by treatment, following control arms too', () => {
    expect(ids(store, { treatments: ['ketamine-iv-six-infusions'], kind: 'peer-reviewed' })).toHaveLength(3);
  });

  it('filters by metric and by year range (undated sources drop out of a range)', () => {
    expect(ids(store, { metrics: ['duration'] })).toEqual(['feder-2021-duration-ketamine-responders']);
    expect(ids(store, { yearFrom: 2022 })).toEqual([]);
    expect(ids(store, { yearFrom: 2021, yearTo: 2021 })).toHaveLength(3);
  });

  it('searches every word across treatment, measure, notes and source', () => {
    expect(
      ids(store, {
        query: 'response midazolam (active',
        kind: 'peer-reviewed',
        treatments: ['midazolam-active-placebo'],
      }),
    ).toEqual(['feder-2021-response-midazolam-wk2']);
    expect(ids(store, { query: 'RESPONDERS only' })).toEqual(['feder-2021-duration-ketamine-responders']);
    expect(ids(store, { query: 'no such words' })).toEqual([]);
  });
});

describe('selectSortedRows', () => {
  const store = fixtureStore((raw) => {
    // one figure without n, to check missing values sort last both ways
    delete (raw.outcomes.outcomes as Record<string, unknown>[])[1]!.n;
  });
  const rows = selectAllRows(store);

  it('sorts numbers both ways with missing values last', () => {
    const asc = selectSortedRows(rows, [{ id: 'n', desc: false }]).map((r) => r.n);
    const desc = selectSortedRows(rows, [{ id: 'n', desc: true }]).map((r) => r.n);
    expect(asc).toEqual([15, undefined, undefined, undefined]);
    expect(desc).toEqual([15, undefined, undefined, undefined]);
  });

  it('sorts values within their measure, and text', () => {
    expect(selectSortedRows(rows, [{ id: 'value', desc: true }]).map((r) => r.value)).toEqual([27.5, 70, 67, 20]);
    expect(selectSortedRows(rows, [{ id: 'treatment', desc: false }]).map((r) => r.treatment.name)[0]).toBe(
      'IV ketamine, six infusions',
    );
  });

  it('applies sort keys in priority order and keeps ties in dataset order', () => {
    const sorted = selectSortedRows(rows, [
      { id: 'metric', desc: false },
      { id: 'value', desc: true },
    ]);
    expect(sorted.map((r) => `${r.metric}:${r.value}`)).toEqual([
      'duration:27.5',
      'response:70',
      'response:67',
      'response:20',
    ]);
  });

  it('returns the input untouched without a sort', () => {
    expect(selectSortedRows(rows, [])).toBe(rows);
  });
});

describe('value sorting', () => {
  it('orders values within measure and unit, never interleaving them, missing last', async () => {
    const { selectSortedRows } = await import('../../src/selectors/table-columns');
    const row = (id: string, metric: string, value: number | null, unit: string) =>
      ({ id, metric, value, unit, outcome: { low: undefined, high: undefined } }) as unknown as Parameters<
        typeof selectSortedRows
      >[0][number];
    const rows = [
      row('relapse-50', 'relapse', 50, '%'),
      row('response-85', 'response', 85, '%'),
      row('duration-24mo', 'duration', 24, 'months'),
      row('response-23', 'response', 23, '%'),
      row('duration-6wk', 'duration', 6, 'weeks'),
      row('response-none', 'response', null, '%'),
    ];
    const asc = selectSortedRows(rows, [{ id: 'value', desc: false }]).map((r) => r.id);
    expect(asc).toEqual(['duration-6wk', 'duration-24mo', 'response-23', 'response-85', 'relapse-50', 'response-none']);
    const desc = selectSortedRows(rows, [{ id: 'value', desc: true }]).map((r) => r.id);
    expect(desc).toEqual([
      'duration-24mo',
      'duration-6wk',
      'response-85',
      'response-23',
      'relapse-50',
      'response-none',
    ]);
  });
});

describe('study design filter', () => {
  it('keeps only the chosen designs, claims included only when blogs are chosen', () => {
    const store = fixtureStore();
    const trials = selectFiltered(store, { ...DEFAULT_FILTERS, designs: ['randomized'] });
    expect(trials.rows.every((r) => r.source.kind === 'rct')).toBe(true);
    expect(trials.claims).toEqual([]);
    const blogs = selectFiltered(store, { ...DEFAULT_FILTERS, designs: ['clinic-blog'] });
    expect(blogs.outcomes).toEqual([]);
    expect(blogs.claims).toHaveLength(1);
  });
});

describe('exports', () => {
  it('write the dataset version, the view address and the filters as columns on every row', async () => {
    const { selectExportRecords, EXPORT_HEADER } = await import('../../src/selectors/table-columns');
    const store = fixtureStore();
    const rows = selectFiltered(store, { ...DEFAULT_FILTERS, metrics: ['response'] }).rows;
    const records = selectExportRecords(rows, {
      datasetVersion: 'fixture-1',
      viewUrl: 'https://example.org/?view=table&metric=response',
      filters: ['Measure: Response'],
    });
    expect(EXPORT_HEADER.slice(-3)).toEqual(['dataset_version', 'view_url', 'filters']);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r).toMatchObject({
        dataset_version: 'fixture-1',
        view_url: 'https://example.org/?view=table&metric=response',
        filters: 'Measure: Response',
      });
    }
  });
});
