// npm run import:metapsy — regenerates the Metapsy-derived records in data/*.json from the
// vendored snapshot in data/external/metapsy-ptsd-psyctr/. Curated records are left as they are;
// running it twice gives byte-identical files. See data/README.md, "Records from databases".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, formatIssue, validateDataset } from '../src/data/check';
import { DATA_FILES, type CollectionName } from '../src/data/schema';
import { buildMetapsyImport, serialize, type ImportInput } from './metapsy/build';
import { SNAPSHOT_DIR } from './metapsy/constants';

const dataDir = process.argv[2] ?? 'data';
const read = (path: string) => readFileSync(path, 'utf8');
const readData = (name: CollectionName): unknown => JSON.parse(read(join(dataDir, DATA_FILES[name].file)));

const input: ImportInput = {
  csv: read(join(SNAPSHOT_DIR, 'data.csv')),
  references: read(join(SNAPSHOT_DIR, 'references.json')),
  sources: readData('sources') as ImportInput['sources'],
  treatments: readData('treatments') as ImportInput['treatments'],
  outcomes: readData('outcomes') as ImportInput['outcomes'],
};
const result = buildMetapsyImport(input);

// Nothing is written unless the whole dataset, claims included, still passes every check.
const raw = Object.fromEntries(
  COLLECTIONS.map((name) => [name, name === 'claims' ? readData('claims') : result[name]]),
) as Record<CollectionName, unknown>;
const check = validateDataset(raw);
if (!check.ok) {
  console.error(`✗ the imported dataset would not be valid (${check.issues.length} problems); nothing written`);
  for (const issue of check.issues.slice(0, 40)) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}

const changed: string[] = [];
for (const name of ['sources', 'treatments', 'outcomes'] as const) {
  const path = join(dataDir, DATA_FILES[name].file);
  const text = serialize(result[name]);
  if (text !== read(path)) {
    writeFileSync(path, text);
    changed.push(DATA_FILES[name].file);
  }
}

const s = result.summary;
const lines = [
  `Metapsy PTSD import: ${s.trials} trials, ${s.comparisons} comparisons, ${s.rows} rows`,
  `  sources created: ${s.sourcesCreated}; merged with curated: ${s.merged.length}`,
  ...s.merged.map((m) => `    "${m.study}" → ${m.sourceId} (by ${m.by})`),
  `  treatments created: ${s.treatmentsCreated.length} (${s.treatmentsCreated.join(', ')})`,
  `  curated treatments reused: ${s.treatmentsReused.length} (${s.treatmentsReused.join(', ')})`,
  `  outcomes: ${Object.entries(s.outcomesByMetric)
    .map(([metric, n]) => `${metric} ${n}`)
    .join(', ')}`,
  `  skipped: ${s.skipped.length}`,
  ...s.skipped.map((k) => `    row ${k.row} (${k.study}), ${k.what}: ${k.reason}`),
  changed.length ? `  wrote ${changed.join(', ')}` : '  no file changed',
];
console.log(lines.join('\n'));
