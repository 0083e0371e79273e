import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildMetapsyImport,
  dropoutFromCompletion,
  type ImportInput,
  intervalFromSe,
  proportionToPercent,
  serialize,
  studySlug,
} from '../../scripts/metapsy/build';
import { parseCitation, parseDoi, parsePmid, shortAuthors } from '../../scripts/metapsy/citation';
import { DATABASE_ID, SNAPSHOT_DIR } from '../../scripts/metapsy/constants';
import {
  dec,
  decimalText,
  decRound,
  decText,
  parseCount,
  parseDecimal,
  parseDelimited,
  toRecords,
} from '../../scripts/metapsy/csv';
import type { Outcome } from '../../src/data/schema';

const read = (path: string) => readFileSync(path, 'utf8');
const snapshotCsv = read(join(SNAPSHOT_DIR, 'data.csv'));
const snapshotRefs = read(join(SNAPSHOT_DIR, 'references.json'));
const rows = toRecords(parseDelimited(snapshotCsv));

/** The committed data files, as the importer reads them. */
function committedInput(): ImportInput {
  const json = (file: string) => JSON.parse(read(join('data', file))) as never;
  return {
    csv: snapshotCsv,
    references: snapshotRefs,
    sources: json('sources.json'),
    treatments: json('treatments.json'),
    outcomes: json('outcomes.json'),
  };
}

const ours = (r: { provenance?: { database: string } }) => r.provenance?.database === DATABASE_ID;

describe('reading the CSV format', () => {
  const fixture = toRecords(parseDelimited(read('tests/fixtures/metapsy/tricky.csv')));

  it('keeps semicolons, doubled quotes and line breaks inside quoted fields', () => {
    expect(fixture).toHaveLength(3);
    expect(fixture[0]?.['condition_arm1.treatment_description']).toBe('Sessions; homework; and a "booster" call');
    expect(fixture[1]?.['condition_arm1.treatment_description']).toBe('Line one\r\n\r\nLine two');
    expect(fixture[2]?.['condition_arm1.treatment_description']).toBe('');
  });

  it('reads a bare NA as missing but a quoted "NA" as text', () => {
    expect(fixture[0]?.['def_treatment_completion']).toBeNull();
    expect(fixture[1]?.['n_arm1']).toBeNull();
    expect(fixture[1]?.['def_treatment_completion']).toBe('NA');
  });

  it('reads decimal commas exactly and refuses anything else', () => {
    expect(parseDecimal(fixture[0]?.['.g'] ?? null)).toBe(1.5);
    expect(parseDecimal(fixture[1]?.['.g'] ?? null)).toBe(-0.0154572365337911);
    expect(parseDecimal('21,36')).toBe(21.36);
    expect(parseDecimal(null)).toBeUndefined();
    expect(decimalText('0,7551')).toBe('0.7551');
    expect(() => parseDecimal('1.094')).toThrow(/decimal-comma/);
    expect(() => parseDecimal('1e-3')).toThrow();
    expect(parseCount('49')).toBe(49);
    expect(() => parseCount('4,5')).toThrow(/whole number/);
  });

  it('reads the vendored snapshot into 131 rows of 95 columns', () => {
    expect(rows).toHaveLength(131);
    expect(Object.keys(rows[0] ?? {})).toHaveLength(95);
    expect(rows.map((r) => r[''])).toEqual(rows.map((_, i) => String(i + 1)));
  });

  it('does arithmetic on decimals exactly', () => {
    expect(decText(dec('100.00'))).toBe('100');
    expect(decText(decRound(dec('1.2345'), 3))).toBe('1.235');
    expect(decText(decRound(dec('-1.2345'), 3))).toBe('-1.235');
    expect(decText(decRound(dec('0.0004'), 3))).toBe('0');
    expect(proportionToPercent('0,7449')).toBe('74.49');
    expect(proportionToPercent('1')).toBe('100');
    expect(dropoutFromCompletion('0,7551')).toBe(24.49);
    expect(dropoutFromCompletion('0,3')).toBe(70);
    expect(dropoutFromCompletion('1')).toBe(0);
    // 0.1 + 0.2-style float error would show here: 100 − 66.13 in binary is 33.870000000000005.
    expect(dropoutFromCompletion('0,6613')).toBe(33.87);
  });

  it('works out a 95% interval as g ± 1.96 × SE, rounded half away from zero to 3 decimals', () => {
    expect(intervalFromSe('2,219', '0,307')).toEqual({ low: 1.617, high: 2.821 });
    // 1.96 × 0.25 = 0.49 exactly: 1.0005 − 0.49 = 0.5105 rounds up to 0.511, 1.0005 + 0.49 = 1.4905 to 1.491.
    expect(intervalFromSe('1,0005', '0,25')).toEqual({ low: 0.511, high: 1.491 });
    expect(intervalFromSe('-0,0154572365337911', '0,320366619772212')).toEqual({ low: -0.643, high: 0.612 });
  });
});

describe('reading the citations', () => {
  it('strips the closing full stop from a DOI and keeps its printed case', () => {
    expect(parseDoi('… Psychol Med. 2016;46(12):2583-93. doi: 10.1017/S0033291716001070. PMID: 27353367.')).toBe(
      '10.1017/S0033291716001070',
    );
    expect(parseDoi('BMJ. 2007;334:1147-50. doi: 10.1136/bmj.39021.846852.BE. PMID: 17495988.')).toBe(
      '10.1136/bmj.39021.846852.BE',
    );
    expect(parseDoi('Nord J Psychiatry. 2007;61(1):54-61. doi:  10.1080/08039480601129408. PMID: 1.')).toBe(
      '10.1080/08039480601129408',
    );
    expect(parseDoi('Psychother Res. 2019 29(5): 621-639. DOI: 10.1080/10503307.2017.1408973')).toBe(
      '10.1080/10503307.2017.1408973',
    );
    expect(parseDoi('J Consult Clin Psychol. 2002;70(5):1067-74. doi: 10.1037//0022-006X.70.5.1067.')).toBe(
      '10.1037//0022-006X.70.5.1067',
    );
    expect(parseDoi('Acta Med Indones. 2015 Apr;47(2):111-9.  PMID: 26260553.')).toBeUndefined();
  });

  it('reads the PubMed id and ignores a PMCID', () => {
    expect(parsePmid('… doi: 10.2174/x. PMID: 33029190; PMCID: PMC7536727.')).toBe('33029190');
    expect(parsePmid('… 2000 Apr;13(2):333-47. doi: 10.1023/A:1007793803627. PMID: 10838679..')).toBe('10838679');
    expect(parsePmid('… 2012;39(3/4):146-58.')).toBeUndefined();
  });

  it('splits authors, title, venue and year, including the awkward ones', () => {
    const refs = JSON.parse(snapshotRefs) as Record<string, string>;
    const neuner = parseCitation(refs['Neuner, 2010'] ?? '');
    expect(neuner.title).toBe(
      'Can asylum-seekers with posttraumatic stress disorder be successfully treated? A randomized controlled pilot study',
    );
    expect(neuner.venue).toBe('Cogn Behav Ther');
    const reger = parseCitation(refs['Reger, 2016'] ?? '');
    expect(reger.title).toMatch(/imaginal exposure vs\. virtual reality exposure/);
    expect(reger.venue).toBe('J Consult Clin. Psychol');
    const fecteau = parseCitation(refs['Fecteau, 1999'] ?? '');
    expect(fecteau).toEqual({
      authors: 'Fecteau GW, Nicki RM',
      title: 'Cognitive behavioural treatment of post traumatic stress disorder after motor vehicle accident',
      venue: 'Behav. Cogn. Psychother',
      year: 1999,
    });
    for (const [study, text] of Object.entries(refs)) {
      const c = parseCitation(text);
      expect(String(c.year), study).toBe(/(\d{4})/.exec(study)?.[1]);
      expect(c.title.length, study).toBeGreaterThan(20);
      expect(c.venue, study).not.toMatch(/\d{4}|doi|PMID/i);
    }
  });

  it('shortens long author lists to three names and "et al."', () => {
    expect(shortAuthors('Acarturk C, Konuk E, Cetinkaya M, et al.')).toBe('Acarturk C, Konuk E, Cetinkaya M, et al.');
    expect(shortAuthors('Jain S, Ortigo K, Gimeno J, Baldor DA, Weiss BJ, Cloitre M')).toBe(
      'Jain S, Ortigo K, Gimeno J, et al.',
    );
    expect(shortAuthors('Shapiro E, Laub B')).toBe('Shapiro E, Laub B');
  });

  it('makes author-year ids from study labels', () => {
    expect(studySlug('Van der Kolk, 2007')).toBe('van-der-kolk-2007');
    expect(studySlug('Alsheikh Ali, 2020')).toBe('alsheikh-ali-2020');
    expect(studySlug('Gray, 2019a')).toBe('gray-2019');
    expect(studySlug('ElBarazi, 2022')).toBe('elbarazi-2022');
  });
});

describe('the import of the vendored snapshot', () => {
  const result = buildMetapsyImport(committedInput());
  const outcomes = result.outcomes.outcomes.filter(ours);
  const effects = outcomes.filter((o) => o.metric === 'effect-size');

  it('makes one effect size per CSV row, each pointing back at its row', () => {
    expect(effects).toHaveLength(131);
    expect(effects.map((o) => o.provenance?.row)).toEqual(rows.map((r) => Number(r[''])));
    expect(result.summary).toMatchObject({ trials: 102, comparisons: 125, rows: 131 });
  });

  it('copies g and its SE exactly as the database prints them', () => {
    rows.forEach((row, i) => {
      const o = effects[i] as Outcome;
      expect(String(o.value), `row ${row['']}`).toBe(decText(dec(decimalText(row['.g'] ?? null) ?? '')));
      expect(String(o.se), `row ${row['']}`).toBe(decText(dec(decimalText(row['.g_se'] ?? null) ?? '')));
      expect(o.rating).toBe(row['rating']);
      expect(o.instrument).toBe(row['instrument']);
      expect(o.low).toBe(intervalFromSe(row['.g'] ?? '', row['.g_se'] ?? '').low);
    });
  });

  it('reads the database sign the way its notes say: positive g means fewer symptoms after therapy', () => {
    // For mean/SD rows g is (control mean − therapy mean) / pooled SD with Hedges' correction;
    // for count rows it is the log odds ratio × √3/π with the same correction. Both reproduce the database.
    for (const row of rows) {
      const g = parseDecimal(row['.g'] ?? null) ?? NaN;
      const num = (c: string) => parseDecimal(row[c] ?? null) ?? NaN;
      if (row['outcome_type'] === 'msd') {
        const [n1, n2] = [num('n_arm1'), num('n_arm2')];
        const sd = Math.sqrt(((n1 - 1) * num('sd_arm1') ** 2 + (n2 - 1) * num('sd_arm2') ** 2) / (n1 + n2 - 2));
        const j = 1 - 3 / (4 * (n1 + n2) - 9);
        expect(((num('mean_arm2') - num('mean_arm1')) / sd) * j, `row ${row['']}`).toBeCloseTo(g, 9);
      } else if (row['outcome_type'] === 'dich') {
        const [e1, n1, e2, n2] = ['event_arm1', 'totaln_arm1', 'event_arm2', 'totaln_arm2'].map(num) as number[];
        const logOr = Math.log(e1! / (n1! - e1!) / (e2! / (n2! - e2!)));
        const j = 1 - 3 / (4 * (n1! + n2! - 2) - 1);
        expect(((logOr * Math.sqrt(3)) / Math.PI) * j, `row ${row['']}`).toBeCloseTo(g, 9);
      }
    }
  });

  it('puts provenance on every generated record and names the database version once', () => {
    const generated = [
      ...result.sources.sources.filter(ours),
      ...result.treatments.treatments.filter(ours),
      ...outcomes,
    ];
    expect(generated.length).toBe(96 + 14 + 177);
    const versions = new Set(generated.map((r) => `${r.provenance?.version} ${r.provenance?.doi}`));
    expect([...versions]).toEqual(['2023-10-26 18e03cb 10.5281/zenodo.10027042']);
    for (const o of outcomes) expect(o.provenance?.study, o.id).toBeTruthy();
  });

  it('turns a completion rate into a dropout only with the authors’ definition, and says it is derived', () => {
    const dropouts = outcomes.filter((o) => o.metric === 'dropout');
    expect(dropouts).toHaveLength(46);
    for (const o of dropouts) {
      const row = rows.find((r) => Number(r['']) === o.provenance?.row);
      expect(o.value, o.id).toBe(dropoutFromCompletion(row?.['percent_completed'] ?? ''));
      expect(o.definition, o.id).toContain(row?.['def_treatment_completion'] ?? '???');
      expect(o.note, o.id).toMatch(/^Derived: 100 minus/);
    }
    expect(result.summary.skipped.map((s) => `${s.row} ${s.reason}`)).toEqual([
      '8 completion rate without a definition of completion',
      '56 completion rate without a definition of completion',
      '77 completion defined but no completion rate',
      '112 completion defined but no completion rate',
      '113 completion defined but no completion rate',
    ]);
  });

  it('merges the six trials the curated data already holds instead of duplicating them', () => {
    expect(result.summary.merged.map((m) => `${m.study} → ${m.sourceId} (${m.by})`)).toEqual([
      'Foa, 2005 → foa-2005 (doi)',
      'Foa, 2018 → foa-2018 (doi)',
      'Monson, 2006 → monson-2006 (doi)',
      'Resick, 2002 → resick-2002 (pmid)',
      'Rothbaum, 2005 → rothbaum-2005 (doi)',
      'Van der Kolk, 2007 → van-der-kolk-2007 (author-year, checked by hand)',
    ]);
    const curatedIds = new Set(
      committedInput()
        .sources.sources.filter((s) => !ours(s))
        .map((s) => s.id),
    );
    expect(result.sources.sources.filter(ours).some((s) => curatedIds.has(s.id))).toBe(false);
  });

  it('gives the same ids however the curated files are ordered and whatever was imported before', () => {
    const input = committedInput();
    const clean: ImportInput = {
      ...input,
      sources: { ...input.sources, sources: [...input.sources.sources.filter((s) => !ours(s))].reverse() },
      treatments: { ...input.treatments, treatments: input.treatments.treatments.filter((t) => !ours(t)) },
      outcomes: { ...input.outcomes, outcomes: input.outcomes.outcomes.filter((o) => !ours(o)) },
    };
    const again = buildMetapsyImport(clean);
    const ids = (r: typeof result) => [
      ...r.sources.sources.filter(ours).map((s) => s.id),
      ...r.treatments.treatments.filter(ours).map((t) => t.id),
      ...r.outcomes.outcomes.filter(ours).map((o) => o.id),
    ];
    expect(ids(again)).toEqual(ids(result));
    // A few ids written out, so a change to the id scheme is a visible decision.
    expect(ids(result)).toEqual(
      expect.arrayContaining([
        'acarturk-2016',
        'gray-2019',
        'van-den-berg-2015',
        'acarturk-2016-metapsy-g-emdr-ies',
        'acarturk-2016-metapsy-dropout-emdr',
        'bryant-2019-metapsy-g-tf-cbt-b-caps',
        'carlson-1998-metapsy-g-emdr-pss-sr',
        'resick-2002-metapsy-g-cpt-a-caps',
        'foa-2018-metapsy-g-pe-massed-pss-i',
        'metapsy-usual-care',
      ]),
    );
  });

  it('is idempotent: importing into its own output changes no byte', () => {
    const once = buildMetapsyImport(committedInput());
    const twice = buildMetapsyImport({
      ...committedInput(),
      sources: once.sources,
      treatments: once.treatments,
      outcomes: once.outcomes,
    });
    for (const name of ['sources', 'treatments', 'outcomes'] as const) {
      expect(serialize(twice[name])).toBe(serialize(once[name]));
    }
  });
});
