export type MarkShapeName = 'circle' | 'square' | 'diamond' | 'triangle' | 'ring';

type Props = { shape: MarkShapeName; x: number; y: number; size?: number; color: string; hollow?: boolean };

/** One plotted symbol. Shape carries meaning alongside colour, so nothing depends on colour alone. */
export function MarkShape({ shape, x, y, size = 7, color, hollow = false }: Props) {
  const fill = hollow ? '#ffffff' : color;
  const common = { fill, stroke: color, strokeWidth: 2 };
  switch (shape) {
    case 'square':
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
    case 'diamond':
      return (
        <polygon
          points={`${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`}
          {...common}
        />
      );
    case 'triangle':
      return (
        <polygon points={`${x},${y - size - 1} ${x + size + 1},${y + size} ${x - size - 1},${y + size}`} {...common} />
      );
    case 'ring':
      return <circle cx={x} cy={y} r={size} {...common} fill="#ffffff" />;
    default:
      return <circle cx={x} cy={y} r={size} {...common} />;
  }
}
