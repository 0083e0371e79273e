import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMetapsyImport, type ImportInput, serialize } from '../../scripts/metapsy/build';
import { SNAPSHOT_DIR } from '../../scripts/metapsy/constants';

const read = (path: string) => readFileSync(path, 'utf8');

describe('the committed data files and the Metapsy import', () => {
  it('match byte for byte, so no generated record is edited by hand (rerun npm run import:metapsy)', () => {
    const json = (file: string) => JSON.parse(read(join('data', file))) as never;
    const input: ImportInput = {
      csv: read(join(SNAPSHOT_DIR, 'data.csv')),
      references: read(join(SNAPSHOT_DIR, 'references.json')),
      sources: json('sources.json'),
      treatments: json('treatments.json'),
      outcomes: json('outcomes.json'),
    };
    const result = buildMetapsyImport(input);
    for (const name of ['sources', 'treatments', 'outcomes'] as const) {
      const file = `${name}.json`;
      expect(serialize(result[name]) === read(join('data', file)), `${file} differs from the import`).toBe(true);
    }
  });
});
