import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/data/check';
import { buildStore, type Store } from '../../src/data/normalize';
import type { Outcome, Source, Treatment } from '../../src/data/schema';
import { randomEffects } from '../../src/lib/meta-analysis';
import {
  ONE_ROW_PER_COMPARISON,
  Z95,
  controlKindOfComparator,
  selectForest,
  type ForestGroup,
  type ForestModel,
  type ForestRow,
} from '../../src/selectors/select-forest';

const src = (id: string, patch: Partial<Source> = {}): Source => ({
  id,
  kind: 'rct',
  condition: 'ptsd',
  title: `Trial ${id}`,
  authors: `${id[0]!.toUpperCase()}${id.slice(1).split('-')[0]} A, et al.`,
  year: Number(id.split('-')[1] ?? 2020),
  venue: 'Journal',
  ...patch,
});
const tx = (id: string, cls: Treatment['class'], patch: Partial<Treatment> = {}): Treatment => ({
  id,
  name: id.toUpperCase(),
  class: cls,
  description: 'd',
  ...patch,
});

/** A between-arms g on PTSD symptoms, favouring the treatment when higher; patch the rest. */
const es = (id: string, sourceId: string, patch: Partial<Outcome> & { value?: number | null } = {}): Outcome => ({
  id,
  sourceId,
  treatmentId: 'emdr',
  comparatorId: 'wl',
  metric: 'effect-size',
  value: 0.8,
  unit: 'g',
  se: 0.2,
  domain: 'ptsd',
  direction: 'higher-favours-treatment',
  contrast: 'between-arms',
  locator: 'table 2',
  ...patch,
});

const TREATMENTS: Treatment[] = [
  tx('emdr', 'psychotherapy', { name: 'EMDR' }),
  tx('pe', 'psychotherapy', { name: 'Prolonged exposure' }),
  tx('sert', 'ssri', { name: 'Sertraline' }),
  tx('wl', 'control', { name: 'Waitlist', controlType: 'waitlist' }),
  tx('ma', 'control', { name: 'Minimal attention', controlType: 'waitlist' }),
  tx('tau', 'control', { name: 'Usual care', controlType: 'usual-care' }),
  tx('pbo', 'control', { name: 'Placebo', controlType: 'placebo' }),
  tx('att', 'control', { name: 'Attention control', controlType: 'active' }),
  tx('pooled-ctl', 'control', { name: 'Controls (pooled)' }),
];

const SOURCES: Source[] = [
  src('alpha-2001', { riskOfBias: rob('high') }),
  src('beta-2002'),
  src('gamma-2003'),
  src('delta-2004'),
  src('eps-2005'),
  src('zeta-2006'),
  src('meta-2010', { kind: 'meta-analysis' }),
  src('review-2011', { kind: 'systematic-review' }),
  src('open-2012', { kind: 'open-label' }),
  src('cross-2013', { kind: 'crossover-rct' }),
  src('dep-2014', { condition: 'depression' }),
];

function rob(overall: 'low' | 'some-concerns' | 'high'): NonNullable<Source['riskOfBias']> {
  return {
    tool: 'RoB 2',
    overall,
    randomization: 'low',
    deviations: 'low',
    missingData: 'low',
    measurement: 'low',
    selection: 'low',
  };
}

function storeOf(outcomes: Outcome[], extra: { sources?: Source[]; treatments?: Treatment[] } = {}): Store {
  return buildStore({
    version: 't',
    reviewed: '2026-01-01',
    sources: [...SOURCES, ...(extra.sources ?? [])],
    treatments: [...TREATMENTS, ...(extra.treatments ?? [])],
    outcomes,
    claims: [],
  });
}

function model(outcomes: Outcome[], extra?: Parameters<typeof storeOf>[1]): ForestModel {
  const store = storeOf(outcomes, extra);
  return selectForest(store, store.outcomes);
}
const group = (m: ForestModel, key: string): ForestGroup => {
  const g = m.groups.find((x) => x.key === key);
  if (!g) throw new Error(`no group ${key}; groups: ${m.groups.map((x) => x.key).join(', ')}`);
  return g;
};
const row = (m: ForestModel, id: string): ForestRow => {
  const r = m.groups.flatMap((g) => g.rows).find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

/** Three independent EMDR vs waitlist trials with SEs: the smallest poolable group. */
const three = (): Outcome[] => [
  es('a-g', 'alpha-2001', { value: 0.9, se: 0.3, n: 40 }),
  es('b-g', 'beta-2002', { value: 0.4, se: 0.25, n: 60 }),
  es('c-g', 'gamma-2003', { value: 1.3, se: 0.35, n: 30 }),
];

describe('selectForest: what is shown', () => {
  it('keeps only effect sizes: other metrics are neither rows nor listed as not shown', () => {
    const m = model([
      ...three(),
      {
        id: 'resp',
        sourceId: 'alpha-2001',
        treatmentId: 'emdr',
        comparatorId: 'wl',
        metric: 'response',
        value: 50,
        unit: '%',
        definition: 'd',
        domain: 'ptsd',
        locator: 'l',
      },
    ]);
    expect(m.groups.flatMap((g) => g.rows.map((r) => r.id)).sort()).toEqual(['a-g', 'b-g', 'c-g']);
    expect(m.notShown).toEqual([]);
  });

  it('lists every effect size it cannot place, with the reason in plain words', () => {
    const m = model([
      es('unknown-dir', 'alpha-2001', { direction: 'unknown' }),
      es('within', 'alpha-2001', { contrast: 'within-arm', comparatorId: undefined }),
      es('other-contrast', 'alpha-2001', { contrast: 'other' }),
      es('depression', 'alpha-2001', { domain: 'depression' }),
      es('other-domain', 'alpha-2001', { domain: 'other' }),
      es('side-effects', 'alpha-2001', { domain: 'tolerability', unit: 'RR', value: 1.4, se: undefined }),
      es('dep-population', 'dep-2014'),
      es('own-condition', 'alpha-2001', { condition: 'chronic-pain' }),
      es('rd', 'alpha-2001', { unit: 'RD', value: 0.2, se: undefined, low: 0.1, high: 0.3, interval: '95% CI' }),
      es('bound', 'alpha-2001', { value: 0.8, bound: 'at-least', se: undefined }),
      es('range-only', 'alpha-2001', { value: null, low: 0.2, high: 0.9, interval: 'range', se: undefined }),
    ]);
    expect(m.groups).toEqual([]);
    expect(Object.fromEntries(m.notShown.map((n) => [n.id, n.reason]))).toEqual({
      'unknown-dir': 'the source does not say which arm this number favours',
      within: 'a before/after change within one arm, not a comparison with another treatment',
      'other-contrast': 'compares groups of people or an unstated contrast, not two treatments',
      depression: 'measures depression, not PTSD symptoms',
      'other-domain': 'measures something other than PTSD symptoms',
      'side-effects': 'measures side effects or leaving treatment, not PTSD symptoms',
      'dep-population': 'not a PTSD population (depression)',
      'own-condition': 'not a PTSD population (chronic pain, with or without PTSD)',
      rd: 'a risk difference sits on its own scale; not shown with standardized effects',
      bound: 'a limit (at least 0.8 g), not a point estimate',
      'range-only': 'only a range was printed, with no point estimate',
    });
  });

  it('builds the row: label, contrast, RoB, rating, n, and the options it came from', () => {
    const m = model([es('a', 'alpha-2001', { n: 40, rating: 'clinician', instrument: 'CAPS' })]);
    const r = row(m, 'a');
    expect(r).toMatchObject({
      label: 'Alpha 2001',
      contrastLabel: 'EMDR vs Waitlist',
      riskOfBias: 'high',
      rating: 'clinician',
      n: 40,
      family: 'standardized',
      unit: 'g',
    });
    expect(r.treatment.id).toBe('emdr');
    expect(r.comparator.id).toBe('wl');
    expect(row(model([es('b', 'beta-2002')]), 'b').riskOfBias).toBeUndefined();
  });
});

describe('selectForest: direction, scale and intervals', () => {
  it('turns a "lower favours the treatment" figure so that positive favours the treatment', () => {
    const m = model([
      es('flip', 'alpha-2001', {
        unit: 'd',
        value: -0.5,
        low: -0.8,
        high: -0.2,
        interval: '95% CI',
        se: undefined,
        direction: 'lower-favours-treatment',
      }),
    ]);
    const r = row(m, 'flip');
    expect(r.estimate).toBe(0.5);
    expect(r.low).toBe(0.2);
    expect(r.high).toBe(0.8);
    expect(r.yi).toBe(0.5);
    expect(r.intervalComputed).toBe(false);
    expect(r.hasInterval).toBe(true);
  });

  it('derives the SE from a 95% CI as (high − low) / (2 · 1.959964) when no SE is given', () => {
    const m = model([es('ci', 'alpha-2001', { value: 0.6, low: 0.2, high: 1.0, interval: '95% CI', se: undefined })]);
    const r = row(m, 'ci');
    const se = 0.8 / (2 * 1.959964);
    expect(Z95).toBe(1.959964);
    expect(r.vi).toBeCloseTo(se * se, 15);
    expect(r.varianceFrom).toBe('95% CI');
    expect([r.low, r.high]).toEqual([0.2, 1.0]);
  });

  it('uses a given SE (squared) for vi and computes the interval from it when none is printed', () => {
    const r = row(model([es('se', 'alpha-2001', { value: 0.6, se: 0.1 })]), 'se');
    expect(r.vi).toBeCloseTo(0.01, 15);
    expect(r.varianceFrom).toBe('se');
    expect(r.intervalComputed).toBe(true);
    expect(r.low).toBeCloseTo(0.6 - 1.959964 * 0.1, 15);
    expect(r.high).toBeCloseTo(0.6 + 1.959964 * 0.1, 15);
    // A printed 95% CI is kept as printed even when an SE is given; the SE still gives vi.
    const both = row(
      model([es('both', 'alpha-2001', { value: 0.6, se: 0.1, low: 0.4, high: 0.8, interval: '95% CI' })]),
      'both',
    );
    expect([both.low, both.high, both.intervalComputed, both.varianceFrom]).toEqual([0.4, 0.8, false, 'se']);
  });

  it('draws a bare point, with no variance, when there is no SE and no 95% CI (or only a range)', () => {
    const m = model([
      es('bare', 'alpha-2001', { value: 0.7, se: undefined }),
      es('range', 'beta-2002', { value: 0.7, low: 0.1, high: 1.2, interval: 'range', se: undefined }),
    ]);
    for (const id of ['bare', 'range']) {
      const r = row(m, id);
      expect([r.low, r.high, r.hasInterval, r.yi, r.vi, r.varianceFrom]).toEqual([0.7, 0.7, false, null, null, null]);
      expect(r.pooled).toBe(false);
      expect(r.notPooledReason).toBe('no standard error or 95% CI is given, so it cannot be weighted');
    }
  });

  it('puts ratios on the log scale around 1, inverting one whose lower values favour the treatment', () => {
    const m = model([
      es('or', 'alpha-2001', { unit: 'OR', value: 2, low: 1, high: 4, interval: '95% CI', se: undefined }),
      es('rr', 'beta-2002', {
        unit: 'RR',
        value: 0.5,
        low: 0.25,
        high: 1,
        interval: '95% CI',
        se: undefined,
        direction: 'lower-favours-treatment',
      }),
    ]);
    const or = row(m, 'or');
    expect(or.family).toBe('ratio');
    expect(or.yi).toBeCloseTo(Math.log(2), 15);
    const se = Math.log(4) / (2 * 1.959964);
    expect(or.vi).toBeCloseTo(se * se, 15);
    const rr = row(m, 'rr');
    expect([rr.estimate, rr.low, rr.high]).toEqual([2, 1, 4]);
    expect(rr.yi).toBeCloseTo(Math.log(2), 15);
    expect(rr.vi).toBeCloseTo(se * se, 15);
  });

  it('does not use a bare SE on a ratio (its scale is not stated) and says so', () => {
    const r = row(model([es('or-se', 'alpha-2001', { unit: 'OR', value: 2, se: 0.3 })]), 'or-se');
    expect([r.yi, r.vi, r.hasInterval]).toEqual([null, null, false]);
    expect(r.notPooledReason).toMatch(/not clear whether the SE is on the log scale/);
  });
});

describe('selectForest: groups', () => {
  it('groups by family × treatment × control kind, and never mixes families', () => {
    const m = model([
      ...three(),
      es('or-a', 'alpha-2001', { unit: 'OR', value: 2, low: 1, high: 4, interval: '95% CI', se: undefined }),
      es('or-b', 'beta-2002', { unit: 'OR', value: 3, low: 1.5, high: 6, interval: '95% CI', se: undefined }),
      es('or-c', 'gamma-2003', { unit: 'OR', value: 1.5, low: 0.75, high: 3, interval: '95% CI', se: undefined }),
      es('d-d', 'delta-2004', { unit: 'd', value: 0.5, se: 0.2 }),
      es('smd-e', 'eps-2005', { unit: 'SMD', value: 0.6, se: 0.2 }),
      es('pe', 'alpha-2001', { treatmentId: 'pe' }),
    ]);
    expect(m.groups.map((g) => g.key)).toEqual([
      'emdr|waitlist|standardized',
      'pe|waitlist|standardized',
      'emdr|waitlist|ratio',
    ]);
    const std = group(m, 'emdr|waitlist|standardized');
    expect(std.rows.map((r) => r.unit).sort()).toEqual(['SMD', 'd', 'g', 'g', 'g']);
    expect(std.pool.ok && std.pool.k).toBe(5);
    const ratio = group(m, 'emdr|waitlist|ratio');
    expect(ratio.rows.every((r) => r.family === 'ratio')).toBe(true);
    expect(ratio.pool.ok && ratio.pool.k).toBe(3);
    expect(ratio.pool.ok && ratio.pool.shown.estimate).toBeCloseTo(
      Math.exp(ratio.pool.ok ? ratio.pool.result.estimate : 0),
    );
    for (const g of m.groups) expect(g.rows.every((r) => r.family === g.family)).toBe(true);
  });

  it('takes the control kind from controlType, counts a head-to-head as active and an untyped control as unknown', () => {
    expect(controlKindOfComparator(TREATMENTS.find((t) => t.id === 'tau')!)).toBe('usual-care');
    expect(controlKindOfComparator(TREATMENTS.find((t) => t.id === 'sert')!)).toBe('active');
    expect(controlKindOfComparator(TREATMENTS.find((t) => t.id === 'pooled-ctl')!)).toBe('unknown');
    const m = model([
      es('vs-ma', 'alpha-2001', { comparatorId: 'ma' }),
      es('vs-tau', 'alpha-2001', { comparatorId: 'tau' }),
      es('vs-sert', 'alpha-2001', { comparatorId: 'sert' }),
      es('vs-pooled', 'meta-2010', { comparatorId: 'pooled-ctl' }),
    ]);
    expect(m.groups.map((g) => [g.key, g.controlLabel])).toEqual([
      ['emdr|waitlist|standardized', 'waitlist'],
      ['emdr|usual-care|standardized', 'usual care'],
      ['emdr|active|standardized', 'an active treatment'],
      ['emdr|unknown|standardized', 'a control of unrecorded type'],
    ]);
  });

  it('sorts rows by label, then id', () => {
    const m = model([
      es('z', 'gamma-2003'),
      es('y', 'alpha-2001'),
      es('x', 'beta-2002'),
      es('w', 'alpha-2001', { comparatorId: 'ma' }),
    ]);
    expect(group(m, 'emdr|waitlist|standardized').rows.map((r) => r.id)).toEqual(['w', 'y', 'x', 'z']);
  });
});

describe('selectForest: who is pooled', () => {
  it('pools with REML and Knapp–Hartung exactly as randomEffects does, summing n into people', () => {
    const m = model([...three(), es('d-no-n', 'delta-2004', { value: 0.7, se: 0.2 })]);
    const g = group(m, 'emdr|waitlist|standardized');
    expect(g.pool.ok).toBe(true);
    if (!g.pool.ok) return;
    const expected = randomEffects(
      [
        { yi: 0.9, vi: 0.3 ** 2 },
        { yi: 0.4, vi: 0.25 ** 2 },
        { yi: 1.3, vi: 0.35 ** 2 },
        { yi: 0.7, vi: 0.2 ** 2 },
      ],
      { method: 'REML', test: 'knha' },
    );
    expect(g.pool.result).toEqual(expected);
    expect(g.pool).toMatchObject({ k: 4, people: 130, peopleUnknown: 1, method: 'REML', test: 'knha' });
    expect(g.pool.rule).toBe(ONE_ROW_PER_COMPARISON);
    expect(g.pool.rule).toMatch(/One row per comparison/);
    expect(g.pool.ids).toEqual(['a-g', 'b-g', 'c-g', 'd-no-n']);
    expect(g.pool.shown.estimate).toBe(expected.estimate);
    expect(g.rows.every((r) => r.pooled && r.notPooledReason === undefined)).toBe(true);
  });

  it('never pools a meta-analysis or review result again, and pools only randomized trials', () => {
    const m = model([
      ...three(),
      es('meta', 'meta-2010', { value: 0.9, se: 0.1 }),
      es('review', 'review-2011', { value: 0.9, se: 0.1 }),
      es('open', 'open-2012', { value: 0.9, se: 0.1 }),
      es('cross', 'cross-2013', { value: 0.9, se: 0.1 }),
    ]);
    const g = group(m, 'emdr|waitlist|standardized');
    expect(g.pool.ok && g.pool.k).toBe(4);
    expect(row(m, 'cross').pooled).toBe(true);
    expect(row(m, 'meta')).toMatchObject({
      pooled: false,
      notPooledReason:
        'a meta-analysis result, already pooled from several studies; pooling it again would count them twice',
    });
    expect(row(m, 'review').notPooledReason).toMatch(/^a systematic review result, already pooled/);
    expect(row(m, 'open').notPooledReason).toBe(
      'an open-label study, not a randomized trial; only randomized comparisons are pooled',
    );
  });

  it('does not pool a subgroup figure, but does pool a completers-only analysis', () => {
    const m = model([
      ...three(),
      es('completers', 'delta-2004', { subgroup: 'completers only' }),
      es('women', 'eps-2005', { subgroup: 'women only' }),
    ]);
    expect(row(m, 'completers').pooled).toBe(true);
    expect(row(m, 'women').notPooledReason).toBe('describes a subgroup (women only), not everyone randomized');
  });

  it('pools one row per comparison: clinician-rated first, then larger n, then the first in the dataset', () => {
    const m = model([
      ...three(),
      es('d-self', 'delta-2004', { rating: 'self-report', instrument: 'PCL', n: 100 }),
      es('d-clin', 'delta-2004', { rating: 'clinician', instrument: 'CAPS', n: 50 }),
      es('e-small', 'eps-2005', { rating: 'self-report', instrument: 'IES', n: 30 }),
      es('e-large', 'eps-2005', { rating: 'self-report', instrument: 'PCL', n: 32 }),
      es('f-first', 'zeta-2006', { rating: 'self-report', instrument: 'IES' }),
      es('f-second', 'zeta-2006', { rating: 'self-report', instrument: 'PCL' }),
    ]);
    const g = group(m, 'emdr|waitlist|standardized');
    expect(g.pool.ok && g.pool.ids).toEqual(['a-g', 'b-g', 'c-g', 'd-clin', 'e-large', 'f-first']);
    expect(row(m, 'd-self').notPooledReason).toBe('same comparison as a clinician-rated row, which is pooled');
    expect(row(m, 'e-small').notPooledReason).toBe(
      'same comparison as a row with more people (n = 32), which is pooled',
    );
    expect(row(m, 'f-second').notPooledReason).toBe(
      'same comparison as a row listed earlier in the dataset, which is pooled',
    );
    // The order of the filtered list does not change which is "first in the dataset".
    const store = storeOf(m.groups.flatMap((x) => x.rows.map((r) => r.outcome)).sort((a, b) => (a.id < b.id ? -1 : 1)));
    const reversed = selectForest(store, [...store.outcomes].reverse());
    const rg = group(reversed, 'emdr|waitlist|standardized');
    expect(rg.pool.ok && [...rg.pool.ids].sort()).toEqual(['a-g', 'b-g', 'c-g', 'd-clin', 'e-large', 'f-first']);
  });

  it('counts a shared control arm once: two arms of one trial against one control group pool one row', () => {
    const m = model([
      ...three(),
      // Two formats of EMDR (one treatment record) against one waitlist, same instrument.
      es('d-group-format', 'delta-2004', { instrument: 'CAPS', rating: 'clinician', n: 40 }),
      es('d-individual', 'delta-2004', { instrument: 'CAPS', rating: 'clinician', n: 44 }),
    ]);
    expect(row(m, 'd-individual').pooled).toBe(true);
    expect(row(m, 'd-group-format').notPooledReason).toBe(
      'same trial, treatment and control group as a row with more people (n = 44), which is pooled ' +
        '(another arm or analysis against a shared control arm, which is counted once)',
    );
    expect(group(m, 'emdr|waitlist|standardized').pool).toMatchObject({ ok: true, k: 4 });
  });

  it('counts a treatment arm once when one trial compares it with two controls of the same kind', () => {
    const m = model([
      ...three(),
      es('d-wl', 'delta-2004', { comparatorId: 'wl', n: 40 }),
      es('d-ma', 'delta-2004', { comparatorId: 'ma', n: 42 }),
    ]);
    expect(row(m, 'd-ma').pooled).toBe(true);
    expect(row(m, 'd-wl').notPooledReason).toBe(
      "this trial's EMDR arm is already pooled against Minimal attention, a control of the same kind; its people are counted once",
    );
    expect(group(m, 'emdr|waitlist|standardized').pool).toMatchObject({ ok: true, k: 4, people: 172 });
  });

  it('prefers a poolable row to a preferred row that cannot be pooled', () => {
    const m = model([
      ...three().slice(0, 2),
      es('c-clin-no-se', 'gamma-2003', { rating: 'clinician', instrument: 'CAPS', se: undefined, n: 99 }),
      es('c-self', 'gamma-2003', { rating: 'self-report', instrument: 'PCL', n: 20 }),
    ]);
    expect(row(m, 'c-self').pooled).toBe(true);
    expect(row(m, 'c-clin-no-se').notPooledReason).toMatch(/no standard error/);
  });
});

describe('selectForest: refusals', () => {
  it('refuses fewer than 3 trials, and says so on every row', () => {
    const m = model([...three().slice(0, 2), es('meta', 'meta-2010')]);
    const g = group(m, 'emdr|waitlist|standardized');
    expect(g.pool).toEqual({ ok: false, reason: 'needs at least 3 trials; this selection has 2', k: 2 });
    expect(row(m, 'a-g')).toMatchObject({
      pooled: false,
      notPooledReason: 'this group is not pooled: needs at least 3 trials; this selection has 2',
    });
    expect(row(m, 'meta').notPooledReason).toMatch(/already pooled/);
    // Two rows of one trial are one comparison: still 2.
    const dup = model([...three().slice(0, 2), es('b-again', 'beta-2002', { n: 1 })]);
    expect(group(dup, 'emdr|waitlist|standardized').pool).toMatchObject({ ok: false, k: 2 });
  });

  it('refuses a group whose control type is not recorded', () => {
    const m = model(three().map((o) => ({ ...o, comparatorId: 'pooled-ctl' })));
    const g = group(m, 'emdr|unknown|standardized');
    expect(g.pool.ok).toBe(false);
    expect(!g.pool.ok && g.pool.reason).toMatch(/type of control is not recorded/);
    expect(g.rows.every((r) => !r.pooled)).toBe(true);
  });

  it('refuses different ratios in one group (odds ratios do not pool with risk ratios)', () => {
    const ci = { low: 1, high: 4, interval: '95% CI' as const, se: undefined, value: 2 };
    const m = model([
      es('or-a', 'alpha-2001', { ...ci, unit: 'OR' }),
      es('or-b', 'beta-2002', { ...ci, unit: 'OR' }),
      es('rr-c', 'gamma-2003', { ...ci, unit: 'RR' }),
    ]);
    expect(group(m, 'emdr|waitlist|ratio').pool).toEqual({
      ok: false,
      reason: 'mixes different ratios (OR, RR), which do not pool',
      k: 3,
    });
  });

  it('refuses an active group that mixes head-to-head comparisons with active controls, but pools one head-to-head', () => {
    const mixed = model([
      es('a', 'alpha-2001', { comparatorId: 'sert' }),
      es('b', 'beta-2002', { comparatorId: 'pe' }),
      es('c', 'gamma-2003', { comparatorId: 'att' }),
    ]);
    expect(group(mixed, 'emdr|active|standardized').pool).toMatchObject({ ok: false, k: 3 });
    const pairwise = model(three().map((o) => ({ ...o, comparatorId: 'pe' })));
    expect(group(pairwise, 'emdr|active|standardized').pool).toMatchObject({ ok: true, k: 3 });
  });

  it('refuses identical effects, whose Knapp–Hartung interval has zero width', () => {
    const m = model(three().map((o) => ({ ...o, value: 0.5 })));
    expect(group(m, 'emdr|waitlist|standardized').pool).toMatchObject({
      ok: false,
      reason: 'the trials give identical effects, so the Knapp–Hartung interval has zero width; not pooled',
    });
  });
});

describe('selectForest: purity', () => {
  it('is memoized on (store, outcomes), deterministic, and leaves the store untouched', () => {
    const store = storeOf(three());
    const first = selectForest(store, store.outcomes);
    expect(selectForest(store, store.outcomes)).toBe(first);
    const again = selectForest(store, [...store.outcomes]);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(Object.isFrozen(store.outcomes[0])).toBe(true);
  });

  it('works on the valid fixture dataset through validateDataset', async () => {
    const { rawFixture } = await import('../fixtures/load-fixture');
    const result = validateDataset(rawFixture());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const store = buildStore(result.dataset);
    const m = selectForest(store, store.outcomes);
    const placed = m.groups.flatMap((g) => g.rows.map((r) => r.id));
    const effectSizes = store.outcomes.filter((o) => o.metric === 'effect-size').map((o) => o.id);
    expect([...placed, ...m.notShown.map((n) => n.id)].sort()).toEqual([...effectSizes].sort());
  });
});
