import type { Outcome } from '../data/schema';
import { DIRECTED_METRICS, RATIO_UNITS, type Bound } from '../data/vocabulary';

/** A comparison turned so that larger always favours the treatment over its comparator. */
export type FavoursPoint = {
  /** null when only a range was printed. */
  value: number | null;
  low?: number;
  high?: number;
  bound?: Bound;
  /** Ratios (RR, OR, HR, IRR) sit around 1 on a log axis; differences and NNTs around 0. */
  scale: 'ratio' | 'difference' | 'nnt';
  /** True when the stored number was flipped (a difference negated, a ratio inverted). */
  flipped: boolean;
};

export type Favours = { ok: true; point: FavoursPoint } | { ok: false; reason: string };

const FLIPPED_BOUND: Record<Bound, Bound> = { 'at-most': 'at-least', 'at-least': 'at-most' };

/**
 * Use before putting any effect size, difference or NNT on a "favours the
 * treatment →" axis: it applies the record's `direction` (never a guess) and
 * says in plain words why a figure cannot be placed.
 */
export function toFavoursTreatment(o: Outcome): Favours {
  if (!DIRECTED_METRICS.includes(o.metric)) return { ok: false, reason: 'not a comparison between two arms' };
  if (o.contrast === 'within-arm') {
    return { ok: false, reason: 'a before/after change within one arm, not a comparison with another treatment' };
  }
  if (o.contrast === 'other')
    return { ok: false, reason: 'compares groups of people or an unstated contrast, not two treatments' };
  if (o.direction === undefined || o.direction === 'unknown') {
    return { ok: false, reason: 'the source does not say which arm this number favours' };
  }
  if (o.comparatorId === undefined) return { ok: false, reason: 'no comparator is recorded' };

  const scale = o.metric === 'nnt' ? 'nnt' : RATIO_UNITS.includes(o.unit) ? 'ratio' : 'difference';
  const numbers = [o.value, o.low, o.high].filter((v): v is number => typeof v === 'number');
  if (scale === 'ratio' && numbers.some((v) => v <= 0))
    return { ok: false, reason: 'a ratio at or below zero cannot be plotted' };

  const flipped = o.direction === 'lower-favours-treatment';
  const turn = (v: number) => (!flipped ? v : scale === 'ratio' ? 1 / v : -v);
  const point: FavoursPoint = {
    value: o.value === null ? null : turn(o.value),
    scale,
    flipped,
  };
  // Flipping swaps the ends of an interval and the sense of a limit.
  const low = flipped ? o.high : o.low;
  const high = flipped ? o.low : o.high;
  if (low !== undefined) point.low = turn(low);
  if (high !== undefined) point.high = turn(high);
  if (o.bound) point.bound = flipped ? FLIPPED_BOUND[o.bound] : o.bound;
  return { ok: true, point };
}
