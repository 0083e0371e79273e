import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/data/schema';
import {
  MISSING,
  compareText,
  formatDecimal,
  formatInterval,
  formatTimepoint,
  formatValue,
  plural,
  pluralWord,
  shortCitation,
} from '../../src/lib/format';
import { safeHref } from '../../src/lib/safe-url';

const source = (patch: Partial<Source>): Source => ({
  id: 'x',
  kind: 'rct',
  condition: 'ptsd',
  title: 't',
  venue: 'Venue',
  ...patch,
});

describe('shortCitation', () => {
  it.each([
    ['Feder A, Costi S, et al.', 2021, 'Feder 2021'],
    ['van der Kolk BA, Spinazzola J', 2007, 'van der Kolk 2007'],
    ['Schnurr PP', 2007, 'Schnurr 2007'],
  ])('%s → %s', (authors, year, expected) => {
    expect(shortCitation(source({ authors, year }))).toBe(expected);
  });
  it('tells apart a second paper by the same author in the same year', () => {
    expect(shortCitation(source({ id: 'davidson-2001-b', authors: 'Davidson J', year: 2001 }))).toBe('Davidson 2001b');
    expect(shortCitation(source({ id: 'davidson-2001', authors: 'Davidson J', year: 2001 }))).toBe('Davidson 2001');
  });
  it('says "n.d." where no year was seen, and cuts a long publisher at its first comma', () => {
    expect(shortCitation(source({ authors: 'Jun JJ, et al.', year: undefined }))).toBe('Jun n.d.');
    expect(
      shortCitation(
        source({
          authors: undefined,
          year: undefined,
          kind: 'guideline',
          venue: 'Therapeutic Guidelines, Psychotropic',
        }),
      ),
    ).toBe('Therapeutic Guidelines');
    expect(shortCitation(source({ kind: 'drug-label', title: 'ZOLOFT (sertraline) tablets', venue: 'Pfizer' }))).toBe(
      'ZOLOFT label',
    );
  });
  it('cites a blog by its site', () => {
    expect(shortCitation(source({ kind: 'clinic-blog', venue: 'Nova Health Recovery' }))).toBe('Nova Health Recovery');
  });
});

describe('formatValue and formatInterval', () => {
  it('formats percentages, times and effect sizes', () => {
    expect(formatValue({ value: 67, unit: '%' })).toBe('67%');
    expect(formatValue({ value: 27.5, unit: 'days' })).toBe('27.5 days');
    expect(formatValue({ value: 1, unit: 'weeks' })).toBe('1 week');
    expect(formatValue({ value: 0.27, unit: 'g' })).toBe('g = 0.27');
    expect(formatValue({ value: null, unit: 'weeks', low: 6, high: 10 })).toBe('6–10 weeks');
  });
  it('writes a printed limit as a limit, in words or with ≤ / ≥ for effect sizes', () => {
    expect(formatValue({ value: 2, unit: 'weeks', bound: 'at-most' })).toBe('at most 2 weeks');
    expect(formatValue({ value: 4, unit: 'people', bound: 'at-most' })).toBe('at most 4 people');
    expect(formatValue({ value: 0.8, unit: 'SMD', bound: 'at-least' })).toBe('SMD ≥ 0.8');
    expect(formatValue({ value: 0.5, unit: 'IRR' })).toBe('IRR = 0.5');
  });

  it('prefers the reported interval and falls back to Wilson from counts', () => {
    expect(formatInterval({ value: 1.13, unit: 'd', low: 0.36, high: 1.91, interval: '95% CI' })).toBe(
      '0.36 to 1.91, 95% CI',
    );
    expect(formatInterval({ value: 66.7, unit: '%', events: 10, n: 15 })).toBe(
      '41.7 to 84.8%, Wilson 95% CI from counts',
    );
    expect(formatInterval({ value: 67, unit: '%' })).toBe(MISSING);
  });
});

describe('formatTimepoint', () => {
  it('reads naturally', () => {
    expect(formatTimepoint({ value: 24, unit: 'hours', from: 'first infusion' })).toBe('24 hours after first infusion');
    expect(formatTimepoint({ label: 'end of treatment' })).toBe('end of treatment');
    expect(formatTimepoint(undefined)).toBe(MISSING);
  });
});

describe('safeHref', () => {
  it('passes https and drops everything else', () => {
    expect(safeHref('https://doi.org/10.1/x')).toBe('https://doi.org/10.1/x');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('http://example.org')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });
});

describe('formatDecimal and plural, written without Intl', () => {
  // A fixed pseudo-random sequence (mulberry32), so a failure names a value that can be re-run.
  const random = (() => {
    let a = 0x2f6b1d3;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  })();
  const edges = [0, -0, 1, -1, 0.5, 0.0005, 0.0015, 1.0005, 2.5, -2.5, 0.125, -0.0625, 999.9995, 1e21, 1.5e21, -1e-7];
  const values = [
    ...edges,
    ...Array.from({ length: 20_000 }, () => {
      const magnitude = 10 ** Math.floor(random() * 16 - 6);
      const v = (random() - 0.3) * magnitude;
      // Some values with few decimals, as data holds them (12.5, 0.25, 1234.375).
      return random() < 0.5 ? Math.round(v * 1000) / 1000 : v;
    }),
    Infinity,
    -Infinity,
    NaN,
  ];

  it('writes every number exactly as Intl.NumberFormat("en") does, for 3 and for 1 fraction digits', () => {
    for (const digits of [3, 1]) {
      const intl = new Intl.NumberFormat('en', { maximumFractionDigits: digits });
      const differ = values.filter((v) => formatDecimal(v, digits) !== intl.format(v));
      expect(differ.map((v) => `${v}: ${formatDecimal(v, digits)} vs ${intl.format(v)}`)).toEqual([]);
    }
  });

  it('picks the English plural as Intl.PluralRules("en") does', () => {
    const rules = new Intl.PluralRules('en');
    for (const n of [0, 1, -1, 2, 1.5, 0.5, 11, 21, 101, 1_000_000]) {
      expect(pluralWord(n, 'one', 'other')).toBe(rules.select(n) === 'one' ? 'one' : 'other');
    }
    expect(plural(1234, 'figure', 'figures')).toBe('1,234 figures');
    expect(plural(1, 'figure', 'figures')).toBe('1 figure');
  });
});

describe('compareText', () => {
  it('orders the dataset’s treatment names and citations as localeCompare("en") does', async () => {
    const { readFileSync } = await import('node:fs');
    const treatments = (
      JSON.parse(readFileSync('data/treatments.json', 'utf8')) as { treatments: { name: string }[] }
    ).treatments.map((t) => t.name);
    const sources = (JSON.parse(readFileSync('data/sources.json', 'utf8')) as { sources: Source[] }).sources.map((s) =>
      shortCitation(s),
    );
    for (const names of [treatments, sources]) {
      const ours = [...names].sort(compareText);
      const intl = [...names].sort((a, b) => a.localeCompare(b, 'en'));
      expect(ours).toEqual(intl);
    }
  });
});
