// The morning view: what is in stock, where, what it is worth, what moved, what runs low.
// Refreshes itself on stock/product/location/settings events.
import type { DashboardSummary } from '../../../main/common/api';
import { useQuery } from '../../api/hooks';
import { InlineError } from '../../components/EmptyState';
import { Money, Qty } from '../../components/Numbers';
import { MovementsChart, ValueByCategoryChart, ValueByLocationChart } from '../../charts';
import { useT } from '../../i18n';
import { FirstRun } from './FirstRun';
import { LowStockList } from './LowStockList';
import { RecentMovements } from './RecentMovements';

const DAYS = 30;

function Kpi({ label, accent = false, children }: { label: string; accent?: boolean; children: React.ReactNode }) {
  return (
    <div className={accent ? 'kpi kpi-accent' : 'kpi'}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-figure">{children}</div>
    </div>
  );
}

function Kpis({ s }: { s: DashboardSummary }) {
  const t = useT();
  return (
    <div className="kpis">
      <Kpi label={t('dash.kpi.products')}>
        <Qty n={s.totals.products} testId="kpi-products" />
      </Kpi>
      <Kpi label={t('dash.kpi.locations')}>
        <Qty n={s.totals.locations} testId="kpi-locations" />
      </Kpi>
      <Kpi label={t('dash.kpi.units')}>
        <Qty n={s.totals.units} testId="kpi-units" />
      </Kpi>
      <Kpi label={t('dash.kpi.value')} accent>
        <Money minor={s.totals.value} currency={s.baseCurrency} testId="kpi-value" />
      </Kpi>
    </div>
  );
}

function Card({ title, testId, children, className }: { title: string; testId?: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`card${className ? ' ' + className : ''}`} data-testid={testId}>
      <h2 className="card-title">{title}</h2>
      {children}
    </section>
  );
}

export function DashboardPage() {
  const t = useT();
  const q = useQuery('dashboard.summary', { days: DAYS });
  const s = q.data;
  return (
    <div className="page page-dashboard">
      <header className="page-head">
        <h1>{t('dash.title')}</h1>
      </header>
      {q.error && !s ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {!s ? (
        q.error ? null : <div className="loading-block">{t('common.loading')}</div>
      ) : s.totals.locations === 0 ? (
        <FirstRun />
      ) : (
        <>
          <Kpis s={s} />
          <div className="dash-grid">
            <Card title={t('dash.chart.category')} testId="chart-value-by-category">
              {s.valueByCategory.length ? <ValueByCategoryChart summary={s} t={t} /> : <p className="muted chart-empty">{t('dash.chart.empty')}</p>}
            </Card>
            <Card title={t('dash.chart.location')} testId="chart-value-by-location">
              {s.valueByLocation.some((l) => l.value !== 0 || l.units !== 0) ? <ValueByLocationChart summary={s} t={t} /> : <p className="muted chart-empty">{t('dash.chart.empty')}</p>}
            </Card>
            <Card title={t('dash.lowStock')}>
              <LowStockList items={s.lowStock} />
            </Card>
            <Card title={t('dash.chart.movements', { days: DAYS })} testId="chart-movements" className="span-3">
              {s.movementsByDay.length ? <MovementsChart summary={s} t={t} /> : <p className="muted chart-empty">{t('dash.chart.noMoves')}</p>}
            </Card>
            <Card title={t('dash.recent')} className="span-3">
              <RecentMovements rows={s.recent} currency={s.baseCurrency} />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
