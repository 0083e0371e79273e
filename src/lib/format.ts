import type { Outcome, Source, Timepoint } from '../data/schema';
import { EFFECT_UNITS, type Bound } from '../data/vocabulary';
import { intervalOf } from './stats';

/** How every view shows a value that the source did not report. */
export const MISSING = '—';

/**
 * A number as `Intl.NumberFormat('en', { maximumFractionDigits })` writes it ("1,234.5", "-0.25", "∞"), without
 * Intl: the browser's first number format loads its locale data, a main-thread pause of 50–500 ms measured in
 * Chromium here, on the page's first paint. Like Intl it rounds the shortest decimal that reads back as the same
 * number ("1.0005", not the binary 1.000499…), half away from zero (tests/unit/format.test.ts compares the two
 * over many values).
 */
export function formatDecimal(value: number, maximumFractionDigits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const size = Math.abs(value);
  if (size === Infinity) return `${sign}∞`;
  // size = 0.d1d2d3… × 10^point, from the shortest round-trip decimal ("1.0005", "1e-7", "1.5e+21").
  const [mantissa = '0', exponent = '0'] = String(size).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const all = whole + fraction;
  let digits = all.replace(/^0+/, '');
  let point = whole.length + Number(exponent) - (all.length - digits.length);
  const keep = point + maximumFractionDigits;
  if (keep < 0 || digits === '') {
    digits = '';
  } else if (digits.length > keep) {
    const roundUp = digits.charCodeAt(keep) >= 53; // '5'
    digits = digits.slice(0, keep);
    if (roundUp) {
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') i--;
      digits =
        i < 0
          ? `1${'0'.repeat(digits.length)}`
          : `${digits.slice(0, i)}${Number(digits[i]) + 1}${'0'.repeat(digits.length - i - 1)}`;
      if (i < 0) point += 1;
    }
  }
  const intPart = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
  const fracPart = (point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits)
    .slice(0, maximumFractionDigits)
    .replace(/0+$/, '');
  return `${sign}${intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fracPart ? `.${fracPart}` : ''}`;
}

/** Numbers to 3 decimals, percentages to 1, as everywhere in the app. */
const number = (value: number) => formatDecimal(value, 3);
const percent = (value: number) => formatDecimal(value, 1);

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING : number(value);
}

const SINGULAR: Record<string, string> = {
  hours: 'hour',
  days: 'day',
  weeks: 'week',
  months: 'month',
  years: 'year',
  sessions: 'session',
  minutes: 'minute',
  people: 'person',
  points: 'point',
};

/** "67%", "27.5 days", "−11.88 points", "g 0.27", "1 week". */
export function formatQuantity(value: number, unit: string): string {
  if (unit === '%') return `${percent(value)}%`;
  if ((EFFECT_UNITS as readonly string[]).includes(unit)) return `${unit} = ${number(value)}`;
  const word = value === 1 ? (SINGULAR[unit] ?? unit) : unit;
  return `${number(value)} ${word}`;
}

function formatBound(value: number, unit: string): string {
  return unit === '%' ? `${percent(value)}` : number(value);
}

const BOUND_WORDS: Record<Bound, { words: string; sign: string }> = {
  'at-most': { words: 'at most', sign: '≤' },
  'at-least': { words: 'at least', sign: '≥' },
};

/** Value with unit ("at most 2 weeks" for a printed limit), or the range alone when the source gave only a range. */
export function formatValue(
  o: Pick<Outcome, 'value' | 'unit' | 'low' | 'high'> & { bound?: Bound | undefined },
): string {
  if (o.value !== null && o.bound) {
    const { words, sign } = BOUND_WORDS[o.bound];
    return (EFFECT_UNITS as readonly string[]).includes(o.unit)
      ? `${o.unit} ${sign} ${number(o.value)}`
      : `${words} ${formatQuantity(o.value, o.unit)}`;
  }
  if (o.value !== null) return formatQuantity(o.value, o.unit);
  if (o.low !== undefined && o.high !== undefined) {
    const q = formatQuantity(o.high, o.unit);
    return `${formatBound(o.low, o.unit)}–${q}`;
  }
  return MISSING;
}

export function formatInterval(o: Parameters<typeof intervalOf>[0] & Pick<Outcome, 'value'>): string {
  if (o.value === null) return MISSING;
  const i = intervalOf(o);
  if (!i) return MISSING;
  return `${formatBound(i.low, o.unit)} to ${formatBound(i.high, o.unit)}${o.unit === '%' ? '%' : ''}, ${i.label}`;
}

export function formatTimepoint(t: Timepoint | undefined): string {
  if (!t) return MISSING;
  const parts: string[] = [];
  if (t.value !== undefined && t.unit) parts.push(formatQuantity(t.value, t.unit));
  if (t.from) parts.push(`after ${t.from}`);
  if (t.label) parts.push(parts.length ? `(${t.label})` : t.label);
  return parts.join(' ');
}

/**
 * "Feder 2021", "van der Kolk 2007", and "Davidson 2001b" for a second paper whose id
 * ends in a letter; a blog is cited by its site name.
 */
export function shortCitation(source: Source): string {
  // A label is cited by its brand name ("ZOLOFT label"), so two labels never read alike.
  if (source.kind === 'drug-label') return `${source.title.split(/[\s(]/)[0] ?? source.title} label`;
  if (source.kind === 'clinic-blog' || !source.authors) {
    // A publisher's long name is cut at its first comma ("Therapeutic Guidelines (eTG complete), Psychotropic…").
    const publisher = source.kind === 'clinic-blog' ? source.venue : (source.venue.split(',')[0] ?? source.venue);
    return source.year ? `${publisher} ${source.year}` : publisher;
  }
  // The first author's surname: before any comma, bracket or "et al.".
  const first = (source.authors.split(/,|\(|\bet al\b/)[0] ?? source.authors).trim();
  const surname = first
    .split(/\s+/)
    .filter((word, i, all) => !(i > 0 && i === all.length - 1 && /^[A-Z][A-Z.-]{0,3}$/.test(word)))
    .join(' ');
  const letter = /-\d{4}-([b-z])$/.exec(source.id)?.[1] ?? '';
  // "n.d." (no date) where the year was never seen, so an author's name never stands alone.
  return source.year ? `${surname} ${source.year}${letter}` : `${surname} n.d.`;
}

/** "1 row", "2 rows": English plurals. */
export function plural(count: number, one: string, other: string): string {
  return `${formatNumber(count)} ${pluralWord(count, one, other)}`;
}

/** Just the word: "row" or "rows", for sentences that place the number themselves. */
export function pluralWord(count: number, one: string, other: string): string {
  // As Intl.PluralRules('en') selects (written out for the same reason as formatDecimal): "one" only for ±1.
  return Math.abs(count) === 1 ? one : other;
}

/**
 * Orders names and citations for display: case-insensitive, then by code point. Used instead of localeCompare on
 * the first paint's path, where the browser's first collator would load its locale data (a pause of ~30 ms measured
 * in Chromium here); for the English names in this dataset the order is the same.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isoDate(date = new Date()): string {
  return date.toISOString().slice(0, 10);
}
