import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/data/schema';
import { data, outcomeById, sourceById } from './real-dataset';

/** Every number written in a text, as absolute values ("−0.30" and "0.3" are the same number). */
function numbersIn(text: string): number[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** The numbers a claim's rationale may use: the claim's own, and those in the records it cites. */
function citedNumbers(c: Claim): Set<number> {
  const found = new Set<number>();
  const add = (value: unknown) => {
    if (typeof value === 'number') found.add(Math.abs(value));
    else if (typeof value === 'string') numbersIn(value).forEach((n) => found.add(n));
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  add({ value: c.value, low: c.low, high: c.high, quoted: c.quotedNumbers, statement: c.statement });
  const sources = new Set(c.evidenceSources ?? []);
  for (const id of c.evidence) {
    const o = outcomeById.get(id);
    add(o);
    if (o) sources.add(o.sourceId);
  }
  for (const id of sources) add(sourceById.get(id));
  return found;
}

describe('claims on the real dataset', () => {
  it('asserts no number in a rationale that its cited outcomes and sources do not hold', () => {
    const problems: string[] = [];
    for (const c of data.claims) {
      const allowed = citedNumbers(c);
      const missing = numbersIn(c.rationale).filter((n) => !allowed.has(n));
      if (missing.length) problems.push(`${c.id}: ${[...new Set(missing)].join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('notices a number that nothing cited holds (the check itself)', () => {
    const claim = data.claims.find((c) => c.id === 'unattributed-ketamine-blog-pilot-27-participants');
    expect(claim).toBeDefined();
    const allowed = citedNumbers({ ...claim!, evidenceSources: undefined });
    // Duek 2023's arm sizes live only in its source record, which the claim cites through evidenceSources.
    expect(allowed.has(14)).toBe(false);
    expect(citedNumbers(claim!).has(14)).toBe(true);
  });

  it('gives every claim something to be checked against, unless it is unsupported', () => {
    const bare = data.claims.filter((c) => c.evidence.length === 0 && !c.evidenceSources?.length);
    expect(bare.filter((c) => c.verdict !== 'unsupported').map((c) => c.id)).toEqual([]);
    // The three claims that once cited nothing now point at the studies their rationale names.
    for (const id of [
      'soul-care-sanctuary-blog-fifty-percent-greater-with-psychotherapy',
      'ketamine-relief-blog-psychotherapy-enhances-outcomes',
      'unattributed-ketamine-blog-pilot-psychotherapy-combination',
    ]) {
      expect(data.claims.find((c) => c.id === id)?.evidenceSources?.length, id).toBeGreaterThan(0);
    }
  });
});
