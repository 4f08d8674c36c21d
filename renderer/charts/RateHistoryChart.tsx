import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { shortDay } from '../../main/common/format';
import { AXIS, GRID, HEIGHT, PALETTE } from './recharts-theme';

/** One currency's rate in the base currency, day by day (the chart only reads the decimal strings). */
export default function RateHistoryChart({ points }: { points: { day: string; rate: string }[] }) {
  const data = points.map((p) => ({ day: p.day, rate: Number(p.rate) }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="day" tick={AXIS} tickFormatter={shortDay} axisLine={false} tickLine={false} minTickGap={24} />
        <YAxis tick={AXIS} axisLine={false} tickLine={false} width={56} domain={['auto', 'auto']} />
        <Tooltip formatter={(_v, _n, item) => [points[item.payload ? data.indexOf(item.payload) : 0]?.rate ?? '', '']} />
        <Line type="monotone" dataKey="rate" stroke={PALETTE[0]} dot={false} strokeWidth={2} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
