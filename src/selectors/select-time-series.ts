import type { Store } from '../data/normalize';
import type { Outcome } from '../data/schema';
import type { Bound, OnsetBasis } from '../data/vocabulary';
import { compareText, formatValue } from '../lib/format';
import { toDays } from '../lib/stats';
import type { Excluded } from './select-arm-pairs';
import { memoOn } from './memo';
import { OPTIONS, placeAll, type OptionId, type Placed } from './options';

/** The log time axis: 1 hour to 10 years, in days. Values outside it are listed, never clipped silently. */
export const TIME_DOMAIN_DAYS: readonly [number, number] = [1 / 24, 3652.5];
export const TIME_TICKS: readonly { days: number; label: string }[] = [
  { days: 1 / 24, label: '1 h' },
  { days: 1, label: '1 day' },
  { days: 7, label: '1 week' },
  { days: 365.25 / 12, label: '1 month' },
  { days: 365.25, label: '1 year' },
  { days: 5 * 365.25, label: '5 years' },
];

export type TimeMark = {
  /** The outcome record this mark draws. */
  id: string;
  kind: 'onset' | 'duration';
  /** For onsets: what the time is (first rating, first significant gap, a course length, guidance). */
  basis?: OnsetBasis;
  /** The point in days; null when only a range was printed. */
  days: number | null;
  lowDays?: number;
  highDays?: number;
  bound?: Bound;
  /** What the mark is, in words: "first measured: 24 hours · responders only". */
  label: string;
  /** The value as printed: "24 hours", "at most 2 weeks", "5–10 years". */
  valueText: string;
  placed: Placed;
};

export type TimeRow = { key: string; option: OptionId; treatmentName: string; marks: TimeMark[] };
export type TimeSeries = { rows: TimeRow[]; marks: TimeMark[]; excluded: Excluded[] };

const SHORT_BASIS: Record<OnsetBasis, string> = {
  'first-measured': 'better at the first rating',
  'first-significant': 'first better than control',
  'course-completed': 'course finished',
  'typical-reported': 'usual time, per guidance',
};

function describe(o: Outcome, kind: TimeMark['kind']): string {
  const what =
    kind === 'onset' && o.onsetBasis
      ? SHORT_BASIS[o.onsetBasis]
      : o.bound === 'at-most'
        ? 'benefit lasted at most'
        : o.bound === 'at-least'
          ? 'benefit lasted at least'
          : 'benefit still present';
  const who = o.subgroup ? ` · ${o.subgroup}` : '';
  return `${what}: ${formatValue(o)}${who}`;
}

function exclusion(p: Placed): string | null {
  const o = p.outcome;
  if (!p.ptsd) return 'not a PTSD population';
  if (o.domain !== 'ptsd') return `measures ${o.domain ?? 'something other than PTSD'}, not PTSD`;
  if (p.isControl) return 'a control arm (its treatment arm is shown)';
  if (o.unit === 'sessions') return 'counted in therapy sessions, which have no calendar length';
  const numbers = [o.value, o.low, o.high].filter((v): v is number => typeof v === 'number');
  if (numbers.some((v) => v <= 0)) return 'a zero or negative time cannot sit on a logarithmic axis';
  const days = numbers.map((v) => toDays(v, o.unit)).filter((v): v is number => v !== null);
  if (days.some((d) => d < TIME_DOMAIN_DAYS[0] || d > TIME_DOMAIN_DAYS[1]))
    return 'outside the 1 hour to 10 years axis';
  return null;
}

/**
 * Onset and duration figures on one log time axis, a row per regimen grouped by option.
 * Use for the time chart and the "How fast" / "How long" summary cells.
 */
export function selectTimeSeries(store: Store, outcomes: readonly Outcome[]): TimeSeries {
  return memoOn(store, outcomes, 'time', () => timeSeries(store, outcomes));
}

function timeSeries(store: Store, outcomes: readonly Outcome[]): TimeSeries {
  const excluded: Excluded[] = [];
  const marks: TimeMark[] = [];
  for (const p of placeAll(store, outcomes)) {
    const o = p.outcome;
    if (o.metric !== 'onset' && o.metric !== 'duration') continue;
    const reason = exclusion(p);
    if (reason) {
      excluded.push({ recordId: o.id, reason });
      continue;
    }
    const kind = o.metric;
    const days = o.value === null ? null : toDays(o.value, o.unit);
    const low = o.low === undefined ? undefined : toDays(o.low, o.unit);
    const high = o.high === undefined ? undefined : toDays(o.high, o.unit);
    marks.push({
      id: o.id,
      kind,
      ...(o.onsetBasis ? { basis: o.onsetBasis } : {}),
      days,
      ...(low !== undefined && low !== null ? { lowDays: low } : {}),
      ...(high !== undefined && high !== null ? { highDays: high } : {}),
      ...(o.bound ? { bound: o.bound } : {}),
      label: describe(o, kind),
      valueText: formatValue(o),
      placed: p,
    });
  }
  const rows = new Map<string, TimeRow>();
  for (const m of marks) {
    const key = `${m.placed.option}:${m.placed.treatment.id}`;
    const row = rows.get(key) ?? { key, option: m.placed.option, treatmentName: m.placed.treatment.name, marks: [] };
    row.marks.push(m);
    rows.set(key, row);
  }
  const ordered = [...rows.values()].sort(
    (a, b) => OPTIONS.indexOf(a.option) - OPTIONS.indexOf(b.option) || compareText(a.treatmentName, b.treatmentName),
  );
  return { rows: ordered, marks, excluded };
}

/**
 * The onset a summary should quote: the earliest measured one (first rating or first gap to
 * control), preferring a figure about the whole arm over one about a subgroup or single symptom.
 */
export function earliestOnset(marks: readonly TimeMark[]): TimeMark | undefined {
  const sorted = [...marks].filter((m) => m.kind === 'onset').sort((a, b) => markDays(a) - markDays(b));
  const measured = sorted.filter((m) => m.basis === 'first-measured' || m.basis === 'first-significant');
  return measured.find((m) => !m.placed.outcome.subgroup) ?? measured[0] ?? sorted[0];
}

/** A mark's position for sorting and summaries: the point, else the middle of its range. */
export function markDays(m: Pick<TimeMark, 'days' | 'lowDays' | 'highDays'>): number {
  return m.days ?? ((m.lowDays ?? 0) + (m.highDays ?? m.lowDays ?? 0)) / 2;
}
