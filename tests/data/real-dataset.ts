import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, validateDataset, type ParsedDataset } from '../../src/data/check';
import { DATA_FILES, type CollectionName } from '../../src/data/schema';

/** The real files in data/, read and validated once for the data tests. */
export const raw = Object.fromEntries(
  COLLECTIONS.map((name) => [name, JSON.parse(readFileSync(join('data', DATA_FILES[name].file), 'utf8')) as unknown]),
) as Record<CollectionName, unknown>;
export const result = validateDataset(raw);
export const data: ParsedDataset = result.ok
  ? result.dataset
  : { version: '', reviewed: '', sources: [], treatments: [], outcomes: [], claims: [] };
export const sourceById = new Map(data.sources.map((s) => [s.id, s]));
export const treatmentById = new Map(data.treatments.map((t) => [t.id, t]));
export const outcomeById = new Map(data.outcomes.map((o) => [o.id, o]));
