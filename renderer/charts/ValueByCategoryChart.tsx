import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactNumber, formatAmount, formatQty, minorToMajor } from '../../main/common/format';
import type { ChartProps } from './types';
import { AXIS, GRID, HEIGHT, PALETTE } from './recharts-theme';

/** Stock value per category, largest first, as horizontal bars (long names stay readable). */
export default function ValueByCategoryChart({ summary, t }: ChartProps) {
  const ccy = summary.baseCurrency;
  const data = summary.valueByCategory.map((c) => ({ ...c, label: c.category || '—', major: minorToMajor(c.value, ccy) }));
  const height = Math.max(HEIGHT, data.length * 28 + 30);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" dataKey="major" tick={AXIS} tickFormatter={compactNumber} axisLine={false} tickLine={false} />
        <YAxis type="category" dataKey="label" tick={AXIS} width={96} axisLine={false} tickLine={false} />
        <Tooltip
          cursor={{ fill: '#f3f4f6' }}
          formatter={(_v, _n, item) => {
            const row = item.payload as (typeof data)[number];
            return [`${formatAmount(row.value, ccy)} ${ccy} · ${t('common.pcs', { n: formatQty(row.units) })}`, t('dash.chart.value')];
          }}
        />
        <Bar dataKey="major" radius={[0, 3, 3, 0]} isAnimationActive={false} barSize={18}>
          {data.map((d, i) => (
            <Cell key={d.label} fill={PALETTE[i % PALETTE.length]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
