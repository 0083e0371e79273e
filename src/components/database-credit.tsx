import { Fragment } from 'react';
import type { RiskOfBias } from '../data/schema';
import {
  DATABASES,
  RISK_OF_BIAS_DOMAINS,
  RISK_OF_BIAS_DOMAIN_LABELS,
  RISK_OF_BIAS_LABELS,
  type DatabaseId,
  type RiskOfBiasJudgement,
} from '../data/vocabulary';
import { doiUrl, safeHref } from '../lib/safe-url';

type CreditProps = {
  database: DatabaseId;
  /** The row of the database's table the record was made from. */
  row?: number;
  /** The database's own label for the study, e.g. "Acarturk, 2016". */
  study?: string;
  /** The database version, e.g. "2023-10-26 18e03cb". */
  version?: string;
  /** The words before the database's name; "From the" unless the context calls for others. */
  lead?: string;
};

/** "row 12 (study “Acarturk, 2016”)", "study “Acarturk, 2016”", or nothing. */
function placeInDatabase(row: number | undefined, study: string | undefined): string {
  const label = study ? `study “${study}”` : '';
  if (row !== undefined) return label ? `row ${row} (${label})` : `row ${row}`;
  return label;
}

/**
 * Where a figure comes from when an external database supplied it: the database's name, the row and
 * study it was made from, its DOI and its licence. The licence asks for all three wherever its data
 * are shown. Links are https only and at least 24 px high (the `source-ids` class, WCAG 2.5.8).
 */
export function DatabaseCredit({ database, row, study, version, lead = 'From the' }: CreditProps) {
  const db = DATABASES[database];
  const place = placeInDatabase(row, study);
  const doiHref = safeHref(doiUrl(db.doi));
  const licenceHref = safeHref(db.licence.url);
  return (
    <span className="database-credit" data-testid="database-credit">
      <span>
        {lead} {db.name}
        {version && <>, version {version}</>}
        {place && <>, {place}</>}.
      </span>
      <span className="source-ids">
        {doiHref && (
          <a href={doiHref} target="_blank" rel="noopener noreferrer">
            DOI {db.doi} <span className="visually-hidden">(the {db.shortName}, opens in a new tab)</span>
          </a>
        )}
        {licenceHref && (
          <a href={licenceHref} target="_blank" rel="noopener noreferrer">
            Licence: {db.licence.name} <span className="visually-hidden">(opens in a new tab)</span>
          </a>
        )}
      </span>
    </span>
  );
}

/** A judgement in words, with a sign that does not rely on colour: ✓ low, ! some concerns, ✗ high. */
const JUDGEMENT_SIGN: Record<RiskOfBiasJudgement, string> = {
  low: '✓',
  'some-concerns': '!',
  high: '✗',
};

function Judgement({ value }: { value: RiskOfBiasJudgement }) {
  return (
    <>
      <span aria-hidden="true">{JUDGEMENT_SIGN[value]} </span>
      {RISK_OF_BIAS_LABELS[value]}
    </>
  );
}

type RobProps = {
  rob: RiskOfBias;
  /** The heading level that fits where the block sits (h3 on a page, h4 inside the details panel's Source). */
  heading: 'h3' | 'h4';
  id: string;
  /** False where the same database is already credited nearby (the figure's own credit). */
  credit?: boolean;
};

/**
 * A trial's risk-of-bias appraisal: the overall judgement and the five domains of the tool, in words,
 * and who made the judgement (a database, credited with its DOI and licence, or the dashboard's curators).
 */
export function RiskOfBiasSummary({ rob, heading: Heading, id, credit = true }: RobProps) {
  const db = rob.database ? DATABASES[rob.database] : undefined;
  return (
    <section aria-labelledby={id} className="risk-of-bias" data-testid="risk-of-bias">
      <Heading id={id}>Risk of bias ({rob.tool})</Heading>
      <dl className="details-list">
        <dt>Overall</dt>
        <dd>
          <strong>
            <Judgement value={rob.overall} />
          </strong>
        </dd>
        {RISK_OF_BIAS_DOMAINS.map((d) => (
          <Fragment key={d}>
            <dt>{RISK_OF_BIAS_DOMAIN_LABELS[d]}</dt>
            <dd>
              <Judgement value={rob[d]} />
            </dd>
          </Fragment>
        ))}
        <dt>Judged by</dt>
        <dd>
          {db && rob.database ? (
            <>
              The {db.shortName}, not the curators of this dashboard; copied as the database records it.
              {credit && (
                <>
                  {' '}
                  <DatabaseCredit database={rob.database} />
                </>
              )}
            </>
          ) : (
            'The curators of this dashboard.'
          )}
        </dd>
      </dl>
    </section>
  );
}
