import { describe, expect, it } from 'vitest';
import { toDays, wilsonInterval } from '../../src/lib/stats';

describe('wilsonInterval', () => {
  it('matches the textbook value for 10 of 15', () => {
    // 10/15: Wilson 95% interval 41.7% to 84.8% (Newcombe 1998 method 3)
    const w = wilsonInterval(10, 15);
    expect(w?.low).toBeCloseTo(41.71, 1);
    expect(w?.high).toBeCloseTo(84.82, 1);
  });
  it('stays inside 0–100 at the edges', () => {
    expect(wilsonInterval(0, 15)?.low).toBe(0);
    expect(wilsonInterval(15, 15)?.high).toBe(100);
    expect(wilsonInterval(0, 15)?.high).toBeGreaterThan(0);
  });
  it('refuses impossible counts', () => {
    expect(wilsonInterval(5, 0)).toBeNull();
    expect(wilsonInterval(6, 5)).toBeNull();
    expect(wilsonInterval(-1, 5)).toBeNull();
  });
});

describe('toDays', () => {
  it('converts calendar units and refuses sessions', () => {
    expect(toDays(24, 'hours')).toBe(1);
    expect(toDays(2, 'weeks')).toBe(14);
    expect(toDays(1, 'years')).toBeCloseTo(365.25);
    expect(toDays(4, 'sessions')).toBeNull();
  });
});
