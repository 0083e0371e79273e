import type { Store } from '../data/normalize';
import type { Outcome, Treatment } from '../data/schema';
import type { Metric } from '../data/vocabulary';
import { intervalOf } from '../lib/stats';
import { memoOn } from './memo';
import { placeAll, type OptionId, type Placed } from './options';

/** One arm's rate with its 95% interval (reported, else Wilson from counts). */
export type ArmRate = {
  id: string;
  treatment: Treatment;
  value: number;
  low?: number;
  high?: number;
  /** "95% CI", "Wilson 95% CI from counts", … */
  intervalLabel?: string;
  n?: number;
  events?: number;
};

/** A rate on a treatment beside the rate on its control arm in the same source, when there is one. */
export type ArmPair = {
  /** The treatment arm's record id. */
  id: string;
  option: OptionId;
  metric: Metric;
  placed: Placed;
  active: ArmRate;
  control: ArmRate | null;
  /** Treatment minus control, in percentage points: "N more per 100 people". */
  per100: number | null;
  /** From counts only: people treated for one more with the outcome (rounded up); null when not computable. */
  perOneMore: number | null;
};

export type Excluded = { recordId: string; reason: string };
export type PairSeries = { pairs: ArmPair[]; excluded: Excluded[] };

function armRate(o: Outcome, treatment: Treatment): ArmRate | null {
  if (o.value === null) return null;
  const interval = intervalOf(o);
  return {
    id: o.id,
    treatment,
    value: o.value,
    ...(interval ? { low: interval.low, high: interval.high, intervalLabel: interval.label } : {}),
    ...(o.n !== undefined ? { n: o.n } : {}),
    ...(o.events !== undefined ? { events: o.events } : {}),
  };
}

const sameTime = (a: Outcome, b: Outcome) =>
  JSON.stringify(a.timepoint ?? null) === JSON.stringify(b.timepoint ?? null);

/** What a control arm must share with its treatment arm: source, measure, the control itself, side effect, group. */
const partnerKey = (o: Outcome, controlId: string | undefined) =>
  [o.sourceId, o.metric, controlId ?? '', o.sideEffect ?? '', o.subgroup ?? ''].join('\u0000');

/** Control arms indexed by what they must share with a treatment arm, so pairing is linear, not quadratic. */
function indexControls(all: readonly Placed[]): Map<string, Placed[]> {
  const index = new Map<string, Placed[]>();
  for (const p of all) {
    if (!p.isControl) continue;
    const key = partnerKey(p.outcome, p.outcome.treatmentId);
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  }
  return index;
}

/** The control arm's record that mirrors `o` (same source, measure, side effect, group and, if several, time). */
function controlPartner(index: Map<string, Placed[]>, o: Outcome): Placed | undefined {
  const candidates = index.get(partnerKey(o, o.comparatorId)) ?? [];
  return candidates.find((p) => sameTime(p.outcome, o)) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

/**
 * Rates of one kind (response, side effects, dropout…) for treatment arms, each beside its
 * control arm. Use for any "arm vs control" chart or summary; what cannot be placed is
 * listed with the reason.
 */
export function selectArmPairs(
  store: Store,
  outcomes: readonly Outcome[],
  metrics: readonly Metric[],
  options: { domain?: 'ptsd'; includeContext?: boolean } = {},
): PairSeries {
  const key = `pairs:${metrics.join(',')}:${options.domain ?? ''}:${options.includeContext ? 1 : 0}`;
  return memoOn(store, outcomes, key, () => pairsOf(store, outcomes, metrics, options));
}

function pairsOf(
  store: Store,
  outcomes: readonly Outcome[],
  metrics: readonly Metric[],
  options: { domain?: 'ptsd'; includeContext?: boolean },
): PairSeries {
  const placed = placeAll(store, outcomes).filter((p) => metrics.includes(p.outcome.metric));
  const controls = indexControls(placed);
  const pairs: ArmPair[] = [];
  const excluded: Excluded[] = [];
  const used = new Set<string>();
  for (const p of placed) {
    if (p.isControl) continue;
    const o = p.outcome;
    if (!p.ptsd && !options.includeContext) {
      excluded.push({ recordId: o.id, reason: 'not a PTSD population (shown only as labelled context elsewhere)' });
      continue;
    }
    if (options.domain && o.domain !== options.domain) {
      excluded.push({ recordId: o.id, reason: `measures ${o.domain ?? 'something other than PTSD'}, not PTSD` });
      continue;
    }
    if (p.comparator && p.comparator.class !== 'control') {
      excluded.push({
        recordId: o.id,
        reason: `compared with another active treatment (${p.comparator.name}), not a control`,
      });
      continue;
    }
    const active = armRate(o, p.treatment);
    if (!active) {
      excluded.push({ recordId: o.id, reason: 'only a range was printed, with no single rate to plot' });
      continue;
    }
    const partner = o.comparatorId ? controlPartner(controls, o) : undefined;
    const control = partner ? armRate(partner.outcome, partner.treatment) : null;
    if (partner) used.add(partner.outcome.id);
    const per100 = control ? active.value - control.value : null;
    let perOneMore: number | null = null;
    if (control && active.events !== undefined && active.n && control.events !== undefined && control.n) {
      const diff = active.events / active.n - control.events / control.n;
      if (diff > 0) perOneMore = Math.ceil(1 / diff - 1e-9);
    }
    pairs.push({ id: o.id, option: p.option, metric: o.metric, placed: p, active, control, per100, perOneMore });
  }
  // Control arms whose treatment arm could not be placed are not shown on their own.
  for (const p of placed) {
    if (p.isControl && !used.has(p.outcome.id)) {
      excluded.push({ recordId: p.outcome.id, reason: 'a control arm whose treatment arm is not shown here' });
    }
  }
  return { pairs, excluded };
}
