import type { TableRow } from '../../selectors/select-table-rows';
import { EvidenceTable } from './evidence-table';

type Props = { rows: TableRow[]; total: number };

/** The evidence table with its heading and count. */
export function TableView({ rows, total }: Props) {
  const figures = rows.filter((r) => r.rowKind === 'figure').length;
  const claims = rows.length - figures;
  return (
    <section aria-labelledby="table-title">
      <h2 id="table-title">All figures</h2>
      <p className="lede" aria-live="polite">
        Showing {rows.length} of {total} rows: {figures} figures from research and official sources
        {claims > 0 ? `, and ${claims} claims from clinic blogs (marked “Claim to check”)` : ''}.
      </p>
      {rows.length === 0 ? <p className="empty">No figures match.</p> : <EvidenceTable rows={rows} />}
    </section>
  );
}
