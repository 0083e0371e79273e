// npm run validate:data [-- <folder> …] — the app's own schema and reference checks, run from the
// command line on data/ or on each folder given. Exits 1 when any folder fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, formatIssue, validateDataset, type DataIssue, type ValidationResult } from '../src/data/check';
import { DATA_FILES, type CollectionName } from '../src/data/schema';

/** The longest issue line printed; a megabyte-long value in the data stays readable. */
const MAX_LINE = 500;

function validateFolder(dir: string): ValidationResult {
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
  return readIssues.length
    ? { ok: false, issues: readIssues }
    : validateDataset(raw as Record<CollectionName, unknown>);
}

const clip = (line: string) =>
  line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length.toLocaleString('en')} characters)` : line;

const dirs = process.argv.slice(2).filter((arg) => arg !== '--');
let failed = 0;
for (const dir of dirs.length ? dirs : ['data']) {
  const result = validateFolder(dir);
  if (!result.ok) {
    failed += 1;
    console.error(`✗ ${dir}/: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`);
    for (const issue of result.issues) console.error(`  ${clip(formatIssue(issue))}`);
    continue;
  }
  const d = result.dataset;
  console.log(
    `✓ ${dir}/ is valid (version ${d.version}, reviewed ${d.reviewed}): ${d.sources.length} sources, ${d.treatments.length} treatments, ${d.outcomes.length} outcomes, ${d.claims.length} claims`,
  );
}
if (failed > 0) process.exit(1);
