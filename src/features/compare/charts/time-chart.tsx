import { useState } from 'react';
import { ComposedChart, XAxis, usePlotArea, useXAxisScale } from 'recharts';
import { ChartMark } from '../../../components/chart/chart-mark';
import { MarkShape, type MarkShapeName } from '../../../components/chart/mark-shape';
import type { OnsetBasis } from '../../../data/vocabulary';
import { shortCitation } from '../../../lib/format';
import { OPTION_LABELS, OPTION_STYLE, OPTIONS } from '../../../selectors/options';
import { markDays, type TimeMark, type TimeRow } from '../../../selectors/select-time-series';
import { TIME_AXIS_DATA, TIME_AXIS_PROPS } from '../../../components/chart/axes';
import { GroupTitle, RowLabel, layoutRows, type LaidOutGroup } from '../../../components/chart/row-layout';
import { MarkCaption } from '../../../components/chart/mark-caption';

/** Onset marks are shaped by what the time is, so a course length never reads as an onset. */
export const BASIS_SHAPE: Record<OnsetBasis, MarkShapeName> = {
  'first-measured': 'circle',
  'first-significant': 'diamond',
  'course-completed': 'square',
  'typical-reported': 'triangle',
};

const MARGIN = { top: 8, right: 28, bottom: 4, left: 16 };
const AXIS_HEIGHT = 40;

export function describeTimeMark(m: TimeMark): string {
  const p = m.placed;
  return `${p.treatment.name}: ${m.label} (${shortCitation(p.source)})`;
}

function Arrow({ x, y, dir, color }: { x: number; y: number; dir: 'left' | 'right'; color: string }) {
  const d = dir === 'right' ? 1 : -1;
  const tip = x + d * 26;
  return (
    <g stroke={color} fill={color} strokeWidth={2}>
      <line x1={x} x2={tip} y1={y} y2={y} />
      <polygon points={`${tip + d * 6},${y} ${tip},${y - 5} ${tip},${y + 5}`} />
    </g>
  );
}

function Marks({
  groups,
  onOpen,
  onFocusMark,
  showValues,
}: {
  showValues: boolean;
  groups: LaidOutGroup<TimeRow>[];
  onOpen: (id: string) => void;
  onFocusMark: (id: string | null) => void;
}) {
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (!scale || !area) return null;
  const x = (days: number) => scale(days) ?? area.x;
  const top = area.y;
  return (
    <g>
      {groups.map((g) => (
        <g key={g.title}>
          <GroupTitle x={area.x} y={top + g.titleY} lines={g.titleLines} />
          {g.rows.map(({ row, lines, labelY, markY }) => {
            const y = top + markY;
            const color = OPTION_STYLE[row.option].color;
            return (
              <g key={row.key}>
                <RowLabel x={area.x} y={top + labelY} lines={lines} />
                <line x1={area.x} x2={area.x + area.width} y1={y} y2={y} className="chart-row-rule" stroke="#e3e8ee" />
                {[...row.marks]
                  .sort((a, b) => markDays(a) - markDays(b))
                  .map((m, i) => {
                    // Neighbouring labels alternate above and below the line so they do not collide.
                    const above = i % 2 === 0;
                    const point = m.days;
                    const low = m.lowDays;
                    const high = m.highDays;
                    const anchorX = point !== null ? x(point) : x(((low ?? 0) + (high ?? low ?? 0)) / 2);
                    return (
                      <ChartMark
                        key={m.id}
                        recordId={m.id}
                        label={describeTimeMark(m)}
                        onOpen={onOpen}
                        onFocusMark={onFocusMark}
                      >
                        {low !== undefined && high !== undefined && (
                          <rect
                            x={x(low)}
                            y={y - 4}
                            width={Math.max(3, x(high) - x(low))}
                            height={8}
                            fill={color}
                            fillOpacity={m.kind === 'duration' ? 0.45 : 0.2}
                            stroke={color}
                          />
                        )}
                        {m.bound && point !== null && (
                          <Arrow x={x(point)} y={y} dir={m.bound === 'at-least' ? 'right' : 'left'} color={color} />
                        )}
                        {point !== null &&
                          (m.kind === 'onset' ? (
                            <MarkShape
                              shape={m.basis ? BASIS_SHAPE[m.basis] : 'circle'}
                              x={x(point)}
                              y={y}
                              color={color}
                              hollow={m.basis === 'typical-reported' || m.basis === 'course-completed'}
                              size={6}
                            />
                          ) : (
                            <rect x={x(point) - 2} y={y - 9} width={4} height={18} fill={color} />
                          ))}
                        {showValues && (
                          <text
                            x={anchorX}
                            y={above ? y - 10 : y + 19}
                            className="chart-mark-label"
                            fontSize={11}
                            fill="#4a5565"
                            textAnchor="middle"
                          >
                            {m.valueText}
                          </text>
                        )}
                      </ChartMark>
                    );
                  })}
              </g>
            );
          })}
        </g>
      ))}
    </g>
  );
}

type Props = { rows: readonly TimeRow[]; width: number; onOpen: (id: string) => void };

/** Onsets and durations on one logarithmic time axis, a row per regimen. */
export function TimeChart({ rows, width, onOpen }: Props) {
  const [focused, setFocused] = useState<string | null>(null);
  const groups = OPTIONS.map((o) => ({ title: OPTION_LABELS[o], rows: rows.filter((r) => r.option === o) }));
  // Mark labels sit above and below the line, so rows get extra room.
  const laid = layoutRows(groups, (r) => r.treatmentName, width - MARGIN.left - MARGIN.right, 44);
  const height = laid.height + MARGIN.top + MARGIN.bottom + AXIS_HEIGHT;
  const focusedMark = rows.flatMap((r) => r.marks).find((m) => m.id === focused);
  return (
    <>
      <ComposedChart width={width} height={height} margin={MARGIN} data={TIME_AXIS_DATA} accessibilityLayer={false}>
        <XAxis
          {...TIME_AXIS_PROPS}
          label={{ value: 'Time since treatment began (log scale)', position: 'insideBottom', offset: -4 }}
          height={AXIS_HEIGHT}
        />
        {/* On a narrow screen value labels would collide; the caption and the table carry them. */}
        <Marks groups={laid.groups} onOpen={onOpen} onFocusMark={setFocused} showValues={width >= 560} />
      </ComposedChart>
      <MarkCaption text={focusedMark ? describeTimeMark(focusedMark) : null} />
    </>
  );
}
