import { describe, expect, it } from 'vitest';
import { checkProvenance } from '../../src/data/check';
import type { Outcome, Source, Treatment } from '../../src/data/schema';
import { DATABASES } from '../../src/data/vocabulary';

const provenance = {
  database: 'metapsy-ptsd-psyctr',
  version: '2023-10-26 18e03cb',
  doi: '10.5281/zenodo.10027042',
} as const;
const rob = {
  tool: 'RoB 2',
  overall: 'high',
  randomization: 'low',
  deviations: 'low',
  missingData: 'high',
  measurement: 'low',
  selection: 'low',
} as const;

const source = (id: string, extra: Partial<Source> = {}): Source => ({
  id,
  kind: 'rct',
  condition: 'ptsd',
  title: 'A trial',
  venue: 'A journal',
  ...extra,
});
const outcome = (id: string, sourceId: string, extra: Partial<Outcome> = {}): Outcome => ({
  id,
  sourceId,
  treatmentId: 'emdr',
  comparatorId: 'waitlist',
  metric: 'effect-size',
  value: 1,
  unit: 'g',
  domain: 'ptsd',
  direction: 'higher-favours-treatment',
  contrast: 'between-arms',
  locator: 'row 1',
  provenance: { ...provenance, row: 1 },
  ...extra,
});
const treatments: Treatment[] = [];

describe('cross-file checks for records from a database', () => {
  it('accepts figures on a generated trial and on a curated trial the database appraised', () => {
    const sources = [
      source('generated-2001', { provenance: { ...provenance, study: 'Generated, 2001' } }),
      source('curated-2002', { riskOfBias: { ...rob, database: 'metapsy-ptsd-psyctr' } }),
    ];
    const outcomes = [outcome('a', 'generated-2001'), outcome('b', 'curated-2002')];
    expect(checkProvenance({ sources, treatments, outcomes, claims: [] })).toEqual([]);
  });

  it('refuses a generated figure on a trial the database neither produced nor appraised', () => {
    const sources = [source('curated-2002'), source('other-2003', { riskOfBias: rob })];
    const outcomes = [outcome('a', 'curated-2002'), outcome('b', 'other-2003')];
    const issues = checkProvenance({ sources, treatments, outcomes, claims: [] });
    expect(issues.map((i) => `${i.record} ${i.field}`)).toEqual(['a sourceId', 'b sourceId']);
  });

  it('refuses records from two versions of one database', () => {
    const sources = [source('generated-2001', { provenance })];
    const outcomes = [
      outcome('a', 'generated-2001'),
      outcome('b', 'generated-2001', { provenance: { ...provenance, version: '2024-01-01 abcdef0' } }),
    ];
    const issues = checkProvenance({ sources, treatments, outcomes, claims: [] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ record: 'b', field: 'provenance.version' });
  });

  it('lists what an attribution needs for every database', () => {
    for (const db of Object.values(DATABASES)) {
      expect(db.name).toBeTruthy();
      expect(db.doi).toMatch(/^10\.\d{4,9}\//);
      expect(db.licence.name).toBeTruthy();
      expect(db.licence.url).toMatch(/^https:\/\//);
      expect(db.origin).toMatch(/^https:\/\//);
    }
  });
});
