import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/data/schema';
import { data, sourceById } from './real-dataset';

/**
 * Trials that are both curated and in the Metapsy database: the database's g set beside the
 * curated effect sizes for the same two arms. Every difference must be explained here; a new,
 * unexplained one fails the test, and so does an explanation whose difference has gone.
 */

const fromDb = (o: Outcome) => o.provenance?.database === 'metapsy-ptsd-psyctr';
const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;
/** A curated value printed to 2 decimals equals the database's g rounded to 2 decimals. */
const same = (curated: number, db: number) => Number(db.toFixed(decimals(curated))) === curated;

const CAPS_ITT_CALCULATION =
  'Same trial, arms, instrument (CAPS) and intention-to-treat label, but not the same number. The database computes g from the end-of-treatment means and SDs it recorded, standardized by the pooled SD of the two arms with Hedges’ correction (its value is reproduced from those means in tests/unit/import-metapsy.test.ts); the curated value is the g printed in the table that was read (PMC2977927, Table 2), whose standardizer is not stated there. No transcription error was found on either side, so both stay, each labelled with where it came from.';

/** "curated id ~ database id" → why the two numbers differ. */
const DIFFERENCES: Record<string, string> = {
  'resick-2002-effect-size-cpt-vs-ma-caps-itt ~ resick-2002-metapsy-g-cpt-a-caps': `${CAPS_ITT_CALCULATION} (0.97 against 1.13264899568101.)`,
  'resick-2002-effect-size-pe-vs-ma-caps-itt ~ resick-2002-metapsy-g-pe-b-caps': `${CAPS_ITT_CALCULATION} (0.74 against 0.861781603763559.)`,
  'resick-2002-effect-size-cpt-vs-ma-pss-itt ~ resick-2002-metapsy-g-cpt-a-caps':
    'Different instrument: the curated figure is on the self-reported PSS; the database holds only the clinician-rated CAPS row for this comparison.',
  'resick-2002-effect-size-pe-vs-ma-pss-itt ~ resick-2002-metapsy-g-pe-b-caps':
    'Different instrument: the curated figure is on the self-reported PSS; the database holds only the clinician-rated CAPS row for this comparison.',
  'resick-2002-effect-size-cpt-vs-ma-caps-completers ~ resick-2002-metapsy-g-cpt-a-caps':
    'Different analysis: the curated figure covers completers only, the database row everyone randomized (intention to treat).',
  'resick-2002-effect-size-pe-vs-ma-caps-completers ~ resick-2002-metapsy-g-pe-b-caps':
    'Different analysis: the curated figure covers completers only, the database row everyone randomized (intention to treat).',
};

/** Merged trials whose curated record holds no effect size for the database's comparison, and what it holds instead. */
const NO_CURATED_EFFECT: Record<string, string> = {
  'foa-2005': 'The curated record holds only how long gains lasted; no between-arm figure was read.',
  'foa-2018':
    'The curated record gives the massed-PE versus minimal-contact gap in PSS-I points (a 3.7-point larger fall, 2 weeks after the end of treatment, from a news summary); the database’s g uses end-of-treatment means at week 2 after randomization. Different metric and time, same direction.',
  'monson-2006': 'The curated record holds dropout, response and loss-of-diagnosis rates, not an effect size.',
  'rothbaum-2005':
    'The curated record holds no outcomes (its notes give completion as 80% for EMDR and 87% for PE, which agrees with the database’s completion rates).',
  'van-der-kolk-2007':
    'The curated record holds remission and durability figures; the EMDR-versus-placebo comparison appears only through the database.',
};

describe('curated effect sizes against the Metapsy database', () => {
  const dbOnCurated = data.outcomes.filter(
    (o) => fromDb(o) && o.metric === 'effect-size' && !sourceById.get(o.sourceId)?.provenance,
  );
  const curatedEffects = data.outcomes.filter((o) => !fromDb(o) && o.metric === 'effect-size' && o.domain === 'ptsd');
  const pairs = dbOnCurated.flatMap((db) =>
    curatedEffects
      .filter(
        (c) => c.sourceId === db.sourceId && c.treatmentId === db.treatmentId && c.comparatorId === db.comparatorId,
      )
      .map((c) => ({ key: `${c.id} ~ ${db.id}`, curated: c, db })),
  );

  it('finds the merged trials', () => {
    expect([...new Set(dbOnCurated.map((o) => o.sourceId))].sort()).toEqual([
      'foa-2005',
      'foa-2018',
      'monson-2006',
      'resick-2002',
      'rothbaum-2005',
      'van-der-kolk-2007',
    ]);
  });

  it('explains every curated effect size that differs from the database, and nothing else', () => {
    const differing = pairs.filter((p) => p.curated.value === null || !same(p.curated.value, p.db.value ?? NaN));
    const unexplained = differing
      .filter((p) => !(p.key in DIFFERENCES))
      .map((p) => `${p.key}: ${p.curated.value} vs ${p.db.value}`);
    expect(unexplained).toEqual([]);
    expect(Object.keys(DIFFERENCES).sort()).toEqual(differing.map((p) => p.key).sort());
  });

  it('names what the other merged trials hold instead of an effect size', () => {
    const withPairs = new Set(pairs.map((p) => p.db.sourceId));
    const without = [...new Set(dbOnCurated.map((o) => o.sourceId))].filter((id) => !withPairs.has(id));
    expect(without.sort()).toEqual(Object.keys(NO_CURATED_EFFECT).sort());
  });

  it('agrees with the curated completion counts where the curated notes give them', () => {
    const dropout = (id: string) => data.outcomes.find((o) => o.id === id)?.value;
    // Rothbaum 2005's curated notes: 20 of 25 completed EMDR (80%), 20 of 23 completed PE (87%).
    expect(sourceById.get('rothbaum-2005')?.notes).toMatch(/20 of 25 .*\(80%\).*20 of 23 .*\(87%\)/);
    expect(dropout('rothbaum-2005-metapsy-dropout-emdr-a')).toBe(20);
    expect(dropout('rothbaum-2005-metapsy-dropout-pe-b')).toBe(13);
  });
});
