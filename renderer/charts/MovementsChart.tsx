import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactNumber, formatQty, shortDay } from '../../main/common/format';
import type { ChartProps } from './types';
import { AXIS, GRID, HEIGHT, IN_COLOUR, OUT_COLOUR } from './recharts-theme';

/** Units in (up) and out (down) per day; transfers count on both sides, as they move stock twice. */
export default function MovementsChart({ summary, t }: ChartProps) {
  const data = summary.movementsByDay.map((d) => ({ day: d.day, in: d.qtyIn, out: -d.qtyOut }));
  const inLabel = t('dash.chart.in');
  const outLabel = t('dash.chart.out');
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="day" tick={AXIS} tickFormatter={shortDay} axisLine={false} tickLine={false} minTickGap={16} />
        <YAxis tick={AXIS} tickFormatter={(v: number) => compactNumber(Math.abs(v))} axisLine={false} tickLine={false} width={40} />
        <ReferenceLine y={0} stroke="#9ca3af" />
        <Tooltip cursor={{ fill: '#f3f4f6' }} formatter={(v, name) => [formatQty(Math.abs(Number(v))), name]} />
        <Legend iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="in" name={inLabel} stackId="q" fill={IN_COLOUR} isAnimationActive={false} maxBarSize={18} />
        <Bar dataKey="out" name={outLabel} stackId="q" fill={OUT_COLOUR} isAnimationActive={false} maxBarSize={18} />
      </BarChart>
    </ResponsiveContainer>
  );
}
