/**
 * The Metapsy import as a pure function: snapshot text and the current data files in, new
 * data files and a summary out. scripts/import-metapsy.ts does the reading and writing; the
 * tests call this directly.
 *
 * Ownership: every record whose provenance names the database is generated here and replaced
 * on each run. On a curated source that the database also covers, the importer owns exactly
 * `riskOfBias` (marked with the database) and `populationGroup`; nothing else curated is touched.
 */
import type { Outcome, Provenance, RiskOfBias, Source, Timepoint, Treatment } from '../../src/data/schema';
import { type Citation, parseCitation } from './citation';
import { DATABASE, DATABASE_ID, DATABASE_VERSION, INTERVAL_DECIMALS, Z_95 } from './constants';
import {
  dec,
  decimalText,
  decMul,
  decNumber,
  decRound,
  decSub,
  decAdd,
  decText,
  parseCount,
  parseDecimal,
  parseDelimited,
  toRecords,
} from './csv';
import {
  CONTROLS,
  type ControlDef,
  MANUAL_MATCHES,
  MILITARY_WORDS,
  POPULATION_GROUPS,
  ROB_JUDGEMENTS,
  type Row,
  STUDY_OVERRIDES,
  THERAPIES,
  type TherapyDef,
} from './mapping';

type FileOf<K extends string, T> = { version: string; reviewed: string } & Record<K, T[]>;
export type SourcesFile = FileOf<'sources', Source>;
export type TreatmentsFile = FileOf<'treatments', Treatment>;
export type OutcomesFile = FileOf<'outcomes', Outcome>;

export type ImportInput = {
  /** data.csv as text. */
  csv: string;
  /** references.json as text. */
  references: string;
  sources: SourcesFile;
  treatments: TreatmentsFile;
  outcomes: OutcomesFile;
};

export type ImportSummary = {
  trials: number;
  comparisons: number;
  rows: number;
  sourcesCreated: number;
  /** Database study label → curated source id, and how the match was made. */
  merged: { study: string; sourceId: string; by: 'doi' | 'pmid' | 'author-year, checked by hand' }[];
  treatmentsCreated: string[];
  treatmentsReused: string[];
  outcomesByMetric: Record<string, number>;
  /** Rows (or parts of rows) not turned into a record, with the reason. */
  skipped: { row: number; study: string; what: string; reason: string }[];
};

export type ImportResult = {
  sources: SourcesFile;
  treatments: TreatmentsFile;
  outcomes: OutcomesFile;
  summary: ImportSummary;
};

/** The data files' own format: two-space JSON and a final newline (data/*.json are not run through prettier). */
export const serialize = (file: unknown): string => `${JSON.stringify(file, null, 2)}\n`;

const isOurs = (r: { provenance?: Provenance }) => r.provenance?.database === DATABASE_ID;

const need = (row: Row, column: string): string => {
  const v = row[column];
  if (v === null || v === undefined || v === '') {
    throw new Error(`row ${row['']} (${row['study']}): column ${column} is missing`);
  }
  return v;
};

/** "Van der Kolk, 2007" → "van-der-kolk-2007"; a trailing letter on the year ("2019a") is dropped. */
export function studySlug(study: string): string {
  const m = /^(.+),\s*(\d{4})[a-z]?$/.exec(study);
  if (!m?.[1] || !m[2]) throw new Error(`study label "${study}" is not "Author, Year"`);
  const author = m[1]
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${author}-${m[2]}`;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A proportion such as "0,7449" as a percentage text, "74.49", without floating-point error. */
export function proportionToPercent(raw: string): string {
  const t = decimalText(raw);
  if (t === null) throw new Error('no proportion');
  return decText(decMul(dec(t), dec('100')));
}

/** Dropout from a completion proportion: 100 − 100 × proportion, exactly ("0,7551" → 24.49). */
export function dropoutFromCompletion(raw: string): number {
  return decNumber(decSub(dec('100'), dec(proportionToPercent(raw))));
}

/** g ∓ 1.96 × SE, each end rounded half away from zero to 3 decimals, in exact decimal arithmetic. */
export function intervalFromSe(gRaw: string, seRaw: string): { low: number; high: number } {
  const g = dec(decimalText(gRaw) ?? '');
  const margin = decMul(dec(Z_95), dec(decimalText(seRaw) ?? ''));
  return {
    low: decNumber(decRound(decSub(g, margin), INTERVAL_DECIMALS)),
    high: decNumber(decRound(decAdd(g, margin), INTERVAL_DECIMALS)),
  };
}

const provenance = (extra: { row?: number; study?: string } = {}): Provenance => ({
  database: DATABASE_ID,
  version: DATABASE_VERSION,
  doi: DATABASE.doi,
  ...extra,
});

function riskOfBias(row: Row): RiskOfBias {
  const j = (column: string) => {
    const value = need(row, column);
    const judgement = ROB_JUDGEMENTS[value];
    if (!judgement) throw new Error(`row ${row['']}: unknown RoB judgement "${value}" in ${column}`);
    return judgement;
  };
  return {
    tool: 'RoB 2',
    overall: j('rob'),
    randomization: j('rob_d1'),
    deviations: j('rob_d2'),
    missingData: j('rob_d3'),
    measurement: j('rob_d4'),
    selection: j('rob_d5'),
    database: DATABASE_ID,
  };
}

function populationGroup(row: Row) {
  const status = need(row, 'military_status');
  if (!(status in POPULATION_GROUPS)) throw new Error(`row ${row['']}: unknown military_status "${status}"`);
  return POPULATION_GROUPS[status] ?? undefined;
}

/** Who the trial enrolled, in plain words, from the database's study-level columns. */
function populationText(row: Row): string {
  const status = need(row, 'military_status');
  const country = row['country'] ? ` in ${row['country']}` : '';
  const parts = [
    status === 'NR'
      ? `People${country} (military or civilian status not reported)`
      : `${MILITARY_WORDS[status] ?? status}${country}`,
  ];
  const trauma = row['trauma_type'];
  const traumaDetail = row['trauma_detail']?.replace(/^"(.*)"$/, '$1');
  if (trauma && trauma !== 'NR') {
    const detail = traumaDetail && traumaDetail !== 'NR' ? ` (${traumaDetail})` : '';
    parts.push(`trauma: ${trauma.toLowerCase()}${detail}`);
  } else parts.push('trauma type not reported');
  const age = decimalText(row['mean_age'] ?? null);
  if (age !== null) parts.push(`mean age ${age} years`);
  const female = row['female_percent'];
  if (female !== null && female !== undefined) parts.push(`${proportionToPercent(female)}% women`);
  return `${parts.join('; ')}. As coded in the ${DATABASE.shortName}.`;
}

const DESIGN_WORDS: Record<string, string> = {
  'ps-ct': 'one therapy arm and a control arm',
  'ps-ps-ct': 'two therapy arms and a control arm',
  'ps-ps-ps-ct': 'three therapy arms and a control arm',
};

const RATING_WORDS = { clinician: 'clinician-rated', 'self-report': 'self-reported' } as const;

const ANALYSIS_WORDS: Record<string, string> = {
  itt: 'intention-to-treat analysis',
  completer: 'completers only',
  other: 'an analysis the database codes as neither intention-to-treat nor completers-only',
};

function computedFrom(row: Row): string {
  const type = need(row, 'outcome_type');
  const source = row['g_data_source'];
  if (type === 'msd') {
    const basis =
      source === 'Change'
        ? ' (changes from baseline)'
        : source === 'Adjusted MD'
          ? ' (adjusted means)'
          : source === 'Follow-up'
            ? ' (end-of-treatment scores)'
            : '';
    return `The database computed g from the means and standard deviations it recorded${basis}.`;
  }
  if (type === 'dich') {
    return `The database converted counts for "${need(row, 'dich_type')}" (${need(row, 'event_arm1')} of ${need(row, 'totaln_arm1')} in the therapy arm, ${need(row, 'event_arm2')} of ${need(row, 'totaln_arm2')} in the control arm) into g by rescaling the log odds ratio.`;
  }
  if (type === 'precalc_g_from_va') {
    return `The database took g as precalculated by the VA PTSD-Repository${source === 'Change' ? ', from change scores' : ''}.`;
  }
  throw new Error(`row ${row['']}: unknown outcome_type "${type}"`);
}

function analysedText(row: Row): { n?: number; text: string } {
  const dich = row['outcome_type'] === 'dich';
  const a = parseCount(row[dich ? 'totaln_arm1' : 'n_arm1'] ?? null);
  const b = parseCount(row[dich ? 'totaln_arm2' : 'n_arm2'] ?? null);
  if (a !== undefined && b !== undefined) {
    return { n: a + b, text: `Analysed: ${a} in the therapy arm and ${b} in the control arm.` };
  }
  if (a !== undefined) return { text: `Analysed: ${a} in the therapy arm; the control arm's number is not given.` };
  if (b !== undefined) return { text: `Analysed: ${b} in the control arm; the therapy arm's number is not given.` };
  return { text: 'The database gives no analysed numbers for this row.' };
}

const armLetter = (row: Row) => {
  const m = / ([A-Z])$/.exec(row['multi_arm1'] ?? '');
  return m?.[1] ? `-${m[1].toLowerCase()}` : '';
};

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

export function buildMetapsyImport(input: ImportInput): ImportResult {
  const rows: Row[] = toRecords(parseDelimited(input.csv));
  const references = JSON.parse(input.references) as Record<string, string>;

  // 1. Start from the curated records alone.
  const curatedSources = input.sources.sources
    .filter((s) => !isOurs(s))
    .map((s) => {
      if (s.riskOfBias?.database !== DATABASE_ID) return s;
      const rest: Source = { ...s };
      delete rest.riskOfBias;
      delete rest.populationGroup;
      return rest;
    });
  const curatedTreatments = input.treatments.treatments.filter((t) => !isOurs(t));
  const curatedOutcomes = input.outcomes.outcomes.filter((o) => !isOurs(o));
  const curatedSourceIds = new Set(curatedSources.map((s) => s.id));
  const treatmentById = new Map(curatedTreatments.map((t) => [t.id, t]));
  const curatedOutcomeIds = new Set(curatedOutcomes.map((o) => o.id));

  const summary: ImportSummary = {
    trials: 0,
    comparisons: new Set(rows.map((r) => `${r['study']}|${r['arms_compared']}`)).size,
    rows: rows.length,
    sourcesCreated: 0,
    merged: [],
    treatmentsCreated: [],
    treatmentsReused: [],
    outcomesByMetric: {},
    skipped: [],
  };

  // 2. Sources: one per trial, or the curated record it matches.
  const byDoi = new Map<string, Source>();
  const byPmid = new Map<string, Source>();
  for (const s of curatedSources) {
    if (s.doi) byDoi.set(s.doi.toLowerCase(), s);
    if (s.pmid) byPmid.set(s.pmid, s);
  }
  const studies = [...new Set(rows.map((r) => need(r, 'study')))];
  summary.trials = studies.length;
  const sourceIdOf = new Map<string, string>();
  const newSources: Source[] = [];
  const matched = new Map<string, Source>(); // curated id → updated record
  const usedIds = new Set(curatedSourceIds);
  for (const study of studies) {
    const first = rows.find((r) => r['study'] === study)!;
    const printed = references[study];
    if (!printed) throw new Error(`references.json has no citation for "${study}"`);
    if (printed !== first['full_ref']) throw new Error(`"${study}": references.json and full_ref differ`);
    const citation: Citation = parseCitation(printed);
    const manual = MANUAL_MATCHES[study];
    const hit: [Source | undefined, ImportSummary['merged'][number]['by']] =
      citation.doi && byDoi.get(citation.doi.toLowerCase())
        ? [byDoi.get(citation.doi.toLowerCase()), 'doi']
        : citation.pmid && byPmid.get(citation.pmid)
          ? [byPmid.get(citation.pmid), 'pmid']
          : manual
            ? [curatedSources.find((s) => s.id === manual), 'author-year, checked by hand']
            : [undefined, 'doi'];
    const [curated, by] = hit;
    if (manual && !curated) throw new Error(`manual match for "${study}" names "${manual}", which does not exist`);
    const rob = riskOfBias(first);
    const group = populationGroup(first);
    if (curated) {
      if (matched.has(curated.id)) throw new Error(`two database studies match curated source "${curated.id}"`);
      matched.set(curated.id, { ...curated, ...(group ? { populationGroup: group } : {}), riskOfBias: rob });
      sourceIdOf.set(study, curated.id);
      summary.merged.push({ study, sourceId: curated.id, by });
      continue;
    }
    let id = studySlug(study);
    for (let suffix = 'b'; usedIds.has(id); suffix = String.fromCharCode(suffix.charCodeAt(0) + 1)) {
      id = `${studySlug(study)}-${suffix}`;
    }
    usedIds.add(id);
    sourceIdOf.set(study, id);
    const studyRows = rows.filter((r) => r['study'] === study);
    const pairs = [
      ...new Set(
        studyRows.map(
          (r) => `${need(r, 'condition_arm1.detail')} versus ${lowerFirst(need(r, 'condition_arm2.detail'))}`,
        ),
      ),
    ];
    const designCode = need(first, 'design');
    const rowIds = studyRows.map((r) => need(r, ''));
    const noId = !citation.doi && !citation.pmid;
    const notes = [
      `Generated from the ${DATABASE.shortName} (data.csv ${rowIds.length > 1 ? 'rows' : 'row'} ${rowIds.join(', ')}; study "${study}"). Citation, identifiers, population, sample size and risk-of-bias judgements are as the database records them; the paper itself was not read for this record.`,
      noId ? 'The database citation gives no DOI or PMID, so the record has no link.' : '',
      citation.year !== Number(/(\d{4})/.exec(study)?.[1])
        ? `The citation's year (${citation.year}) differs from the study label.`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
    const n = parseCount(first['total_n_randomized'] ?? null);
    newSources.push({
      id,
      kind: 'rct',
      condition: 'ptsd',
      title: citation.title,
      authors: citation.authors,
      year: citation.year,
      venue: citation.venue,
      ...(citation.doi ? { doi: citation.doi } : {}),
      ...(citation.pmid ? { pmid: citation.pmid } : {}),
      ...(citation.doi
        ? { url: `https://doi.org/${citation.doi}` }
        : citation.pmid
          ? { url: `https://pubmed.ncbi.nlm.nih.gov/${citation.pmid}/` }
          : {}),
      population: populationText(first),
      ...(group ? { populationGroup: group } : {}),
      ...(n !== undefined ? { n } : {}),
      design: `Randomized trial with ${DESIGN_WORDS[designCode] ?? `arms coded "${designCode}"`}. Comparisons the database records: ${pairs.join('; ')}.`,
      notes,
      riskOfBias: rob,
      provenance: provenance({ study }),
    });
    summary.sourcesCreated++;
  }

  // 3. Treatments: the arms each row maps to, created only when used.
  const therapyFor = (row: Row): { def: TherapyDef; id: string; short: string } => {
    if (row['condition_arm1'] !== row['narrow_category']) {
      throw new Error(`row ${row['']}: condition_arm1 and narrow_category disagree`);
    }
    const def = THERAPIES.find((t) => t.match(row));
    if (!def)
      throw new Error(
        `row ${row['']}: no treatment rule for "${row['condition_arm1.detail']}" (${row['narrow_category']})`,
      );
    const override = STUDY_OVERRIDES[need(row, 'study')];
    if (override?.therapy) {
      if (!override.check(row)) throw new Error(`row ${row['']}: the override for ${row['study']} no longer fits`);
      return { def, id: override.therapy, short: 'pe-massed' };
    }
    return { def, id: def.id, short: def.short };
  };
  const controlFor = (row: Row): { def: ControlDef; id: string } => {
    const def = CONTROLS.find((c) => c.match(row));
    if (!def)
      throw new Error(
        `row ${row['']}: no control rule for "${row['condition_arm2']}" / "${row['condition_arm2.detail']}"`,
      );
    const override = STUDY_OVERRIDES[need(row, 'study')];
    if (override?.control) {
      if (!override.check(row)) throw new Error(`row ${row['']}: the override for ${row['study']} no longer fits`);
      return { def, id: override.control };
    }
    return { def, id: def.id };
  };
  const usedTreatments = new Set<string>();
  const newTreatments: Treatment[] = [];
  const useTreatment = (id: string, def: TherapyDef | ControlDef, control: boolean) => {
    if (usedTreatments.has(id)) return;
    usedTreatments.add(id);
    const curated = treatmentById.get(id);
    if (curated) {
      const wanted = control ? 'control' : 'psychotherapy';
      if (curated.class !== wanted) throw new Error(`curated treatment "${id}" is a ${curated.class}, not a ${wanted}`);
      summary.treatmentsReused.push(id);
      return;
    }
    if (def.id !== id || def.curated || !def.name || !def.description) {
      throw new Error(`treatment "${id}" should be curated but does not exist`);
    }
    newTreatments.push({
      id,
      name: def.name,
      class: control ? 'control' : 'psychotherapy',
      description: def.description,
      ...('controlType' in def ? { controlType: def.controlType } : {}),
      ...('focus' in def && def.focus ? { focus: def.focus } : {}),
      provenance: provenance(),
    });
    summary.treatmentsCreated.push(id);
  };

  // 4. Outcomes: one effect size per row, and a dropout where the completion rate allows.
  const comparisonRows = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r['study']}|${r['arms_compared']}`;
    comparisonRows.set(key, [...(comparisonRows.get(key) ?? []), r]);
  }
  const newOutcomes: Outcome[] = [];
  const outcomeIds = new Set(curatedOutcomeIds);
  const dropoutKeys = new Map<string, number>();
  const addOutcome = (o: Outcome) => {
    if (outcomeIds.has(o.id)) throw new Error(`outcome id "${o.id}" is generated twice or clashes with a curated one`);
    outcomeIds.add(o.id);
    newOutcomes.push(o);
    summary.outcomesByMetric[o.metric] = (summary.outcomesByMetric[o.metric] ?? 0) + 1;
  };
  for (const row of rows) {
    const rowId = Number(need(row, ''));
    const study = need(row, 'study');
    const sourceId = sourceIdOf.get(study)!;
    const therapy = therapyFor(row);
    const control = controlFor(row);
    const override = STUDY_OVERRIDES[study];
    const letter = armLetter(row);
    const g = row['.g'];
    const se = row['.g_se'];
    if (g === null || g === undefined || se === null || se === undefined) {
      summary.skipped.push({ row: rowId, study, what: 'effect size', reason: 'no g or no standard error' });
      continue;
    }
    useTreatment(therapy.id, therapy.def, false);
    useTreatment(control.id, control.def, true);
    const rating = need(row, 'rating');
    if (rating !== 'clinician' && rating !== 'self-report') throw new Error(`row ${rowId}: unknown rating "${rating}"`);
    const instrument = need(row, 'instrument');
    const weeks = parseDecimal(row['time_weeks'] ?? null);
    const timepoint: Timepoint = {
      ...(weeks !== undefined ? { value: weeks, unit: 'weeks' as const, from: 'randomization' } : {}),
      label: 'post-treatment',
    };
    const analysis = need(row, 'completer');
    const { n, text: analysed } = analysedText(row);
    const siblings = comparisonRows.get(`${study}|${row['arms_compared']}`) ?? [];
    const sharedControl = rows.filter(
      (r) => r['study'] === study && r['arms_compared'] !== row['arms_compared'],
    ).length;
    const arm1 = need(row, 'condition_arm1.detail');
    const arm2 = need(row, 'condition_arm2.detail');
    const note = [
      `Hedges' g for ${arm1} against ${lowerFirst(arm2)} (the database's arm labels) on the ${instrument}, ${RATING_WORDS[rating]}, ${ANALYSIS_WORDS[analysis] ?? analysis}, at the end of treatment${weeks !== undefined ? ` (week ${decimalText(row['time_weeks'] ?? null)} after randomization)` : ''}. Positive values favour the therapy arm.`,
      computedFrom(row),
      analysed,
      `The 95% interval is not from the database: it is g ± ${Z_95} × SE, worked out here from the database's SE and rounded to ${INTERVAL_DECIMALS} decimals.`,
      siblings.length > 1
        ? `The database holds ${siblings.length} rows for this comparison (other instruments or raters); they describe the same people, so count the comparison once when pooling.`
        : '',
      sharedControl > 0 ? "The control arm is shared with this trial's other comparisons." : '',
      override ? override.reason : '',
    ]
      .filter(Boolean)
      .join(' ');
    const { low, high } = intervalFromSe(g, se);
    addOutcome({
      id: `${sourceId}-metapsy-g-${therapy.short}${letter}-${slug(instrument)}`,
      sourceId,
      treatmentId: therapy.id,
      comparatorId: control.id,
      metric: 'effect-size',
      value: parseDecimal(g)!,
      unit: 'g',
      low,
      high,
      interval: '95% CI',
      se: parseDecimal(se)!,
      ...(n !== undefined ? { n } : {}),
      timepoint,
      instrument,
      rating,
      ...(analysis === 'completer' ? { subgroup: 'completers only' } : {}),
      domain: 'ptsd',
      direction: 'higher-favours-treatment',
      contrast: 'between-arms',
      locator: `${DATABASE.shortName}, data.csv row ${rowId} (study "${study}")`,
      note,
      provenance: provenance({ row: rowId, study }),
    });

    // Dropout: only from a stated completion rate with the authors' definition of completion.
    const completed = row['percent_completed'];
    const definition = row['def_treatment_completion'];
    if (completed === null && definition === null) continue;
    if (completed === null || completed === undefined) {
      summary.skipped.push({ row: rowId, study, what: 'dropout', reason: 'completion defined but no completion rate' });
      continue;
    }
    if (definition === null || definition === undefined || /^(NA|NR)\b/.test(definition)) {
      summary.skipped.push({
        row: rowId,
        study,
        what: 'dropout',
        reason: 'completion rate without a definition of completion',
      });
      continue;
    }
    const armKey = `${sourceId}|${therapy.id}${letter}`;
    if (dropoutKeys.has(armKey)) {
      summary.skipped.push({
        row: rowId,
        study,
        what: 'dropout',
        reason: `same arm as row ${dropoutKeys.get(armKey)}`,
      });
      continue;
    }
    dropoutKeys.set(armKey, rowId);
    const percentCompleted = proportionToPercent(completed);
    addOutcome({
      id: `${sourceId}-metapsy-dropout-${therapy.short}${letter}`,
      sourceId,
      treatmentId: therapy.id,
      comparatorId: control.id,
      metric: 'dropout',
      value: dropoutFromCompletion(completed),
      unit: '%',
      timepoint: { label: 'during treatment' },
      definition: `Did not complete treatment, where completing meant: ${definition}`,
      locator: `${DATABASE.shortName}, data.csv row ${rowId} (study "${study}"), columns percent_completed and def_treatment_completion`,
      note: `Derived: 100 minus the share of the ${arm1} arm that completed treatment (${percentCompleted}% in the database), so it counts everyone who did not finish by the authors' definition, not only those who left the trial. The database does not give the denominator, so no count is stored, and the control arm's rate is not reported in the database.${override ? ` ${override.reason}` : ''}`,
      provenance: provenance({ row: rowId, study }),
    });
  }

  // 5. Put it together: curated records first (matched sources updated in place), then ours in a fixed order.
  const therapyOrder = THERAPIES.map((t) => t.id);
  const controlOrder = CONTROLS.map((c) => c.id);
  newTreatments.sort(
    (a, b) =>
      Number(a.class === 'control') - Number(b.class === 'control') ||
      [...therapyOrder, ...controlOrder].indexOf(a.id) - [...therapyOrder, ...controlOrder].indexOf(b.id),
  );
  return {
    sources: {
      ...input.sources,
      sources: [...curatedSources.map((s) => matched.get(s.id) ?? s), ...newSources],
    },
    treatments: { ...input.treatments, treatments: [...curatedTreatments, ...newTreatments] },
    outcomes: { ...input.outcomes, outcomes: [...curatedOutcomes, ...newOutcomes] },
    summary,
  };
}
