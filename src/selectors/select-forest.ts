import type { Store } from '../data/normalize';
import type { Outcome, Source, Treatment } from '../data/schema';
import {
  BOUND_LABELS,
  CONDITION_LABELS,
  CONTROL_TYPES,
  DOMAIN_LABELS,
  KIND_LABELS,
  type ControlType,
  type Rating,
  type RiskOfBiasJudgement,
  type SourceKind,
} from '../data/vocabulary';
import { shortCitation } from '../lib/format';
import { randomEffects, type RandomEffectsResult } from '../lib/meta-analysis';
import { toFavoursTreatment } from './favours';
import { memoOn } from './memo';
import { RANDOMIZED_KINDS } from './options';
import { figureCondition, isPtsdPopulation } from './population';

/**
 * Forest plots of between-arm effect sizes on PTSD symptoms, one panel per option and kind of
 * control, each with a random-effects pooled estimate where one may honestly be computed.
 *
 * The rules, in the order they are applied:
 *
 * 1. **What is considered.** Only figures with `metric: 'effect-size'` among the outcomes passed in
 *    (whatever passed the app's filters). Other metrics are ignored, not listed.
 * 2. **What is not shown** (listed in `notShown` with the reason, never dropped silently): a figure
 *    whose source or arms are missing from the store; a figure about another population than PTSD
 *    (`figureCondition`/`isPtsdPopulation`, as the other selectors decide context); a figure that
 *    measures something other than PTSD symptoms (`domain` other than `ptsd`); a figure that
 *    `toFavoursTreatment` cannot turn (unknown direction, a before/after change within one arm, a
 *    comparison of groups of people, no comparator); a unit that is neither a standardized mean
 *    difference nor a ratio (a risk difference sits on its own scale); a limit (`bound`), which is not
 *    a point; and a figure printed only as a range, with no point estimate.
 * 3. **Direction.** Every shown estimate has been turned by `toFavoursTreatment`, so above 0 (above 1
 *    for ratios) always favours the treatment over its comparator; a "lower favours the treatment"
 *    figure is negated (a ratio inverted) and its interval ends swapped.
 * 4. **Families.** Standardized mean differences (g, d, SMD) share one axis around 0: Cohen's d and
 *    Hedges' g differ only by Hedges' small-sample correction (a factor just below 1), and g is what the
 *    Metapsy database gives; SMD is one or the other. Ratios (OR, RR, HR, IRR) sit on a log axis around 1.
 *    The two families are never drawn in one panel and never pooled together.
 * 5. **Groups.** A group is family × treatment (one treatment record, e.g. EMDR) × control kind. The
 *    control kind is the comparator's `controlType`; a comparator that is not a control (a head-to-head
 *    against another treatment) counts as `active`; a control with no type is `unknown`.
 * 6. **Interval.** A 95% CI printed by the source is shown as printed (turned). Where a standardized
 *    figure has only a standard error, the interval is estimate ± 1.959964·SE (`intervalComputed`).
 *    Another kind of interval (a range, an IQR, a 95% HDI) is not a 95% CI: such a row, or one with no
 *    interval at all, is drawn as a point with `low = high = estimate` and `hasInterval: false`.
 * 7. **Analysis scale (yi, vi).** Standardized: yi = the turned estimate and vi = SE², with SE the
 *    source's `se`, or else derived from a 95% CI as (high − low) / (2 · 1.959964) (`varianceFrom`
 *    says which). Ratios: yi = ln(turned estimate) and vi from the 95% CI on the log scale,
 *    ((ln high − ln low) / (2 · 1.959964))²; a bare SE on a ratio is not used, as it does not say
 *    whether it is on the log scale. Without either, yi and vi are null and the row cannot be pooled.
 * 8. **Who may be pooled.** Only randomized trials (source kind `rct` or `crossover-rct`). Results of
 *    meta-analyses, systematic reviews, reviews and guidelines are already pooled and are never pooled
 *    again; other designs are not randomized comparisons. A figure about a subgroup (other than a
 *    completers-only analysis of the trial's comparison) does not describe everyone randomized and is
 *    not pooled. All of these stay in the plot with `pooled: false` and their reason.
 * 9. **One row per comparison** (see {@link ONE_ROW_PER_COMPARISON}). Within a group, a comparison is
 *    (source, treatment, comparator). Of several poolable rows for one comparison (clinician- and
 *    self-rated, several instruments, or several arms of one trial coded as the same treatment against
 *    one shared control group) one is pooled: clinician-rated first, then the larger n, then the first in
 *    dataset order. If one trial gives the same treatment against two controls of the same kind, the
 *    comparison with the larger n (then the first) is pooled, so its treatment arm is counted once. The
 *    others are plotted with `pooled: false` and say which row was pooled instead.
 * 10. **Refusals** (`pool.ok: false`, with the reason in plain words): the control kind is unknown;
 *    ratio rows of different kinds (odds against risk ratios…); an "active" group that mixes
 *    head-to-head comparisons against different treatments, or them with active controls (different
 *    questions); fewer than 3 poolable comparisons; a model that fails to converge; and a pool whose
 *    Knapp–Hartung interval has zero width (identical effects). Rows of a refused group are all
 *    `pooled: false`, with the refusal as their reason.
 * 11. **Method.** REML with the Knapp–Hartung adjustment (`randomEffects`, equal to metafor's
 *    `rma(method = "REML", test = "knha")` and `predict()`). `people` sums n over the pooled rows (in the
 *    Metapsy rows n is both arms' analysed numbers added); `peopleUnknown` counts pooled rows with no n.
 *
 * Groups are sorted by family (standardized first), then treatment name, then control kind in the
 * vocabulary's order (`unknown` last). Rows inside a group are sorted by their label (the short
 * citation), then by outcome id. The result is deterministic and memoized on (store, outcomes).
 */

export type EffectFamily = 'standardized' | 'ratio';

/** The interval quantile used throughout, as the brief and the data's notes use it. */
export const Z95 = 1.959964;

/** Units on the standardized-mean-difference axis; d and g differ only by a small-sample correction. */
export const STANDARDIZED_UNITS: readonly string[] = ['g', 'd', 'SMD'];
/** Units on the ratio axis (log scale, 1 = no difference). */
export const FOREST_RATIO_UNITS: readonly string[] = ['OR', 'RR', 'HR', 'IRR'];

/** Source kinds whose figures are already pooled across trials. */
const ALREADY_POOLED_KINDS: readonly SourceKind[] = ['meta-analysis', 'systematic-review', 'review', 'guideline'];

/** The sentence every ok pool carries as its `rule`. */
export const ONE_ROW_PER_COMPARISON =
  'One row per comparison: where a trial reports the same treatment-versus-control comparison more than once ' +
  '(clinician- and self-rated, several instruments, or several arms sharing one control group), only one row is ' +
  'pooled — the clinician-rated one, then the one with more people, then the first in the dataset — so no ' +
  'participant is counted twice.';

export type ForestRow = {
  /** The outcome id. */
  id: string;
  outcome: Outcome;
  source: Source;
  treatment: Treatment;
  comparator: Treatment;
  /** The short citation of the source: the plot's row label. */
  label: string;
  /** "EMDR vs Waitlist". */
  contrastLabel: string;
  /** Turned by toFavoursTreatment: above 0 (above 1 for ratios) favours the treatment. */
  estimate: number;
  /** 95% interval on the same (turned) scale; equal to the estimate when `hasInterval` is false. */
  low: number;
  high: number;
  /** True when low/high were computed here as estimate ± 1.959964·SE. */
  intervalComputed: boolean;
  /** False when no 95% interval is known: low and high then equal the estimate (a bare point). */
  hasInterval: boolean;
  /** Analysis scale (log for ratios); null when no SE can be had (then not poolable). */
  yi: number | null;
  vi: number | null;
  /** Where vi came from: the source's SE, or a 95% CI (back-computed); null when there is none. */
  varianceFrom: 'se' | '95% CI' | null;
  n: number | undefined;
  rating?: Rating;
  /** The source's overall RoB 2 judgement, if any. */
  riskOfBias?: RiskOfBiasJudgement;
  family: EffectFamily;
  unit: string;
  /** Used in its group's pooled estimate. */
  pooled: boolean;
  /** Plain words on why the row is not pooled. */
  notPooledReason?: string;
};

export type ControlKind = ControlType | 'unknown';

export type PoolResult =
  | {
      ok: true;
      /** On the analysis scale: log for ratios. */
      result: RandomEffectsResult;
      k: number;
      /** Sum of n over the pooled rows that give one. */
      people: number;
      /** Pooled rows that give no n (not in `people`). */
      peopleUnknown: number;
      method: 'REML';
      test: 'knha';
      rule: string;
      /** The pooled rows' outcome ids, in the order they were passed to the model (dataset order). */
      ids: string[];
      /** The pooled estimate and intervals on the plot's scale (exponentiated for ratios). */
      shown: { estimate: number; ciLow: number; ciHigh: number; piLow: number; piHigh: number };
    }
  | { ok: false; reason: string; /** Poolable comparisons in the group. */ k: number };

export type ForestGroup = {
  /** `${treatment.id}|${controlKind}|${family}`, e.g. "emdr|waitlist|standardized". */
  key: string;
  family: EffectFamily;
  /** The option: one treatment record, e.g. EMDR. */
  treatment: Treatment;
  controlKind: ControlKind;
  /** "waitlist", "usual care", "placebo", "an active treatment", … */
  controlLabel: string;
  /** Sorted by label (short citation), then outcome id. */
  rows: ForestRow[];
  pool: PoolResult;
};

export type ForestModel = { groups: ForestGroup[]; notShown: { id: string; reason: string }[] };

export const CONTROL_KIND_LABELS: Record<ControlKind, string> = {
  waitlist: 'waitlist',
  'usual-care': 'usual care',
  placebo: 'placebo',
  active: 'an active treatment',
  other: 'another control (assessment only, no treatment or not described)',
  unknown: 'a control of unrecorded type',
};

const CONTROL_KIND_ORDER: readonly ControlKind[] = [...CONTROL_TYPES, 'unknown'];

/** What kind of control a row was compared with (rule 5). */
export function controlKindOfComparator(comparator: Treatment): ControlKind {
  if (comparator.controlType) return comparator.controlType;
  if (comparator.class !== 'control') return 'active';
  return 'unknown';
}

function familyOf(unit: string): EffectFamily | null {
  if (STANDARDIZED_UNITS.includes(unit)) return 'standardized';
  if (FOREST_RATIO_UNITS.includes(unit)) return 'ratio';
  return null;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** "a meta-analysis", "an open-label study". */
const withArticle = (s: string) => `${/^[aeiou]/i.test(s) ? 'an' : 'a'} ${lowerFirst(s)}`;

/** Why an effect size cannot be placed on a forest plot at all, or null when it can (rule 2). */
function notShownReason(o: Outcome, source: Source | undefined, treatment: Treatment | undefined): string | null {
  if (!source) return 'its source is not in the dataset';
  if (!treatment) return 'its treatment is not in the dataset';
  const condition = figureCondition(o, source);
  if (!isPtsdPopulation(condition)) return `not a PTSD population (${CONDITION_LABELS[condition]})`;
  if (o.domain !== 'ptsd') {
    if (!o.domain) return 'does not say what it measures';
    if (o.domain === 'other') return 'measures something other than PTSD symptoms';
    return `measures ${lowerFirst(DOMAIN_LABELS[o.domain])}, not PTSD symptoms`;
  }
  return null;
}

function unitReason(unit: string): string {
  if (unit === 'RD') return 'a risk difference sits on its own scale; not shown with standardized effects';
  return `the unit ${unit} is neither a standardized mean difference (g, d, SMD) nor a ratio (OR, RR, HR, IRR)`;
}

/** Why a placed row may not enter a pool on its own account (rule 8), or null. */
function eligibilityReason(row: ForestRow): string | null {
  const kind = row.source.kind;
  if (ALREADY_POOLED_KINDS.includes(kind)) {
    return `${withArticle(KIND_LABELS[kind])} result, already pooled from several studies; pooling it again would count them twice`;
  }
  if (!RANDOMIZED_KINDS.includes(kind)) {
    return `${withArticle(KIND_LABELS[kind])}, not a randomized trial; only randomized comparisons are pooled`;
  }
  const subgroup = row.outcome.subgroup;
  if (subgroup && !/\bcompleters?\b/i.test(subgroup)) {
    return `describes a subgroup (${subgroup}), not everyone randomized`;
  }
  if (row.yi === null || row.vi === null) {
    if (row.family === 'ratio' && row.outcome.se !== undefined && row.outcome.interval !== '95% CI') {
      return 'has a standard error but no 95% CI; for a ratio it is not clear whether the SE is on the log scale';
    }
    return 'no standard error or 95% CI is given, so it cannot be weighted';
  }
  return null;
}

/** Builds the row for a figure that can be placed, or returns the reason it cannot. */
function buildRow(
  o: Outcome,
  source: Source,
  treatment: Treatment,
  store: Store,
): { row: ForestRow; controlKind: ControlKind } | { reason: string } {
  const favours = toFavoursTreatment(o);
  if (!favours.ok) return { reason: favours.reason };
  const comparator = o.comparatorId === undefined ? undefined : store.treatmentById.get(o.comparatorId);
  if (!comparator) return { reason: 'its comparator is not in the dataset' };
  const family = familyOf(o.unit);
  if (!family) return { reason: unitReason(o.unit) };
  const p = favours.point;
  if (p.bound !== undefined) {
    return { reason: `a limit (${BOUND_LABELS[p.bound]} ${p.value} ${o.unit}), not a point estimate` };
  }
  if (p.value === null) return { reason: 'only a range was printed, with no point estimate' };

  const estimate = p.value;
  const ci =
    o.interval === '95% CI' && p.low !== undefined && p.high !== undefined ? { low: p.low, high: p.high } : null;
  let low = estimate;
  let high = estimate;
  let intervalComputed = false;
  let hasInterval = false;
  let yi: number | null = null;
  let vi: number | null = null;
  let varianceFrom: ForestRow['varianceFrom'] = null;

  if (family === 'standardized') {
    yi = estimate;
    if (o.se !== undefined) {
      vi = o.se * o.se;
      varianceFrom = 'se';
    } else if (ci) {
      const se = (ci.high - ci.low) / (2 * Z95);
      vi = se * se;
      varianceFrom = '95% CI';
    }
    if (ci) {
      low = ci.low;
      high = ci.high;
      hasInterval = true;
    } else if (o.se !== undefined) {
      low = estimate - Z95 * o.se;
      high = estimate + Z95 * o.se;
      intervalComputed = true;
      hasInterval = true;
    }
  } else {
    yi = Math.log(estimate);
    if (ci) {
      const se = (Math.log(ci.high) - Math.log(ci.low)) / (2 * Z95);
      vi = se * se;
      varianceFrom = '95% CI';
      low = ci.low;
      high = ci.high;
      hasInterval = true;
    }
  }
  // A variance of 0 (a zero SE, or a CI of zero width) cannot be weighted.
  if (vi === null || !(vi > 0) || !Number.isFinite(vi) || !Number.isFinite(yi)) {
    yi = null;
    vi = null;
    varianceFrom = null;
  }

  const row: ForestRow = {
    id: o.id,
    outcome: o,
    source,
    treatment,
    comparator,
    label: shortCitation(source),
    contrastLabel: `${treatment.name} vs ${comparator.name}`,
    estimate,
    low,
    high,
    intervalComputed,
    hasInterval,
    yi,
    vi,
    varianceFrom,
    n: o.n,
    ...(o.rating ? { rating: o.rating } : {}),
    ...(source.riskOfBias ? { riskOfBias: source.riskOfBias.overall } : {}),
    family,
    unit: o.unit,
    pooled: false,
  };
  return { row, controlKind: controlKindOfComparator(comparator) };
}

type Candidate = { row: ForestRow; order: number };

/** Clinician-rated first, then the larger n (an unknown n last), then dataset order. */
function byPreference(a: Candidate, b: Candidate): number {
  const clinician = (c: Candidate) => (c.row.rating === 'clinician' ? 0 : 1);
  return clinician(a) - clinician(b) || (b.row.n ?? -1) - (a.row.n ?? -1) || a.order - b.order;
}

/** Why `winner` was preferred to `loser`, as a noun phrase: "a clinician-rated row". */
function whyPreferred(winner: ForestRow, loser: ForestRow): string {
  if (winner.rating === 'clinician' && loser.rating !== 'clinician') return 'a clinician-rated row';
  if ((winner.n ?? -1) > (loser.n ?? -1)) return `a row with more people (n = ${winner.n})`;
  return 'a row listed earlier in the dataset';
}

/**
 * Rule 9: keeps one candidate per comparison, then one comparison per trial, and marks the others.
 * Returns the kept candidates in dataset order.
 */
function onePerComparison(candidates: readonly Candidate[]): Candidate[] {
  const bySource = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = bySource.get(c.row.source.id);
    if (list) list.push(c);
    else bySource.set(c.row.source.id, [c]);
  }
  const kept: Candidate[] = [];
  for (const list of bySource.values()) {
    const byComparator = new Map<string, Candidate[]>();
    for (const c of list) {
      const same = byComparator.get(c.row.comparator.id);
      if (same) same.push(c);
      else byComparator.set(c.row.comparator.id, [c]);
    }
    const representatives: Candidate[] = [];
    for (const same of byComparator.values()) {
      const [best, ...rest] = [...same].sort(byPreference);
      if (!best) continue;
      representatives.push(best);
      for (const other of rest) {
        const w = best.row;
        const l = other.row;
        const sameMeasure = w.outcome.instrument === l.outcome.instrument && w.rating === l.rating;
        l.notPooledReason = sameMeasure
          ? `same trial, treatment and control group as ${whyPreferred(w, l)}, which is pooled ` +
            '(another arm or analysis against a shared control arm, which is counted once)'
          : `same comparison as ${whyPreferred(w, l)}, which is pooled`;
      }
    }
    // One trial, one treatment, two controls of the same kind: its treatment arm would count twice.
    const [first, ...others] = [...representatives].sort(
      (a, b) => (b.row.n ?? -1) - (a.row.n ?? -1) || a.order - b.order,
    );
    if (!first) continue;
    kept.push(first);
    for (const other of others) {
      other.row.notPooledReason =
        `this trial's ${other.row.treatment.name} arm is already pooled against ${first.row.comparator.name}, ` +
        'a control of the same kind; its people are counted once';
    }
  }
  return kept.sort((a, b) => a.order - b.order);
}

/** Rule 10: refusals that do not depend on k, or null. */
function refusal(controlKind: ControlKind, kept: readonly Candidate[]): string | null {
  if (controlKind === 'unknown') {
    return 'the type of control is not recorded, so these trials may compare against very different controls; not pooled';
  }
  const units = [...new Set(kept.map((c) => c.row.unit))];
  if (kept[0]?.row.family === 'ratio' && units.length > 1) {
    return `mixes different ratios (${units.join(', ')}), which do not pool`;
  }
  if (controlKind === 'active') {
    const headToHead = new Set(
      kept.filter((c) => c.row.comparator.class !== 'control').map((c) => c.row.comparator.id),
    );
    const controls = kept.filter((c) => c.row.comparator.class === 'control').length;
    if (headToHead.size > 1 || (headToHead.size === 1 && controls > 0)) {
      return 'mixes head-to-head comparisons against different treatments or active controls, which answer different questions; not pooled';
    }
  }
  return null;
}

function pool(controlKind: ControlKind, family: EffectFamily, kept: readonly Candidate[]): PoolResult {
  const k = kept.length;
  const refused = refusal(controlKind, kept);
  if (refused) return { ok: false, reason: refused, k };
  if (k < 3) return { ok: false, reason: `needs at least 3 trials; this selection has ${k}`, k };
  let result: RandomEffectsResult;
  try {
    result = randomEffects(
      kept.map((c) => ({ yi: c.row.yi as number, vi: c.row.vi as number })),
      { method: 'REML', test: 'knha' },
    );
  } catch (error) {
    return { ok: false, reason: `the random-effects model failed (${(error as Error).message}); not pooled`, k };
  }
  if (!(result.se > 0)) {
    return {
      ok: false,
      reason: 'the trials give identical effects, so the Knapp–Hartung interval has zero width; not pooled',
      k,
    };
  }
  const shownScale = family === 'ratio' ? Math.exp : (x: number) => x;
  let people = 0;
  let peopleUnknown = 0;
  for (const c of kept) {
    if (c.row.n === undefined) peopleUnknown++;
    else people += c.row.n;
  }
  return {
    ok: true,
    result,
    k,
    people,
    peopleUnknown,
    method: 'REML',
    test: 'knha',
    rule: ONE_ROW_PER_COMPARISON,
    ids: kept.map((c) => c.row.id),
    shown: {
      estimate: shownScale(result.estimate),
      ciLow: shownScale(result.ciLow),
      ciHigh: shownScale(result.ciHigh),
      piLow: shownScale(result.piLow),
      piHigh: shownScale(result.piHigh),
    },
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const datasetOrder = new WeakMap<Store, ReadonlyMap<string, number>>();
/** Position of each outcome in the dataset, for "the first in dataset order". */
function orderOf(store: Store): ReadonlyMap<string, number> {
  let map = datasetOrder.get(store);
  if (!map) datasetOrder.set(store, (map = new Map(store.outcomes.map((o, i) => [o.id, i]))));
  return map;
}

function compute(store: Store, outcomes: readonly Outcome[]): ForestModel {
  const notShown: ForestModel['notShown'] = [];
  type Building = {
    key: string;
    family: EffectFamily;
    treatment: Treatment;
    controlKind: ControlKind;
    candidates: Candidate[];
  };
  const groups = new Map<string, Building>();

  const positions = orderOf(store);
  outcomes.forEach((o, index) => {
    if (o.metric !== 'effect-size') return;
    const order = positions.get(o.id) ?? store.outcomes.length + index;
    const source = store.sourceById.get(o.sourceId);
    const treatment = store.treatmentById.get(o.treatmentId);
    const early = notShownReason(o, source, treatment);
    if (early || !source || !treatment) {
      notShown.push({ id: o.id, reason: early ?? 'its source or treatment is not in the dataset' });
      return;
    }
    const built = buildRow(o, source, treatment, store);
    if ('reason' in built) {
      notShown.push({ id: o.id, reason: built.reason });
      return;
    }
    const { row, controlKind } = built;
    const key = `${treatment.id}|${controlKind}|${row.family}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, family: row.family, treatment, controlKind, candidates: [] }));
    group.candidates.push({ row, order });
  });

  const out: ForestGroup[] = [];
  for (const g of groups.values()) {
    const eligible: Candidate[] = [];
    for (const c of g.candidates) {
      const reason = eligibilityReason(c.row);
      if (reason) c.row.notPooledReason = reason;
      else eligible.push(c);
    }
    const kept = onePerComparison(eligible);
    const result = pool(g.controlKind, g.family, kept);
    for (const c of kept) {
      if (result.ok) c.row.pooled = true;
      else c.row.notPooledReason = `this group is not pooled: ${result.reason}`;
    }
    const rows = g.candidates
      .map((c) => c.row)
      .sort((a, b) => compareText(a.label, b.label) || compareText(a.id, b.id));
    out.push({
      key: g.key,
      family: g.family,
      treatment: g.treatment,
      controlKind: g.controlKind,
      controlLabel: CONTROL_KIND_LABELS[g.controlKind],
      rows,
      pool: result,
    });
  }
  out.sort(
    (a, b) =>
      (a.family === b.family ? 0 : a.family === 'standardized' ? -1 : 1) ||
      compareText(a.treatment.name, b.treatment.name) ||
      compareText(a.treatment.id, b.treatment.id) ||
      CONTROL_KIND_ORDER.indexOf(a.controlKind) - CONTROL_KIND_ORDER.indexOf(b.controlKind),
  );
  return { groups: out, notShown };
}

/**
 * The forest-plot model for the filtered outcomes: every between-arm effect size on PTSD symptoms in a
 * group (family × treatment × control kind) with its pooled estimate or the reason there is none, and
 * every other effect size in `notShown` with its reason. The rules are in the module comment above.
 */
export function selectForest(store: Store, outcomes: readonly Outcome[]): ForestModel {
  return memoOn(store, outcomes, 'forest', () => compute(store, outcomes));
}
