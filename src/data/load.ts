import { COLLECTIONS, validateDataset, type DataIssue } from './check';
import { buildStore, type Store } from './normalize';
import { DATA_FILES, type CollectionName } from './schema';

export type FetchFailure = { file: string; message: string };

export type LoadResult =
  | { status: 'ready'; store: Store }
  | { status: 'invalid'; issues: DataIssue[] }
  | { status: 'fetch-failed'; failures: FetchFailure[] };

type Fetched = { ok: true; json: unknown } | { ok: false; failure?: FetchFailure; issue?: DataIssue };

async function fetchJson(fetchImpl: typeof fetch, base: string, file: string): Promise<Fetched> {
  const url = new URL(`data/${file}`, base).toString();
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-cache' });
  } catch (error) {
    return {
      ok: false,
      failure: { file, message: `could not be fetched (${error instanceof Error ? error.message : String(error)})` },
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      failure: { file, message: `the server answered ${response.status} ${response.statusText}`.trim() },
    };
  }
  const body = await response.text();
  try {
    return { ok: true, json: JSON.parse(body) as unknown };
  } catch (error) {
    return {
      ok: false,
      issue: { file, message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` },
    };
  }
}

/**
 * Fetches data/*.json relative to the page, so a replaced dataset needs no
 * rebuild, then validates all four files as one. Never yields partial data.
 */
export async function loadDataset(base: string, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  const fetched = await Promise.all(COLLECTIONS.map((name) => fetchJson(fetchImpl, base, DATA_FILES[name].file)));
  const failures = fetched.flatMap((f) => (!f.ok && f.failure ? [f.failure] : []));
  if (failures.length > 0) return { status: 'fetch-failed', failures };
  const jsonIssues = fetched.flatMap((f) => (!f.ok && f.issue ? [f.issue] : []));
  if (jsonIssues.length > 0) return { status: 'invalid', issues: jsonIssues };

  const raw = Object.fromEntries(
    COLLECTIONS.map((name, i) => [name, (fetched[i] as { json: unknown }).json]),
  ) as Record<CollectionName, unknown>;
  const result = validateDataset(raw);
  return result.ok
    ? { status: 'ready', store: buildStore(result.dataset) }
    : { status: 'invalid', issues: result.issues };
}
