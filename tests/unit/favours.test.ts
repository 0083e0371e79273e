import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/data/schema';
import { toFavoursTreatment } from '../../src/selectors/favours';

const effect = (patch: Partial<Outcome>): Outcome => ({
  id: 'x-effect',
  sourceId: 'x',
  treatmentId: 'drug',
  comparatorId: 'placebo',
  metric: 'effect-size',
  value: -0.4,
  unit: 'SMD',
  low: -0.6,
  high: -0.2,
  interval: '95% CI',
  locator: 'abstract',
  domain: 'ptsd',
  direction: 'lower-favours-treatment',
  contrast: 'between-arms',
  ...patch,
});

describe('toFavoursTreatment', () => {
  it('negates a difference whose lower values favour the treatment, swapping the interval ends', () => {
    expect(toFavoursTreatment(effect({}))).toEqual({
      ok: true,
      point: { value: 0.4, low: 0.2, high: 0.6, scale: 'difference', flipped: true },
    });
  });

  it('keeps a difference that already reads "higher favours the treatment"', () => {
    const f = toFavoursTreatment(effect({ value: 0.4, low: 0.2, high: 0.6, direction: 'higher-favours-treatment' }));
    expect(f).toEqual({ ok: true, point: { value: 0.4, low: 0.2, high: 0.6, scale: 'difference', flipped: false } });
  });

  it('inverts a ratio, so a harm ratio of 2 becomes 0.5 on the favours axis', () => {
    const f = toFavoursTreatment(effect({ unit: 'RR', value: 2, low: 1.25, high: 4 }));
    expect(f).toEqual({ ok: true, point: { value: 0.5, low: 0.25, high: 0.8, scale: 'ratio', flipped: true } });
  });

  it('turns a limit with its number: "at most" becomes "at least" when flipped', () => {
    const f = toFavoursTreatment(
      effect({ value: -0.8, low: undefined, high: undefined, interval: undefined, bound: 'at-most' }),
    );
    expect(f.ok && f.point).toMatchObject({ value: 0.8, bound: 'at-least' });
  });

  it.each([
    ['an unknown direction', { direction: 'unknown' as const }, /does not say which arm/],
    ['a before/after effect', { contrast: 'within-arm' as const, comparatorId: undefined }, /within one arm/],
    ['a comparison of populations', { contrast: 'other' as const }, /not two treatments/],
    ['a ratio at zero', { unit: 'OR' as const, value: 0, low: 0, high: 1 }, /at or below zero/],
    ['a rate, not a comparison', { metric: 'response' as const, unit: '%' as const, value: 40 }, /not a comparison/],
  ])('leaves out %s and says why', (_label, patch, reason) => {
    const f = toFavoursTreatment(effect(patch));
    expect(f.ok).toBe(false);
    expect(!f.ok && f.reason).toMatch(reason);
  });
});
