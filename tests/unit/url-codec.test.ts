import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../../src/state/url-codec';
import { DEFAULT_FILTERS, DEFAULT_VIEW_STATE, VIEWS, type ViewState } from '../../src/state/view-state';

const full: ViewState = {
  view: 'table',
  filters: {
    sources: ['feder-2021', 'brady-2000'],
    kind: 'peer-reviewed',
    designs: ['randomized', 'meta-analysis'],
    classes: ['ketamine', 'ssri'],
    treatments: ['sertraline'],
    metrics: ['response', 'onset'],
    verdicts: ['overstated'],
    controls: ['waitlist', 'placebo'],
    riskOfBias: ['low'],
    populations: ['military-veterans'],
    ratings: ['clinician'],
    yearFrom: 2000,
    yearTo: 2021,
    query: 'CAPS-5 & "responders", 30%',
    cell: { option: 'ketamine', question: 'onset' },
  },
  sort: [
    { id: 'value', desc: true },
    { id: 'year', desc: false },
  ],
  sourceSort: { id: 'year', desc: true },
  hidden: ['n', 'year'],
  figure: 'feder-2021-response-ketamine-wk2',
  source: null,
  claim: 'example-claim',
};

describe('view state codec', () => {
  it('round-trips every view', () => {
    for (const view of VIEWS) {
      const state = { ...DEFAULT_VIEW_STATE, view };
      expect(parseViewState(serializeViewState(state))).toEqual(state);
    }
  });

  it('round-trips a full state, including a search with commas, quotes and symbols', () => {
    expect(parseViewState(serializeViewState(full))).toEqual(full);
  });

  it('writes compact, readable tokens', () => {
    const s = serializeViewState(full);
    expect(s).toContain('src=feder-2021,brady-2000');
    expect(s).toContain('sort=value.desc,year.asc');
    expect(s).toContain('kind=peer');
    expect(s).toContain('years=2000-2021');
    expect(s).toContain('show=instrument,definition&hide=n,year');
  });

  it('omits defaults, so the default view has a bare URL', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, filters: { ...DEFAULT_FILTERS, query: '   ' } })).toBe('');
  });

  it('round-trips showing a column that is hidden by default', () => {
    const state: ViewState = { ...DEFAULT_VIEW_STATE, hidden: ['definition'] };
    const s = serializeViewState(state);
    expect(s).toBe('?show=instrument');
    expect(parseViewState(s).hidden).toEqual(['definition']);
  });

  it('keeps open-ended year ranges and swaps reversed ones', () => {
    expect(parseViewState('?years=2010-').filters).toMatchObject({ yearFrom: 2010, yearTo: null });
    expect(parseViewState('?years=-2005').filters).toMatchObject({ yearFrom: null, yearTo: 2005 });
    expect(parseViewState('?years=2021-2000').filters).toMatchObject({ yearFrom: 2000, yearTo: 2021 });
  });

  it.each([
    '?view=hack',
    '?view=',
    '?%%%',
    '?view=<script>alert(1)</script>',
    '?sort=value.sideways,nonsense.asc,.desc',
    '?years=twenty-ten',
    '?years=0000-9999',
    '?class=herbal&metric=happiness',
    '?src=Feder_2021,%3Cscript%3E',
    '?fig=../../etc/passwd',
    '?hide=treatment,treatmentx&show=nothing',
    '?kind=everything',
    '',
  ])('falls back to defaults for junk: %s', (junk) => {
    expect(parseViewState(junk)).toEqual(DEFAULT_VIEW_STATE);
  });

  it('keeps the valid parts of a partly broken link', () => {
    const s = parseViewState('?sort=value.desc,bogus.asc&metric=response,happiness&src=feder-2021,NOT_AN_ID');
    expect(s.sort).toEqual([{ id: 'value', desc: true }]);
    expect(s.filters.metrics).toEqual(['response']);
    expect(s.filters.sources).toEqual(['feder-2021']);
  });

  it('drops ids the dataset does not know', () => {
    const known = { sources: new Set(['feder-2021']), treatments: new Set<string>(), figures: new Set(['a-figure']) };
    const s = parseViewState('?src=feder-2021,ghost-2099&tx=ghost&fig=missing&source=ghost-2099', known);
    expect(s.filters.sources).toEqual(['feder-2021']);
    expect(s.filters.treatments).toEqual([]);
    expect(s.figure).toBeNull();
    expect(s.source).toBeNull();
  });

  it('ignores duplicate sort columns and caps an oversized search', () => {
    expect(parseViewState('?sort=year.asc,year.desc').sort).toEqual([{ id: 'year', desc: false }]);
    expect(parseViewState(`?q=${'x'.repeat(5000)}`).filters.query).toHaveLength(200);
  });
  it('reads a summary cell token and drops one it does not know', () => {
    expect(parseViewState('?view=table&cell=ssri.dropout').filters.cell).toEqual({
      option: 'ssri',
      question: 'dropout',
    });
    expect(parseViewState('?cell=ssri.happiness').filters.cell).toBeNull();
    expect(parseViewState('?cell=<b>.onset').filters.cell).toBeNull();
    const state = {
      ...DEFAULT_VIEW_STATE,
      view: 'table' as const,
      filters: { ...DEFAULT_FILTERS, cell: { option: 'ketamine' as const, question: 'onset' as const } },
    };
    expect(serializeViewState(state)).toBe('?view=table&cell=ketamine.onset');
  });
});

describe('ignoredParts', () => {
  it('names what a link held that the page could not use, and nothing it kept', async () => {
    const { ignoredParts } = await import('../../src/state/url-codec');
    const search = '?view=%3Cscript%3E&sort=bogus.sideways,value.desc&src=NOPE&metric=response&colour=red';
    const state = parseViewState(search, { sources: new Set(['feder-2021']) });
    expect(ignoredParts(search, state)).toEqual(['view=<script>', 'sort=bogus.sideways', 'src=NOPE', 'colour=red']);
    expect(ignoredParts('?view=compare&metric=response', parseViewState('?view=compare&metric=response'))).toEqual([]);
  });
});

describe('the Sources table order in the URL', () => {
  it('round-trips, leaves the default out, and reports what it could not read', async () => {
    const { ignoredParts } = await import('../../src/state/url-codec');
    const state = parseViewState('?view=sources&ssort=year.desc');
    expect(state.sourceSort).toEqual({ id: 'year', desc: true });
    expect(serializeViewState(state)).toBe('?view=sources&ssort=year.desc');
    expect(parseViewState('?view=sources&ssort=citation.asc').sourceSort).toBeNull();
    for (const junk of ['title.asc', 'year.sideways', 'year.desc.extra', '__proto__']) {
      const s = parseViewState(`?view=sources&ssort=${junk}`);
      expect(s.sourceSort).toBeNull();
      expect(ignoredParts(`?view=sources&ssort=${junk}`, s)).toEqual([`ssort=${junk}`]);
    }
  });
});
