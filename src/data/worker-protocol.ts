import type { CheckSummary } from './check-texts';
import type { CollectionName } from './files';

/**
 * Records per message from the validation worker: small enough that taking one in (structured clone) is a task of
 * a few milliseconds on a slow phone, so loading never blocks input.
 */
export const RECORDS_PER_MESSAGE = 100;

/** What the page asks of the worker: the address the data files are relative to (the page's). */
export type ReadRequest = { base: string };

export type WorkerMessage =
  { kind: 'records'; collection: CollectionName; records: unknown[] } | { kind: 'done'; summary: CheckSummary };
