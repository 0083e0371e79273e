import type { Outcome } from '../data/schema';

/**
 * Wilson score interval for a proportion, in percent. Used when a source gives
 * counts (events of n) but no interval, so the app never invents one.
 * z = 1.959964 gives the 95% interval.
 */
export function wilsonInterval(events: number, n: number, z = 1.959964): { low: number; high: number } | null {
  if (!Number.isFinite(events) || !Number.isFinite(n) || n <= 0 || events < 0 || events > n) return null;
  const p = events / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

const DAYS_PER_UNIT = {
  minutes: 1 / 1440,
  hours: 1 / 24,
  days: 1,
  weeks: 7,
  months: 365.25 / 12,
  years: 365.25,
} as const;

/** Converts a time to days so onset and duration figures can share one axis; sessions have no calendar length. */
export function toDays(value: number, unit: string): number | null {
  return unit in DAYS_PER_UNIT ? value * DAYS_PER_UNIT[unit as keyof typeof DAYS_PER_UNIT] : null;
}

/** The bounds shown beside a value: the source's own interval, else Wilson from counts. */
export function intervalOf(
  o: Pick<Outcome, 'low' | 'high' | 'interval' | 'events' | 'n' | 'unit'>,
): { low: number; high: number; label: string; computed: boolean } | null {
  if (o.low !== undefined && o.high !== undefined) {
    return { low: o.low, high: o.high, label: o.interval ?? 'range', computed: false };
  }
  if (o.unit === '%' && o.events !== undefined && o.n !== undefined) {
    const w = wilsonInterval(o.events, o.n);
    if (w) return { ...w, label: 'Wilson 95% CI from counts', computed: true };
  }
  return null;
}
