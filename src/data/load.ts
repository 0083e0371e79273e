import type { DataIssue } from './check';
import type { CheckedTexts } from './check-texts';
import { COLLECTIONS, DATA_FILE_NAMES, type DatasetTexts } from './files';
import { buildStoreInSlices, type Store } from './normalize';

export type FetchFailure = { file: string; message: string };

export type LoadResult =
  | {
      status: 'ready';
      store: Store;
      /** Of the files' text (datasetFingerprint); absent for a store made in tests. */ fingerprint?: string;
    }
  | { status: 'invalid'; issues: DataIssue[] }
  | { status: 'fetch-failed'; failures: FetchFailure[] };

/** Turns the four files' text into a checked dataset; in a worker on the page, directly in tests and the build. */
export type Checker = (texts: DatasetTexts) => Promise<CheckedTexts>;

/** The check on the calling thread; the validator (zod and the schema) loads only when it is needed. */
export const checkOnPage: Checker = (texts) => import('./check-texts').then((m) => m.checkTexts(texts));

/** Lets the page paint and answer input before the next step of loading (a new task). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Fetched = { ok: true; text: string } | { ok: false; failure: FetchFailure };

async function fetchText(fetchImpl: typeof fetch, base: string, file: string): Promise<Fetched> {
  const url = new URL(`data/${file}`, base).toString();
  let response: Response;
  try {
    // Default cache mode, so the <link rel="preload"> in index.html is used; the host marks data/ "no-cache",
    // so a replaced file is still fetched anew.
    response = await fetchImpl(url);
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
  try {
    return { ok: true, text: await response.text() };
  } catch (error) {
    return {
      ok: false,
      failure: {
        file,
        message: `was cut off while loading (${error instanceof Error ? error.message : String(error)})`,
      },
    };
  }
}

/**
 * Fetches data/*.json relative to the page, so a replaced dataset needs no rebuild, then checks all four files as
 * one. Never yields partial data.
 */
export async function loadDataset(
  base: string,
  fetchImpl: typeof fetch = fetch,
  check: Checker = checkOnPage,
): Promise<LoadResult> {
  const fetched = await Promise.all(COLLECTIONS.map((name) => fetchText(fetchImpl, base, DATA_FILE_NAMES[name])));
  const failures = fetched.flatMap((f) => (f.ok ? [] : [f.failure]));
  if (failures.length > 0) return { status: 'fetch-failed', failures };
  const texts = Object.fromEntries(
    COLLECTIONS.map((name, i) => [name, (fetched[i] as { text: string }).text]),
  ) as DatasetTexts;
  const checked = await check(texts);
  if (checked.status !== 'ready') return checked;
  await nextTask();
  return {
    status: 'ready',
    store: await buildStoreInSlices(checked.dataset, nextTask),
    fingerprint: checked.fingerprint,
  };
}
