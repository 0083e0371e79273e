import type { Store } from '../data/normalize';
import type { Outcome, Source } from '../data/schema';
import { CONDITION_LABELS, METRIC_LABELS } from '../data/vocabulary';
import { compareText, formatNumber, shortCitation } from '../lib/format';
import { figureCondition } from './population';
import { selectArmPairs, type ArmPair, type ArmRate, type Excluded } from './select-arm-pairs';
import { selectEvidenceSeries, type EvidenceRow } from './select-evidence-series';
import { bestPair } from './select-glance';
import { earliestOnset, markDays, selectTimeSeries, type TimeMark, type TimeRow } from './select-time-series';
import { OPTIONS, OPTION_LABELS, type OptionId } from './options';

export type ChartTableModel = { columns: string[]; rows: { id: string; cells: string[] }[] };

type Common = {
  takeaway: string;
  sources: Source[];
  excluded: Excluded[];
  table: ChartTableModel;
  /** Record ids of every mark drawn, for tests and counts. */
  markIds: string[];
};

export type PairGroupModel = { title: string; context: boolean; pairs: ArmPair[] };
export type TimeChartModel = Common & { rows: TimeRow[] };
export type PairChartModel = Common & { groups: PairGroupModel[] };
export type EvidenceChartModel = Common & { rows: EvidenceRow[] };

export type CompareCharts = {
  time: TimeChartModel;
  improve: PairChartModel;
  sideEffects: PairChartModel;
  dropout: PairChartModel;
  evidence: EvidenceChartModel;
};

const pct = (v: number) => `${formatNumber(Math.round(v * 10) / 10)}%`;
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatNumber(Math.abs(Math.round(v)))}`;

/** "58% (95% CI 49 to 66, n 120)": a rate in words for captions, tables and screen readers. */
export function rateWords(r: ArmRate): string {
  const interval =
    r.low !== undefined && r.high !== undefined
      ? `, ${r.intervalLabel ?? '95% CI'} ${formatNumber(Math.round(r.low * 10) / 10)} to ${formatNumber(Math.round(r.high * 10) / 10)}`
      : '';
  const n =
    r.events !== undefined && r.n !== undefined ? `, ${r.events} of ${r.n}` : r.n !== undefined ? `, n ${r.n}` : '';
  return `${pct(r.value)}${interval}${n}`;
}

/** "+23 per 100 (NNT 5)" from a pair; NNT only where counts were printed. */
export function differenceWords(p: ArmPair, oneMore = 'NNT'): string {
  if (p.per100 === null) return 'no control arm';
  return `${signed(p.per100)} per 100${p.perOneMore !== null ? ` (${oneMore} ${p.perOneMore})` : ''}`;
}

function sourcesOf(store: Store, ids: readonly string[]): Source[] {
  const map = new Map<string, Source>();
  for (const id of ids) {
    const o = store.outcomeById.get(id);
    const s = o && store.sourceById.get(o.sourceId);
    if (s) map.set(s.id, s);
  }
  return [...map.values()].sort((a, b) => compareText(shortCitation(a), shortCitation(b)));
}

const pairMarkIds = (pairs: readonly ArmPair[]) => pairs.flatMap((p) => (p.control ? [p.id, p.control.id] : [p.id]));

function pairTable(pairs: readonly ArmPair[], what: (p: ArmPair) => string, oneMore: string): ChartTableModel {
  return {
    columns: ['Figure', 'Treatment arm', 'Control arm', 'Difference', 'Definition or side effect', 'Source'],
    rows: pairs.map((p) => ({
      id: p.id,
      cells: [
        `${p.active.treatment.name} (${OPTION_LABELS[p.option]})`,
        rateWords(p.active),
        p.control ? `${p.control.treatment.name}: ${rateWords(p.control)}` : 'none',
        differenceWords(p, oneMore),
        what(p),
        shortCitation(p.placed.source),
      ],
    })),
  };
}

/** What every rate chart returns: its groups, the sources and ids of exactly the marks drawn, and the table. */
function pairModel(
  pairs: readonly ArmPair[],
  parts: Pick<PairChartModel, 'groups' | 'excluded' | 'takeaway'>,
  store: Store,
  what: (p: ArmPair) => string,
  oneMore: string,
): PairChartModel {
  return {
    ...parts,
    sources: sourcesOf(store, pairMarkIds(pairs)),
    markIds: pairMarkIds(pairs),
    table: pairTable(pairs, what, oneMore),
  };
}

/** One group per option, in option order. */
const byOption = (pairs: readonly ArmPair[]): PairGroupModel[] =>
  OPTIONS.map((o) => ({ title: OPTION_LABELS[o], context: false, pairs: pairs.filter((p) => p.option === o) }));

function optionSentence(parts: (string | null)[]): string {
  return parts.filter(Boolean).join('; ');
}

function timeModel(store: Store, outcomes: readonly Outcome[]): TimeChartModel {
  const t = selectTimeSeries(store, outcomes);
  const describeOption = (o: OptionId) => {
    const marks = t.marks.filter((m) => m.placed.option === o);
    if (marks.length === 0) return null;
    const byTime = (xs: TimeMark[]) => [...xs].sort((a, b) => markDays(a) - markDays(b));
    const durations = byTime(marks.filter((m) => m.kind === 'duration'));
    const onset = earliestOnset(marks);
    const first = onset?.basis === 'first-measured' || onset?.basis === 'first-significant' ? onset : undefined;
    const longest = durations[durations.length - 1];
    const bits = [
      first ? `first benefit seen at ${first.valueText}` : 'no measured onset',
      longest ? `benefit measured up to ${longest.valueText}` : 'no measured duration',
    ];
    return `${OPTION_LABELS[o]}: ${bits.join(', ')}`;
  };
  const takeaway = t.marks.length
    ? `${optionSentence(OPTIONS.map(describeOption))}. Each study timed benefit differently, so read the shapes: a course length or guidance is not an onset.`
    : 'No onset or duration figure passes the filters.';
  return {
    rows: t.rows,
    excluded: t.excluded,
    takeaway,
    sources: sourcesOf(
      store,
      t.marks.map((m) => m.id),
    ),
    markIds: t.marks.map((m) => m.id),
    table: {
      columns: ['Figure', 'What it is', 'Option', 'Source'],
      rows: t.marks.map((m) => ({
        id: m.id,
        cells: [m.placed.treatment.name, m.label, OPTION_LABELS[m.placed.option], shortCitation(m.placed.source)],
      })),
    },
  };
}

function improveModel(store: Store, outcomes: readonly Outcome[]): PairChartModel {
  const s = selectArmPairs(store, outcomes, ['response', 'remission', 'loss-of-diagnosis'], { domain: 'ptsd' });
  const best = OPTIONS.map((o) => {
    const b = bestPair(s.pairs.filter((p) => p.option === o && p.control));
    return b
      ? `${OPTION_LABELS[o]} ${differenceWords(b)} on ${METRIC_LABELS[b.metric].toLowerCase()} (${shortCitation(b.placed.source)})`
      : null;
  });
  const takeaway = s.pairs.length
    ? `Against a control arm, the largest controlled comparison gives: ${optionSentence(best) || 'no controlled comparison'}. Controls differ (active placebo, pill placebo, supportive therapy), so differences are not directly comparable.`
    : 'No response, remission or loss-of-diagnosis rate passes the filters.';
  return pairModel(
    s.pairs,
    { groups: byOption(s.pairs), excluded: s.excluded, takeaway },
    store,
    (p) => `${METRIC_LABELS[p.metric]}: ${p.placed.outcome.definition ?? ''}`,
    'NNT',
  );
}

function sideEffectModel(store: Store, outcomes: readonly Outcome[]): PairChartModel {
  const harms = selectArmPairs(store, outcomes, ['adverse-event'], { includeContext: true });
  const quits = selectArmPairs(store, outcomes, ['dropout-adverse-event'], { includeContext: true });
  const all = [...harms.pairs, ...quits.pairs];
  const groups: PairGroupModel[] = [];
  // Largest excess over the control arm first; rates without a control arm last.
  const byExcess = (xs: ArmPair[]) => [...xs].sort((a, b) => (b.per100 ?? -Infinity) - (a.per100 ?? -Infinity));
  for (const o of OPTIONS) {
    groups.push({
      title: `${OPTION_LABELS[o]}: PTSD trials`,
      context: false,
      pairs: byExcess(all.filter((p) => p.option === o && p.placed.ptsd)),
    });
  }
  for (const o of OPTIONS) {
    const ctx = all.filter((p) => p.option === o && !p.placed.ptsd);
    const cond = ctx[0] ? CONDITION_LABELS[figureCondition(ctx[0].placed.outcome, ctx[0].placed.source)] : '';
    groups.push({
      title: `${OPTION_LABELS[o]}: not a PTSD population (${cond}), context only`,
      context: true,
      pairs: byExcess(ctx),
    });
  }
  const worst = OPTIONS.map((o) => {
    const ps = all.filter((p) => p.option === o && p.placed.ptsd && p.per100 !== null);
    const w = [...ps].sort((a, b) => (b.per100 ?? 0) - (a.per100 ?? 0))[0];
    return w
      ? `${OPTION_LABELS[o]}: ${w.metric === 'dropout-adverse-event' ? 'stopping for side effects' : w.placed.outcome.sideEffect} ${differenceWords(w, 'NNH')}`
      : `${OPTION_LABELS[o]}: no rates beside a placebo`;
  });
  const takeaway = all.length
    ? `Largest excess over the control arm in PTSD trials: ${optionSentence(worst)}. Depression-trial figures for esketamine are shown apart, as context.`
    : 'No side-effect rate passes the filters.';
  return pairModel(
    all,
    {
      groups,
      excluded: [...harms.excluded, ...quits.excluded].filter((e) => !/not a PTSD population/.test(e.reason)),
      takeaway,
    },
    store,
    (p) =>
      p.metric === 'dropout-adverse-event' ? 'stopped because of side effects' : (p.placed.outcome.sideEffect ?? ''),
    'NNH',
  );
}

function dropoutModel(store: Store, outcomes: readonly Outcome[]): PairChartModel {
  const s = selectArmPairs(store, outcomes, ['dropout']);
  const best = OPTIONS.map((o) => {
    const b = bestPair(s.pairs.filter((p) => p.option === o && p.control));
    return b ? `${OPTION_LABELS[o]} ${differenceWords(b, 'NNH')} (${shortCitation(b.placed.source)})` : null;
  });
  const takeaway = s.pairs.length
    ? `Share who left early, treatment arm minus control arm, in the largest controlled comparison: ${optionSentence(best) || 'none'}.`
    : 'No dropout rate passes the filters.';
  return pairModel(
    s.pairs,
    { groups: byOption(s.pairs), excluded: s.excluded, takeaway },
    store,
    (p) => p.placed.outcome.definition ?? 'left the study for any reason',
    'NNH',
  );
}

function evidenceModel(store: Store, outcomes: readonly Outcome[]): EvidenceChartModel {
  const rows = selectEvidenceSeries(store, outcomes);
  const takeaway = `Randomized PTSD trials behind the figures shown: ${rows
    .map((r) => `${OPTION_LABELS[r.option]} ${r.trials.length} (${formatNumber(r.people)} people)`)
    .join('; ')}. More trials and people make an average steadier, not necessarily larger.`;
  const trials = new Map(rows.flatMap((r) => r.trials).map((t) => [t.id, t]));
  return {
    rows,
    excluded: [],
    takeaway,
    sources: [...trials.values()].sort((a, b) => compareText(shortCitation(a), shortCitation(b))),
    markIds: rows.map((r) => r.option),
    table: {
      columns: ['Option', 'Randomized trials', 'People randomized', 'Meta-analyses and reviews', 'Other studies'],
      rows: rows.map((r) => ({
        id: r.option,
        cells: [
          OPTION_LABELS[r.option],
          String(r.trials.length),
          formatNumber(r.people) + (r.trialsWithoutN ? ` (${r.trialsWithoutN} without a size)` : ''),
          String(r.reviews.length),
          String(r.otherSources.length),
        ],
      })),
    },
  };
}

/** Every Compare chart's model, from the filtered figures: one call, so all five agree. */
export function selectCompareCharts(store: Store, outcomes: readonly Outcome[]): CompareCharts {
  return {
    time: timeModel(store, outcomes),
    improve: improveModel(store, outcomes),
    sideEffects: sideEffectModel(store, outcomes),
    dropout: dropoutModel(store, outcomes),
    evidence: evidenceModel(store, outcomes),
  };
}
