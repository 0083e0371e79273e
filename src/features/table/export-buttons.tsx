import { toCsv } from '../../lib/csv';
import { saveBlob } from '../../lib/download';
import { isoDate, plural } from '../../lib/format';
import { EXPORT_HEADER, selectAttribution, selectExportRecords } from '../../selectors/table-columns';
import type { TableRow } from '../../selectors/select-table-rows';

type Props = {
  rows: readonly TableRow[];
  datasetVersion: string;
  viewUrl: () => string;
  /** The filters applied, in words, written into both exports. */
  filters: readonly string[];
};

function download(name: string, type: string, body: string) {
  saveBlob(new Blob([body], { type }), name);
}

/** Downloads exactly the rows on screen, in their order, as CSV or JSON. */
export function ExportButtons({ rows, datasetVersion, viewUrl, filters }: Props) {
  const base = `ptsd-evidence-${isoDate()}`;
  const context = () => ({ datasetVersion, viewUrl: viewUrl(), filters });
  return (
    <div className="export" role="group" aria-label="Download the rows shown">
      <span className="export__label">Download {plural(rows.length, 'row', 'rows')}:</span>
      <button
        type="button"
        className="button button--quiet"
        disabled={rows.length === 0}
        onClick={() => {
          const records = selectExportRecords(rows, context());
          download(
            `${base}.csv`,
            'text/csv;charset=utf-8',
            toCsv(
              EXPORT_HEADER,
              records.map((r) => EXPORT_HEADER.map((h) => r[h])),
            ),
          );
        }}
      >
        CSV
      </button>
      <button
        type="button"
        className="button button--quiet"
        disabled={rows.length === 0}
        onClick={() => {
          // Databases whose data the rows carry, named with DOI and licence as their licences ask.
          const attribution = selectAttribution(rows);
          const body = {
            exported: new Date().toISOString(),
            datasetVersion,
            view: viewUrl(),
            filters,
            ...(attribution.length > 0 && { attribution }),
            rows: selectExportRecords(rows, context()),
          };
          download(`${base}.json`, 'application/json', `${JSON.stringify(body, null, 2)}\n`);
        }}
      >
        JSON
      </button>
    </div>
  );
}
