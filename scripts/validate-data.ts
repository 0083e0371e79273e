// npm run validate:data — the app's own schema and reference checks, run on data/ from the command line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, formatIssue, validateDataset, type DataIssue } from '../src/data/check';
import { DATA_FILES, type CollectionName } from '../src/data/schema';

const dir = process.argv[2] ?? 'data';
const raw: Partial<Record<CollectionName, unknown>> = {};
const readIssues: DataIssue[] = [];
for (const name of COLLECTIONS) {
  const file = DATA_FILES[name].file;
  try {
    raw[name] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    readIssues.push({
      file,
      message:
        error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${String(error)})`,
    });
  }
}
const result = readIssues.length
  ? { ok: false as const, issues: readIssues }
  : validateDataset(raw as Record<CollectionName, unknown>);
if (!result.ok) {
  console.error(`✗ ${dir}/: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`);
  for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
const d = result.dataset;
console.log(
  `✓ ${dir}/ is valid (version ${d.version}, reviewed ${d.reviewed}): ${d.sources.length} sources, ${d.treatments.length} treatments, ${d.outcomes.length} outcomes, ${d.claims.length} claims`,
);
