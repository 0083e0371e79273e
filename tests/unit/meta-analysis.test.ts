// src/lib/meta-analysis.ts against R's metafor. The reference numbers were made by
// `Rscript scripts/metafor-reference.R` from the inputs of `npx tsx scripts/meta-analysis-cases.ts`
// and are committed, so these tests need no R.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chiSquareUpperTail,
  normalQuantile,
  normalUpperTail,
  randomEffects,
  studentTQuantile,
  studentTUpperQuantile,
  studentTUpperTail,
  type RandomEffectsMethod,
  type RandomEffectsResult,
  type RandomEffectsTest,
} from '../../src/lib/meta-analysis';

/** R writes Infinity and NaN, which JSON lacks, as strings. */
type RNumber = number | 'Infinity' | '-Infinity' | 'NaN';
type Case = { name: string; yi: number[]; vi: number[] };
type ReferenceFit = {
  case: string;
  method: RandomEffectsMethod;
  test: RandomEffectsTest;
  requestedTest: RandomEffectsTest;
  level: number;
  k: number;
  estimate: number;
  se: number;
  statistic: RNumber;
  pval: number;
  df: number | null;
  ciLow: number;
  ciHigh: number;
  tau2: number;
  i2: number;
  h2: number;
  q: number;
  qp: number;
  piLow: number;
  piHigh: number;
  s2w: number;
  iterations: number;
  warnings: string[];
};
type Reference = {
  metafor: string;
  cases: Case[];
  results: ReferenceFit[];
  distributions: {
    qnorm: { p: number; q: number }[];
    qt: ({ p: number; df: number } & ({ upper: number } | { lower: number }))[];
    pt: { t: number; df: number; upper: number }[];
    pnorm: { z: number; upper: number }[];
    pchisq: { x: number; df: number; upper: number }[];
  };
};

const dir = join('tests', 'fixtures', 'meta-analysis');
const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: Case[] }).cases;
const reference = JSON.parse(readFileSync(join(dir, 'metafor-reference.json'), 'utf8')) as Reference;
const caseByName = new Map(cases.map((c) => [c.name, c]));
const toEffects = (c: Case) => c.yi.map((yi, i) => ({ yi, vi: c.vi[i]! }));
const rNumber = (x: RNumber): number => (typeof x === 'number' ? x : Number(x));

/**
 * Agreement with metafor: |ours − theirs| ≤ ABS + REL·|theirs|. Measured: below 3e-13 relative on every field
 * of every case but one; on 'extreme-variance-ratio' (weights 1e7 apart, where metafor's matrix formulas
 * cancel) up to 6e-12 relative, and 4e-13 absolute on a prediction bound near 0. Both sides run the same REML
 * iterations, so these bounds leave room for rounding but not for another formula or one more Fisher step.
 */
const REL = 1e-10;
const ABS = 1e-12;
function agrees(ours: number, theirs: number): boolean {
  if (Number.isNaN(theirs)) return Number.isNaN(ours);
  if (!Number.isFinite(theirs)) return ours === theirs;
  return Math.abs(ours - theirs) <= ABS + REL * Math.abs(theirs);
}

const NUMERIC_FIELDS = [
  'estimate',
  'se',
  'statistic',
  'pval',
  'ciLow',
  'ciHigh',
  'tau2',
  'i2',
  'h2',
  'q',
  'qp',
  'piLow',
  'piHigh',
  's2w',
] as const satisfies readonly (keyof RandomEffectsResult & keyof ReferenceFit)[];

function mismatches(ours: RandomEffectsResult, ref: ReferenceFit): string[] {
  const out: string[] = [];
  for (const field of NUMERIC_FIELDS) {
    const theirs = rNumber(ref[field]);
    if (!agrees(ours[field], theirs)) out.push(`${field}: ours ${ours[field]}, metafor ${theirs}`);
  }
  if (ours.k !== ref.k) out.push(`k: ours ${ours.k}, metafor ${ref.k}`);
  if (ours.test !== ref.test) out.push(`test: ours ${ours.test}, metafor ${ref.test}`);
  if (ours.df !== ref.df) out.push(`df: ours ${ours.df}, metafor ${ref.df}`);
  if (ours.iterations !== ref.iterations) out.push(`iterations: ours ${ours.iterations}, metafor ${ref.iterations}`);
  if (JSON.stringify(ours.warnings) !== JSON.stringify(ref.warnings)) {
    out.push(`warnings: ours ${JSON.stringify(ours.warnings)}, metafor ${JSON.stringify(ref.warnings)}`);
  }
  return out;
}

function fitFor(ref: ReferenceFit): RandomEffectsResult {
  const c = caseByName.get(ref.case);
  if (!c) throw new Error(`case ${ref.case} is in the reference but not in cases.json`);
  return randomEffects(toEffects(c), { method: ref.method, test: ref.requestedTest, level: ref.level });
}

describe('the metafor reference file', () => {
  it('was made by metafor from exactly the inputs in cases.json', () => {
    expect(reference.metafor).toMatch(/^\d+\.\d+/);
    // Equal to the last bit: a case edited without rerunning the R script fails here.
    expect(reference.cases).toEqual(cases);
  });

  it('has every case × method × test × level', () => {
    const keys = new Set(reference.results.map((r) => `${r.case}|${r.method}|${r.requestedTest}|${r.level}`));
    for (const c of cases) {
      for (const method of ['REML', 'DL']) {
        for (const test of ['z', 'knha']) {
          for (const level of [95, 90]) expect(keys).toContain(`${c.name}|${method}|${test}|${level}`);
        }
      }
    }
  });

  it('tells the methods and tests apart, so the comparison can fail', () => {
    const find = (name: string, method: string, test: string) =>
      reference.results.find(
        (r) => r.case === name && r.method === method && r.requestedTest === test && r.level === 95,
      )!;
    // REML and DL give clearly different tau² on several cases …
    const differing = cases.filter((c) => {
      const reml = find(c.name, 'REML', 'z').tau2;
      const dl = find(c.name, 'DL', 'z').tau2;
      return Math.abs(reml - dl) > 1e-3 * Math.max(reml, dl);
    });
    expect(differing.length).toBeGreaterThanOrEqual(10);
    // … and Knapp–Hartung changes the intervals.
    const bcgZ = find('bcg-log-risk-ratio', 'REML', 'z');
    const bcgKnha = find('bcg-log-risk-ratio', 'REML', 'knha');
    expect(agrees(bcgKnha.ciLow, bcgZ.ciLow)).toBe(false);
    expect(agrees(bcgKnha.piLow, bcgZ.piLow)).toBe(false);
    // A fit with the wrong method or test is caught by the same tolerance.
    const bcg = toEffects(caseByName.get('bcg-log-risk-ratio')!);
    expect(mismatches(randomEffects(bcg, { method: 'DL' }), bcgZ)).not.toEqual([]);
    expect(mismatches(randomEffects(bcg, { test: 'knha' }), bcgZ)).not.toEqual([]);
    expect(mismatches(randomEffects(bcg, { level: 90 }), bcgZ)).not.toEqual([]);
  });

  it('includes a homogeneous case where both estimators give tau² = 0 and a heterogeneous case that does not', () => {
    const homogeneous = reference.results.filter((r) => r.case === 'homogeneous-k12');
    expect(homogeneous.length).toBe(8);
    for (const r of homogeneous) expect(r.tau2).toBe(0);
    const bcg = reference.results.find((r) => r.case === 'bcg-log-risk-ratio' && r.method === 'REML')!;
    // The textbook REML values for the BCG data (metafor's documentation: tau² ≈ 0.3132, estimate ≈ −0.7145).
    expect(bcg.tau2).toBeCloseTo(0.3132, 3);
    expect(bcg.estimate).toBeCloseTo(-0.7145, 3);
  });
});

describe('randomEffects equals metafor rma() + predict()', () => {
  for (const ref of reference.results) {
    it(`${ref.case} (k = ${ref.k}), ${ref.method}, test ${ref.requestedTest}, level ${ref.level}`, () => {
      expect(mismatches(fitFor(ref), ref)).toEqual([]);
    });
  }
});

describe('randomEffects edge cases', () => {
  it('refuses an empty list', () => {
    expect(() => randomEffects([])).toThrow(/no studies to pool \(k = 0\)/);
  });

  it('names the index of a non-finite effect or a variance that is not above 0', () => {
    const ok = { yi: 0.5, vi: 0.1 };
    expect(() => randomEffects([ok, ok, { yi: NaN, vi: 0.1 }])).toThrow(/effects\[2\]\.yi must be a finite number/);
    expect(() => randomEffects([ok, { yi: Infinity, vi: 0.1 }])).toThrow(/effects\[1\]\.yi/);
    expect(() => randomEffects([ok, { yi: 0.2, vi: 0 }])).toThrow(/effects\[1\]\.vi must be greater than 0 \(got 0\)/);
    expect(() => randomEffects([{ yi: 0.2, vi: -0.1 }, ok])).toThrow(/effects\[0\]\.vi must be greater than 0/);
    expect(() => randomEffects([ok, ok, ok, { yi: 0.2, vi: Infinity }])).toThrow(/effects\[3\]\.vi must be a finite/);
    expect(() => randomEffects([ok, { yi: 0.2, vi: NaN }])).toThrow(/effects\[1\]\.vi must be a finite/);
    const untyped = [ok, { yi: '0.3', vi: 0.1 }] as unknown as { yi: number; vi: number }[];
    expect(() => randomEffects(untyped)).toThrow(/effects\[1\]\.yi must be a finite number \(got 0\.3\)/);
    expect(() => randomEffects([ok, null] as unknown as { yi: number; vi: number }[])).toThrow(/effects\[1\]\.yi/);
  });

  it('refuses unknown options', () => {
    const effects = [
      { yi: 0.5, vi: 0.1 },
      { yi: 0.7, vi: 0.2 },
    ];
    expect(() => randomEffects(effects, { method: 'ML' as RandomEffectsMethod })).toThrow(/unknown method "ML"/);
    expect(() => randomEffects(effects, { test: 't' as RandomEffectsTest })).toThrow(/unknown test "t"/);
    for (const level of [0, 0.4, 100, 150, NaN]) expect(() => randomEffects(effects, { level })).toThrow(/level/);
  });

  it('reads a level between 0.5 and 1 as a proportion, as metafor does', () => {
    const effects = toEffects(caseByName.get('heterogeneous-k10')!);
    for (const [proportion, percent] of [
      [0.9, 90],
      [0.95, 95],
    ] as const) {
      const a = randomEffects(effects, { level: proportion });
      const b = randomEffects(effects, { level: percent });
      expect(a.level).toBe(percent);
      // 1 − 0.95 is not exactly 0.05 in floating point (in R either), so the two agree to rounding only.
      expect(a.ciLow).toBeCloseTo(b.ciLow, 14);
      expect(a.piHigh).toBeCloseTo(b.piHigh, 14);
    }
  });

  it('with one study returns yi, se = √vi and tau² = 0, and falls back from knha to z with a warning (as metafor)', () => {
    const one = randomEffects([{ yi: 0.62, vi: 0.04 }], { method: 'REML', test: 'knha' });
    expect(one).toMatchObject({
      k: 1,
      estimate: 0.62,
      se: 0.2,
      tau2: 0,
      i2: 0,
      h2: 1,
      q: 0,
      qp: 1,
      test: 'z',
      df: null,
    });
    expect(one.warnings).toEqual(['Setting argument test="z" since k=1.']);
    expect(one.piLow).toBe(one.ciLow);
  });

  it('with identical effects and Knapp–Hartung has se = 0, as metafor (its factor is 0, not floored at 1)', () => {
    const r = randomEffects(toEffects(caseByName.get('identical-effects')!), { test: 'knha' });
    expect(r.s2w).toBe(0);
    expect(r.se).toBe(0);
    expect(r.ciLow).toBe(r.estimate);
  });

  it('is pure: the input is not changed and the same input gives the same result', () => {
    const effects = Object.freeze(toEffects(caseByName.get('bcg-log-risk-ratio')!).map((e) => Object.freeze(e)));
    const first = randomEffects(effects);
    expect(randomEffects(effects)).toEqual(first);
  });
});

describe('distribution functions equal R', () => {
  const d = reference.distributions;
  const close = (ours: number, theirs: number, rel: number) => {
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(rel * Math.abs(theirs) + 1e-300);
  };

  it('qnorm', () => {
    for (const { p, q } of d.qnorm) close(normalQuantile(p), q, 1e-15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it('qt for df 1–60 and some fractional and large df, to 1e-12 (1e-11 at df = 100000)', () => {
    expect(d.qt.length).toBeGreaterThan(600);
    for (const row of d.qt) {
      const rel = row.df > 1000 ? 1e-11 : 1e-12;
      if ('upper' in row) close(studentTUpperQuantile(row.p, row.df), row.upper, rel);
      else close(studentTQuantile(row.p, row.df), row.lower, rel);
    }
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174698, 12);
    expect(studentTUpperQuantile(0, 5)).toBe(Infinity);
    expect(studentTQuantile(0.5, 0)).toBeNaN();
  });

  it("qt below df = 1 inverts pt (R's own qt is not accurate there, so no R reference)", () => {
    for (const p of [1e-12, 1e-6, 0.025, 0.3]) {
      close(studentTUpperTail(studentTUpperQuantile(p, 0.5), 0.5), p, 1e-13);
    }
  });

  it('pt, pnorm and pchisq upper tails', () => {
    for (const { t, df, upper } of d.pt) close(studentTUpperTail(t, df), upper, 1e-12);
    for (const { z, upper } of d.pnorm) close(normalUpperTail(z), upper, 1e-12);
    for (const { x, df, upper } of d.pchisq) close(chiSquareUpperTail(x, df), upper, 1e-12);
  });
});
