import type { Store } from '../data/normalize';
import type { Outcome, Source } from '../data/schema';
import { CONDITION_LABELS, KIND_LABELS, METRIC_LABELS, type SourceKind } from '../data/vocabulary';
import { formatNumber, plural, shortCitation } from '../lib/format';
import { memoOn } from './memo';
import { figureCondition } from './population';
import { selectArmPairs, type ArmPair } from './select-arm-pairs';
import { selectEvidenceSeries } from './select-evidence-series';
import { earliestOnset, markDays, selectTimeSeries, type TimeMark } from './select-time-series';
import { OPTIONS, QUESTIONS, designRank, placeAll, type OptionId, type QuestionId } from './options';

/** One cell of the summary-of-findings grid, with the exact figures it rests on. */
export type GlanceCell = {
  option: OptionId;
  question: QuestionId;
  /** The answer in plain words; null when nothing can be said. */
  headline: string | null;
  /** Where the headline comes from, and the spread. */
  detail: string | null;
  /** Said plainly when there is no figure. */
  empty: string | null;
  /** Labelled context from another population, never blended into the headline. */
  context: { text: string; figureIds: string[] } | null;
  /** Exactly the figures behind the cell (both arms), for "open in the table". */
  figureIds: string[];
  sourceCount: number;
  /** The strongest design among those sources. */
  bestDesign: SourceKind | null;
};

export type Glance = Record<QuestionId, Record<OptionId, GlanceCell>>;

const per100 = (v: number) => formatNumber(Math.round(v));

/** A name inside a sentence: "placebo pill", but "IV ketamine" and "EMDR" keep their capitals. */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}
const pairIds = (pairs: readonly ArmPair[]) => pairs.flatMap((p) => (p.control ? [p.id, p.control.id] : [p.id]));

/** Relapse-prevention arms switched from the drug to placebo: a control, but not of an acute comparison. */
const isDiscontinuation = (p: ArmPair) => p.control?.treatment.id === 'placebo-substitution';

/** The pair a headline should quote: an acute comparison, the strongest design, then the most people. */
export function bestPair(pairs: readonly ArmPair[]): ArmPair | undefined {
  const size = (p: ArmPair) => (p.active.n ?? 0) + (p.control?.n ?? 0);
  const acute = pairs.filter((p) => !isDiscontinuation(p));
  return [...(acute.length ? acute : pairs)].sort(
    (a, b) => designRank(b.placed.source.kind) - designRank(a.placed.source.kind) || size(b) - size(a),
  )[0];
}

function pairWords(p: ArmPair, verb = ''): string {
  const c = p.control;
  const mine = `${per100(p.active.value)} of 100${verb}`;
  return c ? `${mine} vs ${per100(c.value)} of 100 on ${inSentence(c.treatment.name)}` : mine;
}

const cite = (p: { placed: { source: Source } }) =>
  `${shortCitation(p.placed.source)}, ${KIND_LABELS[p.placed.source.kind].toLowerCase()}`;

function onsetWords(m: TimeMark): string {
  const o = m.placed.outcome;
  const after = o.timepoint?.from ? ` after ${o.timepoint.from}` : '';
  switch (m.basis) {
    case 'first-measured':
      return `already better at the first rating, ${m.valueText}${after}`;
    case 'first-significant':
      return `first ahead of ${m.placed.comparator ? inSentence(m.placed.comparator.name) : 'control'} at ${m.valueText}`;
    case 'course-completed':
      return `a full course takes ${m.valueText}`;
    default:
      return `guidance: ${m.valueText}`;
  }
}

function timeCell(marks: TimeMark[], question: 'onset' | 'duration'): Pick<GlanceCell, 'headline' | 'detail'> {
  if (marks.length === 0) return { headline: null, detail: null };
  const sorted = [...marks].sort((a, b) => markDays(a) - markDays(b));
  const who = (m: TimeMark) =>
    `${m.placed.treatment.name}${m.placed.outcome.subgroup ? `, ${m.placed.outcome.subgroup}` : ''}; ${cite({ placed: m.placed })}`;
  if (question === 'onset') {
    const first = earliestOnset(sorted) ?? sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    const spread =
      sorted[0]!.valueText !== last.valueText
        ? ` Figures range from ${sorted[0]!.valueText} to ${last.valueText}.`
        : '';
    return { headline: onsetWords(first), detail: `${who(first)}.${spread}` };
  }
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return { headline: `benefit measured to last ${first.valueText}`, detail: `${who(first)}.` };
  return {
    headline: `from ${first.valueText} to ${last.valueText}`,
    detail: `Longest: ${who(last)}. Shortest: ${who(first)}.`,
  };
}

const EMPTY: Record<QuestionId, string> = {
  onset: 'No PTSD study among the figures shown reports when benefit began.',
  duration: 'No PTSD study among the figures shown reports how long benefit lasted.',
  improve: 'No controlled PTSD trial among the figures shown reports a rate beside its control arm.',
  'side-effects': 'No PTSD trial among the figures shown reports a side-effect rate beside a placebo arm.',
  dropout: 'No PTSD trial among the figures shown reports dropout beside a control arm.',
  evidence: 'No randomized PTSD trial among the figures shown.',
};

/**
 * The summary-of-findings grid: for each option and question, the answer in plain words,
 * computed from the filtered figures, with the figures it rests on. Use for the landing
 * view and for the table's "figures behind this cell" filter.
 */
export function selectGlance(store: Store, outcomes: readonly Outcome[]): Glance {
  return memoOn(store, outcomes, 'glance', () => glanceOf(store, outcomes));
}

/** What the grid is computed from: each a memoized selector, so computing one ahead makes the grid's call free. */
const glanceParts = (store: Store, outcomes: readonly Outcome[]) => ({
  time: () => selectTimeSeries(store, outcomes),
  improve: () => selectArmPairs(store, outcomes, ['response', 'remission', 'loss-of-diagnosis'], { domain: 'ptsd' }),
  harms: () => selectArmPairs(store, outcomes, ['adverse-event'], { includeContext: true }),
  dropout: () => selectArmPairs(store, outcomes, ['dropout']),
  quitHarm: () => selectArmPairs(store, outcomes, ['dropout-adverse-event']),
  evidence: () => selectEvidenceSeries(store, outcomes),
});

/**
 * The grid as a list of steps, each a few milliseconds, the last the grid itself: for a caller that computes it a
 * task at a time so no single task is long (the landing view, before adopting the prerendered page).
 */
export function glanceSteps(store: Store, outcomes: readonly Outcome[]): (() => unknown)[] {
  return [
    () => placeAll(store, outcomes),
    ...Object.values(glanceParts(store, outcomes)),
    ...OPTIONS.map((option) => () => glanceColumn(store, outcomes, option)),
    () => selectGlance(store, outcomes),
  ];
}

/** One option's cells (a column of the grid), memoized, so the grid can be computed a column per task. */
type Column = Record<QuestionId, GlanceCell>;
const glanceColumn = (store: Store, outcomes: readonly Outcome[], option: OptionId): Column =>
  memoOn(store, outcomes, `glance:${option}`, () => columnOf(store, outcomes, option));

function glanceOf(store: Store, outcomes: readonly Outcome[]): Glance {
  const out = Object.fromEntries(QUESTIONS.map((q) => [q, {}])) as Glance;
  for (const option of OPTIONS) {
    const column = glanceColumn(store, outcomes, option);
    for (const question of QUESTIONS) out[question][option] = column[question];
  }
  return out;
}

function columnOf(store: Store, outcomes: readonly Outcome[], option: OptionId): Column {
  const parts = glanceParts(store, outcomes);
  const time = parts.time();
  const improve = parts.improve();
  const harms = parts.harms();
  const dropout = parts.dropout();
  const quitHarm = parts.quitHarm();
  const evidence = parts.evidence();

  const cell = (
    option: OptionId,
    question: QuestionId,
    body: Pick<GlanceCell, 'headline' | 'detail'> & { figureIds: string[]; context?: GlanceCell['context'] },
    emptyText = EMPTY[question],
  ): GlanceCell => {
    const sources = new Map<string, Source>();
    for (const id of [...body.figureIds, ...(body.context?.figureIds ?? [])]) {
      const o = store.outcomeById.get(id);
      const s = o && store.sourceById.get(o.sourceId);
      if (s) sources.set(s.id, s);
    }
    const best = [...sources.values()].sort((a, b) => designRank(b.kind) - designRank(a.kind))[0];
    return {
      option,
      question,
      headline: body.headline,
      detail: body.detail,
      empty: body.headline === null ? emptyText : null,
      context: body.context ?? null,
      figureIds: [...new Set([...body.figureIds, ...(body.context?.figureIds ?? [])])],
      sourceCount: sources.size,
      bestDesign: best?.kind ?? null,
    };
  };

  const byOption = <T extends { option: OptionId }>(xs: readonly T[], option: OptionId) =>
    xs.filter((x) => x.option === option);
  const markOption = (m: TimeMark) => m.placed.option;

  const out = {} as Column;
  for (const kind of ['onset', 'duration'] as const) {
    const marks = time.marks.filter((m) => m.kind === kind && markOption(m) === option);
    out[kind] = cell(option, kind, { ...timeCell(marks, kind), figureIds: marks.map((m) => m.id) });
  }

  const gains = byOption(improve.pairs, option).filter((p) => p.control);
  const g = bestPair(gains);
  out.improve = cell(option, 'improve', {
    headline: g ? pairWords(g) : null,
    detail: g
      ? `${METRIC_LABELS[g.metric]} with ${inSentence(g.active.treatment.name)}; ${cite(g)}. ${plural(gains.length, 'comparison', 'comparisons')} in all.`
      : null,
    figureIds: pairIds(gains),
  });

  const everyRate = byOption(harms.pairs, option);
  const uncontrolled = everyRate.filter((p) => !p.control && p.placed.ptsd);
  const mine = everyRate.filter((p) => p.control);
  const ptsd = mine.filter((p) => p.placed.ptsd);
  const context = mine.filter((p) => !p.placed.ptsd);
  const worst = (xs: ArmPair[]) => [...xs].sort((a, b) => (b.per100 ?? 0) - (a.per100 ?? 0))[0];
  const h = worst(ptsd);
  const c = worst(context);
  const named = ptsd.filter((p) => !/^(any|serious)\b/i.test(p.placed.outcome.sideEffect ?? ''));
  out['side-effects'] = cell(
    option,
    'side-effects',
    {
      headline: h ? `${h.placed.outcome.sideEffect}: ${pairWords(h)}` : null,
      detail: h
        ? `${cite(h)}. ${named.length === 0 ? 'No PTSD trial among these reports rates of single side effects.' : `${new Set(named.map((p) => p.placed.outcome.sideEffect)).size} named side effects with rates.`}`
        : null,
      figureIds: pairIds(ptsd.length ? ptsd : uncontrolled),
      context: c
        ? {
            text: `Not a PTSD population (${CONDITION_LABELS[figureCondition(c.placed.outcome, c.placed.source)]}): ${c.placed.treatment.name}, ${c.placed.outcome.sideEffect} ${pairWords(c)} (${shortCitation(c.placed.source)}).`,
            figureIds: pairIds(context),
          }
        : undefined,
    },
    uncontrolled.length
      ? `No trial among the figures shown reports a side-effect rate beside a control arm; ${plural(uncontrolled.length, 'uncontrolled figure', 'uncontrolled figures')} (${[...new Set(uncontrolled.map((p) => p.placed.outcome.sideEffect))].join('; ')}).`
      : EMPTY['side-effects'],
  );

  const leaves = byOption(dropout.pairs, option).filter((p) => p.control && p.placed.ptsd);
  const d = bestPair(leaves);
  const stops = byOption(quitHarm.pairs, option).filter((p) => p.placed.ptsd);
  const s = bestPair(stops);
  out.dropout = cell(option, 'dropout', {
    headline: d ? `${pairWords(d, ' left early')}` : null,
    detail: d
      ? `${d.active.treatment.name}; ${cite(d)}.${s ? ` Stopped because of side effects: ${pairWords(s)} (${shortCitation(s.placed.source)}).` : ''}`
      : null,
    figureIds: [...pairIds(leaves), ...pairIds(stops)],
  });

  const e = evidence.find((r) => r.option === option)!;
  out.evidence = cell(option, 'evidence', {
    headline:
      e.trials.length > 0
        ? `${plural(e.trials.length, 'randomized trial', 'randomized trials')}, ${plural(e.people, 'person', 'people')}`
        : null,
    detail:
      e.trials.length > 0
        ? `${plural(e.reviews.length, 'meta-analysis or review', 'meta-analyses or reviews')} and ${plural(e.otherSources.length, 'other study', 'other studies')} also give figures.${e.trialsWithoutN ? ` ${plural(e.trialsWithoutN, "trial's", "trials'")} size not recorded.` : ''}`
        : null,
    figureIds: e.figureIds,
  });
  return out;
}

/** The figure ids behind one cell, or null when the cell token is unknown. */
export function selectGlanceCellIds(
  store: Store,
  outcomes: readonly Outcome[],
  option: OptionId,
  question: QuestionId,
): ReadonlySet<string> {
  return new Set(selectGlance(store, outcomes)[question][option].figureIds);
}
