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

/** Study designs people filter by, each a group of source kinds. */
export const DESIGN_GROUPS = {
  randomized: ['rct'],
  crossover: ['crossover-rct'],
  'open-label': ['open-label', 'case-series'],
  secondary: ['secondary-analysis'],
  'meta-analysis': ['meta-analysis'],
  'systematic-review': ['systematic-review', 'review'],
  guideline: ['guideline'],
  'label-regulatory': ['drug-label', 'regulatory', 'registry'],
  'clinic-blog': ['clinic-blog'],
} as const satisfies Record<string, readonly SourceKind[]>;
export type DesignGroup = keyof typeof DESIGN_GROUPS;
export const DESIGNS = Object.keys(DESIGN_GROUPS) as DesignGroup[];

export const DESIGN_LABELS: Record<DesignGroup, string> = {
  randomized: 'Randomized trial',
  crossover: 'Crossover randomized trial',
  'open-label': 'Open-label study or case series',
  secondary: 'Secondary analysis of a trial',
  'meta-analysis': 'Meta-analysis',
  'systematic-review': 'Systematic or narrative review',
  guideline: 'Guideline',
  'label-regulatory': 'Drug label or regulatory document',
  'clinic-blog': 'Clinic blog (claims)',
};

/** Kinds that are not peer-reviewed research or official documents. */
export const NON_PEER_REVIEWED_KINDS: readonly SourceKind[] = ['clinic-blog'];

export const TREATMENT_CLASSES = [
  'ketamine',
  'ssri',
  'snri',
  'medication-pooled',
  'psychotherapy',
  'combination',
  'control',
] as const;
export type TreatmentClass = (typeof TREATMENT_CLASSES)[number];

export const METRICS = [
  'onset',
  'duration',
  'response',
  'remission',
  'loss-of-diagnosis',
  'still-diagnosed',
  'relapse',
  'change-pattern',
  'symptom-change',
  'between-group-difference',
  'effect-size',
  'nnt',
  'adverse-event',
  'dropout',
  'dropout-adverse-event',
] as const;
export type Metric = (typeof METRICS)[number];

/** Metrics whose figure only means something with the source's own definition. */
export const DEFINED_METRICS: readonly Metric[] = [
  'response',
  'remission',
  'loss-of-diagnosis',
  'still-diagnosed',
  'relapse',
  'change-pattern',
];

/** Metrics about benefit: they say which symptoms they measure (`domain`). */
export const EFFICACY_METRICS: readonly Metric[] = [
  'onset',
  'duration',
  'response',
  'remission',
  'loss-of-diagnosis',
  'still-diagnosed',
  'relapse',
  'change-pattern',
  'symptom-change',
  'between-group-difference',
  'effect-size',
  'nnt',
];

/** Metrics that compare two arms (or two timepoints): they say which way the number reads. */
export const DIRECTED_METRICS: readonly Metric[] = ['effect-size', 'between-group-difference', 'nnt'];

// Meaning fields (shared/design/data-model.md, "Meaning fields"): what a chart needs to place a number.

/** Who a source studied. Anything but PTSD is shown only as labelled context. */
export const CONDITIONS = ['ptsd', 'ptsd-with-depression', 'depression', 'chronic-pain', 'mixed'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** What an efficacy figure measures; `tolerability` is for ratios of side effects or of leaving a trial. */
export const DOMAINS = ['ptsd', 'depression', 'anxiety', 'functioning', 'tolerability', 'other'] as const;
export type Domain = (typeof DOMAINS)[number];

/** A number printed as a limit ("up to 2 weeks", "8 weeks or longer"). */
export const BOUNDS = ['at-most', 'at-least'] as const;
export type Bound = (typeof BOUNDS)[number];

/** What an onset figure is: a first measurement, a first significant gap, a course length, or usual-time guidance. */
export const ONSET_BASES = ['first-measured', 'first-significant', 'course-completed', 'typical-reported'] as const;
export type OnsetBasis = (typeof ONSET_BASES)[number];

/** How the printed sign or ratio reads for treatmentId against comparatorId. */
export const DIRECTIONS = ['higher-favours-treatment', 'lower-favours-treatment', 'unknown'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** What an effect size compares. */
export const CONTRASTS = ['between-arms', 'within-arm', 'other'] as const;
export type Contrast = (typeof CONTRASTS)[number];

export const TIME_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months', 'years'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const EFFECT_UNITS = ['g', 'd', 'SMD', 'RD', 'RR', 'OR', 'HR', 'IRR'] as const;

/** Effect units that are ratios: 1 means no difference, and they live on a log scale. */
export const RATIO_UNITS: readonly string[] = ['RR', 'OR', 'HR', 'IRR'];

/** Units allowed for each metric. Onset may also be counted in therapy sessions. */
export const METRIC_UNITS = {
  onset: ['hours', 'days', 'weeks', 'sessions'],
  duration: ['days', 'weeks', 'months', 'years'],
  response: ['%'],
  remission: ['%'],
  'loss-of-diagnosis': ['%'],
  'still-diagnosed': ['%'],
  relapse: ['%'],
  'change-pattern': ['%'],
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

// Databases and appraisal fields: records generated from an external database say so (`provenance`).

/**
 * External databases that records can be generated from, with what an attribution needs:
 * the name people see, the citable DOI, the licence and where the data came from.
 */
export const DATABASES = {
  'metapsy-ptsd-psyctr': {
    name: 'Metapsy PTSD psychotherapy database (VA National Center for PTSD, PTSD-Repository)',
    shortName: 'Metapsy PTSD database',
    doi: '10.5281/zenodo.10027042',
    licence: {
      name: 'Open Data Commons Attribution License 1.0',
      url: 'https://opendatacommons.org/licenses/by/1.0/',
    },
    origin: 'https://github.com/metapsy-project/data-ptsd-psyctr',
  },
} as const;
export type DatabaseId = keyof typeof DATABASES;
export const DATABASE_IDS = Object.keys(DATABASES) as [DatabaseId, ...DatabaseId[]];

/** Cochrane risk-of-bias tools a judgement can come from. */
export const RISK_OF_BIAS_TOOLS = ['RoB 2'] as const;

/** RoB 2 judgements, overall and per domain. */
export const RISK_OF_BIAS_JUDGEMENTS = ['low', 'some-concerns', 'high'] as const;
export type RiskOfBiasJudgement = (typeof RISK_OF_BIAS_JUDGEMENTS)[number];

/** The five RoB 2 domains, in the tool's order, as stored on a source. */
export const RISK_OF_BIAS_DOMAINS = ['randomization', 'deviations', 'missingData', 'measurement', 'selection'] as const;
export type RiskOfBiasDomain = (typeof RISK_OF_BIAS_DOMAINS)[number];

/** Who a trial enrolled, for the population filter. */
export const POPULATION_GROUPS = ['military-veterans', 'civilian', 'mixed'] as const;
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];

/** What a control arm gave people. */
export const CONTROL_TYPES = ['waitlist', 'usual-care', 'placebo', 'active', 'other'] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];

/**
 * Whether a psychological therapy works on the trauma memory itself. Only trauma-focused
 * therapies belong to the "trauma-focused psychotherapy" option; the others stay in the
 * dataset (and in Effects) under their own names.
 */
export const THERAPY_FOCUSES = ['trauma-focused', 'not-trauma-focused', 'mixed'] as const;
export type TherapyFocus = (typeof THERAPY_FOCUSES)[number];

/** Who rated a symptom scale: a trained interviewer, or the participant on a questionnaire. */
export const RATINGS = ['clinician', 'self-report'] as const;
export type Rating = (typeof RATINGS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  onset: 'Onset',
  duration: 'Duration',
  response: 'Response',
  remission: 'Remission',
  'loss-of-diagnosis': 'Loss of diagnosis',
  'still-diagnosed': 'Still diagnosed',
  relapse: 'Relapse',
  'change-pattern': 'Pattern of change',
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
  'medication-pooled': 'Medication, classes pooled',
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

export const CONDITION_LABELS: Record<Condition, string> = {
  ptsd: 'PTSD',
  'ptsd-with-depression': 'PTSD with depression',
  depression: 'depression',
  'chronic-pain': 'chronic pain, with or without PTSD',
  mixed: 'mixed or other groups',
};

export const DOMAIN_LABELS: Record<Domain, string> = {
  ptsd: 'PTSD symptoms',
  depression: 'Depression',
  anxiety: 'Anxiety',
  functioning: 'Functioning',
  tolerability: 'Side effects or leaving treatment',
  other: 'Other',
};

export const ONSET_BASIS_LABELS: Record<OnsetBasis, string> = {
  'first-measured': 'First measurement after dosing (benefit may have begun earlier)',
  'first-significant': 'First time significantly better than control',
  'course-completed': 'When a full course ended (a course length, not an onset)',
  'typical-reported': 'Usual time to benefit stated by a label or guideline',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  'higher-favours-treatment': 'Higher favours the treatment',
  'lower-favours-treatment': 'Lower favours the treatment',
  unknown: 'Not stated which arm it favours',
};

export const CONTRAST_LABELS: Record<Contrast, string> = {
  'between-arms': 'Treatment versus comparator',
  'within-arm': 'Before versus after, one arm',
  other: 'Other comparison (not two treatments)',
};

export const BOUND_LABELS: Record<Bound, string> = {
  'at-most': 'at most',
  'at-least': 'at least',
};

export const RISK_OF_BIAS_LABELS: Record<RiskOfBiasJudgement, string> = {
  low: 'Low risk of bias',
  'some-concerns': 'Some concerns',
  high: 'High risk of bias',
};

export const RISK_OF_BIAS_DOMAIN_LABELS: Record<RiskOfBiasDomain, string> = {
  randomization: 'Randomization process',
  deviations: 'Deviations from the intended treatment',
  missingData: 'Missing outcome data',
  measurement: 'Measurement of the outcome',
  selection: 'Selection of the reported result',
};

export const POPULATION_GROUP_LABELS: Record<PopulationGroup, string> = {
  'military-veterans': 'Military personnel or veterans',
  civilian: 'Civilians',
  mixed: 'Military and civilian mixed',
};

export const CONTROL_TYPE_LABELS: Record<ControlType, string> = {
  waitlist: 'Waitlist or minimal attention',
  'usual-care': 'Usual care',
  placebo: 'Placebo',
  active: 'Active control',
  other: 'Other control',
};

export const THERAPY_FOCUS_LABELS: Record<TherapyFocus, string> = {
  'trauma-focused': 'Trauma-focused',
  'not-trauma-focused': 'Not trauma-focused',
  mixed: 'Trauma-focused and other therapies together',
};

export const RATING_LABELS: Record<Rating, string> = {
  clinician: 'Clinician-rated',
  'self-report': 'Self-reported',
};
