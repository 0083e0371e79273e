import { wrapText } from '../../lib/chart-export';

/** Vertical layout of charts drawn as labelled rows (label lines, then the marks line). */
export type LaidOutRow<T> = { row: T; lines: string[]; labelY: number; markY: number };
export type LaidOutGroup<T> = { title: string; titleLines: string[]; titleY: number; rows: LaidOutRow<T>[] };

export const ROW = { group: 26, line: 15, marks: 26 } as const;
const LABEL_FONT = 12;

/**
 * Stacks groups of rows from y = 0, wrapping each row's label to the plot width so a
 * phone never needs to scroll sideways, and returns the positions and the total height.
 */
export function layoutRows<T>(
  groups: readonly { title: string; rows: readonly T[] }[],
  labelOf: (row: T) => string,
  plotWidth: number,
  markHeight: number = ROW.marks,
): { groups: LaidOutGroup<T>[]; height: number } {
  let y = 0;
  const out: LaidOutGroup<T>[] = [];
  for (const g of groups) {
    if (g.rows.length === 0) continue;
    const titleY = y + 16;
    const titleLines = g.title ? wrapText(g.title, plotWidth, 13) : [];
    if (g.title) y += ROW.group + (titleLines.length - 1) * ROW.line;
    const rows = g.rows.map((row) => {
      const lines = wrapText(labelOf(row), plotWidth, LABEL_FONT);
      const labelY = y + 12;
      y += lines.length * ROW.line;
      const markY = y + markHeight / 2;
      y += markHeight;
      return { row, lines, labelY, markY };
    });
    out.push({ title: g.title, titleLines, titleY, rows });
    y += 6;
  }
  return { groups: out, height: y };
}

/** A group's wrapped title as SVG text. */
export function GroupTitle({ x, y, lines }: { x: number; y: number; lines: readonly string[] }) {
  return (
    <text x={x} y={y} className="chart-group-title" fontSize={12} fontWeight={700} fill="#1f3a5f">
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : ROW.line}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** A wrapped label as SVG text, one tspan per line. */
export function RowLabel({ x, y, lines }: { x: number; y: number; lines: readonly string[] }) {
  return (
    <text x={x} y={y} className="chart-row-label" fontSize={12} fill="#1b2430">
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : ROW.line}>
          {l}
        </tspan>
      ))}
    </text>
  );
}
