import workerUrl from './check.worker.ts?worker&url';
import type { ParsedDataset } from './check';
import type { CheckSummary, CheckedTexts } from './check-texts';
import { COLLECTIONS, type DatasetTexts } from './files';
import { checkOnPage, nextTask } from './load';

type ScriptUrlPolicy = { createScriptURL(url: string): unknown };
type TrustedTypesApi = {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
};

let policy: ScriptUrlPolicy | null | undefined;

/**
 * The page's Content-Security-Policy requires Trusted Types for script URLs and allows one policy,
 * "dataset-worker", which lets through only a same-origin script: the bundled worker.
 */
function workerScriptUrl(): string | unknown {
  const url = new URL(workerUrl, document.baseURI);
  const api = (globalThis as { trustedTypes?: TrustedTypesApi }).trustedTypes;
  if (!api) return url.href;
  policy ??= api.createPolicy('dataset-worker', {
    createScriptURL: (candidate) => {
      const parsed = new URL(candidate, document.baseURI);
      if (parsed.origin !== window.location.origin) throw new Error(`refused worker script ${parsed.href}`);
      return parsed.href;
    },
  });
  return policy.createScriptURL(url.href);
}

/** The records of files the worker passed: parsed here, one file per task, so no single task is long. */
async function parsePassed(
  texts: DatasetTexts,
  summary: Extract<CheckSummary, { status: 'ready' }>,
): Promise<CheckedTexts> {
  const dataset: Record<string, unknown> = { version: summary.version, reviewed: summary.reviewed };
  for (const name of COLLECTIONS) {
    await nextTask();
    dataset[name] = (JSON.parse(texts[name]) as Record<string, unknown>)[name];
  }
  return { status: 'ready', dataset: dataset as ParsedDataset, fingerprint: summary.fingerprint };
}

/**
 * Checks the dataset in a worker. If a worker cannot start (no Worker, a stricter host policy, a failed script),
 * the same check runs on the page instead: slower to paint, never a different answer.
 */
export function checkInWorker(texts: DatasetTexts): Promise<CheckedTexts> {
  if (typeof Worker === 'undefined') return checkOnPage(texts);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerScriptUrl() as string);
    } catch {
      checkOnPage(texts).then(resolve, reject);
      return;
    }
    worker.onmessage = (event: MessageEvent<CheckSummary>) => {
      worker.terminate();
      const summary = event.data;
      if (summary.status === 'invalid') resolve(summary);
      else parsePassed(texts, summary).then(resolve, reject);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      checkOnPage(texts).then(resolve, reject);
    };
    worker.postMessage(texts);
  });
}
