import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/data/schema';
import { DIRECTED_METRICS } from '../../src/data/vocabulary';
import { toFavoursTreatment } from '../../src/selectors/favours';
import { data, outcomeById, sourceById, treatmentById } from './real-dataset';

const conditionOf = (o: Outcome) => o.condition ?? sourceById.get(o.sourceId)?.condition;
const classOf = (id: string | undefined) => (id ? treatmentById.get(id)?.class : undefined);
const byId = (id: string) => {
  const o = outcomeById.get(id);
  if (!o) throw new Error(`no outcome ${id}`);
  return o;
};

describe('meaning fields on the real dataset: what a chart may plot', () => {
  const directed = data.outcomes.filter((o) => DIRECTED_METRICS.includes(o.metric));

  it('places every effect, difference and NNT on a favours axis, or names why it cannot', () => {
    expect(directed.length).toBeGreaterThan(100);
    const unplaced: Record<string, string> = {};
    for (const o of directed) {
      const f = toFavoursTreatment(o);
      if (!f.ok) unplaced[o.id] = f.reason;
    }
    // The comparisons whose direction the sources leave open, each one deliberate.
    const unknown = directed.filter((o) => o.direction === 'unknown').map((o) => o.id);
    expect(unknown.sort()).toEqual(
      [
        'almeida-2024-effect-size-end-of-treatment',
        'dell-2022-between-group-difference-massed-vs-standard-wk12',
        'foa-2018-between-group-difference-massed-vs-spaced-wk12',
        'foa-2018-between-group-difference-massed-vs-spaced-wk2',
        'foa-2018-between-group-difference-spaced-vs-pct-post',
        'jonas-2013-between-group-difference-exposure-vs-cpt',
        'jun-sudden-gains-effect-size-early-gain-size',
        'resick-2002-effect-size-cpt-vs-pe-caps-itt-post',
        'resick-2002-effect-size-cpt-vs-pe-caps-itt-3mo',
        'resick-2002-effect-size-cpt-vs-pe-caps-itt-9mo',
        'resick-2002-effect-size-cpt-vs-pe-pss-itt-post',
        'resick-2002-effect-size-cpt-vs-pe-pss-itt-3mo',
        'resick-2002-effect-size-cpt-vs-pe-pss-itt-9mo',
        'resick-2002-effect-size-cpt-vs-pe-bdi-itt-post',
        'resick-2002-effect-size-cpt-vs-pe-bdi-itt-3mo',
        'resick-2002-effect-size-cpt-vs-pe-bdi-itt-9mo',
        'resick-2002-effect-size-cpt-vs-pe-caps-completers-post',
        'resick-2002-effect-size-cpt-vs-pe-caps-completers-3mo',
        'resick-2002-effect-size-cpt-vs-pe-caps-completers-9mo',
        'resick-2012-effect-size-cpt-vs-pe',
        'schneier-2012-effect-size-ptsd-irr-wk10',
        'sloan-2018-between-group-difference-wet-vs-cpt-wk24',
        'sloan-2022-between-group-difference-wet-vs-cpt-wk30',
        'wright-2024-effect-size-dropout-military-rr',
      ].sort(),
    );
    for (const id of unknown) {
      expect(unplaced[id], id).toBeTruthy();
      expect(outcomeById.get(id)?.note, `${id} says the direction is not known`).toMatch(/direction|which arm/i);
    }
    // Before/after effects are never read as one treatment beating another.
    for (const o of directed.filter((x) => x.contrast === 'within-arm')) {
      expect(o.comparatorId, o.id).toBeUndefined();
      expect(unplaced[o.id], o.id).toMatch(/within one arm/);
    }
  });

  it('turns each printed sign the way its source reads it', () => {
    const point = (id: string) => {
      const f = toFavoursTreatment(byId(id));
      if (!f.ok) throw new Error(`${id}: ${f.reason}`);
      return f.point;
    };
    // Both favour the drug, though one is printed negative and one positive.
    expect(point('forman-hoffman-2018-effect-size-fluoxetine')).toMatchObject({ value: 0.28, low: 0.14, high: 0.42 });
    expect(point('borgogna-2024-effect-size-24h')).toMatchObject({ value: 0.35, low: 0.06, high: 0.64 });
    expect(point('stein-2006-between-group-difference-medication')).toMatchObject({ value: 5.76 });
    // A harm ratio above 1 favours the control once turned.
    expect(point('huang-2020-effect-size-medication-adverse-effects').value).toBeCloseTo(1 / 1.47);
    // Placebo's odds of relapse relative to fluoxetine: already "higher favours fluoxetine".
    expect(point('davidson-2005-effect-size-fluoxetine-relapse')).toMatchObject({ value: 3.5, flipped: false });
    expect(point('cusack-2016-nnt-loss-of-diagnosis-cpt')).toMatchObject({ value: 4, bound: 'at-most' });
  });

  it('finds every active treatment ahead of an inactive control on PTSD once directions are applied', () => {
    // A sign error in any record would show up here as a treatment "losing" to its control.
    // The exceptions are real results from the Metapsy database: trials whose therapy arm ended with
    // more symptoms than the control. Its sign convention (positive favours therapy) is checked
    // against its own means in tests/unit/import-metapsy.test.ts.
    const databaseNegatives = new Set([
      'buhmann-2016-metapsy-g-tf-cbt-htq',
      'butler-2018-metapsy-g-mixed-pds',
      'engel-2015-metapsy-g-ntf-pcl',
      'raabe-2022-metapsy-g-ntf-a-caps',
      'raabe-2022-metapsy-g-ntf-a-pds',
      'van-denderen-2018-metapsy-g-mixed-a-ies',
    ]);
    const behind: string[] = [];
    for (const o of directed) {
      if (o.domain !== 'ptsd' || o.contrast === 'within-arm') continue;
      if (classOf(o.treatmentId) === 'control' || classOf(o.comparatorId) !== 'control') continue;
      const f = toFavoursTreatment(o);
      if (!f.ok) continue;
      const v = f.point.value ?? f.point.low ?? f.point.high;
      if (v === undefined) continue;
      if (f.point.scale === 'ratio' ? v < 1 : v < 0) behind.push(`${o.id} (${v})`);
    }
    expect(behind.filter((b) => !databaseNegatives.has(b.split(' ')[0] ?? ''))).toEqual([]);
    expect(behind.map((b) => b.split(' ')[0]).sort()).toEqual([...databaseNegatives].sort());
  });

  it('gives every onset a basis, and calls course lengths and guidance what they are', () => {
    const onsets = data.outcomes.filter((o) => o.metric === 'onset');
    expect(onsets.filter((o) => !o.onsetBasis).map((o) => o.id)).toEqual([]);
    expect(byId('foa-2018-onset-massed-pe').onsetBasis).toBe('course-completed');
    expect(byId('sloan-2018-onset-wet').onsetBasis).toBe('course-completed');
    expect(byId('etg-ptsd-pharmacotherapy-onset-ssri-full-benefit').onsetBasis).toBe('typical-reported');
    expect(byId('feder-2014-onset-ketamine-24h').onsetBasis).toBe('first-measured');
  });

  it('stores printed limits as limits, never as a point or a one-sided interval', () => {
    expect(byId('pradhan-2017-duration-ketamine-single-max').bound).toBe('at-most');
    expect(byId('etg-ptsd-pharmacotherapy-onset-ssri-full-benefit').bound).toBe('at-least');
    expect(byId('hoppen-2022-effect-size-psychotherapy-vs-passive')).toMatchObject({ value: 0.8, bound: 'at-least' });
    const oneSided = data.outcomes.filter((o) => (o.low === undefined) !== (o.high === undefined));
    expect(oneSided.map((o) => o.id)).toEqual([]);
  });

  it('keeps one sign for symptom change: negative means fewer symptoms, in points and in percent', () => {
    const changes = data.outcomes.filter((o) => o.metric === 'symptom-change');
    expect(changes.filter((o) => o.value === null || o.value > 0).map((o) => o.id)).toEqual([]);
    expect(byId('feder-2014-symptom-change-midazolam-24h')).toMatchObject({ value: -50, unit: '%' });
  });

  it('files depression and other non-PTSD measures under their own domain', () => {
    for (const id of [
      'albott-2018-response-ketamine-depression',
      'albott-2018-duration-ketamine-depression-responders',
      'resick-2002-effect-size-cpt-vs-ma-bdi-itt',
      'chen-2014-effect-size-emdr-depression',
    ]) {
      expect(byId(id).domain, id).toBe('depression');
    }
    // Every figure measured on a depression scale alone is filed as depression.
    const mislabelled = data.outcomes.filter(
      (o) =>
        /MADRS|BDI|depression/i.test(o.instrument ?? '') &&
        !/PTSD/.test(o.instrument ?? '') &&
        o.domain !== 'depression',
    );
    expect(mislabelled.map((o) => o.id)).toEqual([]);
  });

  it('files trajectory classes and sudden gains as patterns of change, not response rates', () => {
    const responses = data.outcomes.filter((o) => o.metric === 'response' || o.metric === 'remission');
    expect(
      responses
        .filter((o) => /trajectory|profile|sudden gain|end-state function/i.test(o.definition ?? ''))
        .map((o) => o.id),
    ).toEqual([]);
    expect(byId('clapp-2016-change-pattern-pe-rapid').metric).toBe('change-pattern');
    expect(byId('jun-sudden-gains-change-pattern-pe').metric).toBe('change-pattern');
    expect(outcomeById.has('connor-1999-remission-fluoxetine-wk12')).toBe(false);
    expect(sourceById.get('connor-1999')?.notes).toMatch(/high end-state functioning.*41%.*4%/);
  });

  it('has ketamine side-effect figures from PTSD trials and, labelled apart, from depression trials', () => {
    const harms = data.outcomes.filter(
      (o) =>
        classOf(o.treatmentId) === 'ketamine' &&
        (o.metric === 'adverse-event' || (o.metric === 'effect-size' && o.domain === 'tolerability')),
    );
    const ptsd = harms.filter((o) => conditionOf(o) === 'ptsd');
    const depression = harms.filter((o) => conditionOf(o) === 'depression');
    expect(ptsd.length).toBeGreaterThanOrEqual(5);
    expect(depression.length).toBeGreaterThanOrEqual(10);
    for (const effect of ['dissociation', 'dizziness', 'nausea', 'blood pressure increased']) {
      expect(
        depression.some((o) => o.sideEffect === effect),
        effect,
      ).toBe(true);
    }
    // Each context rate sits beside its placebo arm's rate from the same table.
    for (const o of depression.filter((x) => x.metric === 'adverse-event')) {
      const partner = data.outcomes.find(
        (p) =>
          p.sourceId === o.sourceId &&
          p.sideEffect === o.sideEffect &&
          p.subgroup === o.subgroup &&
          p.treatmentId === o.comparatorId,
      );
      expect(partner?.id, `${o.id} has its placebo arm`).toBeDefined();
    }
  });

  it('labels every figure from a non-PTSD population in its own words', () => {
    const unlabelled = data.outcomes.filter(
      (o) =>
        (conditionOf(o) === 'depression' || o.condition === 'mixed') &&
        !/not a PTSD|not PTSD alone/i.test(`${o.note ?? ''} ${o.subgroup ?? ''}`),
    );
    expect(unlabelled.map((o) => o.id)).toEqual([]);
  });
});
