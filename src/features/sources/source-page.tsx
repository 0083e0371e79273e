import { useMemo, useState } from 'react';
import { DatabaseCredit, RiskOfBiasSummary } from '../../components/database-credit';
import { DetailField } from '../../components/detail-field';
import { EvidenceTable } from '../../components/evidence-table/evidence-table';
import { KindBadge } from '../../components/kind-badge';
import { SourceIds } from '../../components/source-ids';
import { SourceLink } from '../../components/source-link';
import type { Store } from '../../data/normalize';
import { CLASS_LABELS, POPULATION_GROUP_LABELS } from '../../data/vocabulary';
import { formatNumber } from '../../lib/format';
import { selectSortedRows } from '../../selectors/table-columns';
import { selectAllRows } from '../../selectors/select-table-rows';
import type { SortItem } from '../../state/view-state';

type Props = {
  store: Store;
  sourceId: string;
  onBack: () => void;
  onOpenRow: (id: string) => void;
  onOnlySource: (id: string) => void;
};

const STRENGTH: Record<string, string> = {
  strong: 'strong',
  weak: 'weak',
  conditional: 'conditional',
  'first-line': 'first-line',
  'second-line': 'second-line',
  unrated: 'strength not stated',
};

/** One source: its citation, design, guideline positions, and every figure taken from it. */
export function SourcePage({ store, sourceId, onBack, onOpenRow, onOnlySource }: Props) {
  const source = store.sourceById.get(sourceId);
  const [sort, setSort] = useState<SortItem[]>([]);
  const rows = useMemo(
    () =>
      selectSortedRows(
        selectAllRows(store).filter((r) => r.source.id === sourceId),
        sort,
      ),
    [store, sourceId, sort],
  );
  if (!source) return null;
  return (
    <section aria-labelledby="source-title" className="source-page">
      <button type="button" className="link-button" onClick={onBack}>
        ← All sources
      </button>
      <h2 id="source-title">{source.title}</h2>
      <p>
        <KindBadge kind={source.kind} /> {source.authors && <>{source.authors} </>}
        {source.year && <>({source.year}) </>}
        <em>{source.venue}</em>
      </p>
      <p>
        <SourceLink source={source} label="Open the source" /> <SourceIds source={source} />
      </p>
      <dl className="details-list">
        {source.population && <DetailField label="Who was studied">{source.population}</DetailField>}
        {source.design && <DetailField label="Design">{source.design}</DetailField>}
        {source.populationGroup && (
          <DetailField label="Population group">{POPULATION_GROUP_LABELS[source.populationGroup]}</DetailField>
        )}
        {source.n !== undefined && <DetailField label="n">{formatNumber(source.n)}</DetailField>}
        {source.notes && <DetailField label="Curator’s notes">{source.notes}</DetailField>}
        {source.provenance && (
          <DetailField label="Data from">
            <DatabaseCredit
              database={source.provenance.database}
              study={source.provenance.study}
              version={source.provenance.version}
            />
          </DetailField>
        )}
      </dl>
      {source.riskOfBias && (
        <RiskOfBiasSummary
          rob={source.riskOfBias}
          heading="h3"
          id="source-rob-title"
          credit={source.riskOfBias.database !== source.provenance?.database}
        />
      )}
      {source.recommendations && source.recommendations.length > 0 && (
        <>
          <h3>Positions in this guideline</h3>
          <ul className="recommendations">
            {source.recommendations.map((r, i) => {
              const t = r.treatmentId ? store.treatmentById.get(r.treatmentId) : undefined;
              return (
                <li key={i}>
                  <strong>{r.subject}</strong>
                  {t && <span className="cell-sub">{CLASS_LABELS[t.class]}</span>} —{' '}
                  {r.direction === 'for'
                    ? 'recommended'
                    : r.direction === 'against'
                      ? 'recommended against'
                      : 'insufficient evidence'}
                  {r.direction !== 'insufficient-evidence' && ` (${STRENGTH[r.strength]})`}. {r.statement}{' '}
                  <span className="cell-sub">
                    {r.locator}
                    {r.viaSecondary ? '; read in a secondary summary' : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>
        Figures from this source ({rows.length}){' '}
        {rows.length > 0 && (
          <button type="button" className="link-button" onClick={() => onOnlySource(source.id)}>
            Show only this source in the table
          </button>
        )}
      </h3>
      {rows.length === 0 ? (
        <p className="empty">This source contributes context (see the notes) but no figure to the dataset.</p>
      ) : (
        <EvidenceTable
          rows={rows}
          sort={sort}
          onSortChange={setSort}
          onOpenRow={onOpenRow}
          label={`Figures from ${source.title}`}
        />
      )}
    </section>
  );
}
