import { describe, expect, it } from 'vitest';
import { formatIssue, validateDataset } from '../../src/data/check';
import { rawFixture } from '../fixtures/load-fixture';

type Rec = Record<string, unknown>;
const list = (raw: ReturnType<typeof rawFixture>, key: 'sources' | 'treatments' | 'outcomes' | 'claims') =>
  raw[key][key] as Rec[];

describe('validateDataset', () => {
  it('accepts the valid fixture and keeps every record', () => {
    const result = validateDataset(rawFixture());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.dataset.outcomes).toHaveLength(3);
      expect(result.dataset.version).toBe('fixture-1');
    }
  });

  it('locates a schema problem as file → record id → field', () => {
    const raw = rawFixture();
    list(raw, 'outcomes')[1]!.value = 140;
    const result = validateDataset(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual([
        {
          file: 'outcomes.json',
          record: 'feder-2021-response-midazolam-wk2',
          field: 'value',
          message: 'a percentage must lie between 0 and 100',
        },
      ]);
      expect(formatIssue(result.issues[0]!)).toBe(
        'outcomes.json → feder-2021-response-midazolam-wk2 → value: a percentage must lie between 0 and 100',
      );
    }
  });

  it('names an unknown field', () => {
    const raw = rawFixture();
    list(raw, 'sources')[0]!.colour = 'blue';
    const result = validateDataset(raw);
    expect(!result.ok && result.issues[0]?.message).toBe('unknown field "colour"');
  });

  it('uses the position when a record has no id', () => {
    const raw = rawFixture();
    delete list(raw, 'treatments')[1]!.id;
    const result = validateDataset(raw);
    expect(!result.ok && result.issues[0]).toMatchObject({ file: 'treatments.json', record: '#2', field: 'id' });
  });

  it.each([
    ['outcomes', 'sourceId', 'no-such-source', 'source'],
    ['outcomes', 'treatmentId', 'no-such-treatment', 'treatment'],
    ['outcomes', 'comparatorId', 'no-such-control', 'treatment'],
    ['claims', 'treatmentId', 'no-such-treatment', 'treatment'],
  ] as const)('names a dangling %s.%s', (collection, field, id, what) => {
    const raw = rawFixture();
    list(raw, collection)[0]![field] = id;
    const result = validateDataset(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContainEqual(
        expect.objectContaining({
          file: `${collection}.json`,
          field,
          message: `refers to ${what} "${id}", which does not exist`,
        }),
      );
    }
  });

  it('names a dangling claim evidence id', () => {
    const raw = rawFixture();
    (list(raw, 'claims')[0]!.evidence as string[]).push('ghost-outcome');
    const result = validateDataset(raw);
    expect(!result.ok && result.issues).toContainEqual(
      expect.objectContaining({
        record: 'example-clinic-blog-seventy-percent',
        field: 'evidence.2',
        message: expect.stringContaining('"ghost-outcome"'),
      }),
    );
  });

  it("names a dangling or blog source among a claim's cited sources", () => {
    const raw = rawFixture();
    list(raw, 'claims')[0]!.evidenceSources = ['feder-2021', 'ghost-2020', 'example-clinic-blog'];
    const result = validateDataset(raw);
    expect(!result.ok && result.issues).toEqual([
      expect.objectContaining({ field: 'evidenceSources.1', message: expect.stringContaining('"ghost-2020"') }),
      expect.objectContaining({ field: 'evidenceSources.2', message: expect.stringContaining('another blog') }),
    ]);
  });

  it('rejects duplicate ids', () => {
    const raw = rawFixture();
    const outcomes = list(raw, 'outcomes');
    outcomes.push({ ...outcomes[0]! });
    const result = validateDataset(raw);
    expect(!result.ok && result.issues).toContainEqual(
      expect.objectContaining({
        file: 'outcomes.json',
        record: 'feder-2021-response-ketamine-wk2',
        message: expect.stringContaining('more than once'),
      }),
    );
  });

  it('keeps blog statements out of the outcomes', () => {
    const raw = rawFixture();
    list(raw, 'outcomes')[2]!.sourceId = 'example-clinic-blog';
    const result = validateDataset(raw);
    expect(!result.ok && result.issues[0]?.message).toContain('belong in claims.json');
  });

  it('requires a claim to come from a clinic blog', () => {
    const raw = rawFixture();
    list(raw, 'claims')[0]!.sourceId = 'feder-2021';
    const result = validateDataset(raw);
    expect(!result.ok && result.issues[0]?.message).toContain('is not a clinic-blog');
  });

  it('requires all four files to share one version', () => {
    const raw = rawFixture();
    raw.claims.version = 'fixture-2';
    const result = validateDataset(raw);
    expect(!result.ok && result.issues[0]).toMatchObject({ file: 'claims.json', field: 'version' });
  });

  it('reports a file that is not the expected shape', () => {
    const raw = rawFixture();
    (raw as Record<string, unknown>).outcomes = [];
    const result = validateDataset(raw);
    expect(!result.ok && result.issues[0]?.file).toBe('outcomes.json');
  });
});
