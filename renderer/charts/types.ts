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

export interface SalesChartProps {
  series: { bucket: string; revenue: number; margin: number }[];
  /** base currency of the minor units */
  currency: string;
  labels: { revenue: string; margin: string };
}

export interface ReorderChartProps {
  /** weekly history, oldest first: shipped units and of those promotional */
  weeks: { week: string; qty: number; promo: number }[];
  /** units a week ahead; null: no forecast */
  forecastPerWeek: number | null;
  /** stock day by day from today, without and with the suggested order */
  projection: { day: string; stock: number; withOrder: number }[];
  reorderPoint: number | null;
  safetyStock: number | null;
  labels: { sold: string; promo: string; forecast: string; stock: string; withOrder: string; reorderPoint: string; safetyStock: string; history: string; ahead: string };
}
