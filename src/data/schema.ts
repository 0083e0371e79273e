import { z } from 'zod';
import { DATA_FILE_NAMES, type CollectionName } from './files';

// No generated code: zod's JIT probes `new Function`, which the site's Content-Security-Policy refuses
// (and logs as a violation on every load). Interpreted parsing is as fast here.
z.config({ jitless: true });
import {
  BOUNDS,
  CONDITIONS,
  CONTRASTS,
  CONTROL_TYPES,
  THERAPY_FOCUSES,
  DATABASE_IDS,
  DATABASES,
  DEFINED_METRICS,
  DIRECTED_METRICS,
  DIRECTIONS,
  DOMAINS,
  EFFICACY_METRICS,
  INTERVAL_KINDS,
  METRICS,
  ONSET_BASES,
  METRIC_UNITS,
  POPULATION_GROUPS,
  RATINGS,
  RECOMMENDATION_DIRECTIONS,
  RECOMMENDATION_STRENGTHS,
  RISK_OF_BIAS_JUDGEMENTS,
  RISK_OF_BIAS_TOOLS,
  SOURCE_KINDS,
  TIME_UNITS,
  TREATMENT_CLASSES,
  UNITS,
  VERDICTS,
} from './vocabulary';

/**
 * The dataset contract (data/README.md is its prose twin). Every object is
 * strict: an unknown key is an error, so a typo never silently drops a field.
 */

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9, single hyphens)');

const text = z.string().trim().min(1, 'must not be empty');

/** Only https links leave the dataset; javascript:, data: and http: are refused. */
export const httpsUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username;
  } catch {
    return false;
  }
}, 'must be an absolute https:// URL');

const doi = z.string().regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as 10.1176/appi.ajp.2020.20050596');
const pmid = z.string().regex(/^\d{1,9}$/, 'must be a PubMed id (digits only)');
const nct = z.string().regex(/^NCT\d{8}$/, 'must be a ClinicalTrials.gov id such as NCT02397889');
const year = z.int().min(1950).max(2100);
const count = z.int().min(0);

export const recommendationSchema = z.strictObject({
  /** What the guideline speaks of, as the guideline names it. */
  subject: text,
  /** The dataset's treatment, when the subject is one of them. */
  treatmentId: idSchema.optional(),
  direction: z.enum(RECOMMENDATION_DIRECTIONS),
  strength: z.enum(RECOMMENDATION_STRENGTHS),
  statement: text,
  locator: text,
  /** True when read in a secondary summary rather than the guideline itself. */
  viaSecondary: z.boolean().optional(),
});

/**
 * Where a generated record came from: the external database, the version it was generated
 * from and the database's DOI. Records carrying it are owned by that database's importer
 * (scripts/import-metapsy.ts) and are rewritten, never hand-edited.
 */
export const provenanceSchema = z
  .strictObject({
    database: z.enum(DATABASE_IDS),
    /** The database version, e.g. "2023-10-26 18e03cb" (release date and origin commit). */
    version: text,
    /** The database's citable DOI (the one DATABASES lists for it). */
    doi,
    /** The row id in the database's table (its first, unnamed column), for a record made from one row. */
    row: z.int().min(1).optional(),
    /** The database's own label for the study, e.g. "Acarturk, 2016". */
    study: text.optional(),
  })
  .check((ctx) => {
    const p = ctx.value;
    const expected = DATABASES[p.database].doi;
    if (p.doi !== expected) {
      ctx.issues.push({
        code: 'custom',
        input: p,
        path: ['doi'],
        message: `must be ${expected}, the DOI of ${p.database}`,
      });
    }
  });

const judgement = z.enum(RISK_OF_BIAS_JUDGEMENTS);

/** A risk-of-bias appraisal of a randomized trial: the overall judgement and one per RoB 2 domain. */
export const riskOfBiasSchema = z.strictObject({
  tool: z.enum(RISK_OF_BIAS_TOOLS),
  overall: judgement,
  /** Domain 1: bias arising from the randomization process. */
  randomization: judgement,
  /** Domain 2: deviations from the intended interventions. */
  deviations: judgement,
  /** Domain 3: missing outcome data. */
  missingData: judgement,
  /** Domain 4: measurement of the outcome. */
  measurement: judgement,
  /** Domain 5: selection of the reported result. */
  selection: judgement,
  /** The database whose judgement this is; absent when the curators appraised the trial themselves. */
  database: z.enum(DATABASE_IDS).optional(),
});

/** Source kinds a RoB 2 appraisal applies to. */
const RANDOMIZED_KINDS: readonly string[] = ['rct', 'crossover-rct'];

export const sourceSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(SOURCE_KINDS),
    /** Who was studied; anything but PTSD is labelled context, never blended into PTSD summaries. */
    condition: z.enum(CONDITIONS),
    title: text,
    authors: text.optional(),
    year: year.optional(),
    venue: text,
    doi: doi.optional(),
    pmid: pmid.optional(),
    nct: nct.optional(),
    url: httpsUrl.optional(),
    population: text.optional(),
    n: count.optional(),
    design: text.optional(),
    notes: text.optional(),
    /** For clinic blogs: the file name of the archived copy that was read (shared/seeds). */
    archivedCopy: text.optional(),
    /** The date a web page was read, when it has no publication year. */
    accessed: z.iso.date().optional(),
    recommendations: z.array(recommendationSchema).optional(),
    /** Who the trial enrolled, for the population filter: service members and veterans, civilians, or both. */
    populationGroup: z.enum(POPULATION_GROUPS).optional(),
    /** Risk-of-bias appraisal (randomized trials only). */
    riskOfBias: riskOfBiasSchema.optional(),
    /** Set when the record was generated from an external database. */
    provenance: provenanceSchema.optional(),
  })
  .check((ctx) => {
    const s = ctx.value;
    if (s.riskOfBias && !RANDOMIZED_KINDS.includes(s.kind)) {
      ctx.issues.push({
        code: 'custom',
        input: s,
        path: ['riskOfBias'],
        message: `a RoB 2 appraisal applies to randomized trials, not to a ${s.kind}`,
      });
    }
  });

export const treatmentSchema = z
  .strictObject({
    id: idSchema,
    name: text,
    class: z.enum(TREATMENT_CLASSES),
    regimen: text.optional(),
    description: text,
    /** Control arms only: what the control gave people (waitlist, usual care, placebo, an active control, other). */
    controlType: z.enum(CONTROL_TYPES).optional(),
    /** Psychological therapies only: trauma-focused, not, or a pool of both (only trauma-focused ones are that option). */
    focus: z.enum(THERAPY_FOCUSES).optional(),
    /** Set when the record was generated from an external database. */
    provenance: provenanceSchema.optional(),
  })
  .check((ctx) => {
    const t = ctx.value;
    const push = (path: string, message: string) =>
      ctx.issues.push({ code: 'custom', input: t, path: [path], message });
    if (t.controlType !== undefined && t.class !== 'control') {
      push('controlType', 'only a control treatment has a control type');
    }
    if (t.class === 'psychotherapy' && t.focus === undefined) {
      push('focus', 'a psychological therapy says whether it is trauma-focused');
    }
    if (t.class !== 'psychotherapy' && t.focus !== undefined) {
      push('focus', 'only a psychological therapy has a focus');
    }
    if (t.class === 'control' && t.provenance && t.controlType === undefined) {
      push('controlType', 'a control generated from a database needs its control type');
    }
  });

export const timepointSchema = z
  .strictObject({
    value: z.number().min(0).optional(),
    unit: z.enum([...TIME_UNITS, 'sessions']).optional(),
    from: text.optional(),
    /** Plain words for a timepoint without a number, e.g. "end of treatment". */
    label: text.optional(),
  })
  .check((ctx) => {
    const t = ctx.value;
    if (t.value === undefined && t.label === undefined) {
      ctx.issues.push({ code: 'custom', input: t, message: 'needs a value or a label' });
    }
    if (t.value !== undefined && t.unit === undefined) {
      ctx.issues.push({ code: 'custom', input: t, path: ['unit'], message: 'a timepoint value needs a unit' });
    }
  });

type Numbers = {
  metric?: (typeof METRICS)[number];
  value?: number | null;
  unit?: string;
  low?: number;
  high?: number;
  interval?: string;
  n?: number;
  events?: number;
};

/** Rules shared by outcomes and claims: units fit the metric, bounds are ordered. */
function checkNumbers(ctx: z.core.ParsePayload<Numbers>) {
  const o = ctx.value;
  const push = (path: string, message: string) => ctx.issues.push({ code: 'custom', input: o, path: [path], message });
  if (o.metric !== undefined && o.unit !== undefined) {
    const allowed: readonly string[] = METRIC_UNITS[o.metric];
    if (!allowed.includes(o.unit)) {
      push('unit', `unit "${o.unit}" does not fit metric "${o.metric}" (allowed: ${allowed.join(', ')})`);
    }
  }
  if (o.unit === '%') {
    // A share of people lies in 0–100; a percentage change in symptoms is negative when they fell.
    const change = o.metric === 'symptom-change';
    for (const key of ['value', 'low', 'high'] as const) {
      const v = o[key];
      if (typeof v !== 'number') continue;
      if (change && v < -100) push(key, 'a percentage change cannot fall below -100');
      if (!change && (v < 0 || v > 100)) push(key, 'a percentage must lie between 0 and 100');
    }
  }
  if (o.value === null && o.low === undefined && o.high === undefined) {
    push('value', 'value may be null only when low/high give a range');
  }
  if (o.low !== undefined && o.high !== undefined && o.low > o.high) push('low', 'low must not exceed high');
  if (typeof o.value === 'number') {
    if (o.low !== undefined && o.value < o.low) push('value', 'value must not be below low');
    if (o.high !== undefined && o.value > o.high) push('value', 'value must not be above high');
  }
  if ((o.low !== undefined || o.high !== undefined) && o.interval === undefined) {
    push('interval', 'low/high need an interval kind (95% CI, range, IQR, 95% HDI)');
  }
  if (o.events !== undefined) {
    if (o.n === undefined) push('n', 'events need n');
    else if (o.events > o.n) push('events', 'events must not exceed n');
  }
}

export const outcomeSchema = z
  .strictObject({
    id: idSchema,
    sourceId: idSchema,
    treatmentId: idSchema,
    comparatorId: idSchema.optional(),
    metric: z.enum(METRICS),
    value: z.number().nullable(),
    unit: z.enum(UNITS),
    low: z.number().optional(),
    high: z.number().optional(),
    interval: z.enum(INTERVAL_KINDS).optional(),
    /** Standard error, where the source gives one instead of an interval. */
    se: z.number().min(0).optional(),
    n: count.optional(),
    events: count.optional(),
    timepoint: timepointSchema.optional(),
    instrument: text.optional(),
    /** Who rated the instrument: a clinician (interview) or the participant (questionnaire). */
    rating: z.enum(RATINGS).optional(),
    definition: text.optional(),
    sideEffect: text.optional(),
    /** Who the number describes when it is not the whole arm, e.g. "responders only". */
    subgroup: text.optional(),
    locator: text,
    note: text.optional(),
    /** True when the figure was read in a secondary summary, not the study's own report. */
    viaSecondary: z.boolean().optional(),
    // Meaning fields: what a chart needs to place the number (data/README.md §2).
    /** Who this figure describes, when it differs from its source's condition (a label table pooled across indications). */
    condition: z.enum(CONDITIONS).optional(),
    /** What an efficacy figure measures; charts of PTSD benefit plot `ptsd` only. */
    domain: z.enum(DOMAINS).optional(),
    /** The value is a limit ("at most 2 weeks"), drawn open-ended, never as a point. */
    bound: z.enum(BOUNDS).optional(),
    /** What an onset figure is (first measured, first significant, a course length, guidance). */
    onsetBasis: z.enum(ONSET_BASES).optional(),
    /** How the printed sign or ratio reads for treatmentId against comparatorId. */
    direction: z.enum(DIRECTIONS).optional(),
    /** What an effect size compares: two arms, before/after in one arm, or something else. */
    contrast: z.enum(CONTRASTS).optional(),
    /** Set when the record was generated from an external database. */
    provenance: provenanceSchema.optional(),
  })
  .check((ctx) => {
    checkNumbers(ctx);
    const o = ctx.value;
    const push = (path: string, message: string) =>
      ctx.issues.push({ code: 'custom', input: o, path: [path], message });
    if (DEFINED_METRICS.includes(o.metric) && !o.definition) {
      push('definition', `a ${o.metric} figure needs the definition the source used`);
    }
    // Each meaning field is required where a chart needs it and refused where it would mean nothing.
    const requiredOn = (
      field: 'domain' | 'onsetBasis' | 'direction' | 'contrast',
      metrics: readonly string[],
      what: string,
    ) => {
      const applies = metrics.includes(o.metric);
      if (applies && o[field] === undefined) push(field, `${what} needs "${field}"`);
      if (!applies && o[field] !== undefined) push(field, `"${field}" applies only to ${what}`);
    };
    requiredOn('domain', EFFICACY_METRICS, 'an efficacy figure (onset to nnt)');
    requiredOn('onsetBasis', ['onset'], 'an onset figure');
    requiredOn('direction', DIRECTED_METRICS, 'an effect size, between-arm difference or NNT');
    requiredOn('contrast', ['effect-size'], 'an effect size');
    if (o.contrast === 'between-arms' && o.comparatorId === undefined) {
      push('comparatorId', 'a between-arms effect needs the comparator it was measured against');
    }
    if (o.contrast === 'within-arm' && o.comparatorId !== undefined) {
      push('comparatorId', 'a within-arm (before/after) effect has no comparator');
    }
    if (o.metric === 'between-group-difference' && o.comparatorId === undefined) {
      push('comparatorId', 'a difference between arms needs the comparator');
    }
    if (o.bound !== undefined) {
      if (typeof o.value !== 'number') push('value', 'a bound needs the limit as its value');
      if (o.low !== undefined || o.high !== undefined) push('bound', 'a limit has no interval: drop low/high');
    }
    if (o.metric === 'adverse-event' && !o.sideEffect)
      push('sideEffect', 'an adverse-event figure names its side effect');
    if (o.rating !== undefined && o.instrument === undefined) {
      push('rating', 'a rating describes an instrument: name the instrument');
    }
    if (o.comparatorId !== undefined && o.comparatorId === o.treatmentId) {
      push('comparatorId', 'comparator must differ from the treatment');
    }
  });

export const claimSchema = z
  .strictObject({
    id: idSchema,
    sourceId: idSchema,
    treatmentId: idSchema,
    metric: z.enum(METRICS),
    value: z.number().nullable().optional(),
    low: z.number().optional(),
    high: z.number().optional(),
    interval: z.enum(INTERVAL_KINDS).optional(),
    unit: z.enum(UNITS).optional(),
    /** The claim's numbers exactly as the blog prints them, e.g. "nearly 70%". */
    quotedNumbers: z.array(text).optional(),
    statement: text,
    locator: text,
    verdict: z.enum(VERDICTS),
    evidence: z.array(idSchema),
    /** Sources whose finding the rationale rests on where no outcome record holds it (a null result in words). */
    evidenceSources: z.array(idSchema).min(1, 'leave evidenceSources out rather than empty').optional(),
    rationale: text,
  })
  .check((ctx) => {
    checkNumbers(ctx);
    const c = ctx.value;
    if (c.verdict !== 'unsupported' && c.evidence.length === 0 && !c.evidenceSources) {
      ctx.issues.push({
        code: 'custom',
        input: c,
        path: ['evidence'],
        message: 'only an "unsupported" claim may cite no evidence',
      });
    }
    if (typeof c.value === 'number' && c.unit === undefined) {
      ctx.issues.push({ code: 'custom', input: c, path: ['unit'], message: 'a claimed value needs a unit' });
    }
  });

const meta = {
  /** Dataset version, e.g. "2026-11-21" or "0.3.0". */
  version: text,
  /** ISO date of the last review of the collection. */
  reviewed: z.iso.date(),
};

export const sourcesFileSchema = z.strictObject({ ...meta, sources: z.array(sourceSchema) });
export const treatmentsFileSchema = z.strictObject({ ...meta, treatments: z.array(treatmentSchema) });
export const outcomesFileSchema = z.strictObject({ ...meta, outcomes: z.array(outcomeSchema) });
export const claimsFileSchema = z.strictObject({ ...meta, claims: z.array(claimSchema) });

export type Source = z.infer<typeof sourceSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Treatment = z.infer<typeof treatmentSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Timepoint = z.infer<typeof timepointSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type RiskOfBias = z.infer<typeof riskOfBiasSchema>;

/** The four files, in the order they are fetched and reported. */
export const DATA_FILES = {
  sources: { file: DATA_FILE_NAMES.sources, schema: sourcesFileSchema },
  treatments: { file: DATA_FILE_NAMES.treatments, schema: treatmentsFileSchema },
  outcomes: { file: DATA_FILE_NAMES.outcomes, schema: outcomesFileSchema },
  claims: { file: DATA_FILE_NAMES.claims, schema: claimsFileSchema },
} as const;
export type { CollectionName };
