import { useRef } from 'react';
import { ClaimEvidence } from '../../components/claim-evidence';
import { DatabaseCredit, RiskOfBiasSummary } from '../../components/database-credit';
import { DetailField } from '../../components/detail-field';
import { KindBadge } from '../../components/kind-badge';
import { NotAdvice } from '../../components/not-advice';
import { VerdictBadge } from '../../components/verdict-badge';
import { SourceIds } from '../../components/source-ids';
import { SourceLink } from '../../components/source-link';
import type { Store } from '../../data/normalize';
import type { Claim, Outcome, Source } from '../../data/schema';
import {
  CLASS_LABELS,
  CONDITION_LABELS,
  CONTRAST_LABELS,
  DIRECTION_LABELS,
  DOMAIN_LABELS,
  METRIC_LABELS,
  ONSET_BASIS_LABELS,
  POPULATION_GROUP_LABELS,
  RATING_LABELS,
  type DatabaseId,
} from '../../data/vocabulary';
import { formatInterval, formatNumber, formatTimepoint, formatValue } from '../../lib/format';
import { figureCondition, isPtsdPopulation } from '../../selectors/population';
import { useDialogFocus } from './use-dialog-focus';

type Props = {
  store: Store;
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
  onOnlySource: (sourceId: string) => void;
};

function OutcomeFields({ store, o }: { store: Store; o: Outcome }) {
  const comparator = o.comparatorId ? store.treatmentById.get(o.comparatorId) : undefined;
  const source = store.sourceById.get(o.sourceId);
  const condition = source ? figureCondition(o, source) : undefined;
  return (
    <>
      {condition && !isPtsdPopulation(condition) && (
        <p className="context-flag">
          Not a PTSD population: {CONDITION_LABELS[condition]}. Shown as context only; summaries of PTSD evidence leave
          it out.
        </p>
      )}
      <dl className="details-list">
        <DetailField label="Value">
          <strong>{formatValue(o)}</strong>
        </DetailField>
        <DetailField label="Interval">{formatInterval(o)}</DetailField>
        {o.se !== undefined && <DetailField label="Standard error">{formatNumber(o.se)}</DetailField>}
        <DetailField label="People (n)">
          {o.events !== undefined ? `${o.events} of ${formatNumber(o.n)}` : formatNumber(o.n)}
        </DetailField>
        <DetailField label="Compared with">{comparator?.name}</DetailField>
        <DetailField label="When">{formatTimepoint(o.timepoint)}</DetailField>
        {o.onsetBasis && <DetailField label="What this time is">{ONSET_BASIS_LABELS[o.onsetBasis]}</DetailField>}
        <DetailField label="Scale">{o.instrument}</DetailField>
        {o.rating && <DetailField label="Who rated it">{RATING_LABELS[o.rating]}</DetailField>}
        {o.domain && <DetailField label="Measures">{DOMAIN_LABELS[o.domain]}</DetailField>}
        {o.contrast && <DetailField label="Compares">{CONTRAST_LABELS[o.contrast]}</DetailField>}
        {o.direction && <DetailField label="How to read the sign">{DIRECTION_LABELS[o.direction]}</DetailField>}
        <DetailField label="Definition">{o.definition}</DetailField>
        {o.subgroup && <DetailField label="Who">{o.subgroup}</DetailField>}
        {o.sideEffect && <DetailField label="Side effect">{o.sideEffect}</DetailField>}
        <DetailField label="Where in the source">{o.locator}</DetailField>
        {o.note && <DetailField label="Read it right">{o.note}</DetailField>}
        {o.viaSecondary && (
          <DetailField label="Provenance">
            Read in a secondary summary of the study, not in the study’s own report.
          </DetailField>
        )}
        {o.provenance && (
          <DetailField label="Data from">
            <DatabaseCredit
              database={o.provenance.database}
              row={o.provenance.row}
              study={o.provenance.study}
              version={o.provenance.version}
            />
          </DetailField>
        )}
      </dl>
    </>
  );
}

function ClaimFields({ store, c, onOpen }: { store: Store; c: Claim; onOpen: (id: string) => void }) {
  return (
    <>
      <VerdictBadge verdict={c.verdict} />
      <dl className="details-list">
        <DetailField label="The claim">{c.statement}</DetailField>
        {c.quotedNumbers && <DetailField label="Numbers as printed">{c.quotedNumbers.join(', ')}</DetailField>}
        <DetailField label="Where in the post">{c.locator}</DetailField>
        <DetailField label="Why this verdict">{c.rationale}</DetailField>
      </dl>
      <ClaimEvidence store={store} claim={c} onOpen={onOpen} heading="h3" className="details-links" />
    </>
  );
}

/**
 * The source under the figure. `credited` is the database the figure's own credit already names, so a
 * record from that database is not credited twice in one panel.
 */
function SourceBlock({ source, credited }: { source: Source; credited?: DatabaseId }) {
  const fromDatabase = source.provenance && source.provenance.database !== credited ? source.provenance : undefined;
  const robCredit =
    source.riskOfBias?.database !== undefined &&
    source.riskOfBias.database !== credited &&
    source.riskOfBias.database !== source.provenance?.database;
  return (
    <section className="details-source" aria-label="Source">
      <h3>Source</h3>
      <p>
        <KindBadge kind={source.kind} />
      </p>
      <p className="citation">
        {source.authors && <>{source.authors} </>}
        {source.year && <>({source.year}). </>}
        <cite>{source.title}</cite>. {source.venue}.
      </p>
      <p>
        <SourceLink source={source} label="Open the source" /> <SourceIds source={source} />
      </p>
      {source.population && <p>Who was studied: {source.population}</p>}
      {source.design && <p>Design: {source.design}</p>}
      {source.n !== undefined && <p>n = {formatNumber(source.n)}</p>}
      {source.populationGroup && <p>Population group: {POPULATION_GROUP_LABELS[source.populationGroup]}</p>}
      {fromDatabase && (
        <p>
          This source’s record was generated from a database.{' '}
          <DatabaseCredit database={fromDatabase.database} study={fromDatabase.study} />
        </p>
      )}
      {source.riskOfBias && (
        <RiskOfBiasSummary rob={source.riskOfBias} heading="h4" id="details-rob-title" credit={robCredit} />
      )}
    </section>
  );
}

function siblingValue(store: Store, id: string): string {
  const o = store.outcomeById.get(id);
  return o ? formatValue(o) : '(claim)';
}

/** The panel a person opens from a row: every field, the locator, the full citation, and where to go next. */
export function FigureDetails({ store, id, onClose, onOpen, onOnlySource }: Props) {
  const panel = useRef<HTMLDialogElement>(null);
  useDialogFocus(panel, onClose, id);
  const outcome = store.outcomeById.get(id);
  const claim = outcome ? undefined : store.claimById.get(id);
  const record = outcome ?? claim;
  if (!record) return null;
  const source = store.sourceById.get(record.sourceId);
  const treatment = store.treatmentById.get(record.treatmentId);
  if (!source || !treatment) return null;
  const siblings = [
    ...(store.outcomesBySource.get(source.id) ?? []),
    ...(store.claimsBySource.get(source.id) ?? []),
  ].filter((r) => r.id !== id);
  const title = `${treatment.name}: ${METRIC_LABELS[record.metric]}`;

  return (
    <dialog ref={panel} className="details-panel" aria-labelledby="details-title">
      <div className="details-panel__body">
        <div className="details-head">
          <div>
            <p className="cell-sub">
              {claim ? 'Claim from a clinic blog' : 'Figure'} · {CLASS_LABELS[treatment.class]}
            </p>
            <h2 id="details-title">{title}</h2>
          </div>
          <button type="button" className="button button--quiet" onClick={onClose} data-autofocus>
            Close <span className="visually-hidden">details</span>
          </button>
        </div>
        <NotAdvice />
        {outcome && <OutcomeFields store={store} o={outcome} />}
        {claim && <ClaimFields store={store} c={claim} onOpen={onOpen} />}
        <SourceBlock source={source} credited={outcome?.provenance?.database} />
        <div className="details-actions">
          <button type="button" className="button" onClick={() => onOnlySource(source.id)}>
            Show only this source
          </button>
        </div>
        {siblings.length > 0 && (
          <section aria-labelledby="siblings-title">
            <h3 id="siblings-title">Other figures from this source ({siblings.length})</h3>
            <ul className="details-links">
              {siblings.map((r) => (
                <li key={r.id}>
                  <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                    {store.treatmentById.get(r.treatmentId)?.name}: {METRIC_LABELS[r.metric].toLowerCase()}{' '}
                    {siblingValue(store, r.id)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </dialog>
  );
}
