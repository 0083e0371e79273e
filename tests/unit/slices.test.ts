import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedDataset } from '../../src/data/check';
import { buildStore, buildStoreInSlices } from '../../src/data/normalize';
import { forEachInSlices } from '../../src/lib/slices';

afterEach(() => vi.restoreAllMocks());

/** A clock that moves 1 ms each time it is read: forEachInSlices reads it once per item, so an item "takes" 1 ms. */
function tickingClock() {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now++);
}

describe('forEachInSlices', () => {
  it('hands the thread back whenever a slice has run its time, and visits every item once, in order', async () => {
    tickingClock();
    const seen: number[] = [];
    const yieldsAfter: number[] = [];
    await forEachInSlices(
      [...Array(23).keys()],
      (i) => seen.push(i),
      async () => void yieldsAfter.push(seen.length),
    );
    expect(seen).toEqual([...Array(23).keys()]);
    // A 5 ms slice, 1 ms per item: a yield after every sixth item at most.
    expect(yieldsAfter.length).toBeGreaterThanOrEqual(3);
    const marks = [0, ...yieldsAfter, seen.length];
    const runs = marks.slice(1).map((n, i) => n - marks[i]!);
    expect(Math.max(...runs)).toBeLessThanOrEqual(6);
  });
});

describe('buildStoreInSlices', () => {
  // Four short lists: each shorter than a slice, together several slices long.
  const record = (kind: string, i: number) => ({ id: `${kind}-${i}`, sourceId: `source-${i % 3}` });
  const dataset = () =>
    ({
      version: 'v',
      reviewed: '2026-01-01',
      sources: [...Array(4)].map((_, i) => record('source', i)),
      treatments: [...Array(4)].map((_, i) => record('treatment', i)),
      outcomes: [...Array(4)].map((_, i) => record('outcome', i)),
      claims: [...Array(4)].map((_, i) => record('claim', i)),
    }) as unknown as ParsedDataset;

  it('shares its slices across the four lists, so no stretch of freezing outlasts a slice', async () => {
    const data = dataset();
    const all = [data.sources, data.treatments, data.outcomes, data.claims].flat() as object[];
    tickingClock();
    const frozenAtYield: number[] = [];
    const store = await buildStoreInSlices(
      data,
      async () => void frozenAtYield.push(all.filter(Object.isFrozen).length),
    );
    expect(all.every(Object.isFrozen)).toBe(true);
    // The stretches of freezing between yields, the last one (up to the end) included.
    const marks = [0, ...frozenAtYield, all.length];
    const runs = marks.slice(1).map((n, i) => n - marks[i]!);
    expect(Math.max(...runs)).toBeLessThanOrEqual(6);
    vi.restoreAllMocks();
    expect(store).toEqual(buildStore(dataset()));
  });
});
