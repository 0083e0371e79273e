import { useEffect, useId, useMemo, useRef, useState } from 'react';
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
import { useMediaQuery } from '../../lib/use-media-query';
import type { Filters, KindFilter } from '../../state/view-state';
import { CheckboxGroup } from './checkbox-group';
import { SourcePicker } from './source-picker';
import { YearRange } from './year-range';

/** A facet whose boxes are a fixed vocabulary: its legend, the words in order, and their labels. */
type VocabularyFacet = {
  facet: 'designs' | 'classes' | 'metrics' | 'controls' | 'riskOfBias' | 'populations' | 'ratings' | 'verdicts';
  legend: string;
  values: readonly string[];
  labels: Readonly<Record<string, string>>;
};

const MAIN_FACETS: readonly VocabularyFacet[] = [
  { facet: 'designs', legend: 'Study design', values: DESIGNS, labels: DESIGN_LABELS },
  {
    facet: 'classes',
    legend: 'Treatment class',
    values: TREATMENT_CLASSES.filter((c) => c !== 'control'),
    labels: CLASS_LABELS,
  },
  { facet: 'metrics', legend: 'Measure', values: METRICS, labels: METRIC_LABELS },
];

/** Facets about how a trial was run, folded together under "Trial details". */
const TRIAL_FACETS: readonly VocabularyFacet[] = [
  { facet: 'controls', legend: 'Compared with', values: CONTROL_TYPES, labels: CONTROL_TYPE_LABELS },
  {
    facet: 'riskOfBias',
    legend: 'Risk of bias (RoB 2)',
    values: RISK_OF_BIAS_JUDGEMENTS,
    labels: RISK_OF_BIAS_LABELS,
  },
  { facet: 'populations', legend: 'Population', values: POPULATION_GROUPS, labels: POPULATION_GROUP_LABELS },
  { facet: 'ratings', legend: 'Who rated symptoms', values: RATINGS, labels: RATING_LABELS },
];

const VERDICT_FACET: VocabularyFacet = {
  facet: 'verdicts',
  legend: 'Claim verdict',
  values: VERDICTS,
  labels: VERDICT_LABELS,
};

/**
 * Where app.css folds the filters above the results and the dashboard puts a "Show N results" bar under
 * them (the dashboard's own narrow query).
 */
const FOLDED_QUERY = '(max-width: 60rem)';

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
  const group = ({ facet, legend, values, labels }: VocabularyFacet) => (
    <CheckboxGroup
      key={facet}
      legend={legend}
      options={values.map((v) => ({ value: v, label: labels[v] ?? v, count: counts[facet].get(v) ?? 0 }))}
      selected={filters[facet]}
      // The values offered are exactly the facet's vocabulary, so the cast only restates that.
      onChange={(v) => onChange({ ...filters, [facet]: v } as Filters)}
    />
  );
  // Years and Sources start folded (long lists on a phone) unless a link already sets them.
  const [yearsOpen] = useState(() => filters.yearFrom !== null || filters.yearTo !== null);
  const [sourcesOpen] = useState(() => filters.sources.length > 0);
  const trialCount = TRIAL_FACETS.reduce((n, f) => n + filters[f.facet].length, 0);
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

  // Folded above the results, the options scroll in a box of their own that ends where the "Show N results"
  // bar begins, so the bar never covers a checkbox (to touch, to sight or to keyboard focus). The box is a
  // labelled region in the tab order, so it can be scrolled from the keyboard (axe: scrollable-region-focusable),
  // as ScrollRegion does for the wide tables. Beside the results it is a plain list: no extra tab stop there.
  const folded = useMediaQuery(FOLDED_QUERY);
  const panel = useRef<HTMLDivElement>(null);
  const drawn = useRef(false);
  useEffect(() => {
    const details = panel.current?.closest('details');
    // Whether the panel was drawn into filters already open (the dashboard may draw it only once they are).
    const drawnOpen = !drawn.current && details?.open === true;
    drawn.current = true;
    if (!folded || !details) return;
    // Opened, the panel (title, options, bar) is at most one screen tall: its top at the top of the screen puts
    // all of it in view, bar included, even as lists unfold. (Should it be taller after all, the bar comes first.)
    const bringIntoView = () => {
      const tall = details.getBoundingClientRect().height > window.innerHeight;
      details.scrollIntoView({ block: tall ? 'end' : 'start' });
    };
    if (drawnOpen) bringIntoView();
    const onToggle = () => {
      if (details.open) bringIntoView();
    };
    details.addEventListener('toggle', onToggle);
    return () => details.removeEventListener('toggle', onToggle);
  }, [folded]);

  return (
    <div
      ref={panel}
      className={folded ? 'filter-panel filter-panel--scroll' : 'filter-panel'}
      {...(folded && { role: 'region', 'aria-label': 'Filter options', tabIndex: 0 })}
    >
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
      {MAIN_FACETS.map(group)}
      <details className="filter-group filter-fold" open={trialsOpen}>
        <summary>
          Trial details{' '}
          {trialCount > 0 ? (
            <span className="count">({trialCount} selected)</span>
          ) : (
            <span className="count">(comparison, risk of bias, population, rating)</span>
          )}
        </summary>
        <div className="filter-fold__body">{TRIAL_FACETS.map(group)}</div>
      </details>
      {group(VERDICT_FACET)}
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
