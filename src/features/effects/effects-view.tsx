import { useMemo } from 'react';
import { ChartFrame, type ChartTable } from '../../components/chart/chart-frame';
import type { Store } from '../../data/normalize';
import type { Outcome, Source } from '../../data/schema';
import { DATABASES, RATING_LABELS, RISK_OF_BIAS_LABELS } from '../../data/vocabulary';
import { formatNumber, plural, pluralWord } from '../../lib/format';
import { selectForest, type EffectFamily, type ForestGroup, type ForestRow } from '../../selectors/select-forest';
import { ForestChart, type ForestChartGroup } from './forest-chart';

type Props = {
  store: Store;
  /** The figures that pass the filters. */
  outcomes: readonly Outcome[];
  onOpenFigure: (id: string) => void;
};

const FAMILY: Record<EffectFamily, { title: string; axis: string; symbol: string }> = {
  standardized: {
    title: 'Standardized mean differences (Hedges’ g, Cohen’s d, SMD)',
    axis: 'Standardized difference · favours the treatment →',
    symbol: 'g',
  },
  ratio: {
    title: 'Ratios (odds, risk, hazard or rate ratio), log scale',
    axis: 'Ratio, log scale · favours the treatment →',
    symbol: 'ratio',
  },
};

const num = (v: number) => (Math.abs(v) >= 100 ? formatNumber(Math.round(v)) : v.toFixed(2).replace('-', '−'));
const range = (a: number, b: number) => `${num(a)} to ${num(b)}`;

function groupTitle(g: ForestGroup): string {
  return `${g.treatment.name} vs ${g.controlLabel}`;
}

function rowWords(r: ForestRow): string {
  const parts = [r.label, r.outcome.instrument ?? null, r.n !== undefined ? `n ${formatNumber(r.n)}` : null];
  if (r.rating) parts.push(RATING_LABELS[r.rating].toLowerCase());
  parts.push(
    r.riskOfBias ? `risk of bias: ${RISK_OF_BIAS_LABELS[r.riskOfBias].toLowerCase()}` : 'risk of bias not rated',
  );
  if (!r.pooled) parts.push('not pooled');
  return parts.filter(Boolean).join(' · ');
}

/** The pooled estimate in words: estimate, CI, prediction interval, k, people, τ², I², method. */
export function poolWords(g: ForestGroup): string {
  if (!g.pool.ok) return `Not pooled: ${g.pool.reason}`;
  const p = g.pool.result;
  const sym = FAMILY[g.family].symbol;
  return (
    `${sym} = ${num(p.estimate)} (95% CI ${range(p.ciLow, p.ciHigh)}); prediction interval ${range(p.piLow, p.piHigh)}; ` +
    `k = ${g.pool.k} ${pluralWord(g.pool.k, 'trial', 'trials')}, ${plural(g.pool.people, 'person', 'people')}` +
    `${g.pool.peopleUnknown ? ` (and ${plural(g.pool.peopleUnknown, 'trial', 'trials')} not giving n)` : ''}; ` +
    `τ² = ${p.tau2.toFixed(3)}, I² = ${p.i2.toFixed(0)}%. Random effects, REML with Knapp–Hartung.`
  );
}

/** Ratios are pooled on the log scale; the words and the diamond show them back on the ratio scale. */
function onScale(g: ForestGroup) {
  if (!g.pool.ok) return null;
  const p = g.pool.result;
  const t = g.family === 'ratio' ? Math.exp : (v: number) => v;
  return { estimate: t(p.estimate), low: t(p.ciLow), high: t(p.ciHigh), piLow: t(p.piLow), piHigh: t(p.piHigh) };
}

function toChartGroups(groups: readonly ForestGroup[]): ForestChartGroup[] {
  return groups.map((g) => {
    const pooled = onScale(g);
    const tau2 = g.pool.ok ? g.pool.result.tau2 : 0;
    const weights = g.rows.map((r) => (r.pooled && r.vi !== null ? 1 / (r.vi + tau2) : 0));
    const total = weights.reduce((a, b) => a + b, 0);
    return {
      title: `${groupTitle(g)}${g.pool.ok ? '' : ' · not pooled'}`,
      rows: [
        ...g.rows.map((r, i) => ({
          kind: 'trial' as const,
          key: r.id,
          recordId: r.id,
          label: rowWords(r),
          estimate: r.estimate,
          low: r.low,
          high: r.high,
          weight: r.pooled && total > 0 ? weights[i]! / total : null,
          description:
            `${r.contrastLabel}, ${r.label}: ${r.unit} ${num(r.estimate)} (95% CI ${range(r.low, r.high)}` +
            `${r.intervalComputed ? ', computed from the standard error' : ''})` +
            `${r.n !== undefined ? `, ${formatNumber(r.n)} people` : ''}` +
            `${r.rating ? `, ${RATING_LABELS[r.rating].toLowerCase()}` : ''}` +
            `${r.riskOfBias ? `, ${RISK_OF_BIAS_LABELS[r.riskOfBias].toLowerCase()}` : ''}` +
            `${r.pooled ? '' : `; not pooled: ${r.notPooledReason ?? 'see details'}`}`,
        })),
        ...(pooled
          ? [
              {
                kind: 'pool' as const,
                key: `${g.key}-pool`,
                label: `Pooled: ${poolWords(g)}`,
                ...pooled,
                description: `Pooled estimate for ${groupTitle(g)}: ${poolWords(g)}`,
              },
            ]
          : []),
      ],
    };
  });
}

function tableOf(groups: readonly ForestGroup[]): ChartTable {
  return {
    columns: ['Comparison', 'Trial', 'Effect (95% CI)', 'People', 'Rating', 'Risk of bias', 'In the pooled estimate'],
    rows: groups.flatMap((g) =>
      g.rows.map((r) => ({
        id: r.id,
        cells: [
          groupTitle(g),
          r.label,
          `${num(r.estimate)} (${range(r.low, r.high)})`,
          r.n !== undefined ? formatNumber(r.n) : '—',
          r.rating ? RATING_LABELS[r.rating] : '—',
          r.riskOfBias ? RISK_OF_BIAS_LABELS[r.riskOfBias] : 'not rated',
          r.pooled ? 'yes' : `no: ${r.notPooledReason ?? ''}`,
        ],
      })),
    ),
  };
}

const sourcesOf = (groups: readonly ForestGroup[]): Source[] => [
  ...new Map(groups.flatMap((g) => g.rows.map((r) => [r.source.id, r.source] as const))).values(),
];

/**
 * Effects: every standardized difference and ratio that can be placed on a "favours the
 * treatment" axis, grouped by treatment and by what it was compared with, each like-with-like
 * group pooled by random effects. Follows every filter; refuses to pool what must not be.
 */
export function EffectsView({ store, outcomes, onOpenFigure }: Props) {
  const model = useMemo(() => selectForest(store, outcomes), [store, outcomes]);
  const byFamily = (f: EffectFamily) => model.groups.filter((g) => g.family === f);
  const pooledGroups = model.groups.filter((g) => g.pool.ok);
  const usesDatabase = model.groups.some((g) => g.rows.some((r) => r.outcome.provenance));
  const db = DATABASES['metapsy-ptsd-psyctr'];
  const excluded = model.notShown.map((n) => ({ recordId: n.id, reason: n.reason }));
  const effects = model.groups.reduce((a, g) => a + g.rows.length, 0);

  return (
    <section aria-labelledby="effects-title" className="effects">
      <h2 id="effects-title">Effects: each trial and the pooled estimate</h2>
      <p className="lede">
        Each row is one comparison from one trial, turned so that right of the line always favours the treatment. Trials
        that compare the same treatment with the same kind of control are pooled by random effects; anything that must
        not be pooled together is kept apart, and the reason is given.
      </p>
      {usesDatabase && (
        <p className="cell-sub">
          Most psychotherapy trials here come from the {db.name} (DOI{' '}
          <a href={`https://doi.org/${db.doi}`} target="_blank" rel="noopener noreferrer">
            {db.doi}
          </a>
          , {db.licence.name}).
        </p>
      )}

      <section aria-labelledby="pooled-title" className="pooled">
        <h3 id="pooled-title">Pooled estimates for the trials shown</h3>
        {model.groups.length === 0 ? (
          <p className="empty">No effect size passes these filters.</p>
        ) : (
          <ul className="pooled-list">
            {model.groups.map((g) => (
              <li key={g.key} data-testid={`pool-${g.key}`} className={g.pool.ok ? 'pooled--ok' : 'pooled--refused'}>
                <strong>{groupTitle(g)}</strong> <span className="cell-sub">{FAMILY[g.family].title}</span>
                {poolWords(g)}
              </li>
            ))}
          </ul>
        )}
        {pooledGroups[0]?.pool.ok && <p className="cell-sub">{pooledGroups[0].pool.rule}</p>}
      </section>

      {(['standardized', 'ratio'] as const).map((family) => {
        const groups = byFamily(family);
        return (
          <ChartFrame
            key={family}
            id={`forest-${family}`}
            title={FAMILY[family].title}
            takeaway={
              groups.length === 0
                ? 'None of the figures shown is an effect of this kind.'
                : `${plural(
                    groups.reduce((a, g) => a + g.rows.length, 0),
                    'effect',
                    'effects',
                  )} in ${plural(groups.length, 'comparison', 'comparisons')}; ${plural(
                    groups.filter((g) => g.pool.ok).length,
                    'comparison',
                    'comparisons',
                  )} pooled.`
            }
            legend={[
              { label: 'Trial (size: weight in the pooled estimate)', color: '#1f3a5f', shape: 'square' },
              { label: 'Not pooled (hollow)', color: '#1f3a5f', shape: 'ring' },
              { label: 'Pooled estimate (diamond; dashes: prediction interval)', color: '#8a3b00', shape: 'diamond' },
            ]}
            sources={sourcesOf(groups)}
            excluded={family === 'standardized' ? excluded : []}
            table={tableOf(groups)}
            store={store}
            emptyText={groups.length === 0 ? 'No effect of this kind passes these filters.' : null}
            onOpenFigure={onOpenFigure}
          >
            {(width) => (
              <ForestChart
                groups={toChartGroups(groups)}
                width={width}
                ratio={family === 'ratio'}
                axisLabel={FAMILY[family].axis}
                onOpen={onOpenFigure}
              />
            )}
          </ChartFrame>
        );
      })}
      <p className="cell-sub">
        {plural(effects, 'effect', 'effects')} shown; {plural(model.notShown.length, 'effect size', 'effect sizes')} not
        shown, each with its reason under “Not shown” above.
      </p>
    </section>
  );
}

export default EffectsView;
