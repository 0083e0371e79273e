import { describe, expect, it } from 'vitest';
import { claimSchema, outcomeSchema, sourceSchema, treatmentSchema } from '../../src/data/schema';
import { validOutcome } from '../fixtures/load-fixture';

/** Parses and returns the dotted paths of the issues (empty when valid). */
function issuePaths(
  schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
  value: unknown,
) {
  const r = schema.safeParse(value);
  return r.success ? [] : (r.error?.issues ?? []).map((i) => i.path.map(String).join('.'));
}

const provenance = {
  database: 'metapsy-ptsd-psyctr',
  version: '2023-10-26 18e03cb',
  doi: '10.5281/zenodo.10027042',
};

const validSource = {
  id: 'feder-2021',
  kind: 'rct',
  condition: 'ptsd',
  title: 'A trial',
  venue: 'A journal',
  doi: '10.1176/appi.ajp.2020.20050596',
  url: 'https://doi.org/10.1176/appi.ajp.2020.20050596',
};

describe('outcome schema', () => {
  it('accepts a valid outcome', () => {
    expect(issuePaths(outcomeSchema, validOutcome())).toEqual([]);
  });

  it.each([
    ['an unknown key', { colour: 'red' }, ''],
    ['a non-kebab id', { id: 'Feder_2021' }, 'id'],
    ['a metric outside the vocabulary', { metric: 'happiness' }, 'metric'],
    ['a percentage above 100', { value: 120 }, 'value'],
    ['a negative percentage', { value: -3 }, 'value'],
    ['low above high', { low: 70, high: 60, interval: '95% CI' }, 'low'],
    ['value below low', { low: 68, high: 80, interval: '95% CI' }, 'value'],
    ['value above high', { low: 10, high: 60, interval: '95% CI' }, 'value'],
    ['bounds without an interval kind', { low: 50, high: 80 }, 'interval'],
    ['events above n', { events: 16 }, 'events'],
    ['a unit that does not fit the metric', { unit: 'days' }, 'unit'],
    ['a response without its definition', { definition: undefined }, 'definition'],
    ['a missing locator', { locator: undefined }, 'locator'],
    ['an empty locator', { locator: '  ' }, 'locator'],
    ['a null value without a range', { value: null }, 'value'],
    ['a comparator equal to the treatment', { comparatorId: 'ketamine-iv-six-infusions' }, 'comparatorId'],
    ['a timepoint with neither value nor label', { timepoint: { unit: 'weeks' } }, 'timepoint'],
  ])('rejects %s at the expected path', (_label, patch, path) => {
    const broken = { ...validOutcome(), ...patch };
    expect(issuePaths(outcomeSchema, broken)).toContain(path);
  });

  it('requires a side effect name for adverse-event figures', () => {
    const o = { ...validOutcome(), metric: 'adverse-event', definition: undefined, domain: undefined };
    expect(issuePaths(outcomeSchema, o)).toContain('sideEffect');
    expect(issuePaths(outcomeSchema, { ...o, sideEffect: 'nausea' })).toEqual([]);
  });

  it('accepts a range-only figure with value null', () => {
    const o = {
      ...validOutcome(),
      metric: 'onset',
      unit: 'weeks',
      value: null,
      low: 6,
      high: 10,
      interval: 'range',
      definition: undefined,
      onsetBasis: 'typical-reported',
    };
    expect(issuePaths(outcomeSchema, o)).toEqual([]);
  });
});

describe('meaning fields (what a chart needs to place a figure)', () => {
  const effect = () => ({
    ...validOutcome(),
    id: 'feder-2021-effect-size-ketamine-wk2',
    metric: 'effect-size',
    value: 1.13,
    unit: 'd',
    low: 0.36,
    high: 1.91,
    interval: '95% CI',
    definition: undefined,
    direction: 'higher-favours-treatment',
    contrast: 'between-arms',
  });
  const onset = () => ({
    ...validOutcome(),
    metric: 'onset',
    value: 24,
    unit: 'hours',
    definition: undefined,
    onsetBasis: 'first-measured',
  });

  it('accepts a complete effect size and a complete onset', () => {
    expect(issuePaths(outcomeSchema, effect())).toEqual([]);
    expect(issuePaths(outcomeSchema, onset())).toEqual([]);
  });

  it.each([
    ['an efficacy figure without a domain', () => ({ ...validOutcome(), domain: undefined }), 'domain'],
    ['a domain outside the vocabulary', () => ({ ...validOutcome(), domain: 'mood' }), 'domain'],
    [
      'a domain on a side-effect rate',
      () => ({ ...validOutcome(), metric: 'adverse-event', sideEffect: 'nausea', definition: undefined }),
      'domain',
    ],
    ['an onset without a basis', () => ({ ...onset(), onsetBasis: undefined }), 'onsetBasis'],
    ['an onset basis outside the vocabulary', () => ({ ...onset(), onsetBasis: 'soon' }), 'onsetBasis'],
    ['an onset basis on a response rate', () => ({ ...validOutcome(), onsetBasis: 'first-measured' }), 'onsetBasis'],
    ['an effect size without a direction', () => ({ ...effect(), direction: undefined }), 'direction'],
    ['a direction outside the vocabulary', () => ({ ...effect(), direction: 'up' }), 'direction'],
    ['a direction on a response rate', () => ({ ...validOutcome(), direction: 'unknown' }), 'direction'],
    [
      'an NNT without a direction',
      () => ({ ...effect(), metric: 'nnt', unit: 'people', contrast: undefined, direction: undefined }),
      'direction',
    ],
    [
      'a difference between arms without a direction',
      () => ({
        ...effect(),
        metric: 'between-group-difference',
        unit: 'points',
        contrast: undefined,
        direction: undefined,
      }),
      'direction',
    ],
    [
      'a difference between arms without a comparator',
      () => ({
        ...effect(),
        metric: 'between-group-difference',
        unit: 'points',
        contrast: undefined,
        comparatorId: undefined,
      }),
      'comparatorId',
    ],
    ['an effect size without a contrast', () => ({ ...effect(), contrast: undefined }), 'contrast'],
    [
      'a contrast on a difference between arms',
      () => ({ ...effect(), metric: 'between-group-difference', unit: 'points' }),
      'contrast',
    ],
    ['a between-arms effect without a comparator', () => ({ ...effect(), comparatorId: undefined }), 'comparatorId'],
    ['a within-arm effect that names a comparator', () => ({ ...effect(), contrast: 'within-arm' }), 'comparatorId'],
    [
      'a bound without a value',
      () => ({ ...onset(), value: null, low: 2, high: 4, interval: 'range', bound: 'at-most' }),
      'value',
    ],
    [
      'a bound with an interval',
      () => ({ ...onset(), low: 12, high: 30, interval: 'range', bound: 'at-least' }),
      'bound',
    ],
    ['a bound outside the vocabulary', () => ({ ...onset(), bound: 'about' }), 'bound'],
    ['a figure condition outside the vocabulary', () => ({ ...validOutcome(), condition: 'flu' }), 'condition'],
    [
      'a symptom change below -100%',
      () => ({ ...validOutcome(), metric: 'symptom-change', value: -120, definition: undefined }),
      'value',
    ],
    [
      'a trajectory share without its definition',
      () => ({ ...validOutcome(), metric: 'change-pattern', definition: undefined }),
      'definition',
    ],
    [
      'a still-diagnosed share without its definition',
      () => ({ ...validOutcome(), metric: 'still-diagnosed', definition: undefined }),
      'definition',
    ],
  ])('rejects %s', (_label, make, path) => {
    expect(issuePaths(outcomeSchema, make())).toContain(path);
  });

  it('accepts a limit, a within-arm effect, and a negative percentage change', () => {
    expect(issuePaths(outcomeSchema, { ...onset(), value: 8, unit: 'weeks', bound: 'at-least' })).toEqual([]);
    expect(issuePaths(outcomeSchema, { ...effect(), contrast: 'within-arm', comparatorId: undefined })).toEqual([]);
    const fall = { ...validOutcome(), metric: 'symptom-change', value: -50, definition: undefined };
    expect(issuePaths(outcomeSchema, fall)).toEqual([]);
  });
});

describe('source schema', () => {
  it('accepts a valid source', () => {
    expect(issuePaths(sourceSchema, validSource)).toEqual([]);
  });

  it.each([
    ['javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
    ['http: URL', { url: 'http://doi.org/10.1/x' }, 'url'],
    ['data: URL', { url: 'data:text/html,<script>alert(1)</script>' }, 'url'],
    ['a relative URL', { url: '/papers/x' }, 'url'],
    ['an unknown kind', { kind: 'press-release' }, 'kind'],
    ['a malformed DOI', { doi: 'doi:10.1/x' }, 'doi'],
    ['a malformed PMID', { pmid: 'PMID 123' }, 'pmid'],
    ['a malformed registry id', { nct: 'NCT123' }, 'nct'],
    ['a fractional n', { n: 30.5 }, 'n'],
    ['a missing title', { title: undefined }, 'title'],
    ['a missing condition', { condition: undefined }, 'condition'],
    ['a condition outside the vocabulary', { condition: 'stress' }, 'condition'],
  ])('rejects %s', (_label, patch, path) => {
    expect(issuePaths(sourceSchema, { ...validSource, ...patch })).toContain(path);
  });
});

describe('treatment schema', () => {
  it('rejects a class outside the vocabulary', () => {
    expect(issuePaths(treatmentSchema, { id: 'x', name: 'X', class: 'herbal', description: 'd' })).toContain('class');
  });

  const control = { id: 'waitlist', name: 'Waitlist', class: 'control', description: 'People wait.' };
  it('takes a control type on control treatments only', () => {
    expect(issuePaths(treatmentSchema, { ...control, controlType: 'waitlist' })).toEqual([]);
    expect(issuePaths(treatmentSchema, control)).toEqual([]); // optional on curated controls
    expect(issuePaths(treatmentSchema, { ...control, controlType: 'nothing' })).toContain('controlType');
    expect(issuePaths(treatmentSchema, { ...control, class: 'psychotherapy', controlType: 'active' })).toContain(
      'controlType',
    );
  });

  it('requires the control type on a control generated from a database', () => {
    const generated = { ...control, id: 'metapsy-usual-care', provenance };
    expect(issuePaths(treatmentSchema, generated)).toContain('controlType');
    expect(issuePaths(treatmentSchema, { ...generated, controlType: 'usual-care' })).toEqual([]);
  });
});

describe('database fields: provenance, risk of bias, population group, rating', () => {
  const rob = {
    tool: 'RoB 2',
    overall: 'some-concerns',
    randomization: 'low',
    deviations: 'some-concerns',
    missingData: 'low',
    measurement: 'low',
    selection: 'low',
    database: 'metapsy-ptsd-psyctr',
  };

  it('accepts a generated trial with its appraisal, population group and provenance', () => {
    const source = {
      ...validSource,
      populationGroup: 'civilian',
      riskOfBias: rob,
      provenance: { ...provenance, study: 'Feder, 2021' },
    };
    expect(issuePaths(sourceSchema, source)).toEqual([]);
  });

  it.each([
    [
      'a provenance with an unknown database',
      { provenance: { ...provenance, database: 'cochrane' } },
      'provenance.database',
    ],
    [
      'a provenance whose DOI is not the database DOI',
      { provenance: { ...provenance, doi: '10.1/x' } },
      'provenance.doi',
    ],
    ['a provenance without a version', { provenance: { ...provenance, version: undefined } }, 'provenance.version'],
    ['a provenance row that is not a whole number', { provenance: { ...provenance, row: 1.5 } }, 'provenance.row'],
    ['an unknown field in the provenance', { provenance: { ...provenance, commit: 'abc' } }, 'provenance'],
    ['a judgement outside RoB 2', { riskOfBias: { ...rob, overall: 'unclear' } }, 'riskOfBias.overall'],
    ['a domain left out', { riskOfBias: { ...rob, selection: undefined } }, 'riskOfBias.selection'],
    ['another appraisal tool', { riskOfBias: { ...rob, tool: 'RoB 1' } }, 'riskOfBias.tool'],
    ['a RoB 2 appraisal of a meta-analysis', { kind: 'meta-analysis', riskOfBias: rob }, 'riskOfBias'],
    ['a population group outside the vocabulary', { populationGroup: 'police' }, 'populationGroup'],
  ])('rejects %s', (_label, patch, path) => {
    expect(issuePaths(sourceSchema, { ...validSource, ...patch })).toContain(path);
  });

  it('takes a rating only with the instrument it describes', () => {
    const rated = { ...validOutcome(), instrument: 'CAPS-5', rating: 'clinician' };
    expect(issuePaths(outcomeSchema, rated)).toEqual([]);
    expect(issuePaths(outcomeSchema, { ...rated, rating: 'observer' })).toContain('rating');
    expect(issuePaths(outcomeSchema, { ...rated, instrument: undefined })).toContain('rating');
  });

  it('accepts provenance on an outcome and refuses a risk-of-bias field there', () => {
    const o = { ...validOutcome(), provenance: { ...provenance, row: 17, study: 'Feder, 2021' } };
    expect(issuePaths(outcomeSchema, o)).toEqual([]);
    expect(issuePaths(outcomeSchema, { ...o, riskOfBias: rob })).toContain('');
  });
});

describe('claim schema', () => {
  const claim = {
    id: 'blog-claim',
    sourceId: 'blog',
    treatmentId: 'ketamine-iv-single',
    metric: 'response',
    value: 70,
    unit: '%',
    quotedNumbers: ['70%'],
    statement: 'About 70% improve after one infusion.',
    locator: 'second paragraph',
    verdict: 'misattributed',
    evidence: ['feder-2021-response-ketamine-wk2'],
    rationale: 'The nearest figure is from a six-infusion trial.',
  };
  it('accepts a valid claim', () => {
    expect(issuePaths(claimSchema, claim)).toEqual([]);
  });
  it('rejects a verdict outside the vocabulary', () => {
    expect(issuePaths(claimSchema, { ...claim, verdict: 'false' })).toContain('verdict');
  });
  it('allows empty evidence only for unsupported claims', () => {
    expect(issuePaths(claimSchema, { ...claim, evidence: [] })).toContain('evidence');
    expect(issuePaths(claimSchema, { ...claim, evidence: [], verdict: 'unsupported' })).toEqual([]);
  });
  it('lets a claim rest on cited sources where no outcome holds the finding', () => {
    expect(issuePaths(claimSchema, { ...claim, evidence: [], evidenceSources: ['feder-2021'] })).toEqual([]);
    expect(issuePaths(claimSchema, { ...claim, evidenceSources: [] })).toContain('evidenceSources');
    expect(issuePaths(claimSchema, { ...claim, evidenceSources: ['Feder 2021'] })).toContain('evidenceSources.0');
  });
});
