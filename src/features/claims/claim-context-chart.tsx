import { useRef, useState } from 'react';
import { ComposedChart, XAxis, usePlotArea, useXAxisScale } from 'recharts';
import { ChartMark } from '../../components/chart/chart-mark';
import { MarkCaption } from '../../components/chart/mark-caption';
import { MarkShape } from '../../components/chart/mark-shape';
import { useElementWidth } from '../../components/chart/use-element-width';
import { OPTION_STYLE } from '../../selectors/options';
import type { ClaimContext, ContextPoint } from '../../selectors/select-claim-context';
import { PERCENT_AXIS_DATA, PERCENT_AXIS_PROPS, TIME_AXIS_DATA, TIME_AXIS_PROPS } from '../../components/chart/axes';

const ROW_H = 16;
const MARGIN = { top: 26, right: 20, bottom: 4, left: 12 };
const AXIS_HEIGHT = 34;
const CLAIM_COLOR = '#8a3b00';

function Marks({
  context,
  onOpen,
  onFocusMark,
}: {
  context: ClaimContext;
  onOpen: (id: string) => void;
  onFocusMark: (id: string | null) => void;
}) {
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (!scale || !area || !context.claimed) return null;
  const x = (v: number) => scale(v) ?? area.x;
  const c = context.claimed;
  const claimX = x(c.value ?? c.low ?? c.high ?? 0);
  const bottom = area.y + area.height;
  // Keep the claim's label inside the plot: start, end or centre it on the line, whichever fits.
  const labelWidth = (c.text.length + 11) * 6.6;
  const anchor =
    claimX + labelWidth <= area.x + area.width ? 'start' : claimX - labelWidth >= area.x ? 'end' : 'middle';
  return (
    <g>
      {c.low !== undefined && c.high !== undefined && (
        <rect
          x={x(c.low)}
          y={area.y - 6}
          width={Math.max(2, x(c.high) - x(c.low))}
          height={area.height + 6}
          fill={CLAIM_COLOR}
          fillOpacity={0.12}
        />
      )}
      <line
        x1={claimX}
        x2={claimX}
        y1={area.y - 8}
        y2={bottom}
        stroke={CLAIM_COLOR}
        strokeWidth={2}
        strokeDasharray="5 3"
      />
      <text x={claimX} y={area.y - 12} textAnchor={anchor} fontSize={12} fontWeight={700} fill={CLAIM_COLOR}>
        The claim: {c.text}
      </text>
      {context.points.map((p: ContextPoint, i) => {
        const y = area.y + i * ROW_H + ROW_H / 2;
        const color = p.cited ? OPTION_STYLE[p.option].color : '#8795a6';
        return (
          <ChartMark
            key={p.id}
            recordId={p.id}
            label={`${p.cited ? 'Cited by the verdict: ' : ''}${p.isControl ? 'control arm, ' : ''}${p.label}`}
            onOpen={onOpen}
            onFocusMark={onFocusMark}
          >
            {p.low !== undefined && p.high !== undefined && (
              <line x1={x(p.low)} x2={x(p.high)} y1={y} y2={y} stroke={color} strokeWidth={1.5} />
            )}
            <MarkShape
              shape={p.isControl ? 'ring' : OPTION_STYLE[p.option].shape}
              x={x(p.value)}
              y={y}
              size={p.cited ? 6 : 4.5}
              color={color}
              hollow={!p.cited && !p.isControl}
            />
          </ChartMark>
        );
      })}
    </g>
  );
}

type Props = { context: ClaimContext; onOpen: (id: string) => void };

/** A claimed number as a dashed line among every research figure of the same measure, cited ones in colour. */
export default function ClaimContextChart({ context, onOpen }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 560);
  const [focused, setFocused] = useState<string | null>(null);
  const time = context.axis === 'time';
  const height = MARGIN.top + MARGIN.bottom + AXIS_HEIGHT + Math.max(1, context.points.length) * ROW_H;
  const caption = context.points.find((p) => p.id === focused);
  return (
    <div className="claim-chart" ref={box}>
      <ComposedChart
        width={width}
        height={height}
        margin={MARGIN}
        data={time ? TIME_AXIS_DATA : PERCENT_AXIS_DATA}
        accessibilityLayer={false}
      >
        {time ? (
          <XAxis {...TIME_AXIS_PROPS} height={AXIS_HEIGHT} />
        ) : (
          <XAxis {...PERCENT_AXIS_PROPS} height={AXIS_HEIGHT} />
        )}
        <Marks context={context} onOpen={onOpen} onFocusMark={setFocused} />
      </ComposedChart>
      <MarkCaption text={caption ? `${caption.cited ? 'Cited by the verdict: ' : ''}${caption.label}` : null} />
    </div>
  );
}
