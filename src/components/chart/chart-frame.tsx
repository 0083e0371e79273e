import { Component, useRef, useState, type ReactNode } from 'react';
import type { Store } from '../../data/normalize';
import type { Source } from '../../data/schema';
import { buildExportSvg, downloadPng, downloadSvg, type ExportLegendItem } from '../../lib/chart-export';
import { plural, shortCitation } from '../../lib/format';
import type { Excluded } from '../../selectors/select-arm-pairs';
import { SourceLink } from '../source-link';
import { MarkShape } from './mark-shape';
import { useElementWidth } from './use-element-width';

export type ChartTable = {
  columns: readonly string[];
  rows: readonly { id: string; cells: readonly string[] }[];
};

type Props = {
  /** Anchor and file name: the chart is linkable as #chart-<id>. */
  id: string;
  title: string;
  /** One computed sentence saying what the chart shows. */
  takeaway: string;
  legend: readonly ExportLegendItem[];
  /** Sources of the marks drawn, computed from the records. */
  sources: readonly Source[];
  excluded: readonly Excluded[];
  table: ChartTable;
  store: Store;
  /** Said instead of the chart when the filters leave nothing to draw. */
  emptyText: string | null;
  onOpenFigure: (id: string) => void;
  /** What a "view as table" row opens, when its rows are not figures (defaults to the figure's details). */
  onOpenRow?: (id: string) => void;
  /** The chart, drawn at the measured width. */
  children: (width: number) => ReactNode;
};

/**
 * Keeps a chart that throws while drawing from taking the page down: the frame (title, takeaway,
 * sources, "view as table") stays, and the drawing gives way to a sentence and "Try again".
 * (The views' boundary lives in src/app; shared components may not import the app.)
 */
class ChartBoundary extends Component<{ children: ReactNode }, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };
  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    const { error } = this.state;
    const raw = (error instanceof Error ? error.message : String(error)).trim().replace(/[.\s]+$/, '');
    const message = raw.length > 300 ? `${raw.slice(0, 300)}…` : raw || 'an unexpected error';
    return (
      <div className="notice" role="alert">
        <p>This part of the page could not be shown: {message}. The rest of the page still works.</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null, failed: false })}>
          Try again
        </button>
      </div>
    );
  }
}

/** Calls the drawing function inside the boundary, so an error in it is caught there. */
function ChartDrawing({ draw, width }: { draw: (width: number) => ReactNode; width: number }) {
  return draw(width);
}

/**
 * What every chart shares: title, takeaway, legend, the chart at its measured width, a
 * sources line, downloads that carry all of these, "view as table" and the list of
 * figures that could not be placed, with why.
 */
export function ChartFrame(props: Props) {
  const { id, title, takeaway, legend, sources, excluded, table, store, emptyText, onOpenFigure, children } = props;
  const openRow = props.onOpenRow ?? onOpenFigure;
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const [problem, setProblem] = useState<string | null>(null);
  const sourcesLine = `Sources: ${sources.map(shortCitation).join('; ') || 'none'}.`;

  const exportSvg = () => {
    const svg = box.current?.querySelector('svg.recharts-surface');
    if (!svg) return null;
    const rect = svg.getBoundingClientRect();
    return buildExportSvg({
      chartSvg: svg.outerHTML,
      chartWidth: rect.width || width,
      chartHeight: rect.height || Number(svg.getAttribute('height')) || 300,
      title,
      takeaway,
      legend,
      sourcesLine,
      url: window.location.href.replace(/#.*$/, '') + `#chart-${id}`,
    });
  };
  const download = async (kind: 'svg' | 'png') => {
    setProblem(null);
    const svg = exportSvg();
    if (!svg) return setProblem('There is no chart to download.');
    try {
      if (kind === 'svg') downloadSvg(svg, `ptsd-evidence-${id}.svg`);
      else await downloadPng(svg, `ptsd-evidence-${id}.png`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The download failed.');
    }
  };

  return (
    <section className="chart" id={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <h3 id={`chart-${id}-title`}>
        <a className="chart-anchor" href={`#chart-${id}`}>
          {title}
        </a>
      </h3>
      <p className="chart-takeaway">{takeaway}</p>
      {emptyText ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <>
          <ul className="chart-legend" aria-label="Legend">
            {legend.map((item) => (
              <li key={item.label}>
                <svg width="16" height="16" aria-hidden="true" focusable="false">
                  <MarkShape shape={item.shape} x={8} y={8} size={5} color={item.color} />
                </svg>
                {item.label}
              </li>
            ))}
          </ul>
          <div className="chart-box" ref={box}>
            <ChartBoundary>
              <ChartDrawing draw={children} width={width} />
            </ChartBoundary>
          </div>
        </>
      )}
      <p className="chart-sources">
        Sources:{' '}
        {sources.length === 0
          ? 'none'
          : sources.map((s, i) => (
              <span key={s.id}>
                {i > 0 && '; '}
                <SourceLink source={s} />
              </span>
            ))}
      </p>
      <div className="chart-actions">
        {!emptyText && (
          <>
            <button type="button" className="button" onClick={() => void download('svg')}>
              Download SVG
            </button>
            <button type="button" className="button" onClick={() => void download('png')}>
              Download PNG
            </button>
          </>
        )}
        {problem && (
          <p role="alert" className="chart-problem">
            {problem}
          </p>
        )}
      </div>
      {table.rows.length > 0 && (
        <details className="chart-table">
          <summary>View as table ({table.rows.length} rows)</summary>
          <div className="chart-table__scroll">
            <table>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.id}>
                    {r.cells.map((c, i) => (
                      <td key={i} data-label={table.columns[i]}>
                        {i === 0 ? (
                          <button type="button" className="link-button" onClick={() => openRow(r.id)}>
                            {c}
                          </button>
                        ) : (
                          c
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {excluded.length > 0 && (
        <details className="chart-excluded">
          <summary>{plural(excluded.length, 'figure', 'figures')} not shown here, and why</summary>
          <ul>
            {excluded.map((e) => {
              const o = store.outcomeById.get(e.recordId);
              const s = o && store.sourceById.get(o.sourceId);
              return (
                <li key={e.recordId}>
                  <button type="button" className="link-button" onClick={() => onOpenFigure(e.recordId)}>
                    {s ? shortCitation(s) : e.recordId}: {o ? store.treatmentById.get(o.treatmentId)?.name : ''}
                  </button>{' '}
                  — {e.reason}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
