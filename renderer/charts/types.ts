import type { DashboardSummary } from '../../main/common/api';
import type { T } from '../i18n';

export interface ChartProps {
  summary: DashboardSummary;
  t: T;
}

/** One part of a landed cost (goods, freight, duty, tax, other), in minor units of `currency`. */
export interface BreakdownPart {
  key: 'goods' | 'freight' | 'duty' | 'tax' | 'other';
  label: string;
  minor: number;
}

export interface BreakdownProps {
  parts: BreakdownPart[];
  currency: string;
}

export interface ClaimsChartProps {
  perMinute: { minute: string; claims: number; units: number }[];
  /** the series' name in the tooltip */
  label: string;
}
