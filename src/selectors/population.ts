import type { Outcome, Source } from '../data/schema';
import type { Condition } from '../data/vocabulary';

/** Who one figure describes: its own condition where it differs from its source's (a label row pooled across indications). */
export function figureCondition(o: Pick<Outcome, 'condition'>, source: Pick<Source, 'condition'>): Condition {
  return o.condition ?? source.condition;
}

/** PTSD populations; anything else is context that views label and summaries leave out unless asked. */
export function isPtsdPopulation(condition: Condition): boolean {
  return condition === 'ptsd' || condition === 'ptsd-with-depression';
}
