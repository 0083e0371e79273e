import type {
  ControlType,
  DesignGroup,
  Metric,
  PopulationGroup,
  Rating,
  RiskOfBiasJudgement,
  TreatmentClass,
  Verdict,
} from '../data/vocabulary';
import type { OptionId, QuestionId } from '../selectors/options';

/** Everything a shared link keeps. Only inputs live here; all else is derived. */
export const VIEWS = ['compare', 'effects', 'table', 'claims', 'sources', 'about'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<View, string> = {
  compare: 'Compare',
  effects: 'Effects',
  table: 'Table',
  claims: 'Claims',
  sources: 'Sources',
  about: 'About',
};

/** Columns of the evidence table, in display order; ids double as URL tokens. */
export const COLUMN_IDS = [
  'treatment',
  'comparator',
  'metric',
  'value',
  'n',
  'timepoint',
  'instrument',
  'definition',
  'source',
  'kind',
  'year',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Columns hidden until someone asks for them (kept out of the URL when hidden). */
export const DEFAULT_HIDDEN: readonly ColumnId[] = ['instrument', 'definition'];

export type KindFilter = 'all' | 'peer-reviewed';

export type Filters = {
  /** Source ids; empty means every source. */
  sources: string[];
  kind: KindFilter;
  /** Study designs (groups of source kinds); empty means every design. */
  designs: DesignGroup[];
  classes: TreatmentClass[];
  treatments: string[];
  metrics: Metric[];
  /** Claim verdicts; figures are not affected. */
  verdicts: Verdict[];
  /** What the comparison arm was (waitlist, usual care, placebo, an active treatment). */
  controls: ControlType[];
  /** Overall RoB 2 judgement of the trial. */
  riskOfBias: RiskOfBiasJudgement[];
  /** Who the trial enrolled. */
  populations: PopulationGroup[];
  /** Who rated the symptoms. */
  ratings: Rating[];
  yearFrom: number | null;
  yearTo: number | null;
  query: string;
  /** Only the figures behind one cell of the at-a-glance grid ("Ketamine · How fast"). */
  cell: { option: OptionId; question: QuestionId } | null;
};

export type SortItem = { id: ColumnId; desc: boolean };

/** Sortable columns of the Sources table; ids double as URL tokens (`ssort=year.desc`). */
export const SOURCE_COLUMN_IDS = ['citation', 'kind', 'year', 'n', 'figures'] as const;
export type SourceColumnId = (typeof SOURCE_COLUMN_IDS)[number];
export type SourceSort = { id: SourceColumnId; desc: boolean };

export type ViewState = {
  view: View;
  filters: Filters;
  sort: SortItem[];
  /** The Sources table's order; null means by citation, A to Z. */
  sourceSort: SourceSort | null;
  hidden: ColumnId[];
  /** The outcome or claim whose details are open. */
  figure: string | null;
  /** The source whose page is open in the Sources view. */
  source: string | null;
  /** The claim a shared link points at in the Claims view (scrolled to and marked). */
  claim: string | null;
};

export const DEFAULT_FILTERS: Filters = {
  sources: [],
  kind: 'all',
  designs: [],
  classes: [],
  treatments: [],
  metrics: [],
  verdicts: [],
  controls: [],
  riskOfBias: [],
  populations: [],
  ratings: [],
  yearFrom: null,
  yearTo: null,
  query: '',
  cell: null,
};

export const DEFAULT_VIEW_STATE: ViewState = {
  view: 'compare',
  filters: DEFAULT_FILTERS,
  sort: [],
  sourceSort: null,
  hidden: [...DEFAULT_HIDDEN],
  figure: null,
  source: null,
  claim: null,
};

/** How many filter values differ from the defaults (each chip counts one). */
export function countActiveFilters(f: Filters): number {
  return (
    f.sources.length +
    (f.kind !== 'all' ? 1 : 0) +
    f.designs.length +
    f.classes.length +
    f.treatments.length +
    f.metrics.length +
    f.verdicts.length +
    f.controls.length +
    f.riskOfBias.length +
    f.populations.length +
    f.ratings.length +
    (f.yearFrom !== null || f.yearTo !== null ? 1 : 0) +
    (f.query.trim() !== '' ? 1 : 0) +
    (f.cell ? 1 : 0)
  );
}

/** True when any filter differs from its default. */
export function hasActiveFilters(f: Filters): boolean {
  return countActiveFilters(f) > 0;
}
