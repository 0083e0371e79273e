/**
 * Controlled vocabularies of the dataset contract (see data/README.md).
 * Each list feeds a z.enum in schema.ts, so the TypeScript types, the runtime
 * checks and the UI labels can never drift apart.
 */

export const SOURCE_KINDS = [
  'rct',
  'crossover-rct',
  'open-label',
  'case-series',
  'secondary-analysis',
  'meta-analysis',
  'systematic-review',
  'guideline',
  'drug-label',
  'regulatory',
  'registry',
  'review',
  'clinic-blog',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Kinds that are not peer-reviewed research or official documents. */
export const NON_PEER_REVIEWED_KINDS: readonly SourceKind[] = ['clinic-blog'];

export const TREATMENT_CLASSES = ['ketamine', 'ssri', 'snri', 'psychotherapy', 'combination', 'control'] as const;
export type TreatmentClass = (typeof TREATMENT_CLASSES)[number];

export const METRICS = [
  'onset',
  'duration',
  'response',
  'remission',
  'loss-of-diagnosis',
  'relapse',
  'symptom-change',
  'between-group-difference',
  'effect-size',
  'nnt',
  'adverse-event',
  'dropout',
  'dropout-adverse-event',
] as const;
export type Metric = (typeof METRICS)[number];

export const TIME_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months', 'years'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const EFFECT_UNITS = ['g', 'd', 'SMD', 'RR', 'OR', 'HR'] as const;

/** Units allowed for each metric. Onset may also be counted in therapy sessions. */
export const METRIC_UNITS = {
  onset: ['hours', 'days', 'weeks', 'sessions'],
  duration: ['days', 'weeks', 'months', 'years'],
  response: ['%'],
  remission: ['%'],
  'loss-of-diagnosis': ['%'],
  relapse: ['%'],
  'symptom-change': ['points', '%'],
  'between-group-difference': ['points'],
  'effect-size': EFFECT_UNITS,
  nnt: ['people'],
  'adverse-event': ['%'],
  dropout: ['%'],
  'dropout-adverse-event': ['%'],
} as const satisfies Record<Metric, readonly string[]>;

export const UNITS = [
  '%',
  'points',
  'people',
  'hours',
  'days',
  'weeks',
  'months',
  'years',
  'sessions',
  ...EFFECT_UNITS,
] as const;
export type Unit = (typeof UNITS)[number];

export const INTERVAL_KINDS = ['95% CI', 'range', 'IQR', '95% HDI'] as const;

export const VERDICTS = ['consistent', 'overstated', 'misattributed', 'missing-context', 'unsupported'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const RECOMMENDATION_DIRECTIONS = ['for', 'against', 'insufficient-evidence'] as const;

export const RECOMMENDATION_STRENGTHS = [
  'strong',
  'weak',
  'conditional',
  'first-line',
  'second-line',
  'unrated',
] as const;

export const METRIC_LABELS: Record<Metric, string> = {
  onset: 'Onset',
  duration: 'Duration',
  response: 'Response',
  remission: 'Remission',
  'loss-of-diagnosis': 'Loss of diagnosis',
  relapse: 'Relapse',
  'symptom-change': 'Symptom change',
  'between-group-difference': 'Difference between arms',
  'effect-size': 'Effect size',
  nnt: 'Number needed to treat',
  'adverse-event': 'Side effect',
  dropout: 'Dropout (any reason)',
  'dropout-adverse-event': 'Dropout (side effects)',
};

export const CLASS_LABELS: Record<TreatmentClass, string> = {
  ketamine: 'Ketamine',
  ssri: 'SSRI',
  snri: 'SNRI',
  psychotherapy: 'Psychotherapy',
  combination: 'Combination',
  control: 'Control',
};

export const KIND_LABELS: Record<SourceKind, string> = {
  rct: 'Randomized trial',
  'crossover-rct': 'Crossover randomized trial',
  'open-label': 'Open-label study',
  'case-series': 'Case series',
  'secondary-analysis': 'Secondary analysis',
  'meta-analysis': 'Meta-analysis',
  'systematic-review': 'Systematic review',
  guideline: 'Guideline',
  'drug-label': 'Drug label',
  regulatory: 'Regulatory document',
  registry: 'Trial registry',
  review: 'Review',
  'clinic-blog': 'Clinic blog',
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  consistent: 'Consistent with the evidence',
  overstated: 'Overstated',
  misattributed: 'Misattributed',
  'missing-context': 'Missing context',
  unsupported: 'Unsupported',
};
