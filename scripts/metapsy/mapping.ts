/**
 * How the database's categories become dataset treatments, and which of its trials are already
 * curated. Every rule here is a judgement, written down so it can be reviewed; a row that no
 * rule covers stops the import rather than being filed somewhere by default.
 */
import type { ControlType, PopulationGroup, RiskOfBiasJudgement, TherapyFocus } from '../../src/data/vocabulary';

/** One CSV row, keyed by column name; null is the database's NA. */
export type Row = Record<string, string | null>;

type Defined = {
  id: string;
  /** Short form used inside outcome ids. */
  short: string;
  /** True when the id is a curated treatment that means the same thing; the importer only points at it. */
  curated?: true;
  name?: string;
  description?: string;
};

export type TherapyDef = Defined & { focus?: TherapyFocus; match: (row: Row) => boolean };
export type ControlDef = Defined & { controlType: ControlType; match: (row: Row) => boolean };

const detail = (row: Row) => row['condition_arm1.detail'];
const narrow = (row: Row) => row['narrow_category'];
const controlDetail = (row: Row) => row['condition_arm2.detail'];

/**
 * Therapy arms, first match wins. Named protocols that the curated data already has (PE, CPT,
 * EMDR, WET) reuse its treatments; the rest follow the database's narrow category, so the set
 * stays small. The database's own arm label goes into every outcome's note.
 */
export const THERAPIES: readonly TherapyDef[] = [
  {
    id: 'written-exposure-therapy',
    short: 'wet',
    curated: true,
    match: (r) => detail(r) === 'Written Exposure Therapy (WET)',
  },
  {
    id: 'cognitive-processing-therapy',
    short: 'cpt',
    curated: true,
    match: (r) => detail(r) === 'Cognitive Processing Therapy (CPT)',
  },
  {
    id: 'metapsy-cognitive-therapy-for-ptsd',
    focus: 'trauma-focused',
    short: 'ct',
    name: 'Cognitive therapy for PTSD (CT-PTSD)',
    description:
      'A trauma-focused cognitive therapy that changes how people appraise the trauma and its aftermath and updates the trauma memory; listed as its own arm in the Metapsy database.',
    match: (r) => detail(r) === 'Cognitive Therapy for PTSD (CT-PTSD)',
  },
  { id: 'prolonged-exposure', short: 'pe', curated: true, match: (r) => narrow(r) === 'PE' },
  { id: 'emdr', short: 'emdr', curated: true, match: (r) => narrow(r) === 'EMDR' },
  {
    id: 'metapsy-narrative-exposure-therapy',
    focus: 'trauma-focused',
    short: 'net',
    name: 'Narrative exposure therapy (NET)',
    description:
      'A short trauma-focused therapy in which people tell their life story, dwelling on each traumatic event in detail, often used with refugees and survivors of war.',
    match: (r) => narrow(r) === 'NET',
  },
  {
    id: 'metapsy-exposure-therapy',
    focus: 'trauma-focused',
    short: 'exposure',
    name: 'Other exposure therapies (Metapsy category)',
    description:
      'Exposure-based treatments other than prolonged exposure and written exposure: imaginal, in-vivo, virtual-reality and flooding (implosive) approaches, as the Metapsy database groups them; each figure names the trial arm.',
    match: (r) => narrow(r) === 'Exposure Therapy',
  },
  {
    id: 'metapsy-tf-cbt',
    focus: 'trauma-focused',
    short: 'tf-cbt',
    name: 'Trauma-focused CBT (Metapsy category)',
    description:
      'Trial arms the Metapsy database files as trauma-focused cognitive behavioural therapy other than the named protocols listed separately: mostly programmes the trials call TF-CBT, plus a few related ones such as imagery rehearsal; each figure names the trial arm.',
    match: (r) => narrow(r) === 'TF-CBT',
  },
  {
    id: 'metapsy-trauma-focused-other',
    focus: 'trauma-focused',
    short: 'tf-other',
    name: 'Other trauma-focused therapies (Metapsy category)',
    description:
      'Therapies that work on the trauma memory without being CBT, EMDR or narrative exposure, such as brief eclectic psychotherapy, imagery rescripting or reconsolidation of traumatic memories; each figure names the trial arm.',
    match: (r) => narrow(r) === 'TF-Other',
  },
  {
    id: 'metapsy-mixed-psychotherapy',
    focus: 'mixed',
    short: 'mixed',
    name: 'Combined therapy programmes (Metapsy category)',
    description:
      'Arms that join two or more therapies in one package, for example skills training followed by exposure, or EMDR added to CBT; each figure names the combination.',
    match: (r) => narrow(r) === 'Mixed psychotherapy',
  },
  {
    id: 'metapsy-cbt-without-trauma-focus',
    focus: 'not-trauma-focused',
    short: 'cbt',
    name: 'CBT without a trauma focus (Metapsy category)',
    description:
      'Cognitive behavioural therapies that do not work on the trauma memory, such as stress inoculation training, behavioural activation or metacognitive therapy; each figure names the trial arm.',
    match: (r) => narrow(r) === 'CBT without trauma focus',
  },
  {
    id: 'metapsy-non-trauma-focused-other',
    focus: 'not-trauma-focused',
    short: 'ntf',
    name: 'Other therapies without a trauma focus (Metapsy category)',
    description:
      'Supportive, interpersonal, psychodynamic, skills-based and guided internet self-help treatments that do not target the trauma memory, tested against a control; each figure names the trial arm.',
    match: (r) => narrow(r) === 'Other non-trauma-focused',
  },
];

/**
 * Control arms, first match wins. Minimal attention is filed with waitlists (its curated
 * treatment calls it a waitlist-style control: contact is limited to check-ins while waiting);
 * attention-matched controls are active controls; assessment-only, monitoring-only, no
 * treatment and undescribed controls are "other".
 */
export const CONTROLS: readonly ControlDef[] = [
  {
    id: 'waitlist',
    short: 'waitlist',
    curated: true,
    controlType: 'waitlist',
    match: (r) => r['condition_arm2'] === 'Waitlist' && controlDetail(r) === 'Waitlist',
  },
  {
    id: 'minimal-attention',
    short: 'ma',
    curated: true,
    controlType: 'waitlist',
    match: (r) => controlDetail(r) === 'Minimal attention',
  },
  {
    id: 'metapsy-usual-care',
    short: 'tau',
    controlType: 'usual-care',
    name: 'Usual care (Metapsy category)',
    description:
      'People kept the care they would have had anyway (in one trial with an information pack and routine counselling added) while the other arm got the therapy being tested.',
    match: (r) => r['condition_arm2'] === 'TAU',
  },
  {
    id: 'metapsy-placebo',
    short: 'placebo',
    controlType: 'placebo',
    name: 'Placebo (form not stated in the database)',
    description:
      'A control arm the Metapsy database records only as placebo, without saying whether it was a pill or something else.',
    match: (r) => r['condition_arm2'] === 'Other' && controlDetail(r) === 'Placebo',
  },
  {
    id: 'metapsy-attention-control',
    short: 'attention',
    controlType: 'active',
    name: 'Attention control (Metapsy category)',
    description:
      'A control that gives people regular contact or activities of similar length to the therapy, such as career and fitness planning, without its supposed active ingredient.',
    match: (r) =>
      r['condition_arm2'] === 'Other' &&
      ['Attention control', 'Fitness/career assessment and planning'].includes(controlDetail(r) ?? ''),
  },
  {
    id: 'metapsy-assessment-only',
    short: 'assessment',
    controlType: 'other',
    name: 'Assessment or monitoring only (Metapsy category)',
    description:
      'People were only assessed, repeatedly, or kept a symptom diary, with no therapy during the comparison period.',
    match: (r) =>
      r['condition_arm2'] === 'Other' && ['Assessment', 'Electronic sleep diary'].includes(controlDetail(r) ?? ''),
  },
  {
    id: 'metapsy-no-treatment',
    short: 'none',
    controlType: 'other',
    name: 'No treatment (Metapsy category)',
    description:
      'People received nothing during the comparison period; the database records it as no treatment rather than as a waitlist.',
    match: (r) => r['condition_arm2'] === 'Other' && controlDetail(r) === 'No treatment',
  },
  {
    id: 'metapsy-control-other',
    short: 'other',
    controlType: 'other',
    name: 'Other control (not described in the database)',
    description: 'A control arm the Metapsy database records only as "other", with no further description.',
    match: (r) => r['condition_arm2'] === 'Other' && controlDetail(r) === 'Other',
  },
];

/**
 * Trials the curated data already holds, whose arms are named more precisely there. Each
 * override says why, and `check` guards it against a changed snapshot.
 */
export const STUDY_OVERRIDES: Record<
  string,
  { therapy?: string; control?: string; reason: string; check: (row: Row) => boolean }
> = {
  'Foa, 2018': {
    therapy: 'prolonged-exposure-massed',
    control: 'minimal-contact-control',
    reason:
      'The database labels the therapy arm only "Prolonged Exposure (PE)"; its 110 randomized people and daily weekday sessions identify the massed (2-week) PE arm of the curated record, and its 40-person "minimal attention" arm is the curated minimal-contact control.',
    check: (r) =>
      r['n_randomized_arm1'] === '110' &&
      r['n_randomized_arm2'] === '40' &&
      r['condition_arm1.frequency'] === 'Once daily on weekdays',
  },
  'Van der Kolk, 2007': {
    control: 'placebo-pill',
    reason:
      'The database records the control only as "Placebo"; the trial\'s title names it a pill placebo, the curated placebo-pill treatment.',
    check: (r) => controlDetail(r) === 'Placebo',
  },
};

/**
 * Trials matched to a curated source by first author and year, checked by hand because the
 * curated record carries neither DOI nor PMID. Matches by DOI or PMID need no entry.
 */
export const MANUAL_MATCHES: Record<string, string> = {
  // Same title (EMDR, fluoxetine and pill placebo; J Clin Psychiatry 2007;68:37-46).
  'Van der Kolk, 2007': 'van-der-kolk-2007',
};

export const ROB_JUDGEMENTS: Record<string, RiskOfBiasJudgement> = {
  Low: 'low',
  'Some Concerns': 'some-concerns',
  High: 'high',
};

/** military_status → population group; "NR" (not reported) gives none. */
export const POPULATION_GROUPS: Record<string, PopulationGroup | null> = {
  Community: 'civilian',
  Veteran: 'military-veterans',
  'Active Duty Military': 'military-veterans',
  Mixed: 'mixed',
  NR: null,
};

/** military_status in plain words, for the population text. */
export const MILITARY_WORDS: Record<string, string> = {
  Community: 'Civilians',
  Veteran: 'Veterans',
  'Active Duty Military': 'Active-duty service members',
  Mixed: 'Service members or veterans and civilians together',
};
