import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactNumber, formatAmount, formatQty, minorToMajor } from '../../main/common/format';
import type { ChartProps } from './types';
import { AXIS, GRID, HEIGHT } from './recharts-theme';

/** Stock value held at each location. */
export default function ValueByLocationChart({ summary, t }: ChartProps) {
  const ccy = summary.baseCurrency;
  const data = summary.valueByLocation.map((l) => ({ ...l, major: minorToMajor(l.value, ccy) }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="code" tick={AXIS} axisLine={false} tickLine={false} interval={0} />
        <YAxis tick={AXIS} tickFormatter={compactNumber} axisLine={false} tickLine={false} width={48} />
        <Tooltip
          cursor={{ fill: '#f3f4f6' }}
          labelFormatter={(_l, payload) => {
            const row = payload[0]?.payload as (typeof data)[number] | undefined;
            return row ? `${row.code} · ${row.name}` : '';
          }}
          formatter={(_v, _n, item) => {
            const row = item.payload as (typeof data)[number];
            return [`${formatAmount(row.value, ccy)} ${ccy} · ${t('common.pcs', { n: formatQty(row.units) })}`, t('dash.chart.value')];
          }}
        />
        <Bar dataKey="major" fill="#2563eb" radius={[3, 3, 0, 0]} isAnimationActive={false} maxBarSize={48} />
      </BarChart>
    </ResponsiveContainer>
  );
}
