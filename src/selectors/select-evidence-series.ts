import type { Store } from '../data/normalize';
import type { Outcome, Source } from '../data/schema';
import { memoOn } from './memo';
import { OPTIONS, RANDOMIZED_KINDS, placeAll, type OptionId } from './options';

export type EvidenceRow = {
  option: OptionId;
  /** Randomized trials (parallel or crossover) with at least one PTSD figure shown. */
  trials: Source[];
  /** People randomized (or analysed) in those trials, summed from the sources' n. */
  people: number;
  /** Trials whose size is not recorded, so `people` leaves them out. */
  trialsWithoutN: number;
  /** Meta-analyses and systematic reviews with a figure shown. */
  reviews: Source[];
  /** Other designs (open-label, case series, secondary analyses, guidelines, labels). */
  otherSources: Source[];
  /** Every PTSD figure of the option from these sources (what the cell links to). */
  figureIds: string[];
};

/** How much PTSD evidence each option has among the figures shown, counted from the sources. */
export function selectEvidenceSeries(store: Store, outcomes: readonly Outcome[]): EvidenceRow[] {
  return memoOn(store, outcomes, 'evidence', () => evidenceSeries(store, outcomes));
}

function evidenceSeries(store: Store, outcomes: readonly Outcome[]): EvidenceRow[] {
  const placed = placeAll(store, outcomes).filter((p) => p.ptsd);
  return OPTIONS.map((option) => {
    const mine = placed.filter((p) => p.option === option);
    const sources = new Map(mine.map((p) => [p.source.id, p.source]));
    const all = [...sources.values()];
    const trials = all.filter((s) => RANDOMIZED_KINDS.includes(s.kind));
    const reviews = all.filter((s) => s.kind === 'meta-analysis' || s.kind === 'systematic-review');
    const otherSources = all.filter((s) => !trials.includes(s) && !reviews.includes(s));
    return {
      option,
      trials,
      people: trials.reduce((sum, s) => sum + (s.n ?? 0), 0),
      trialsWithoutN: trials.filter((s) => s.n === undefined).length,
      reviews,
      otherSources,
      figureIds: mine.map((p) => p.outcome.id),
    };
  });
}
