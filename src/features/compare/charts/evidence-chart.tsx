import { useState } from 'react';
import { ComposedChart, XAxis, usePlotArea, useXAxisScale } from 'recharts';
import { ChartMark } from '../../../components/chart/chart-mark';
import { MarkShape } from '../../../components/chart/mark-shape';
import { formatNumber, plural } from '../../../lib/format';
import { OPTION_LABELS, OPTION_STYLE } from '../../../selectors/options';
import type { EvidenceRow } from '../../../selectors/select-evidence-series';
import { RowLabel, layoutRows, type LaidOutGroup } from '../../../components/chart/row-layout';
import { MarkCaption } from '../../../components/chart/mark-caption';

const MARGIN = { top: 8, right: 28, bottom: 4, left: 16 };
const AXIS_HEIGHT = 40;

const describe = (r: EvidenceRow) =>
  `${OPTION_LABELS[r.option]}: ${plural(r.trials.length, 'randomized trial', 'randomized trials')}, ${formatNumber(r.people)} people randomized${r.trialsWithoutN ? ` (${r.trialsWithoutN} without a recorded size)` : ''}; ${r.reviews.length} meta-analyses or reviews. Opens these figures in the table.`;

function Bars({
  groups,
  onOpen,
  onFocusMark,
}: {
  groups: LaidOutGroup<EvidenceRow>[];
  onOpen: (id: string) => void;
  onFocusMark: (id: string | null) => void;
}) {
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (!scale || !area) return null;
  const x = (v: number) => scale(v) ?? area.x;
  return (
    <g>
      {groups.flatMap((g) =>
        g.rows.map(({ row, lines, labelY, markY }) => {
          const y = area.y + markY;
          const style = OPTION_STYLE[row.option];
          return (
            <ChartMark
              key={row.option}
              recordId={row.option}
              label={describe(row)}
              onOpen={onOpen}
              onFocusMark={onFocusMark}
            >
              <RowLabel x={area.x} y={area.y + labelY} lines={lines} />
              <rect
                x={x(0)}
                y={y - 8}
                width={Math.max(2, x(row.trials.length) - x(0))}
                height={16}
                fill={style.color}
              />
              <MarkShape shape={style.shape} x={x(row.trials.length) + 10} y={y} color={style.color} size={5} />
            </ChartMark>
          );
        }),
      )}
    </g>
  );
}

type Props = { rows: readonly EvidenceRow[]; width: number; onOpen: (option: string) => void };

/** Randomized trials per option, as bars, each labelled with the people in them. */
export function EvidenceChart({ rows, width, onOpen }: Props) {
  const [focused, setFocused] = useState<string | null>(null);
  const laid = layoutRows(
    [{ title: '', rows }],
    (r) => `${OPTION_LABELS[r.option]}: ${r.trials.length} trials, ${formatNumber(r.people)} people`,
    width - MARGIN.left - MARGIN.right,
  );
  const max = Math.max(1, ...rows.map((r) => r.trials.length));
  const top = Math.ceil((max + 1) / 5) * 5;
  const ticks = Array.from({ length: top / 5 + 1 }, (_, i) => i * 5);
  const height = laid.height + MARGIN.top + MARGIN.bottom + AXIS_HEIGHT;
  const row = rows.find((r) => r.option === focused);
  return (
    <>
      <ComposedChart
        width={width}
        height={height}
        margin={MARGIN}
        data={[{ x: 0 }, { x: top }]}
        accessibilityLayer={false}
      >
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, top]}
          ticks={ticks}
          label={{ value: 'Randomized PTSD trials', position: 'insideBottom', offset: -4 }}
          height={AXIS_HEIGHT}
        />
        <Bars groups={laid.groups} onOpen={onOpen} onFocusMark={setFocused} />
      </ComposedChart>
      <MarkCaption text={row ? describe(row) : null} />
    </>
  );
}
