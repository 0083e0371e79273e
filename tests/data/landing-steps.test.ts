import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/data/normalize';
import { selectFiltered } from '../../src/selectors/select-filtered';
import { glanceSteps, selectGlance } from '../../src/selectors/select-glance';
import { prepareAllRows, selectAllRows } from '../../src/selectors/select-table-rows';
import { DEFAULT_FILTERS } from '../../src/state/view-state';
import { data } from './real-dataset';

// The landing view computes its lists and grid a step per task (src/app/app.tsx prepareLanding). These check, on the
// real dataset, that the shortcuts it takes give exactly what the general path gives.
describe('the landing view computed in steps', () => {
  it('builds the same rows in slices as in one go, and selectAllRows then returns them', async () => {
    const sliced = buildStore(data);
    await prepareAllRows(sliced, () => Promise.resolve());
    const kept = selectAllRows(sliced);
    expect(kept).toEqual(selectAllRows(buildStore(data)));
    expect(kept.length).toBe(data.outcomes.length + data.claims.length);
  });

  it('lists every row with nothing filtered, as the filter itself does when every source is ticked', () => {
    const store = buildStore(data);
    const unfiltered = selectFiltered(store, DEFAULT_FILTERS);
    const everySource = selectFiltered(store, { ...DEFAULT_FILTERS, sources: data.sources.map((s) => s.id) });
    expect(unfiltered.rows.length).toBe(data.outcomes.length + data.claims.length);
    expect(unfiltered.rows.map((r) => r.id)).toEqual(everySource.rows.map((r) => r.id));
    expect(unfiltered.outcomes).toEqual(everySource.outcomes);
    expect(unfiltered.claims).toEqual(everySource.claims);
    expect(unfiltered.total).toEqual(everySource.total);
  });

  it('ends with the grid, the same one computed in one go, and the grid then reuses it', () => {
    const stepped = buildStore(data);
    const { outcomes } = selectFiltered(stepped, DEFAULT_FILTERS);
    const steps = glanceSteps(stepped, outcomes);
    expect(steps.length).toBeGreaterThan(3);
    const results = steps.map((step) => step());
    const grid = results.at(-1);
    expect(selectGlance(stepped, outcomes)).toBe(grid);

    const direct = buildStore(data);
    expect(grid).toEqual(selectGlance(direct, selectFiltered(direct, DEFAULT_FILTERS).outcomes));
  });
});
