// Charts are loaded on demand (React.lazy), so recharts lives in its own chunk and the first
// screen paints without it.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { ChartProps } from './types';

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
