import { useId, useMemo, useState } from 'react';
import type { FacetCounts } from '../../selectors/select-filtered';
import type { Store } from '../../data/normalize';
import {
  CLASS_LABELS,
  CONTROL_TYPES,
  CONTROL_TYPE_LABELS,
  POPULATION_GROUPS,
  POPULATION_GROUP_LABELS,
  RATINGS,
  RATING_LABELS,
  RISK_OF_BIAS_JUDGEMENTS,
  RISK_OF_BIAS_LABELS,
  DESIGNS,
  DESIGN_LABELS,
  METRICS,
  METRIC_LABELS,
  TREATMENT_CLASSES,
  VERDICTS,
  VERDICT_LABELS,
} from '../../data/vocabulary';
import type { Filters, KindFilter } from '../../state/view-state';
import { CheckboxGroup } from './checkbox-group';
import { SourcePicker } from './source-picker';
import { YearRange } from './year-range';

type Props = {
  store: Store;
  filters: Filters;
  onChange: (next: Filters) => void;
  /** For every box, the results it would give if ticked (selectFacetCounts). */
  counts: FacetCounts;
};

/** Every filter but the free-text search; changes apply at once to every view. */
export function FilterPanel({ store, filters, onChange, counts }: Props) {
  const id = useId();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  // Years and Sources start folded (long lists on a phone) unless a link already sets them.
  const [yearsOpen] = useState(() => filters.yearFrom !== null || filters.yearTo !== null);
  const [sourcesOpen] = useState(() => filters.sources.length > 0);
  const trialCount =
    filters.controls.length + filters.riskOfBias.length + filters.populations.length + filters.ratings.length;
  const [trialsOpen] = useState(() => trialCount > 0);
  const sources = useMemo(
    () => (filters.kind === 'peer-reviewed' ? store.sources.filter((s) => s.kind !== 'clinic-blog') : store.sources),
    [store, filters.kind],
  );
  const treatments = useMemo(
    () =>
      [...store.treatments]
        .sort(
          (a, b) =>
            TREATMENT_CLASSES.indexOf(a.class) - TREATMENT_CLASSES.indexOf(b.class) || a.name.localeCompare(b.name),
        )
        .map((t) => ({
          value: t.id,
          label: `${t.name} · ${CLASS_LABELS[t.class]}`,
          count: counts.treatments.get(t.id) ?? 0,
        })),
    [store, counts],
  );
  const years = store.sources.flatMap((s) => (s.year === undefined ? [] : [s.year]));
  const [minYear, maxYear] = years.length ? [Math.min(...years), Math.max(...years)] : [1990, new Date().getFullYear()];

  return (
    <div className="filter-panel">
      <fieldset className="filter-group">
        <legend>Source kind</legend>
        {(
          [
            ['all', 'Research and clinic blogs (claims marked)'],
            ['peer-reviewed', 'Research and official sources only'],
          ] as [KindFilter, string][]
        ).map(([value, label]) => (
          <div key={value} className="radio">
            <input
              type="radio"
              id={`${id}-kind-${value}`}
              name={`${id}-kind`}
              checked={filters.kind === value}
              onChange={() => set('kind', value)}
            />
            <label htmlFor={`${id}-kind-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <CheckboxGroup
        legend="Study design"
        options={DESIGNS.map((d) => ({ value: d, label: DESIGN_LABELS[d], count: counts.designs.get(d) ?? 0 }))}
        selected={filters.designs}
        onChange={(v) => set('designs', v as Filters['designs'])}
      />
      <CheckboxGroup
        legend="Treatment class"
        options={TREATMENT_CLASSES.filter((c) => c !== 'control').map((c) => ({
          value: c,
          label: CLASS_LABELS[c],
          count: counts.classes.get(c) ?? 0,
        }))}
        selected={filters.classes}
        onChange={(v) => set('classes', v as Filters['classes'])}
      />
      <CheckboxGroup
        legend="Measure"
        options={METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m], count: counts.metrics.get(m) ?? 0 }))}
        selected={filters.metrics}
        onChange={(v) => set('metrics', v as Filters['metrics'])}
      />
      <details className="filter-group filter-fold" open={trialsOpen}>
        <summary>
          Trial details{' '}
          {trialCount > 0 ? (
            <span className="count">({trialCount} selected)</span>
          ) : (
            <span className="count">(comparison, risk of bias, population, rating)</span>
          )}
        </summary>
        <div className="filter-fold__body">
          <CheckboxGroup
            legend="Compared with"
            options={CONTROL_TYPES.map((c) => ({
              value: c,
              label: CONTROL_TYPE_LABELS[c],
              count: counts.controls.get(c) ?? 0,
            }))}
            selected={filters.controls}
            onChange={(v) => set('controls', v as Filters['controls'])}
          />
          <CheckboxGroup
            legend="Risk of bias (RoB 2)"
            options={RISK_OF_BIAS_JUDGEMENTS.map((r) => ({
              value: r,
              label: RISK_OF_BIAS_LABELS[r],
              count: counts.riskOfBias.get(r) ?? 0,
            }))}
            selected={filters.riskOfBias}
            onChange={(v) => set('riskOfBias', v as Filters['riskOfBias'])}
          />
          <CheckboxGroup
            legend="Population"
            options={POPULATION_GROUPS.map((p) => ({
              value: p,
              label: POPULATION_GROUP_LABELS[p],
              count: counts.populations.get(p) ?? 0,
            }))}
            selected={filters.populations}
            onChange={(v) => set('populations', v as Filters['populations'])}
          />
          <CheckboxGroup
            legend="Who rated symptoms"
            options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r], count: counts.ratings.get(r) ?? 0 }))}
            selected={filters.ratings}
            onChange={(v) => set('ratings', v as Filters['ratings'])}
          />
        </div>
      </details>
      <CheckboxGroup
        legend="Claim verdict"
        options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v], count: counts.verdicts.get(v) ?? 0 }))}
        selected={filters.verdicts}
        onChange={(v) => set('verdicts', v as Filters['verdicts'])}
      />
      <details className="filter-group filter-fold" open={yearsOpen}>
        <summary>
          Publication year{' '}
          {(filters.yearFrom !== null || filters.yearTo !== null) && (
            <span className="count">
              ({filters.yearFrom ?? minYear}–{filters.yearTo ?? maxYear})
            </span>
          )}
        </summary>
        <YearRange
          min={minYear}
          max={maxYear}
          from={filters.yearFrom}
          to={filters.yearTo}
          onChange={(yearFrom, yearTo) => onChange({ ...filters, yearFrom, yearTo })}
        />
      </details>
      <details className="filter-group filter-fold" open={sourcesOpen}>
        <summary>
          Sources {filters.sources.length > 0 && <span className="count">({filters.sources.length} selected)</span>}
        </summary>
        <SourcePicker
          sources={sources}
          selected={filters.sources}
          counts={counts.sources}
          onChange={(v) => set('sources', v)}
        />
      </details>
      <details className="filter-group treatment-picker">
        <summary>
          Treatments{' '}
          {filters.treatments.length > 0 && <span className="count">({filters.treatments.length} selected)</span>}
        </summary>
        <CheckboxGroup
          legend="Treatments and control arms"
          options={treatments}
          selected={filters.treatments}
          onChange={(v) => set('treatments', v)}
        />
      </details>
    </div>
  );
}
