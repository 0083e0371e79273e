import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/data/normalize';
import type { Outcome, Source, Treatment } from '../../src/data/schema';
import { selectArmPairs } from '../../src/selectors/select-arm-pairs';
import { selectCompareCharts } from '../../src/selectors/select-compare-charts';
import { selectEvidenceSeries } from '../../src/selectors/select-evidence-series';
import { selectFiltered } from '../../src/selectors/select-filtered';
import { selectGlance } from '../../src/selectors/select-glance';
import { selectTimeSeries } from '../../src/selectors/select-time-series';
import { DEFAULT_FILTERS } from '../../src/state/view-state';

const source = (id: string, patch: Partial<Source> = {}): Source => ({
  id,
  kind: 'rct',
  condition: 'ptsd',
  title: `Trial ${id}`,
  authors: `${id[0]!.toUpperCase()}${id.slice(1).split('-')[0]} A, et al.`,
  year: 2020,
  venue: 'Journal',
  n: 100,
  ...patch,
});
const tx = (id: string, cls: Treatment['class'], name = id): Treatment => ({
  id,
  name,
  class: cls,
  description: 'd',
  // Psychological therapies say whether they are trauma-focused; the fixtures' ones are.
  ...(cls === 'psychotherapy' ? { focus: 'trauma-focused' as const } : {}),
});
let seq = 0;
const fig = (patch: Partial<Outcome> & Pick<Outcome, 'sourceId' | 'treatmentId' | 'metric' | 'unit'>): Outcome => ({
  id: `fig-${++seq}`,
  value: 10,
  locator: 'abstract',
  ...patch,
});

/** A small dataset with one figure of every kind the Compare view must handle. */
function dataset() {
  seq = 0;
  const sources = [
    source('feder-2021'),
    source('abdallah-2022'),
    source('brady-2000'),
    source('resick-2012'),
    source('label-2019', { kind: 'drug-label', condition: 'depression', authors: undefined, title: 'ESKET label' }),
    source('guide-2020', { kind: 'guideline', authors: undefined }),
  ];
  const treatments = [
    tx('ket-six', 'ketamine', 'IV ketamine, six infusions'),
    tx('ket-low', 'ketamine', 'IV ketamine low dose'),
    tx('ket-high', 'ketamine', 'IV ketamine high dose'),
    tx('midazolam', 'control', 'Midazolam'),
    tx('saline', 'control', 'Saline'),
    tx('sertraline', 'ssri', 'Sertraline'),
    tx('placebo', 'control', 'Placebo pill'),
    tx('cpt', 'psychotherapy', 'CPT'),
    tx('esk', 'ketamine', 'Esketamine spray'),
    tx('spray-placebo', 'control', 'Placebo spray'),
  ];
  const outcomes: Outcome[] = [
    // Onset in hours and in sessions (no calendar length), a course length, a limit.
    fig({
      id: 'ket-onset',
      sourceId: 'feder-2021',
      treatmentId: 'ket-six',
      metric: 'onset',
      value: 24,
      unit: 'hours',
      domain: 'ptsd',
      onsetBasis: 'first-measured',
      timepoint: { value: 24, unit: 'hours', from: 'the first infusion' },
    }),
    fig({
      id: 'cpt-onset-sessions',
      sourceId: 'resick-2012',
      treatmentId: 'cpt',
      metric: 'onset',
      value: 4,
      unit: 'sessions',
      domain: 'ptsd',
      onsetBasis: 'typical-reported',
    }),
    fig({
      id: 'ssri-onset-anger',
      sourceId: 'brady-2000',
      treatmentId: 'sertraline',
      comparatorId: 'placebo',
      metric: 'onset',
      value: 1,
      unit: 'weeks',
      domain: 'ptsd',
      onsetBasis: 'first-significant',
      subgroup: 'anger item only',
    }),
    fig({
      id: 'ssri-onset',
      sourceId: 'brady-2000',
      treatmentId: 'sertraline',
      comparatorId: 'placebo',
      metric: 'onset',
      value: 6,
      unit: 'weeks',
      domain: 'ptsd',
      onsetBasis: 'first-significant',
    }),
    fig({
      id: 'ssri-guide',
      sourceId: 'guide-2020',
      treatmentId: 'sertraline',
      metric: 'onset',
      value: 8,
      unit: 'weeks',
      domain: 'ptsd',
      onsetBasis: 'typical-reported',
      bound: 'at-least',
    }),
    fig({
      id: 'ket-duration',
      sourceId: 'feder-2021',
      treatmentId: 'ket-six',
      metric: 'duration',
      value: 27.5,
      unit: 'days',
      domain: 'ptsd',
    }),
    fig({
      id: 'ket-duration-depression',
      sourceId: 'feder-2021',
      treatmentId: 'ket-six',
      metric: 'duration',
      value: 20,
      unit: 'days',
      domain: 'depression',
    }),
    fig({
      id: 'cpt-duration',
      sourceId: 'resick-2012',
      treatmentId: 'cpt',
      metric: 'duration',
      value: null,
      low: 5,
      high: 10,
      interval: 'range',
      unit: 'years',
      domain: 'ptsd',
    }),
    // Response with counts in both arms: Wilson intervals, per 100, NNT.
    fig({
      id: 'ket-resp',
      sourceId: 'feder-2021',
      treatmentId: 'ket-six',
      comparatorId: 'midazolam',
      metric: 'response',
      value: 67,
      unit: '%',
      n: 15,
      events: 10,
      definition: '30% fall',
      domain: 'ptsd',
    }),
    fig({
      id: 'mid-resp',
      sourceId: 'feder-2021',
      treatmentId: 'midazolam',
      comparatorId: 'ket-six',
      metric: 'response',
      value: 20,
      unit: '%',
      n: 15,
      events: 3,
      definition: '30% fall',
      domain: 'ptsd',
    }),
    // One saline arm shared by two ketamine doses; side effects named only as totals.
    fig({
      id: 'ae-high',
      sourceId: 'abdallah-2022',
      treatmentId: 'ket-high',
      comparatorId: 'saline',
      metric: 'adverse-event',
      value: 71.7,
      unit: '%',
      n: 53,
      events: 38,
      sideEffect: 'any adverse event',
    }),
    fig({
      id: 'ae-low',
      sourceId: 'abdallah-2022',
      treatmentId: 'ket-low',
      comparatorId: 'saline',
      metric: 'adverse-event',
      value: 76.4,
      unit: '%',
      n: 55,
      events: 42,
      sideEffect: 'any adverse event',
    }),
    fig({
      id: 'ae-saline',
      sourceId: 'abdallah-2022',
      treatmentId: 'saline',
      comparatorId: 'ket-high',
      metric: 'adverse-event',
      value: 45.5,
      unit: '%',
      n: 55,
      events: 25,
      sideEffect: 'any adverse event',
    }),
    // Context from a depression label.
    fig({
      id: 'esk-diss',
      sourceId: 'label-2019',
      treatmentId: 'esk',
      comparatorId: 'spray-placebo',
      metric: 'adverse-event',
      value: 41,
      unit: '%',
      n: 346,
      events: 142,
      sideEffect: 'dissociation',
    }),
    fig({
      id: 'esk-diss-placebo',
      sourceId: 'label-2019',
      treatmentId: 'spray-placebo',
      comparatorId: 'esk',
      metric: 'adverse-event',
      value: 9,
      unit: '%',
      n: 222,
      events: 21,
      sideEffect: 'dissociation',
    }),
    fig({
      id: 'ssri-drop',
      sourceId: 'brady-2000',
      treatmentId: 'sertraline',
      comparatorId: 'placebo',
      metric: 'dropout',
      value: 30,
      unit: '%',
    }),
    fig({
      id: 'pbo-drop',
      sourceId: 'brady-2000',
      treatmentId: 'placebo',
      comparatorId: 'sertraline',
      metric: 'dropout',
      value: 17,
      unit: '%',
    }),
  ];
  return buildStore({ version: 't', reviewed: '2026-12-01', sources, treatments, outcomes, claims: [] });
}

describe('selectTimeSeries', () => {
  const store = dataset();
  const t = selectTimeSeries(store, store.outcomes);
  const mark = (id: string) => t.marks.find((m) => m.id === id);

  it('puts hours, weeks, days and years on one axis in days', () => {
    expect(mark('ket-onset')?.days).toBe(1);
    expect(mark('ssri-onset')?.days).toBe(42);
    expect(mark('ket-duration')?.days).toBe(27.5);
    expect(mark('cpt-duration')).toMatchObject({ days: null, lowDays: 5 * 365.25, highDays: 10 * 365.25 });
  });

  it('keeps the basis and the limit of each mark and says what it is', () => {
    expect(mark('ssri-guide')).toMatchObject({
      basis: 'typical-reported',
      bound: 'at-least',
      valueText: 'at least 8 weeks',
    });
    expect(mark('ket-onset')?.label).toBe('better at the first rating: 24 hours');
    expect(mark('ssri-onset-anger')?.label).toContain('anger item only');
  });

  it('lists what it cannot place, with the reason', () => {
    expect(t.excluded).toEqual(
      expect.arrayContaining([
        { recordId: 'cpt-onset-sessions', reason: expect.stringContaining('sessions') as string },
        { recordId: 'ket-duration-depression', reason: expect.stringContaining('depression') as string },
      ]),
    );
    expect(t.marks.map((m) => m.id)).not.toContain('cpt-onset-sessions');
  });

  it('groups rows by option, then regimen', () => {
    expect(t.rows.map((r) => r.option)).toEqual(['ketamine', 'ssri', 'psychotherapy']);
  });
});

describe('selectArmPairs', () => {
  const store = dataset();

  it('sets each rate beside its control arm with Wilson intervals, the difference per 100 and NNT from counts', () => {
    const { pairs } = selectArmPairs(store, store.outcomes, ['response'], { domain: 'ptsd' });
    expect(pairs).toHaveLength(1);
    const p = pairs[0]!;
    expect(p.control?.id).toBe('mid-resp');
    expect(p.active.intervalLabel).toBe('Wilson 95% CI from counts');
    expect(p.active.low).toBeCloseTo(41.7, 1);
    expect(p.active.high).toBeCloseTo(84.8, 1);
    expect(p.per100).toBe(47);
    // 10/15 − 3/15 = 0.4667 → one more responder for every 2.14 treated → 3.
    expect(p.perOneMore).toBe(3);
  });

  it('lets two doses share one placebo arm', () => {
    const { pairs } = selectArmPairs(store, store.outcomes, ['adverse-event']);
    expect(pairs.map((p) => [p.id, p.control?.id])).toEqual([
      ['ae-high', 'ae-saline'],
      ['ae-low', 'ae-saline'],
    ]);
  });

  it('keeps context apart unless asked, and says why', () => {
    const plain = selectArmPairs(store, store.outcomes, ['adverse-event']);
    expect(plain.excluded).toContainEqual({
      recordId: 'esk-diss',
      reason: expect.stringContaining('not a PTSD population') as string,
    });
    const withContext = selectArmPairs(store, store.outcomes, ['adverse-event'], { includeContext: true });
    expect(withContext.pairs.find((p) => p.id === 'esk-diss')?.placed.ptsd).toBe(false);
  });

  it('gives no NNT where counts were not printed', () => {
    const { pairs } = selectArmPairs(store, store.outcomes, ['dropout']);
    expect(pairs[0]).toMatchObject({ per100: 13, perOneMore: null });
  });
});

describe('selectGlance', () => {
  const store = dataset();
  const g = selectGlance(store, store.outcomes);

  it('answers in plain words with the figures behind each cell', () => {
    expect(g.onset.ketamine.headline).toBe('already better at the first rating, 24 hours after the first infusion');
    expect(g.improve.ketamine.headline).toBe('67 of 100 vs 20 of 100 on midazolam');
    expect(g.improve.ketamine.figureIds).toEqual(['ket-resp', 'mid-resp']);
    expect(g.dropout.ssri.headline).toBe('30 of 100 left early vs 17 of 100 on placebo pill');
  });

  it('quotes the whole-arm onset before a single-symptom one', () => {
    expect(g.onset.ssri.headline).toBe('first ahead of placebo pill at 6 weeks');
  });

  it('says plainly when there is nothing, and shows non-PTSD context apart', () => {
    expect(g.improve.psychotherapy.headline).toBeNull();
    expect(g.improve.psychotherapy.empty).toMatch(/No controlled PTSD trial/);
    expect(g['side-effects'].ketamine.headline).toMatch(/^any adverse event: 76 of 100 vs 46 of 100 on saline/);
    expect(g['side-effects'].ketamine.detail).toContain(
      'No PTSD trial among these reports rates of single side effects',
    );
    expect(g['side-effects'].ketamine.context?.text).toMatch(
      /^Not a PTSD population \(depression\): Esketamine spray, dissociation 41 of 100 vs 9 of 100/,
    );
  });

  it('counts randomized trials and the people in them', () => {
    expect(g.evidence.ketamine.headline).toBe('2 randomized trials, 200 people');
    const rows = selectEvidenceSeries(store, store.outcomes);
    expect(rows.find((r) => r.option === 'ssri')?.otherSources.map((s) => s.id)).toEqual(['guide-2020']);
  });

  it('drives the table filter "figures behind this cell" through the one filter selector', () => {
    const f = selectFiltered(store, { ...DEFAULT_FILTERS, cell: { option: 'ketamine', question: 'improve' } });
    expect(f.outcomes.map((o) => o.id).sort()).toEqual(['ket-resp', 'mid-resp']);
    expect(f.claims).toEqual([]);
    const none = selectFiltered(store, {
      ...DEFAULT_FILTERS,
      sources: ['brady-2000'],
      cell: { option: 'ketamine', question: 'improve' },
    });
    expect(none.outcomes).toEqual([]);
  });
});

describe('selectCompareCharts', () => {
  const store = dataset();
  const charts = selectCompareCharts(store, store.outcomes);

  it('computes each takeaway from the figures, not from fixed text', () => {
    expect(charts.improve.takeaway).toContain('Ketamine +47 per 100 (NNT 3) on response');
    expect(charts.time.takeaway).toContain(
      'Ketamine: first benefit seen at 24 hours, benefit measured up to 27.5 days',
    );
    const fewer = selectCompareCharts(
      store,
      store.outcomes.filter((o) => o.sourceId !== 'feder-2021'),
    );
    expect(fewer.improve.takeaway).toBe('No response, remission or loss-of-diagnosis rate passes the filters.');
  });

  it('lists the sources of exactly the marks it draws', () => {
    expect(charts.sideEffects.sources.map((s) => s.id).sort()).toEqual(['abdallah-2022', 'label-2019']);
    expect(charts.sideEffects.markIds.sort()).toEqual(
      ['ae-high', 'ae-low', 'ae-saline', 'ae-saline', 'esk-diss', 'esk-diss-placebo'].sort(),
    );
  });
});

describe('which option a figure belongs to', () => {
  it('counts only trauma-focused therapies as trauma-focused psychotherapy', async () => {
    const { placeFigure } = await import('../../src/selectors/options');
    const src = source('trial-2020');
    const treatments = [
      tx('pe', 'psychotherapy', 'Prolonged exposure'),
      { ...tx('sit', 'psychotherapy', 'Stress inoculation'), focus: 'not-trauma-focused' as const },
      { ...tx('any', 'psychotherapy', 'Any therapy, pooled'), focus: 'mixed' as const },
      tx('wl', 'control', 'Waitlist'),
    ];
    const store = buildStore({
      version: 'v',
      reviewed: '2026-01-01',
      sources: [src],
      treatments,
      outcomes: [],
      claims: [],
    });
    const at = (treatmentId: string, comparatorId?: string) =>
      placeFigure(
        store,
        fig({
          sourceId: 'trial-2020',
          treatmentId,
          ...(comparatorId ? { comparatorId } : {}),
          metric: 'response',
          unit: '%',
          value: 50,
        }),
      )?.option ?? null;
    expect(at('pe')).toBe('psychotherapy');
    expect(at('sit')).toBeNull();
    expect(at('any')).toBeNull();
    // A waitlist arm follows the therapy it was compared with.
    expect(at('wl', 'pe')).toBe('psychotherapy');
    expect(at('wl', 'sit')).toBeNull();
  });
});
