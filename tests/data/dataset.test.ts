import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, formatIssue, validateDataset } from '../../src/data/check';
import { DATA_FILES, type CollectionName } from '../../src/data/schema';

const raw = Object.fromEntries(
  COLLECTIONS.map((name) => [name, JSON.parse(readFileSync(join('data', DATA_FILES[name].file), 'utf8')) as unknown]),
) as Record<CollectionName, unknown>;

describe('the real dataset in data/', () => {
  it('passes the schema and every reference check', () => {
    const result = validateDataset(raw);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });
});
