import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactNumber, formatAmount, minorToMajor } from '../../main/common/format';
import type { BreakdownProps } from './types';
import { AXIS, GRID } from './recharts-theme';

/** Colours by part, so a part keeps its colour when another is zero. */
const COLOURS: Record<string, string> = { goods: '#2563eb', freight: '#0d9488', duty: '#d97706', tax: '#db2777', other: '#7c3aed' };

/** Where a landed cost goes: goods, freight, duty, taxes, fees — one bar each, with its share. */
export default function LandedBreakdownChart({ parts, currency }: BreakdownProps) {
  const total = parts.reduce((a, p) => a + p.minor, 0);
  const data = parts.map((p) => ({
    ...p,
    major: minorToMajor(p.minor, currency),
    text: `${formatAmount(p.minor, currency)} · ${total > 0 ? Math.round((p.minor * 1000) / total) / 10 : 0}%`,
  }));
  return (
    <ResponsiveContainer width="100%" height={data.length * 34 + 28}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 130, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" dataKey="major" tick={AXIS} tickFormatter={compactNumber} axisLine={false} tickLine={false} />
        <YAxis type="category" dataKey="label" tick={AXIS} width={110} axisLine={false} tickLine={false} />
        <Tooltip cursor={{ fill: '#f3f4f6' }} formatter={(_v, _n, item) => [`${(item.payload as (typeof data)[number]).text.replace(' · ', ` ${currency} · `)}`, '']} />
        <Bar dataKey="major" radius={[0, 3, 3, 0]} isAnimationActive={false} barSize={18}>
          {data.map((d) => (
            <Cell key={d.key} fill={COLOURS[d.key] ?? '#4b5563'} />
          ))}
          <LabelList dataKey="text" position="right" style={{ fontSize: 11, fill: '#374151' }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
