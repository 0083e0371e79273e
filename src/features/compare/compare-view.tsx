import type { Store } from '../../data/normalize';
import type { Outcome } from '../../data/schema';
import { ScrollRegion } from '../../components/scroll-region';
import { CLASS_LABELS, METRICS, METRIC_LABELS, TREATMENT_CLASSES } from '../../data/vocabulary';

/** How much evidence the dataset holds per treatment class and question. */
export function CompareView({ store, outcomes }: { store: Store; outcomes: readonly Outcome[] }) {
  const classes = TREATMENT_CLASSES.filter((c) => c !== 'control');
  const count = (cls: string, metric: string) =>
    outcomes.filter((o) => o.metric === metric && store.treatmentById.get(o.treatmentId)?.class === cls).length;
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">What the dataset covers</h2>
      <p className="lede">
        Number of figures per treatment class and measure among the figures that pass the filters (control arms not
        counted). Charts of these figures are planned next.
      </p>
      <ScrollRegion label="Coverage by class and measure">
        <table className="evidence-table coverage">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {classes.map((c) => (
                <th key={c} scope="col">
                  {CLASS_LABELS[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {METRICS.map((m) => (
              <tr key={m}>
                <th scope="row">{METRIC_LABELS[m]}</th>
                {classes.map((c) => (
                  <td key={c}>{count(c, m)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
