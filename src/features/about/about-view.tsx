import type { Store } from '../../data/normalize';

/** What the dashboard is, how the data was curated, and what it is not. */
export function AboutView({ store }: { store: Store }) {
  return (
    <section aria-labelledby="about-title" className="prose">
      <h2 id="about-title">About this dashboard</h2>
      <p>
        Clinic websites describe ketamine for PTSD in confident terms, while SSRIs and talking therapy are often
        described vaguely as slow. This dashboard sets the published figures side by side so that patients, families,
        clinicians and journalists can see what each treatment has actually been shown to do: how fast it works, how
        long the benefit lasts, how many people respond or remit, and what it costs in side effects and dropout.
      </p>
      <h3>How the figures were chosen</h3>
      <ul>
        <li>
          Every figure was read in a trial report, review, guideline, drug label or registry record, and carries a
          locator saying where in that source it appears.
        </li>
        <li>
          A rate from a controlled trial is shown with its control arm’s rate, so no number stands without its baseline.
        </li>
        <li>
          Statements from clinic blogs are kept apart as <em>claims</em>, each with a verdict and the figures it was
          checked against. They never count as evidence.
        </li>
        <li>Numbers are copied exactly; every explanation is written afresh.</li>
      </ul>
      <h3>The dataset</h3>
      <p>
        Version {store.version}, reviewed {store.reviewed}: {store.sources.length} sources, {store.outcomes.length}{' '}
        figures and {store.claims.length} claims. The files are plain JSON and can be downloaded and checked
        independently.
      </p>
      <h3>Not medical advice</h3>
      <p>
        Group averages from studies cannot say what will happen to one person. Please discuss treatment decisions with a
        qualified clinician.
      </p>
    </section>
  );
}
