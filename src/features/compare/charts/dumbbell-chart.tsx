import { useState } from 'react';
import { ComposedChart, XAxis, usePlotArea, useXAxisScale } from 'recharts';
import { PERCENT_AXIS_DATA, PERCENT_AXIS_PROPS } from '../../../components/chart/axes';
import { ChartMark } from '../../../components/chart/chart-mark';
import { MarkShape, type MarkShapeName } from '../../../components/chart/mark-shape';
import { GroupTitle, RowLabel, layoutRows, type LaidOutGroup } from '../../../components/chart/row-layout';
import { MarkCaption } from '../../../components/chart/mark-caption';

/** One arm's point on a 0–100% axis. */
export type DumbbellPoint = {
  recordId: string;
  value: number;
  low?: number;
  high?: number;
  /** Full words for the caption and screen readers: value, interval, n, source. */
  description: string;
};

/** A treatment arm beside its control arm, as one labelled row. */
export type DumbbellRow = {
  key: string;
  label: string;
  color: string;
  shape: MarkShapeName;
  active: DumbbellPoint;
  control: DumbbellPoint | null;
};

export type DumbbellGroup = { title: string; rows: DumbbellRow[] };

const CONTROL_COLOR = '#4a5565';
const MARGIN = { top: 8, right: 24, bottom: 4, left: 16 };
const AXIS_HEIGHT = 40;

function Interval({
  x,
  y,
  low,
  high,
  color,
}: {
  x: (v: number) => number;
  y: number;
  low?: number;
  high?: number;
  color: string;
}) {
  if (low === undefined || high === undefined) return null;
  return (
    <g stroke={color} strokeWidth={1.5}>
      <line x1={x(low)} x2={x(high)} y1={y} y2={y} />
      <line x1={x(low)} x2={x(low)} y1={y - 4} y2={y + 4} />
      <line x1={x(high)} x2={x(high)} y1={y - 4} y2={y + 4} />
    </g>
  );
}

function Rows({
  groups,
  onOpen,
  onFocusMark,
}: {
  groups: LaidOutGroup<DumbbellRow>[];
  onOpen: (id: string) => void;
  onFocusMark: (id: string | null) => void;
}) {
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (!scale || !area) return null;
  const x = (v: number) => scale(v) ?? area.x;
  const top = area.y;
  return (
    <g className="dumbbell-rows">
      {groups.map((g) => (
        <g key={g.title}>
          <GroupTitle x={area.x} y={top + g.titleY} lines={g.titleLines} />
          {g.rows.map(({ row, lines, labelY, markY }) => {
            const y = top + markY;
            return (
              <g key={row.key}>
                <RowLabel x={area.x} y={top + labelY} lines={lines} />
                <line x1={area.x} x2={area.x + area.width} y1={y} y2={y} className="chart-row-rule" stroke="#e3e8ee" />
                {row.control && (
                  <line
                    x1={x(row.control.value)}
                    x2={x(row.active.value)}
                    y1={y}
                    y2={y}
                    stroke="#9aa5b1"
                    strokeWidth={3}
                  />
                )}
                {row.control && (
                  <ChartMark
                    recordId={row.control.recordId}
                    label={row.control.description}
                    onOpen={onOpen}
                    onFocusMark={onFocusMark}
                  >
                    <Interval x={x} y={y + 6} low={row.control.low} high={row.control.high} color={CONTROL_COLOR} />
                    <MarkShape shape="ring" x={x(row.control.value)} y={y} color={CONTROL_COLOR} size={6} />
                  </ChartMark>
                )}
                <ChartMark
                  recordId={row.active.recordId}
                  label={row.active.description}
                  onOpen={onOpen}
                  onFocusMark={onFocusMark}
                >
                  <Interval x={x} y={y - 6} low={row.active.low} high={row.active.high} color={row.color} />
                  <MarkShape shape={row.shape} x={x(row.active.value)} y={y} color={row.color} size={6} />
                </ChartMark>
              </g>
            );
          })}
        </g>
      ))}
    </g>
  );
}

type Props = {
  groups: readonly DumbbellGroup[];
  width: number;
  /** Axis title, with its unit. */
  axisLabel: string;
  onOpen: (id: string) => void;
};

/**
 * Rates on a 0–100% axis, each treatment arm joined to its control arm, with 95% intervals.
 * Stateless apart from which mark is described in the caption.
 */
export function DumbbellChart({ groups, width, axisLabel, onOpen }: Props) {
  const [focused, setFocused] = useState<string | null>(null);
  const laid = layoutRows(groups, (r) => r.label, width - MARGIN.left - MARGIN.right);
  const height = laid.height + MARGIN.top + MARGIN.bottom + AXIS_HEIGHT;
  const all = groups.flatMap((g) => g.rows.flatMap((r) => (r.control ? [r.active, r.control] : [r.active])));
  const caption = all.find((p) => p.recordId === focused)?.description ?? null;
  return (
    <>
      <ComposedChart width={width} height={height} margin={MARGIN} data={PERCENT_AXIS_DATA} accessibilityLayer={false}>
        <XAxis
          {...PERCENT_AXIS_PROPS}
          label={{ value: axisLabel, position: 'insideBottom', offset: -4 }}
          height={AXIS_HEIGHT}
        />
        <Rows groups={laid.groups} onOpen={onOpen} onFocusMark={setFocused} />
      </ComposedChart>
      <MarkCaption text={caption} />
    </>
  );
}
