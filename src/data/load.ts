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

/**
 * The four files fetched and checked as one; read in a worker on the page (src/data/check-in-worker.ts), directly
 * in tests and the build. Never partial: the checked dataset, the located issues, or what could not be fetched.
 */
export type Read = CheckedTexts | { status: 'fetch-failed'; failures: FetchFailure[] };
export type Reader = (base: string) => Promise<Read>;

/** Lets the page paint and answer input before the next step of loading (a new task). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Fetched = { ok: true; text: string } | { ok: false; failure: FetchFailure };

async function fetchText(fetchImpl: typeof fetch, base: string, file: string): Promise<Fetched> {
  const url = new URL(`data/${file}`, base).toString();
  let response: Response;
  try {
    // Default cache mode: the host marks data/ "no-cache", so a replaced file is fetched anew.
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
 * Fetches data/*.json relative to `base` (the page's address), so a replaced dataset needs no rebuild, then checks
 * all four files as one with `check`. Runs in the validation worker, or on the page where no worker can start.
 */
export async function readDataset(
  base: string,
  fetchImpl: typeof fetch,
  check: (texts: DatasetTexts) => CheckedTexts | Promise<CheckedTexts>,
): Promise<Read> {
  // Each request is started in a task of its own: on the page, starting one costs a few milliseconds.
  const requests: Promise<Fetched>[] = [];
  for (const name of COLLECTIONS) {
    if (requests.length > 0) await nextTask();
    requests.push(fetchText(fetchImpl, base, DATA_FILE_NAMES[name]));
  }
  const fetched = await Promise.all(requests);
  const failures = fetched.flatMap((f) => (f.ok ? [] : [f.failure]));
  if (failures.length > 0) return { status: 'fetch-failed', failures };
  const texts = Object.fromEntries(
    COLLECTIONS.map((name, i) => [name, (fetched[i] as { text: string }).text]),
  ) as DatasetTexts;
  return check(texts);
}

/** Fetches and checks on the calling thread; the validator (zod and the schema) loads only when it is needed. */
export const readOnPage =
  (fetchImpl: typeof fetch = fetch): Reader =>
  (base) =>
    readDataset(base, fetchImpl, (texts) => import('./check-texts').then((m) => m.checkTexts(texts)));

/** Reads the dataset (on the page unless another reader is given) and builds the store. Never yields partial data. */
export async function loadDataset(
  base: string,
  fetchImpl: typeof fetch = fetch,
  read: Reader = readOnPage(fetchImpl),
): Promise<LoadResult> {
  const checked = await read(base);
  if (checked.status !== 'ready') return checked;
  await nextTask();
  return {
    status: 'ready',
    store: await buildStoreInSlices(checked.dataset, nextTask),
    fingerprint: checked.fingerprint,
  };
}
