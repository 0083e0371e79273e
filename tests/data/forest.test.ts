// The forest-plot selector on the real dataset, and its pools against R's metafor. The reference numbers for
// the data's pools are the `data:<group key>` cases that `npx tsx scripts/meta-analysis-cases.ts` takes from
// this selector, run through `Rscript scripts/metafor-reference.R`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/data/normalize';
import { RANDOMIZED_KINDS } from '../../src/selectors/options';
import { selectForest, type ForestGroup } from '../../src/selectors/select-forest';
import { data, result } from './real-dataset';

type Case = { name: string; yi: number[]; vi: number[] };
type ReferenceFit = {
  case: string;
  method: string;
  requestedTest: string;
  level: number;
  k: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  tau2: number;
  i2: number;
  piLow: number;
  piHigh: number;
};

const dir = join('tests', 'fixtures', 'meta-analysis');
const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: Case[] }).cases;
const reference = JSON.parse(readFileSync(join(dir, 'metafor-reference.json'), 'utf8')) as {
  cases: Case[];
  results: ReferenceFit[];
};

const REGENERATE =
  'the data no longer give the pooled yi/vi in tests/fixtures/meta-analysis/cases.json: rerun ' +
  '`npx tsx scripts/meta-analysis-cases.ts && Rscript scripts/metafor-reference.R` and commit both JSON files';

const store = buildStore(data);
const model = selectForest(store, store.outcomes);
const okGroups = model.groups.filter((g) => g.pool.ok);
const dataCases = cases.filter((c) => c.name.startsWith('data:'));

function pooledRows(g: ForestGroup) {
  if (!g.pool.ok) return [];
  const byId = new Map(g.rows.map((r) => [r.id, r]));
  return g.pool.ids.map((id) => byId.get(id)!);
}

describe('selectForest on the real data', () => {
  it('reads a valid dataset', () => {
    expect(result.ok).toBe(true);
  });

  it('places every effect size in exactly one group row, or lists it as not shown with a reason', () => {
    const placed = model.groups.flatMap((g) => g.rows.map((r) => r.id));
    const notShown = model.notShown.map((n) => n.id);
    const all = [...placed, ...notShown];
    expect(new Set(all).size).toBe(all.length);
    const effectSizes = data.outcomes.filter((o) => o.metric === 'effect-size').map((o) => o.id);
    expect([...all].sort()).toEqual([...effectSizes].sort());
    for (const n of model.notShown) expect(n.reason.length).toBeGreaterThan(10);
    // Everything the Metapsy import made is a between-arms PTSD g with an SE: all of it is shown.
    const imported = data.outcomes.filter((o) => o.metric === 'effect-size' && o.provenance);
    expect(imported.length).toBeGreaterThan(100);
    for (const o of imported) expect(notShown).not.toContain(o.id);
  });

  it('gives every row that is not pooled a reason, and none to a pooled row', () => {
    for (const g of model.groups) {
      for (const r of g.rows) {
        if (r.pooled) expect(r.notPooledReason).toBeUndefined();
        else expect(r.notPooledReason, r.id).toMatch(/\w/);
      }
    }
  });

  it('pools only randomized trials, one row per trial, never across families', () => {
    for (const g of okGroups) {
      const rows = pooledRows(g);
      expect(
        g.rows
          .filter((r) => r.pooled)
          .map((r) => r.id)
          .sort(),
      ).toEqual([...(g.pool.ok ? g.pool.ids : [])].sort());
      expect(new Set(rows.map((r) => r.source.id)).size, g.key).toBe(rows.length);
      for (const r of rows) {
        expect(RANDOMIZED_KINDS).toContain(r.source.kind);
        expect(r.family).toBe(g.family);
        expect(r.yi).not.toBeNull();
        expect(r.vi).toBeGreaterThan(0);
      }
      expect(g.controlKind).not.toBe('unknown');
      if (g.pool.ok) {
        expect(g.pool.k).toBeGreaterThanOrEqual(3);
        expect(g.pool.people).toBe(rows.reduce((sum, r) => sum + (r.n ?? 0), 0));
        expect(g.pool.peopleUnknown).toBe(rows.filter((r) => r.n === undefined).length);
      }
    }
    for (const g of model.groups) for (const r of g.rows) expect(r.family).toBe(g.family);
  });

  it('keeps meta-analyses and reviews in the plot but never pools them', () => {
    const pooledAgain = model.groups
      .flatMap((g) => g.rows)
      .filter((r) => ['meta-analysis', 'systematic-review', 'review', 'guideline'].includes(r.source.kind));
    expect(pooledAgain.length).toBeGreaterThan(10);
    for (const r of pooledAgain) {
      expect(r.pooled).toBe(false);
      expect(r.notPooledReason).toMatch(/already pooled/);
    }
  });

  it('pools one row of a comparison measured several ways (Carlson 1998: three self-report scales; Raabe 2022: CAPS first)', () => {
    const carlson = model.groups.flatMap((g) => g.rows).filter((r) => r.source.id === 'carlson-1998');
    expect(carlson.length).toBe(3);
    expect(carlson.filter((r) => r.pooled).length).toBe(1);
    const raabe = model.groups.flatMap((g) => g.rows).filter((r) => r.source.id === 'raabe-2022');
    for (const r of raabe) expect(r.pooled).toBe(r.rating === 'clinician');
    expect(raabe.filter((r) => !r.pooled).map((r) => r.notPooledReason)).toEqual([
      'same comparison as a clinician-rated row, which is pooled',
      'same comparison as a clinician-rated row, which is pooled',
    ]);
  });

  it('finds the EMDR vs waitlist group from the Metapsy import and pools it', () => {
    const emdr = model.groups.find((g) => g.key === 'emdr|waitlist|standardized');
    expect(emdr).toBeDefined();
    expect(emdr!.treatment.name).toBe('EMDR');
    expect(emdr!.pool.ok).toBe(true);
    expect(emdr!.pool.ok && emdr!.pool.k).toBeGreaterThanOrEqual(10);
  });
});

describe('the data pools equal metafor (REML, Knapp–Hartung, 95%)', () => {
  it('has a reference case for exactly the ok pools, with the same yi and vi', () => {
    // A data change that moves any pooled effect, variance or row fails here: regenerate the cases.
    expect(dataCases.map((c) => c.name).sort(), REGENERATE).toEqual(okGroups.map((g) => `data:${g.key}`).sort());
    for (const g of okGroups) {
      const c = dataCases.find((x) => x.name === `data:${g.key}`)!;
      const rows = pooledRows(g);
      expect({ yi: rows.map((r) => r.yi), vi: rows.map((r) => r.vi) }, `${g.key}: ${REGENERATE}`).toEqual({
        yi: c.yi,
        vi: c.vi,
      });
    }
    // And the R reference was made from these very inputs.
    for (const c of dataCases)
      expect(
        reference.cases.find((x) => x.name === c.name),
        REGENERATE,
      ).toEqual(c);
  });

  it('includes EMDR, prolonged exposure and CPT against waitlist', () => {
    for (const key of [
      'emdr|waitlist|standardized',
      'prolonged-exposure|waitlist|standardized',
      'cognitive-processing-therapy|waitlist|standardized',
    ]) {
      expect(dataCases.map((c) => c.name)).toContain(`data:${key}`);
    }
  });

  for (const g of okGroups) {
    it(`${g.key} (k = ${g.pool.ok ? g.pool.k : 0})`, () => {
      const ref = reference.results.find(
        (r) => r.case === `data:${g.key}` && r.method === 'REML' && r.requestedTest === 'knha' && r.level === 95,
      );
      expect(ref, REGENERATE).toBeDefined();
      if (!ref || !g.pool.ok) return;
      const ours = g.pool.result;
      expect(ours.k).toBe(ref.k);
      for (const field of ['estimate', 'ciLow', 'ciHigh', 'tau2', 'i2', 'piLow', 'piHigh'] as const) {
        expect(
          Math.abs(ours[field] - ref[field]),
          `${field}: ours ${ours[field]}, metafor ${ref[field]}`,
        ).toBeLessThanOrEqual(1e-9);
      }
    });
  }
});
