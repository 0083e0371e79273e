import { useId, useMemo } from 'react';
import type { Store } from '../../data/normalize';
import {
  CLASS_LABELS,
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

type Props = { store: Store; filters: Filters; onChange: (next: Filters) => void };

/** Every filter but the free-text search; changes apply at once to every view. */
export function FilterPanel({ store, filters, onChange }: Props) {
  const id = useId();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of store.sources) {
      m.set(s.id, (store.outcomesBySource.get(s.id)?.length ?? 0) + (store.claimsBySource.get(s.id)?.length ?? 0));
    }
    return m;
  }, [store]);
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
        .map((t) => ({ value: t.id, label: `${t.name} · ${CLASS_LABELS[t.class]}` })),
    [store],
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
        options={DESIGNS.map((d) => ({ value: d, label: DESIGN_LABELS[d] }))}
        selected={filters.designs}
        onChange={(v) => set('designs', v as Filters['designs'])}
      />
      <CheckboxGroup
        legend="Treatment class"
        options={TREATMENT_CLASSES.filter((c) => c !== 'control').map((c) => ({ value: c, label: CLASS_LABELS[c] }))}
        selected={filters.classes}
        onChange={(v) => set('classes', v as Filters['classes'])}
      />
      <CheckboxGroup
        legend="Measure"
        options={METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
        selected={filters.metrics}
        onChange={(v) => set('metrics', v as Filters['metrics'])}
      />
      <CheckboxGroup
        legend="Claim verdict"
        options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))}
        selected={filters.verdicts}
        onChange={(v) => set('verdicts', v as Filters['verdicts'])}
      />
      <YearRange
        min={minYear}
        max={maxYear}
        from={filters.yearFrom}
        to={filters.yearTo}
        onChange={(yearFrom, yearTo) => onChange({ ...filters, yearFrom, yearTo })}
      />
      <SourcePicker sources={sources} selected={filters.sources} counts={counts} onChange={(v) => set('sources', v)} />
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
