import workerUrl from './check.worker.ts?worker&url';
import type { ParsedDataset } from './check';
import type { CollectionName } from './files';
import { readOnPage, type Reader } from './load';
import type { ReadRequest, WorkerMessage } from './worker-protocol';

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

type Spawned = { worker: Worker; failed: boolean; onFail?: () => void };

/** Starts a worker; a failure (its script cannot load, or it throws) is remembered and reported once. */
function spawn(): Spawned | null {
  let worker: Worker;
  try {
    worker = new Worker(workerScriptUrl() as string);
  } catch {
    return null;
  }
  const spawned: Spawned = { worker, failed: false };
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    spawned.failed = true;
    spawned.onFail?.();
  };
  return spawned;
}

let warm: Spawned | null = null;

/** Starts the worker ahead of the read, so its script loads while React and the app do. */
export function warmChecker(): void {
  if (typeof Worker !== 'undefined' && !warm) warm = spawn();
}

/**
 * Reads the dataset (fetch and check) in a worker: the one warmChecker started, or a new one. If a worker cannot
 * start (no Worker, a stricter host policy, a failed script) or fails, the same read runs on the page instead:
 * slower to paint, never a different answer.
 */
export const readInWorker: Reader = (base) => {
  const onPage = readOnPage();
  if (typeof Worker === 'undefined') return onPage(base);
  const spawned = warm ?? spawn();
  warm = null;
  if (!spawned || spawned.failed) return onPage(base);
  const { worker } = spawned;
  return new Promise((resolve, reject) => {
    spawned.onFail = () => onPage(base).then(resolve, reject);
    const received: Record<CollectionName, unknown[]> = { sources: [], treatments: [], outcomes: [], claims: [] };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'records') {
        received[message.collection].push(...message.records);
        return;
      }
      worker.terminate();
      const { summary } = message;
      if (summary.status !== 'ready') {
        resolve(summary);
        return;
      }
      const { version, reviewed, fingerprint } = summary;
      resolve({ status: 'ready', dataset: { version, reviewed, ...received } as ParsedDataset, fingerprint });
    };
    worker.postMessage({ base } satisfies ReadRequest);
  });
};
