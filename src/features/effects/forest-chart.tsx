import { useState } from 'react';
import { ComposedChart, XAxis, usePlotArea, useXAxisScale } from 'recharts';
import { ChartMark } from '../../components/chart/chart-mark';
import { MarkShape } from '../../components/chart/mark-shape';
import { GroupTitle, RowLabel, layoutRows, type LaidOutGroup } from '../../components/chart/row-layout';
import { MarkCaption } from '../../components/chart/mark-caption';

/** A trial's effect: a square sized by its weight in the pooled estimate, with its 95% interval. */
export type ForestTrialRow = {
  kind: 'trial';
  key: string;
  recordId: string;
  label: string;
  estimate: number;
  low: number;
  high: number;
  /** Share of the pooled estimate's weight (0–1); null when the row is not pooled (drawn hollow). */
  weight: number | null;
  description: string;
};

/** A group's pooled estimate: a diamond over its 95% CI, a thin line for the prediction interval. */
export type ForestPoolRow = {
  kind: 'pool';
  key: string;
  label: string;
  estimate: number;
  low: number;
  high: number;
  piLow: number;
  piHigh: number;
  description: string;
};

export type ForestChartRow = ForestTrialRow | ForestPoolRow;
export type ForestChartGroup = { title: string; rows: ForestChartRow[] };

const COLOR = '#1f3a5f';
const POOL_COLOR = '#8a3b00';
const MARGIN = { top: 8, right: 24, bottom: 4, left: 16 };
const AXIS_HEIGHT = 58;

/** Ticks for a difference axis (round numbers) or a ratio axis (doubling steps around 1). */
function ticksFor(domain: [number, number], ratio: boolean): number[] {
  if (ratio) {
    const all = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50];
    return all.filter((t) => t >= domain[0] && t <= domain[1]);
  }
  const span = domain[1] - domain[0];
  const step = span > 6 ? 2 : span > 3 ? 1 : 0.5;
  const out: number[] = [];
  for (let t = Math.ceil(domain[0] / step) * step; t <= domain[1] + 1e-9; t += step) out.push(Number(t.toFixed(2)));
  return out;
}

/** The x range: every interval, the line of no effect, a little room either side. */
export function forestDomain(groups: readonly ForestChartGroup[], ratio: boolean): [number, number] {
  const values = groups.flatMap((g) =>
    g.rows.flatMap((r) => (r.kind === 'pool' ? [r.low, r.high, r.piLow, r.piHigh] : [r.low, r.high])),
  );
  const finite = values.filter((v) => Number.isFinite(v) && (!ratio || v > 0));
  const none = ratio ? 1 : 0;
  if (ratio) {
    const lo = Math.min(none, ...finite);
    const hi = Math.max(none, ...finite);
    return [Math.max(0.02, lo / 1.25), Math.min(100, hi * 1.25)];
  }
  const lo = Math.min(none, ...finite);
  const hi = Math.max(none, ...finite);
  const pad = (hi - lo) * 0.05 || 0.5;
  return [Math.floor((lo - pad) * 2) / 2, Math.ceil((hi + pad) * 2) / 2];
}

function Rows({
  groups,
  ratio,
  onOpen,
  onFocusMark,
}: {
  groups: LaidOutGroup<ForestChartRow>[];
  ratio: boolean;
  onOpen: (id: string) => void;
  onFocusMark: (id: string | null) => void;
}) {
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (!scale || !area) return null;
  const left = area.x;
  const right = area.x + area.width;
  // Intervals that run off the axis are cut at its edge and end in an arrow, never silently.
  const x = (v: number) => Math.min(right, Math.max(left, scale(v) ?? left));
  const clipped = (v: number) => (scale(v) ?? left) < left - 0.5 || (scale(v) ?? left) > right + 0.5;
  const none = x(ratio ? 1 : 0);
  const top = area.y;
  return (
    <g className="forest-rows">
      {groups.map((g) => (
        <g key={g.title}>
          <GroupTitle x={left} y={top + g.titleY} lines={g.titleLines} />
          {g.rows.map(({ row, lines, labelY, markY }) => {
            const y = top + markY;
            return (
              <g key={row.key}>
                <RowLabel x={left} y={top + labelY} lines={lines} />
                {/* The line of no effect, drawn through each row's band only, never across the labels. */}
                <line x1={none} x2={none} y1={y - 13} y2={y + 13} stroke="#1b2430" strokeWidth={1} />
                {row.kind === 'trial' ? (
                  <ChartMark recordId={row.recordId} label={row.description} onOpen={onOpen} onFocusMark={onFocusMark}>
                    <line x1={x(row.low)} x2={x(row.high)} y1={y} y2={y} stroke={COLOR} strokeWidth={1.5} />
                    {clipped(row.low) && (
                      <polygon points={`${left},${y} ${left + 6},${y - 4} ${left + 6},${y + 4}`} fill={COLOR} />
                    )}
                    {clipped(row.high) && (
                      <polygon points={`${right},${y} ${right - 6},${y - 4} ${right - 6},${y + 4}`} fill={COLOR} />
                    )}
                    <MarkShape
                      shape="square"
                      x={x(row.estimate)}
                      y={y}
                      // Area follows the weight; a floor keeps the smallest trial visible and clickable.
                      size={row.weight === null ? 4 : Math.max(3, Math.min(10, 22 * Math.sqrt(row.weight)))}
                      color={COLOR}
                      hollow={row.weight === null}
                    />
                  </ChartMark>
                ) : (
                  <g className="forest-pool" aria-label={row.description} role="img">
                    <line
                      x1={x(row.piLow)}
                      x2={x(row.piHigh)}
                      y1={y}
                      y2={y}
                      stroke={POOL_COLOR}
                      strokeWidth={1.5}
                      strokeDasharray="4 3"
                    />
                    <polygon
                      points={`${x(row.low)},${y} ${x(row.estimate)},${y - 8} ${x(row.high)},${y} ${x(row.estimate)},${y + 8}`}
                      fill={POOL_COLOR}
                      stroke={POOL_COLOR}
                    />
                  </g>
                )}
              </g>
            );
          })}
        </g>
      ))}
    </g>
  );
}

type Props = {
  groups: readonly ForestChartGroup[];
  width: number;
  ratio: boolean;
  /** Axis title: the measure and which way favours the treatment. */
  axisLabel: string;
  onOpen: (id: string) => void;
};

/**
 * A forest plot: each trial's effect with its 95% interval, squares sized by weight, a line at
 * no effect, and each group's pooled diamond with its prediction interval. Labels wrap above
 * their row, so a phone never scrolls sideways; every trial is a focusable mark.
 */
export function ForestChart({ groups, width, ratio, axisLabel, onOpen }: Props) {
  const [focused, setFocused] = useState<string | null>(null);
  const laid = layoutRows(groups, (r) => r.label, width - MARGIN.left - MARGIN.right);
  const height = laid.height + MARGIN.top + MARGIN.bottom + AXIS_HEIGHT;
  const domain = forestDomain(groups, ratio);
  const caption =
    groups.flatMap((g) => g.rows).find((r) => r.kind === 'trial' && r.recordId === focused)?.description ?? null;
  return (
    <>
      <ComposedChart
        width={width}
        height={height}
        margin={MARGIN}
        data={[{ x: domain[0] }, { x: domain[1] }]}
        accessibilityLayer={false}
      >
        <XAxis
          type="number"
          dataKey="x"
          scale={ratio ? 'log' : 'linear'}
          domain={domain}
          allowDataOverflow
          ticks={ticksFor(domain, ratio)}
          tickFormatter={(v: number) => String(v)}
          label={{ value: axisLabel, position: 'insideBottom', offset: 0 }}
          height={AXIS_HEIGHT}
        />
        <Rows groups={laid.groups} ratio={ratio} onOpen={onOpen} onFocusMark={setFocused} />
      </ComposedChart>
      <MarkCaption text={caption} />
    </>
  );
}
