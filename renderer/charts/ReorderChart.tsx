import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addDays } from '../../main/common/days';
import { shortDay } from '../../main/common/format';
import { AXIS, GRID, IN_COLOUR, OUT_COLOUR, PALETTE } from './recharts-theme';
import type { ReorderChartProps } from './types';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Two charts side by side: weekly demand (normal and promotional units stacked) with the forecast
 * carried over it, and stock from today at the forecast rate, without and with the suggested order,
 * against the reorder point and safety stock.
 */
export default function ReorderChart({ weeks, forecastPerWeek, projection, reorderPoint, safetyStock, labels }: ReorderChartProps) {
  // the forecast runs on from the last week of history, over the weeks the projection covers
  const last = weeks[weeks.length - 1]?.week;
  const future = last && forecastPerWeek !== null ? Array.from({ length: Math.ceil(projection.length / 7) + 1 }, (_, k) => ({ week: addDays(last, 7 * (k + 1)), normal: null, promo: null, forecast: round(forecastPerWeek) })) : [];
  const history = [...weeks.map((w, k) => ({ week: w.week, normal: w.qty - w.promo, promo: w.promo, forecast: k === weeks.length - 1 && future.length ? round(forecastPerWeek!) : null })), ...future];
  const ahead = projection.map((p) => ({ day: p.day, stock: round(p.stock), withOrder: round(p.withOrder) }));
  return (
    <div className="ro-charts">
      <figure>
        <figcaption className="small muted">{labels.history}</figcaption>
        <ResponsiveContainer width="100%" height={200}>
          <ComposedChart data={history} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis dataKey="week" tick={AXIS} tickFormatter={shortDay} axisLine={false} tickLine={false} minTickGap={24} />
            <YAxis tick={AXIS} axisLine={false} tickLine={false} width={36} allowDecimals={false} />
            <Tooltip cursor={{ fill: '#f3f4f6' }} />
            <Legend iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="normal" name={labels.sold} stackId="u" fill={PALETTE[0]} isAnimationActive={false} maxBarSize={14} />
            <Bar dataKey="promo" name={labels.promo} stackId="u" fill={PALETTE[2]} isAnimationActive={false} maxBarSize={14} />
            <Line dataKey="forecast" name={labels.forecast} stroke={IN_COLOUR} strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
      <figure>
        <figcaption className="small muted">{labels.ahead}</figcaption>
        <ResponsiveContainer width="100%" height={200}>
          <ComposedChart data={ahead} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis dataKey="day" tick={AXIS} tickFormatter={shortDay} axisLine={false} tickLine={false} minTickGap={24} />
            <YAxis tick={AXIS} axisLine={false} tickLine={false} width={36} />
            <Tooltip />
            <Legend iconType="plainline" iconSize={12} wrapperStyle={{ fontSize: 12 }} />
            {reorderPoint !== null ? <ReferenceLine y={round(reorderPoint)} stroke={OUT_COLOUR} strokeDasharray="4 3" label={{ value: labels.reorderPoint, fontSize: 11, fill: OUT_COLOUR, position: 'insideTopRight' }} /> : null}
            {safetyStock ? <ReferenceLine y={round(safetyStock)} stroke="#9ca3af" strokeDasharray="2 3" label={{ value: labels.safetyStock, fontSize: 11, fill: '#6b7280', position: 'insideBottomRight' }} /> : null}
            <ReferenceLine y={0} stroke="#6b7280" />
            <Line dataKey="stock" name={labels.stock} stroke={PALETTE[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line dataKey="withOrder" name={labels.withOrder} stroke={IN_COLOUR} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
