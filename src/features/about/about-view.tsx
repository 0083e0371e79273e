import { useEffect, useState } from 'react';
import { DatabaseCredit } from '../../components/database-credit';
import { VerdictBadge } from '../../components/verdict-badge';
import type { Store } from '../../data/normalize';
import { DATA_FILE_NAMES } from '../../data/files';
import { DATABASE_IDS, DATABASES, VERDICTS, type DatabaseId } from '../../data/vocabulary';
import { plural } from '../../lib/format';
import { safeHref } from '../../lib/safe-url';
import { parseMarkdown, type Block, type Inline } from '../../lib/mini-markdown';

const GAPS_FILE = 'data/known-gaps.md';

function Text({ parts }: { parts: readonly Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.code ? (
          <code key={i}>{p.text}</code>
        ) : p.bold ? (
          <strong key={i}>{p.text}</strong>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** The known gaps, read from the same file the data dictionary points to: one source of truth. */
function KnownGaps() {
  const [state, setState] = useState<{ blocks: Block[] } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(new URL(GAPS_FILE, document.baseURI), { cache: 'no-cache' })
      .then(async (r) => {
        if (!r.ok) throw new Error(`the server answered ${r.status}`);
        return r.text();
      })
      .then(
        (text) => live && setState({ blocks: parseMarkdown(text).filter((b) => b.type !== 'heading' || b.level > 1) }),
      )
      .catch((e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, []);
  if (!state) return <p role="status">Loading the list of known gaps…</p>;
  if ('error' in state) {
    return (
      <p role="alert">
        The list of known gaps could not be loaded ({state.error}). It is the file <a href={GAPS_FILE}>{GAPS_FILE}</a>{' '}
        in the dataset.
      </p>
    );
  }
  return (
    <div className="known-gaps" data-testid="known-gaps">
      {state.blocks.map((b, i) =>
        b.type === 'heading' ? (
          <h4 key={i}>
            <Text parts={b.content} />
          </h4>
        ) : b.type === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Text parts={item} />
              </li>
            ))}
          </ul>
        ) : b.content.length === 1 && b.content[0]?.bold ? (
          <h4 key={i}>{b.content[0].text}</h4>
        ) : (
          <p key={i}>
            <Text parts={b.content} />
          </p>
        ),
      )}
    </div>
  );
}

/**
 * What each external database holds and how it was brought in, in words. The numbers are the
 * database's own (data/external/<id>/README.md and ORIGIN.md); what it gave this dashboard is
 * counted from the store, so it follows the data.
 */
const DATABASE_NOTES: Record<DatabaseId, { holds: string; lastSearch: string; importCommand: string; folder: string }> =
  {
    'metapsy-ptsd-psyctr': {
      holds:
        'randomized trials of psychological treatments for PTSD against control conditions (waitlist, usual care and others), built by the US Department of Veterans Affairs’ National Center for PTSD (the PTSD-Repository) and published in the Metapsy data standard. The snapshot used here holds 102 trials as 131 rows: one per comparison and outcome rating, all at the end of treatment.',
      lastSearch: '2023-03-03',
      importCommand: 'npm run import:metapsy',
      folder: 'data/external/metapsy-ptsd-psyctr/',
    },
  };

/** What one database gave this dashboard, counted from the store. */
function databaseShare(store: Store, id: DatabaseId) {
  const from = (r: { provenance?: { database: string } }) => r.provenance?.database === id;
  const versions = new Set(
    [...store.sources, ...store.treatments, ...store.outcomes].flatMap((r) =>
      r.provenance?.database === id ? [r.provenance.version] : [],
    ),
  );
  return {
    figures: store.outcomes.filter(from).length,
    sources: store.sources.filter(from).length,
    treatments: store.treatments.filter(from).length,
    // Trials curated here that the database also covers: it adds its risk-of-bias judgement to them.
    merged: store.sources.filter((s) => !s.provenance && s.riskOfBias?.database === id).length,
    versions: [...versions],
  };
}

function DatabaseSection({ store, id }: { store: Store; id: DatabaseId }) {
  const db = DATABASES[id];
  const notes = DATABASE_NOTES[id];
  const share = databaseShare(store, id);
  const origin = safeHref(db.origin);
  const headingId = `database-${id}`;
  return (
    <section aria-labelledby={headingId} data-testid={`database-${id}`}>
      <h4 id={headingId}>{db.name}</h4>
      <p>
        What it holds: {notes.holds} Its last literature search was on{' '}
        <time dateTime={notes.lastSearch}>{notes.lastSearch}</time>
        {share.versions.length > 0 && <> (snapshot version {share.versions.join(', ')})</>}.
      </p>
      <p>
        <DatabaseCredit database={id} lead="Name it as the" />
      </p>
      <p>
        What it gives this dashboard: {plural(share.figures, 'figure', 'figures')} of {store.outcomes.length},{' '}
        {plural(share.sources, 'source', 'sources')} of {store.sources.length} and{' '}
        {plural(share.treatments, 'treatment', 'treatments')} of {store.treatments.length} were generated from it
        {share.merged > 0 && (
          <>
            ; for {plural(share.merged, 'more trial', 'more trials')} that were curated here by hand, it adds its
            risk-of-bias judgements and who the trial enrolled
          </>
        )}
        . Each of these says so in its details, with the database’s DOI and licence, and downloads of the table name it
        in their columns.
      </p>
      <p>
        How it was brought in: the command <code>{notes.importCommand}</code> reads an unmodified copy of the database
        kept in the project (<code>{notes.folder}</code>
        {origin && (
          <>
            , taken from{' '}
            <a href={origin} target="_blank" rel="noopener noreferrer">
              its public repository <span className="visually-hidden">(opens in a new tab)</span>
            </a>
          </>
        )}
        ) and rewrites the records made from it; nobody edits them by hand. Trials already curated here were matched by
        DOI, PubMed id or a checked author and year and merged, not added twice: their own figures stay as curated. The
        database has one row per comparison and rating, so one trial can appear in several rows that share participants;
        do not pool those rows as if they were separate trials.
      </p>
    </section>
  );
}

const VERDICT_MEANING = {
  consistent: 'the evidence bears the statement out.',
  overstated: 'goes further than the evidence: faster, larger, longer or surer.',
  misattributed: 'a real figure pinned to the wrong study, year, dose or number of infusions.',
  'missing-context': 'right as far as it goes, but leaves out something that changes its meaning.',
  unsupported: 'no study on record shows it.',
} as const;

/** What the dashboard is for and not for, how it was made, what its words mean, and how to cite or correct it. */
export function AboutView({ store, claimLink }: { store: Store; claimLink: (id: string) => string }) {
  const files = Object.values(DATA_FILE_NAMES);
  return (
    <section aria-labelledby="about-title" className="prose">
      <h2 id="about-title">About this dashboard and how it was made</h2>
      <p>
        Clinic websites describe ketamine for PTSD in confident terms, while SSRIs and talking therapy are often
        described vaguely as slow. This dashboard sets the published figures side by side so that patients, families,
        clinicians and journalists can see what each treatment has been shown to do: how fast it works, how long the
        benefit lasts, how many people respond or remit, and what it costs in side effects and dropout.
      </p>
      <h3>What it is not for</h3>
      <p>
        It is not medical advice and cannot say what will work for one person: every figure is an average over a group
        of people in a study, with its own doses, controls and follow-up. It is not a complete review either; the known
        gaps below say what is missing. Talk to a clinician before starting, stopping or changing treatment.
      </p>

      <h3>How sources were chosen and figures extracted</h3>
      <ul>
        <li>
          <strong>Seen, not remembered.</strong> A figure is here only if it was read in a trial report, review,
          guideline, drug label or registry record, whose address is recorded.
        </li>
        <li>
          <strong>Exact numbers, own words.</strong> Numbers are copied exactly; every note and explanation was written
          afresh.
        </li>
        <li>
          <strong>A locator for every figure:</strong> the table, section or paragraph where it appears.
        </li>
        <li>
          <strong>Both arms.</strong> A rate from a controlled trial comes with its control arm’s rate, so 67% is never
          shown without its 20%.
        </li>
        <li>
          <strong>Secondary readings are marked.</strong> A figure read in a review or letter rather than the study’s
          own report says so in its details.
        </li>
        <li>
          <strong>Blogs are claims, not evidence.</strong> Statements from clinic blogs are kept apart, each with a
          verdict and the figures it was checked against.
        </li>
      </ul>

      <h3>What the verdicts mean</h3>
      <dl className="verdict-meanings">
        {VERDICTS.map((v) => {
          const example = store.claims.find((c) => c.verdict === v);
          return (
            <div key={v}>
              <dt>
                <VerdictBadge verdict={v} />
              </dt>
              <dd>
                {VERDICT_MEANING[v]}{' '}
                {example && (
                  <>
                    Example: <a href={claimLink(example.id)}>{example.statement}</a>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>

      <h3>Words and numbers, in plain language</h3>
      <dl className="glossary">
        <dt>“A of 100 vs B of 100”, “per 100”</dt>
        <dd>
          Out of every 100 people on the treatment, A improved; out of every 100 on the control arm, B did. The
          difference, A minus B per 100, is roughly how many more improved because of the treatment rather than the
          passing of time or the care of taking part.
        </dd>
        <dt>95% interval, Wilson interval</dt>
        <dd>
          The range of values the study is compatible with. Where a source gives counts (10 of 15) but no interval, the
          dashboard works one out by the Wilson method, labelled “from counts”; it never invents one otherwise.
        </dd>
        <dt>NNT (number needed to treat), NNH (to harm)</dt>
        <dd>
          How many people need the treatment instead of the control for one more to improve (or to have a side effect).
          Smaller NNT is better; it is shown only where both arms’ counts were printed.
        </dd>
        <dt>How fast: first rating, first ahead of control, course length, guidance</dt>
        <dd>
          A time can mean different things. “Better at the first rating” means the first check after dosing already
          showed benefit (it may have begun earlier). “First ahead of control” is the first visit where the treatment
          beat placebo. A course length (massed PE’s 2 weeks) is not an onset, and guidance is a usual time, not a
          measurement. Charts give each its own shape.
        </dd>
        <dt>Limits (“at most”, “at least”)</dt>
        <dd>A number printed as a limit is drawn as an arrow, never as a point.</dd>
        <dt>Which way a number reads (direction)</dt>
        <dd>
          Some studies print benefit as a negative number, some as positive, and ratios of side effects read the other
          way round from ratios of response. Each comparison records which way it reads, so charts can put “favours the
          treatment” on the same side; where a source does not say, the figure is listed as not shown rather than
          guessed.
        </dd>
        <dt>Not a PTSD population</dt>
        <dd>
          A few figures come from people without PTSD (esketamine in depression trials, a drug label pooled across
          conditions). They are shown only as labelled context and left out of the headlines.
        </dd>
      </dl>

      <h3>The dataset</h3>
      <p>
        Version <strong>{store.version}</strong>, reviewed <time dateTime={store.reviewed}>{store.reviewed}</time>:{' '}
        {store.sources.length} sources, {store.outcomes.length} figures and {store.claims.length} claims. Download the
        files as they are:
      </p>
      <ul className="downloads">
        {files.map((f) => (
          <li key={f}>
            <a href={`data/${f}`} download>
              {f}
            </a>
          </li>
        ))}
        <li>
          <a href={GAPS_FILE} download>
            known-gaps.md
          </a>
        </li>
      </ul>

      <h3>Data from other databases</h3>
      <p>
        Most figures here were read and copied by hand. Some come from an openly licensed research database instead; its
        licence lets anyone reuse the data as long as they name the database, give its DOI and name the licence.
      </p>
      {DATABASE_IDS.map((db) => (
        <DatabaseSection key={db} store={store} id={db} />
      ))}

      <h3>Known gaps</h3>
      <KnownGaps />

      <h3>How to cite</h3>
      <p>
        The dashboard: <em>PTSD Treatment Evidence</em>, dataset version {store.version} (reviewed {store.reviewed}),
        with the address of the view you used; every view, filter and opened figure is in the address.
      </p>
      <p>
        A figure: cite the original source shown in the figure’s details (its DOI or PubMed link) and the place given
        there, and mention that you found it through this dashboard, version {store.version}. A figure generated from a
        database (its details say so) also needs the database’s name, DOI and licence, as given in its details and under
        “Data from other databases” above.
      </p>

      <h3>How to propose a correction or a new source</h3>
      <p>
        Open an issue in the project’s repository naming the figure (its id is in the address after <code>fig=</code>),
        what is wrong, and where you read the right number: the address of the source and the table or paragraph. A new
        source needs the same: a DOI or PubMed link and the place of each figure. The data dictionary (
        <code>data/README.md</code>) describes every field.
      </p>
    </section>
  );
}
