import type { Store } from '../data/normalize';
import type { Claim, Outcome } from '../data/schema';
import { METRIC_LABELS, type Metric } from '../data/vocabulary';
import { formatQuantity, formatValue, shortCitation } from '../lib/format';
import { intervalOf, toDays } from '../lib/stats';
import type { Excluded } from './select-arm-pairs';
import { OPTION_LABELS, placeFigure, type OptionId } from './options';

/** One research figure placed beside a claim, in the axis's units (percent, or days on a log axis). */
export type ContextPoint = {
  id: string;
  value: number;
  low?: number;
  high?: number;
  /** "IV ketamine, six-infusion course · Feder 2021: 67%" */
  label: string;
  /** The claim's verdict rests on this figure. */
  cited: boolean;
  isControl: boolean;
  option: OptionId;
};

export type ClaimContext = {
  claimId: string;
  /** How the axis reads; 'none' when the claim has no number or nothing sits beside it. */
  axis: 'percent' | 'time' | 'none';
  /** The claimed number (or range) in axis units, and as the blog printed it. */
  claimed: { value: number | null; low?: number; high?: number; text: string } | null;
  points: ContextPoint[];
  excluded: Excluded[];
  /** One sentence saying where the claimed number sits: the chart's text alternative. */
  summary: string;
};

const TIME_METRICS: readonly Metric[] = ['onset', 'duration'];

function toAxis(value: number, unit: string, axis: ClaimContext['axis']): number | null {
  if (axis === 'time') return toDays(value, unit);
  return unit === '%' ? value : null;
}

function claimedOf(c: Claim, axis: ClaimContext['axis']): ClaimContext['claimed'] {
  if (!c.unit) return null;
  const unit = c.unit;
  const conv = (v: number | undefined) => (v === undefined ? undefined : (toAxis(v, unit, axis) ?? undefined));
  const value = typeof c.value === 'number' ? (toAxis(c.value, unit, axis) ?? null) : null;
  const low = conv(c.low);
  const high = conv(c.high);
  if (value === null && low === undefined && high === undefined) return null;
  // Quote the blog's own wording of this number ("nearly 70%", "two weeks"), not a study year it also printed.
  const tokens = [c.value, c.low, c.high].filter((v): v is number => typeof v === 'number').map(String);
  const wording = (c.quotedNumbers ?? []).filter((q) => !/^(19|20)\d{2}$/.test(q));
  const matching = wording.filter((q) =>
    tokens.some((t) => new RegExp(`(^|[^\\d.])${t.replace('.', '\\.')}([^\\d]|$)`).test(q)),
  );
  const chosen = matching.length ? matching : wording;
  const withUnit = (q: string) => (/^[\d.]+$/.test(q) && unit !== '%' ? `“${q}” ${unit}` : `“${q}”`);
  const printed = chosen.length
    ? chosen.map(withUnit).join(' to ')
    : formatValue({
        value: c.value ?? null,
        unit,
        ...(c.low !== undefined ? { low: c.low } : {}),
        ...(c.high !== undefined ? { high: c.high } : {}),
      });
  return { value, ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}), text: printed };
}

function describePosition(
  claimed: NonNullable<ClaimContext['claimed']>,
  points: ContextPoint[],
  c: Claim,
  axis: ClaimContext['axis'],
): string {
  const arms = points.filter((p) => !p.isControl);
  const v = claimed.value ?? claimed.high ?? claimed.low ?? 0;
  const unit = axis === 'time' ? 'days' : '%';
  const show = (x: number) =>
    axis === 'time' ? formatQuantity(Math.round(x * 10) / 10, unit) : `${Math.round(x * 10) / 10}%`;
  const what = METRIC_LABELS[c.metric].toLowerCase();
  if (arms.length === 0) return `The claim says ${claimed.text}; no ${what} figure for this option sits beside it.`;
  const cited = points.filter((p) => p.cited).map((p) => p.label);
  const rest = cited.length ? ` The verdict rests on ${cited.join('; ')}.` : '';
  if (arms.length === 1) {
    const only = arms[0]!.value;
    const rel = v > only ? 'above' : v < only ? 'below' : 'at';
    return `The claim's ${claimed.text} sits ${rel} the only treatment-arm ${what} figure, ${show(only)}.${rest}`;
  }
  const values = arms.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const above = values.filter((x) => x < v).length;
  const where =
    v > max
      ? `above every one of the ${arms.length} treatment-arm ${what} figures`
      : v < min
        ? `below every one of the ${arms.length} treatment-arm ${what} figures`
        : `within the range of the ${arms.length} treatment-arm ${what} figures (higher than ${above})`;
  return `The claim's ${claimed.text} sits ${where}, which run from ${show(min)} to ${show(max)}.${rest}`;
}

/**
 * Where a claimed number sits among every research figure of the same measure for the
 * same option: the cherry-pick question. Use for the chart beside each claim.
 */
export function selectClaimContext(store: Store, claim: Claim): ClaimContext {
  const treatment = store.treatmentById.get(claim.treatmentId);
  const option = treatment && (['ketamine', 'ssri', 'psychotherapy'] as const).find((o) => o === treatment.class);
  const axis: ClaimContext['axis'] = TIME_METRICS.includes(claim.metric)
    ? 'time'
    : claim.unit === '%'
      ? 'percent'
      : 'none';
  const claimed = axis === 'none' ? null : claimedOf(claim, axis);
  const base = { claimId: claim.id, excluded: [] as Excluded[] };
  if (!claimed || !option) {
    return {
      ...base,
      axis: 'none',
      claimed: null,
      points: [],
      summary: claimed
        ? 'The claim is about a treatment outside the three options compared here.'
        : 'The claim gives no number to place; the figures it was checked against are listed with it.',
    };
  }
  const cited = new Set(claim.evidence);
  const points: ContextPoint[] = [];
  for (const o of store.outcomes) {
    if (o.metric !== claim.metric) continue;
    const p = placeFigure(store, o);
    if (!p || p.option !== option) continue;
    const reason = exclusionOf(o, p.ptsd, axis);
    if (reason) {
      base.excluded.push({ recordId: o.id, reason });
      continue;
    }
    const interval = intervalOf(o);
    const v = (o.value !== null ? toAxis(o.value, o.unit, axis) : null)!;
    const low = interval ? toAxis(interval.low, o.unit, axis) : null;
    const high = interval ? toAxis(interval.high, o.unit, axis) : null;
    points.push({
      id: o.id,
      value: v,
      ...(low !== null ? { low } : {}),
      ...(high !== null ? { high } : {}),
      label: `${p.treatment.name} · ${shortCitation(p.source)}: ${formatValue(o)}`,
      cited: cited.has(o.id),
      isControl: p.isControl,
      option,
    });
  }
  points.sort((a, b) => Number(b.cited) - Number(a.cited) || b.value - a.value);
  return {
    ...base,
    axis,
    claimed,
    points,
    summary: describePosition(claimed, points, claim, axis) + ` (${OPTION_LABELS[option]}).`,
  };
}

function exclusionOf(o: Outcome, ptsd: boolean, axis: ClaimContext['axis']): string | null {
  if (!ptsd) return 'not a PTSD population';
  if (o.domain && o.domain !== 'ptsd') return `measures ${o.domain}, not PTSD`;
  if (o.value === null) return 'only a range was printed';
  if (o.bound) return 'printed as a limit, not a value';
  if (axis === 'time' && toDays(o.value, o.unit) === null) return 'counted in sessions, which have no calendar length';
  if (axis === 'time' && o.value <= 0) return 'a zero time cannot sit on a log axis';
  if (axis === 'percent' && o.unit !== '%') return 'not a percentage';
  return null;
}
