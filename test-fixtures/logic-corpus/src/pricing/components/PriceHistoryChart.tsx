import { useMemo } from 'react';
import { formatMoney, type CurrencyCode } from '../../shared';

interface PricePoint {
  date: string;
  priceCents: number;
}

interface PriceHistoryChartProps {
  points: PricePoint[];
  currency: CurrencyCode;
  width?: number;
  height?: number;
}

const PADDING = { top: 12, right: 8, bottom: 24, left: 48 };

export function PriceHistoryChart({ points, currency, width = 480, height = 160 }: PriceHistoryChartProps) {
  const chart = useMemo(() => {
    if (points.length < 2) return null;
    const prices = points.map((p) => p.priceCents);
    const min = Math.min(...prices);
    const max = Math.max(...prices);
    const span = max - min || 1;
    const innerWidth = width - PADDING.left - PADDING.right;
    const innerHeight = height - PADDING.top - PADDING.bottom;
    const x = (i: number) => PADDING.left + (i / (points.length - 1)) * innerWidth;
    const y = (cents: number) => PADDING.top + innerHeight - ((cents - min) / span) * innerHeight;
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.priceCents).toFixed(1)}`).join(' ');
    return { path, min, max, yMin: y(min), yMax: y(max) };
  }, [points, width, height]);

  if (!chart) return <p className="muted">Not enough price history yet.</p>;

  return (
    <svg width={width} height={height} role="img" aria-label="Price history">
      <path d={chart.path} fill="none" stroke="currentColor" strokeWidth={1.5} />
      <text x={4} y={chart.yMax + 4} fontSize={10}>{formatMoney(chart.max, currency)}</text>
      <text x={4} y={chart.yMin + 4} fontSize={10}>{formatMoney(chart.min, currency)}</text>
    </svg>
  );
}
