import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactNumber, formatAmount, minorToMajor, shortDay } from '../../main/common/format';
import { AXIS, GRID, HEIGHT, IN_COLOUR, PALETTE } from './recharts-theme';
import type { SalesChartProps } from './types';

/** Revenue (bars) and margin (line) per bucket, in the base currency. */
export default function SalesChart({ series, currency, labels }: SalesChartProps) {
  const data = series.map((s) => ({ bucket: s.bucket, revenue: minorToMajor(s.revenue, currency), margin: minorToMajor(s.margin, currency), rMinor: s.revenue, mMinor: s.margin }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="bucket" tick={AXIS} tickFormatter={shortDay} axisLine={false} tickLine={false} minTickGap={16} />
        <YAxis tick={AXIS} tickFormatter={(v: number) => compactNumber(v)} axisLine={false} tickLine={false} width={48} />
        <Tooltip
          cursor={{ fill: '#f3f4f6' }}
          formatter={(_v, name, item) => [formatAmount(name === labels.revenue ? item.payload.rMinor : item.payload.mMinor, currency), name]}
        />
        <Legend iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="revenue" name={labels.revenue} fill={PALETTE[0]} isAnimationActive={false} maxBarSize={28} />
        <Line dataKey="margin" name={labels.margin} stroke={IN_COLOUR} strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
