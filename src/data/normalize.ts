import type { ParsedDataset } from './check';
import type { Claim, Outcome, Source, Treatment } from './schema';
import { forEachInSlices } from '../lib/slices';

/**
 * The validated dataset as every view reads it: frozen (views cannot mutate a
 * record another view shows) and indexed by id and by source.
 */
export type Store = Readonly<{
  version: string;
  reviewed: string;
  sources: readonly Source[];
  treatments: readonly Treatment[];
  outcomes: readonly Outcome[];
  claims: readonly Claim[];
  sourceById: ReadonlyMap<string, Source>;
  treatmentById: ReadonlyMap<string, Treatment>;
  outcomeById: ReadonlyMap<string, Outcome>;
  claimById: ReadonlyMap<string, Claim>;
  outcomesBySource: ReadonlyMap<string, readonly Outcome[]>;
  claimsBySource: ReadonlyMap<string, readonly Claim[]>;
}>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  for (const list of map.values()) Object.freeze(list);
  return map;
}

const byId = <T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> =>
  new Map(items.map((item) => [item.id, item]));

/** Build the store from a dataset that has passed validateDataset. */
export function buildStore(dataset: ParsedDataset): Store {
  return indexStore(deepFreeze(dataset));
}

/**
 * The same store, frozen in slices of about 5 ms each, so that building it on a slow phone never blocks input
 * (the page's boot path; tests and the build use buildStore). The four lists share one run of slices (a list
 * that ends mid-slice does not start a fresh one), and the indexes are built in a task of their own.
 */
export async function buildStoreInSlices(dataset: ParsedDataset, nextTask: () => Promise<void>): Promise<Store> {
  const lists = [dataset.sources, dataset.treatments, dataset.outcomes, dataset.claims];
  await forEachInSlices<object>(lists.flat(), deepFreeze, nextTask);
  for (const list of lists) Object.freeze(list);
  await nextTask();
  return indexStore(Object.freeze(dataset));
}

function indexStore(data: ParsedDataset): Store {
  return Object.freeze({
    version: data.version,
    reviewed: data.reviewed,
    sources: data.sources,
    treatments: data.treatments,
    outcomes: data.outcomes,
    claims: data.claims,
    sourceById: byId(data.sources),
    treatmentById: byId(data.treatments),
    outcomeById: byId(data.outcomes),
    claimById: byId(data.claims),
    outcomesBySource: groupBy(data.outcomes, (o) => o.sourceId),
    claimsBySource: groupBy(data.claims, (c) => c.sourceId),
  });
}
