import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatQty } from '../../main/common/format';
import { AXIS, GRID, HEIGHT, IN_COLOUR } from './recharts-theme';
import type { ClaimsChartProps } from './types';

/** Claims per minute of a live session, in local time. */
export default function ClaimsPerMinuteChart({ perMinute, label }: ClaimsChartProps) {
  const data = perMinute.map((m) => ({ ...m, time: new Date(`${m.minute}:00Z`).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="time" tick={AXIS} axisLine={false} tickLine={false} minTickGap={16} />
        <YAxis tick={AXIS} allowDecimals={false} axisLine={false} tickLine={false} width={32} />
        <Tooltip cursor={{ fill: '#f3f4f6' }} formatter={(v) => [formatQty(Number(v)), label]} />
        <Bar dataKey="claims" name={label} fill={IN_COLOUR} isAnimationActive={false} maxBarSize={24} />
      </BarChart>
    </ResponsiveContainer>
  );
}
