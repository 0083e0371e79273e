import type { CheckSummary } from './check-texts';
import type { CollectionName } from './files';

/**
 * Records per message from the validation worker: small enough that taking one in (structured clone) is a task of
 * a few milliseconds on a slow phone, so loading never blocks input.
 */
export const RECORDS_PER_MESSAGE = 100;

export type WorkerMessage =
  { kind: 'records'; collection: CollectionName; records: unknown[] } | { kind: 'done'; summary: CheckSummary };
