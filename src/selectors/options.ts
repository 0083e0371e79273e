import type { Store } from '../data/normalize';
import type { Outcome, Source, Treatment } from '../data/schema';
import type { SourceKind } from '../data/vocabulary';
import { memoOn } from './memo';
import { figureCondition, isPtsdPopulation } from './population';

/** The three options the product compares, in display order. */
export const OPTIONS = ['ketamine', 'ssri', 'psychotherapy'] as const;
export type OptionId = (typeof OPTIONS)[number];

export const OPTION_LABELS: Record<OptionId, string> = {
  ketamine: 'Ketamine',
  ssri: 'SSRIs',
  psychotherapy: 'Trauma-focused psychotherapy',
};

/** The questions the at-a-glance grid answers for each option, in display order. */
export const QUESTIONS = ['onset', 'duration', 'improve', 'side-effects', 'dropout', 'evidence'] as const;
export type QuestionId = (typeof QUESTIONS)[number];

export const QUESTION_LABELS: Record<QuestionId, string> = {
  onset: 'How fast',
  duration: 'How long it lasts',
  improve: 'How many improve',
  'side-effects': 'Side effects',
  dropout: 'Dropping out',
  evidence: 'How much evidence',
};

export const QUESTION_HINTS: Record<QuestionId, string> = {
  onset: 'earliest time a benefit was seen',
  duration: 'how long benefit was measured to last',
  improve: 'responders, remitters or no longer diagnosed, against a control arm',
  'side-effects': 'people with a side effect, against a placebo arm',
  dropout: 'people who left the study early, against a control arm',
  evidence: 'randomized trials and the people in them',
};

/**
 * One colour per option from the Okabe–Ito palette (distinct under the common colour-vision
 * deficiencies, each at least 3:1 against white) and one shape, so colour is never alone.
 */
export const OPTION_STYLE: Record<OptionId, { color: string; shape: 'circle' | 'square' | 'diamond' }> = {
  ketamine: { color: '#D55E00', shape: 'diamond' },
  ssri: { color: '#0072B2', shape: 'square' },
  psychotherapy: { color: '#009E73', shape: 'circle' },
};

/** Design ranks for "the best evidence behind a cell": pooled randomized evidence first. */
const DESIGN_RANK: Partial<Record<SourceKind, number>> = {
  'meta-analysis': 6,
  'systematic-review': 5,
  rct: 4,
  'crossover-rct': 3,
  'secondary-analysis': 2,
  'open-label': 1,
  'case-series': 1,
};
export const designRank = (kind: SourceKind): number => DESIGN_RANK[kind] ?? 0;
export const RANDOMIZED_KINDS: readonly SourceKind[] = ['rct', 'crossover-rct'];

/** A figure with everything a chart or summary needs to place it, resolved once. */
export type Placed = {
  outcome: Outcome;
  source: Source;
  treatment: Treatment;
  comparator?: Treatment;
  option: OptionId;
  /** True for a control arm (placebo, waitlist…), which belongs to the option it was compared with. */
  isControl: boolean;
  /** False for labelled context from another population (esketamine in depression). */
  ptsd: boolean;
};

/**
 * The option a treatment belongs to. A psychological therapy counts as "trauma-focused
 * psychotherapy" only when it is trauma-focused; therapies without a trauma focus, and pools that
 * mix both, stay out of the three-way comparison (they remain in the table and in Effects).
 */
function optionOf(t: Treatment | undefined): OptionId | null {
  if (!t) return null;
  if (t.class === 'psychotherapy') return t.focus === 'trauma-focused' ? 'psychotherapy' : null;
  return (OPTIONS as readonly string[]).includes(t.class) ? (t.class as OptionId) : null;
}

/**
 * Resolves a figure's option: its arm's, or for a control arm that of the treatment it was
 * compared with. Figures of other classes (SNRI, pooled medication, combinations) and therapies
 * without a trauma focus return null and are not part of the three-way comparison.
 */
export function placeFigure(store: Store, o: Outcome): Placed | null {
  const source = store.sourceById.get(o.sourceId);
  const treatment = store.treatmentById.get(o.treatmentId);
  if (!source || !treatment) return null;
  const comparator = o.comparatorId ? store.treatmentById.get(o.comparatorId) : undefined;
  const isControl = treatment.class === 'control';
  const option = optionOf(isControl ? comparator : treatment);
  if (!option) return null;
  return {
    outcome: o,
    source,
    treatment,
    ...(comparator ? { comparator } : {}),
    option,
    isControl,
    ptsd: isPtsdPopulation(figureCondition(o, source)),
  };
}

/** Every filtered figure that belongs to one of the three options. */
export function placeAll(store: Store, outcomes: readonly Outcome[]): readonly Placed[] {
  return memoOn(store, outcomes, 'placeAll', () => {
    const out: Placed[] = [];
    for (const o of outcomes) {
      const p = placeFigure(store, o);
      if (p) out.push(p);
    }
    return out;
  });
}
