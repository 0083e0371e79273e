import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/data/normalize';
import type { Claim, Outcome, Source, Treatment } from '../../src/data/schema';
import { selectClaimContext } from '../../src/selectors/select-claim-context';
import { parseMarkdown } from '../../src/lib/mini-markdown';

const src = (id: string, patch: Partial<Source> = {}): Source => ({
  id,
  kind: 'rct',
  condition: 'ptsd',
  title: id,
  authors: `${id.split('-')[0]} A`,
  year: 2020,
  venue: 'J',
  ...patch,
});
const tx = (id: string, cls: Treatment['class']): Treatment => ({ id, name: id, class: cls, description: 'd' });
const o = (p: Partial<Outcome> & Pick<Outcome, 'id' | 'sourceId' | 'treatmentId' | 'metric' | 'unit'>): Outcome => ({
  value: 10,
  locator: 'abstract',
  ...p,
});
const claim = (p: Partial<Claim>): Claim => ({
  id: 'blog-claim',
  sourceId: 'blog',
  treatmentId: 'ket',
  metric: 'response',
  statement: 's',
  locator: 'l',
  verdict: 'overstated',
  evidence: ['a-ket'],
  rationale: 'r',
  ...p,
});

const store = buildStore({
  version: 't',
  reviewed: '2026-12-01',
  sources: [
    src('a-2020'),
    src('b-2021'),
    src('label-2019', { condition: 'depression', kind: 'drug-label' }),
    src('blog', { kind: 'clinic-blog' }),
  ],
  treatments: [tx('ket', 'ketamine'), tx('mid', 'control'), tx('sert', 'ssri'), tx('pbo', 'control')],
  outcomes: [
    o({
      id: 'a-ket',
      sourceId: 'a-2020',
      treatmentId: 'ket',
      comparatorId: 'mid',
      metric: 'response',
      value: 67,
      unit: '%',
      n: 15,
      events: 10,
      definition: 'd',
      domain: 'ptsd',
    }),
    o({
      id: 'a-mid',
      sourceId: 'a-2020',
      treatmentId: 'mid',
      comparatorId: 'ket',
      metric: 'response',
      value: 20,
      unit: '%',
      n: 15,
      events: 3,
      definition: 'd',
      domain: 'ptsd',
    }),
    o({
      id: 'b-ket',
      sourceId: 'b-2021',
      treatmentId: 'ket',
      metric: 'response',
      value: 40,
      unit: '%',
      definition: 'd',
      domain: 'ptsd',
    }),
    o({
      id: 'b-ket-dep',
      sourceId: 'b-2021',
      treatmentId: 'ket',
      metric: 'response',
      value: 93,
      unit: '%',
      definition: 'd',
      domain: 'depression',
    }),
    o({
      id: 'label-ket',
      sourceId: 'label-2019',
      treatmentId: 'ket',
      metric: 'response',
      value: 50,
      unit: '%',
      definition: 'd',
      domain: 'ptsd',
    }),
    o({
      id: 'sert-resp',
      sourceId: 'b-2021',
      treatmentId: 'sert',
      comparatorId: 'pbo',
      metric: 'response',
      value: 53,
      unit: '%',
      definition: 'd',
      domain: 'ptsd',
    }),
    o({
      id: 'a-onset',
      sourceId: 'a-2020',
      treatmentId: 'ket',
      metric: 'onset',
      value: 24,
      unit: 'hours',
      domain: 'ptsd',
      onsetBasis: 'first-measured',
    }),
  ],
  claims: [],
});

describe('selectClaimContext', () => {
  it('places the claimed number among every figure of the same measure and option, cited ones flagged', () => {
    const ctx = selectClaimContext(store, claim({ value: 70, unit: '%', quotedNumbers: ['2019', 'nearly 70%'] }));
    expect(ctx.axis).toBe('percent');
    expect(ctx.claimed).toEqual({ value: 70, text: '“nearly 70%”' });
    expect(ctx.points.map((p) => [p.id, p.cited, p.isControl])).toEqual([
      ['a-ket', true, false],
      ['b-ket', false, false],
      ['a-mid', false, true],
    ]);
    // Wilson interval from counts for the cited arm.
    expect(ctx.points[0]?.low).toBeCloseTo(41.7, 1);
    expect(ctx.summary).toMatch(
      /^The claim's “nearly 70%” sits above every one of the 2 treatment-arm response figures, which run from 40% to 67%\./,
    );
  });

  it('keeps other options, other populations and other measured domains out, saying why', () => {
    const ctx = selectClaimContext(store, claim({ value: 70, unit: '%' }));
    expect(ctx.points.map((p) => p.id)).not.toContain('sert-resp');
    expect(ctx.excluded).toEqual(
      expect.arrayContaining([
        { recordId: 'label-ket', reason: 'not a PTSD population' },
        { recordId: 'b-ket-dep', reason: 'measures depression, not PTSD' },
      ]),
    );
  });

  it('puts times on a log axis in days', () => {
    const ctx = selectClaimContext(store, claim({ metric: 'onset', value: 3, unit: 'hours', evidence: ['a-onset'] }));
    expect(ctx.axis).toBe('time');
    expect(ctx.claimed?.value).toBeCloseTo(3 / 24);
    expect(ctx.points).toEqual([expect.objectContaining({ id: 'a-onset', value: 1, cited: true })]);
    expect(ctx.summary).toContain('below the only treatment-arm onset figure');
  });

  it('says so when a claim gives no number', () => {
    const ctx = selectClaimContext(store, claim({ value: undefined, unit: undefined }));
    expect(ctx).toMatchObject({ axis: 'none', claimed: null, points: [] });
    expect(ctx.summary).toMatch(/gives no number/);
  });
});

describe('parseMarkdown', () => {
  it('reads headings, bold lines, bullets with bold and code, and never returns markup', () => {
    const blocks = parseMarkdown(
      '# Known gaps\n\n**Ketamine trials**\n\n- **Feder 2014**: stored as `viaSecondary`.\n  continued\n- <script>alert(1)</script>\n',
    );
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, content: [{ text: 'Known gaps' }] });
    expect(blocks[1]).toEqual({ type: 'paragraph', content: [{ text: 'Ketamine trials', bold: true }] });
    expect(blocks[2]).toEqual({
      type: 'list',
      items: [
        [
          { text: 'Feder 2014', bold: true },
          { text: ': stored as ' },
          { text: 'viaSecondary', code: true },
          { text: '. continued' },
        ],
        [{ text: '<script>alert(1)</script>' }],
      ],
    });
  });
});
