import { useEffect, useMemo } from 'react';
import { ChartFrame } from '../../components/chart/chart-frame';
import type { Store } from '../../data/normalize';
import type { Outcome } from '../../data/schema';
import type { ExportLegendItem } from '../../lib/chart-export';
import { formatQuantity, formatTimepoint, shortCitation } from '../../lib/format';
import { OPTIONS, OPTION_LABELS, OPTION_STYLE, type OptionId } from '../../selectors/options';
import {
  differenceWords,
  rateWords,
  selectCompareCharts,
  type PairGroupModel,
} from '../../selectors/select-compare-charts';
import type { CellRef } from './glance-grid';
import { DumbbellChart, type DumbbellGroup } from './charts/dumbbell-chart';
import { EvidenceChart } from './charts/evidence-chart';
import { TimeChart } from './charts/time-chart';

type Props = {
  store: Store;
  outcomes: readonly Outcome[];
  onOpenFigure: (id: string) => void;
  onOpenCell: (cell: CellRef) => void;
};

const optionLegend: ExportLegendItem[] = OPTIONS.map((o) => ({
  label: OPTION_LABELS[o],
  color: OPTION_STYLE[o].color,
  shape: OPTION_STYLE[o].shape,
}));
const CONTROL_LEGEND: ExportLegendItem = {
  label: 'Control arm (placebo, waitlist, other control)',
  color: '#4a5565',
  shape: 'ring',
};
const CONTEXT_SHAPE = 'triangle' as const;

/** Pair models as labelled dumbbell rows; context rows get their own shape so they never pass as PTSD figures. */
function toGroups(
  groups: readonly PairGroupModel[],
  what: (p: PairGroupModel['pairs'][number]) => string,
  oneMore: 'NNT' | 'NNH',
): DumbbellGroup[] {
  return groups.map((g) => ({
    title: g.title,
    rows: g.pairs.map((p) => {
      const cite = shortCitation(p.placed.source);
      const style = OPTION_STYLE[p.option];
      const o = p.placed.outcome;
      // The row says when in a few words; the full timepoint is in the caption and the details.
      const when =
        o.timepoint?.value !== undefined && o.timepoint.unit
          ? ` · ${formatQuantity(o.timepoint.value, o.timepoint.unit)}`
          : '';
      const fullWhen = o.timepoint ? ` · ${formatTimepoint(o.timepoint)}` : '';
      const who = o.subgroup ? ` · ${o.subgroup}` : '';
      const definition = o.definition ? `; ${o.definition}` : '';
      return {
        key: p.id,
        label: `${p.active.treatment.name} · ${what(p)}${when}${who} · ${differenceWords(p, oneMore)} · ${cite}`,
        color: style.color,
        shape: g.context ? CONTEXT_SHAPE : style.shape,
        active: {
          recordId: p.id,
          value: p.active.value,
          ...(p.active.low !== undefined ? { low: p.active.low } : {}),
          ...(p.active.high !== undefined ? { high: p.active.high } : {}),
          description: `${p.active.treatment.name}, ${what(p)}${fullWhen}${who}: ${rateWords(p.active)}, ${differenceWords(p, oneMore)} against control (${cite})${g.context ? ', not a PTSD population' : ''}${definition}`,
        },
        control: p.control
          ? {
              recordId: p.control.id,
              value: p.control.value,
              ...(p.control.low !== undefined ? { low: p.control.low } : {}),
              ...(p.control.high !== undefined ? { high: p.control.high } : {}),
              description: `${p.control.treatment.name} (control), ${what(p)}: ${rateWords(p.control)} (${cite})`,
            }
          : null,
      };
    }),
  }));
}

/** The five Compare charts, each answering one question, all from the filtered figures. */
export default function CompareCharts({ store, outcomes, onOpenFigure, onOpenCell }: Props) {
  const charts = useMemo(() => selectCompareCharts(store, outcomes), [store, outcomes]);
  // A shared link to one chart (#chart-side-effects) lands on it once the charts have loaded.
  // Charts settle over a few frames (widths measured, a scrollbar appearing), so it stays pinned briefly.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const el = id.startsWith('chart-') ? document.getElementById(id) : null;
    if (!el) return;
    let frames = 0;
    let raf = 0;
    const pin = () => {
      el.scrollIntoView?.();
      if (++frames < 12) raf = requestAnimationFrame(pin);
    };
    raf = requestAnimationFrame(pin);
    return () => cancelAnimationFrame(raf);
  }, []);
  const frame = { store, onOpenFigure };
  const sideEffect = (p: PairGroupModel['pairs'][number]) =>
    p.metric === 'dropout-adverse-event'
      ? 'stopped because of side effects'
      : (p.placed.outcome.sideEffect ?? 'side effect');
  return (
    <div className="charts">
      <ChartFrame
        {...frame}
        id="time"
        title="How fast it works and how long it lasts"
        takeaway={charts.time.takeaway}
        legend={[
          ...optionLegend,
          { label: 'Better at the first rating', color: '#1b2430', shape: 'circle' },
          { label: 'First ahead of control', color: '#1b2430', shape: 'diamond' },
          { label: 'Course length (not an onset)', color: '#1b2430', shape: 'square' },
          { label: 'Usual time, per guidance', color: '#1b2430', shape: 'triangle' },
        ]}
        sources={charts.time.sources}
        excluded={charts.time.excluded}
        table={charts.time.table}
        emptyText={charts.time.markIds.length ? null : 'No onset or duration figure passes these filters.'}
      >
        {(width) => <TimeChart rows={charts.time.rows} width={width} onOpen={onOpenFigure} />}
      </ChartFrame>

      <ChartFrame
        {...frame}
        id="improve"
        title="How many improve, beside the control arm"
        takeaway={charts.improve.takeaway}
        legend={[...optionLegend, CONTROL_LEGEND]}
        sources={charts.improve.sources}
        excluded={charts.improve.excluded}
        table={charts.improve.table}
        emptyText={
          charts.improve.markIds.length
            ? null
            : 'No response, remission or loss-of-diagnosis rate passes these filters.'
        }
      >
        {(width) => (
          <DumbbellChart
            groups={toGroups(charts.improve.groups, (p) => p.placed.outcome.metric.replace(/-/g, ' '), 'NNT')}
            width={width}
            axisLabel="People who improved (%)"
            onOpen={onOpenFigure}
          />
        )}
      </ChartFrame>

      <ChartFrame
        {...frame}
        id="side-effects"
        title="Side effects, beside the placebo arm"
        takeaway={charts.sideEffects.takeaway}
        legend={[
          ...optionLegend,
          CONTROL_LEGEND,
          { label: 'Not a PTSD population (context)', color: '#1b2430', shape: CONTEXT_SHAPE },
        ]}
        sources={charts.sideEffects.sources}
        excluded={charts.sideEffects.excluded}
        table={charts.sideEffects.table}
        emptyText={charts.sideEffects.markIds.length ? null : 'No side-effect rate passes these filters.'}
      >
        {(width) => (
          <DumbbellChart
            groups={toGroups(charts.sideEffects.groups, sideEffect, 'NNH')}
            width={width}
            axisLabel="People with the side effect (%)"
            onOpen={onOpenFigure}
          />
        )}
      </ChartFrame>

      <ChartFrame
        {...frame}
        id="dropout"
        title="Dropping out for any reason"
        takeaway={charts.dropout.takeaway}
        legend={[...optionLegend, CONTROL_LEGEND]}
        sources={charts.dropout.sources}
        excluded={charts.dropout.excluded}
        table={charts.dropout.table}
        emptyText={charts.dropout.markIds.length ? null : 'No dropout rate passes these filters.'}
      >
        {(width) => (
          <DumbbellChart
            groups={toGroups(charts.dropout.groups, () => 'left early', 'NNH')}
            width={width}
            axisLabel="People who left early (%)"
            onOpen={onOpenFigure}
          />
        )}
      </ChartFrame>

      <ChartFrame
        {...frame}
        id="evidence"
        title="How much evidence"
        takeaway={charts.evidence.takeaway}
        legend={optionLegend}
        sources={charts.evidence.sources}
        excluded={charts.evidence.excluded}
        table={charts.evidence.table}
        onOpenRow={(option) => onOpenCell({ option: option as OptionId, question: 'evidence' })}
        emptyText={charts.evidence.rows.some((r) => r.figureIds.length) ? null : 'No PTSD figure passes these filters.'}
      >
        {(width) => (
          <EvidenceChart
            rows={charts.evidence.rows}
            width={width}
            onOpen={(option) => onOpenCell({ option: option as OptionId, question: 'evidence' })}
          />
        )}
      </ChartFrame>
    </div>
  );
}
