// Charts are loaded on demand (React.lazy), so recharts lives in its own chunk and the first
// screen paints without it.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useQuery } from '../api/hooks';
import type { BreakdownProps, ChartProps, ClaimsChartProps, ReorderChartProps, SalesChartProps } from './types';

export type { BreakdownPart } from './types';

const ValueByCategory = lazy(() => import('./ValueByCategoryChart'));
const ValueByLocation = lazy(() => import('./ValueByLocationChart'));
const Movements = lazy(() => import('./MovementsChart'));

function withFallback(C: LazyExoticComponent<ComponentType<ChartProps>>) {
  return function LazyChart(props: ChartProps) {
    return (
      <Suspense fallback={<div className="chart-loading" aria-busy="true" />}>
        <C {...props} />
      </Suspense>
    );
  };
}

export const ValueByCategoryChart = withFallback(ValueByCategory);
export const ValueByLocationChart = withFallback(ValueByLocation);
export const MovementsChart = withFallback(Movements);

const RateHistory = lazy(() => import('./RateHistoryChart'));

/** A currency pair's rate over the year up to `until`, fetched and drawn on demand. */
export function RateHistoryChart({ from, to, until }: { from: string; to: string; until: string }) {
  const since = new Date(Date.parse(until + 'T00:00:00Z') - 365 * 86_400_000).toISOString().slice(0, 10);
  const q = useQuery('fx.history', { from, to, since, until });
  return (
    <div data-testid="fx-chart" data-points={q.data?.length ?? 0}>
      <Suspense fallback={<div className="chart-loading" aria-busy="true" />}>{q.data ? <RateHistory points={q.data} /> : <div className="chart-loading" aria-busy="true" />}</Suspense>
    </div>
  );
}

const LandedBreakdown = lazy(() => import('./LandedBreakdownChart'));

/** Where a landed cost goes (goods, freight, duty, taxes, fees), drawn once recharts has loaded. */
export function LandedBreakdownChart(props: BreakdownProps) {
  return (
    <div data-testid="chart-landed-breakdown">
      <Suspense fallback={<div className="chart-loading" aria-busy="true" />}>
        <LandedBreakdown {...props} />
      </Suspense>
    </div>
  );
}

const ClaimsPerMinute = lazy(() => import('./ClaimsPerMinuteChart'));

/** A live session's claims per minute, drawn once recharts has loaded. */
export function ClaimsPerMinuteChart(props: ClaimsChartProps) {
  return (
    <div data-testid="chart-claims" data-points={props.perMinute.length}>
      <Suspense fallback={<div className="chart-loading" aria-busy="true" />}>
        <ClaimsPerMinute {...props} />
      </Suspense>
    </div>
  );
}

const Sales = lazy(() => import('./SalesChart'));

/** Revenue and margin over time, drawn once recharts has loaded. */
export function SalesChart(props: SalesChartProps) {
  return (
    <div data-testid="chart-sales" data-points={props.series.length}>
      <Suspense fallback={<div className="chart-loading" aria-busy="true" />}>
        <Sales {...props} />
      </Suspense>
    </div>
  );
}

const Reorder = lazy(() => import('./ReorderChart'));

/** A product's weekly demand with its forecast, and its projected stock, drawn once recharts has loaded. */
export function ReorderChart(props: ReorderChartProps) {
  return (
    <div data-testid="chart-reorder" data-weeks={props.weeks.length} data-days={props.projection.length}>
      <Suspense fallback={<div className="chart-loading" aria-busy="true" />}>
        <Reorder {...props} />
      </Suspense>
    </div>
  );
}
