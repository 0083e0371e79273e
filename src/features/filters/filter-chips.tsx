import type { Store } from '../../data/normalize';
import {
  CLASS_LABELS,
  CONTROL_TYPE_LABELS,
  DESIGN_LABELS,
  METRIC_LABELS,
  POPULATION_GROUP_LABELS,
  RATING_LABELS,
  RISK_OF_BIAS_LABELS,
  VERDICT_LABELS,
} from '../../data/vocabulary';
import { shortCitation } from '../../lib/format';
import { OPTION_LABELS, QUESTION_LABELS } from '../../selectors/options';
import { DEFAULT_FILTERS, hasActiveFilters, type Filters } from '../../state/view-state';

type Chip = { key: string; label: string; remove: (f: Filters) => Filters };

function chipsFor(store: Store, f: Filters): Chip[] {
  const without =
    <
      K extends
        | 'sources'
        | 'designs'
        | 'classes'
        | 'treatments'
        | 'metrics'
        | 'verdicts'
        | 'controls'
        | 'riskOfBias'
        | 'populations'
        | 'ratings',
    >(
      key: K,
      value: string,
    ) =>
    (x: Filters) => ({
      ...x,
      [key]: (x[key] as string[]).filter((v) => v !== value),
    });
  const chips: Chip[] = [];
  if (f.kind === 'peer-reviewed')
    chips.push({ key: 'kind', label: 'Research only', remove: (x) => ({ ...x, kind: 'all' }) });
  for (const d of f.designs)
    chips.push({ key: `design-${d}`, label: `Design: ${DESIGN_LABELS[d]}`, remove: without('designs', d) });
  for (const c of f.classes)
    chips.push({ key: `class-${c}`, label: `Class: ${CLASS_LABELS[c]}`, remove: without('classes', c) });
  for (const m of f.metrics)
    chips.push({ key: `metric-${m}`, label: `Measure: ${METRIC_LABELS[m]}`, remove: without('metrics', m) });
  for (const v of f.verdicts)
    chips.push({ key: `verdict-${v}`, label: `Verdict: ${VERDICT_LABELS[v]}`, remove: without('verdicts', v) });
  for (const c of f.controls)
    chips.push({
      key: `control-${c}`,
      label: `Compared with: ${CONTROL_TYPE_LABELS[c]}`,
      remove: without('controls', c),
    });
  for (const r of f.riskOfBias)
    chips.push({ key: `rob-${r}`, label: `Risk of bias: ${RISK_OF_BIAS_LABELS[r]}`, remove: without('riskOfBias', r) });
  for (const p of f.populations)
    chips.push({
      key: `pop-${p}`,
      label: `Population: ${POPULATION_GROUP_LABELS[p]}`,
      remove: without('populations', p),
    });
  for (const r of f.ratings)
    chips.push({ key: `rating-${r}`, label: `Rating: ${RATING_LABELS[r]}`, remove: without('ratings', r) });
  for (const t of f.treatments) {
    chips.push({
      key: `tx-${t}`,
      label: `Treatment: ${store.treatmentById.get(t)?.name ?? t}`,
      remove: without('treatments', t),
    });
  }
  for (const s of f.sources) {
    const source = store.sourceById.get(s);
    chips.push({
      key: `src-${s}`,
      label: `Source: ${source ? shortCitation(source) : s}`,
      remove: without('sources', s),
    });
  }
  if (f.yearFrom !== null || f.yearTo !== null) {
    chips.push({
      key: 'years',
      label: `Years: ${f.yearFrom ?? '…'}–${f.yearTo ?? '…'}`,
      remove: (x) => ({ ...x, yearFrom: null, yearTo: null }),
    });
  }
  if (f.query.trim())
    chips.push({ key: 'q', label: `Search: “${f.query.trim()}”`, remove: (x) => ({ ...x, query: '' }) });
  if (f.cell) {
    chips.push({
      key: 'cell',
      label: `Behind the summary: ${OPTION_LABELS[f.cell.option]} · ${QUESTION_LABELS[f.cell.question]}`,
      remove: (x) => ({ ...x, cell: null }),
    });
  }
  return chips;
}

/** The active filters in words ("Class: SSRI", "Design: Randomized trial"), as the chips show them. */
export function filterLabels(store: Store, f: Filters): string[] {
  return chipsFor(store, f).map((c) => c.label);
}

type Props = { store: Store; filters: Filters; onChange: (next: Filters) => void };

/** The active filters as removable chips, plus "Clear all". */
export function FilterChips({ store, filters, onChange }: Props) {
  if (!hasActiveFilters(filters)) return null;
  const chips = chipsFor(store, filters);
  return (
    <ul className="chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            className="chip"
            onClick={() => onChange(chip.remove(filters))}
            aria-label={`Remove filter ${chip.label}`}
          >
            {chip.label} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="chip chip--clear" onClick={() => onChange(DEFAULT_FILTERS)}>
          Clear all filters
        </button>
      </li>
    </ul>
  );
}
