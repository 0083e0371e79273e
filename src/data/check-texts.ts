import { validateDataset, type DataIssue, type ParsedDataset } from './check';
import { COLLECTIONS, DATA_FILE_NAMES, datasetFingerprint, type DatasetTexts } from './files';
import type { FetchFailure, Read } from './load';

/** The four files' text checked as one: JSON first, then the contract (schema and cross-file references). */
export type CheckedTexts =
  { status: 'ready'; dataset: ParsedDataset; fingerprint: string } | { status: 'invalid'; issues: DataIssue[] };

/** The validation worker's verdict, sent after the records themselves (src/data/worker-protocol.ts). */
export type CheckSummary =
  | { status: 'ready'; fingerprint: string; version: string; reviewed: string }
  | { status: 'invalid'; issues: DataIssue[] }
  | { status: 'fetch-failed'; failures: FetchFailure[] };

/** Runs in the validation worker, or on the page where workers are unavailable; the result is the same. */
export function checkTexts(texts: DatasetTexts): CheckedTexts {
  const raw: Partial<Record<keyof DatasetTexts, unknown>> = {};
  const issues: DataIssue[] = [];
  for (const name of COLLECTIONS) {
    try {
      raw[name] = JSON.parse(texts[name]) as unknown;
    } catch (error) {
      issues.push({
        file: DATA_FILE_NAMES[name],
        message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  if (issues.length > 0) return { status: 'invalid', issues };
  const result = validateDataset(raw as Record<keyof DatasetTexts, unknown>);
  return result.ok
    ? { status: 'ready', dataset: result.dataset, fingerprint: datasetFingerprint(texts) }
    : { status: 'invalid', issues: result.issues };
}

export function summarize(checked: Read): CheckSummary {
  if (checked.status !== 'ready') return checked;
  const { version, reviewed } = checked.dataset;
  return { status: 'ready', fingerprint: checked.fingerprint, version, reviewed };
}
