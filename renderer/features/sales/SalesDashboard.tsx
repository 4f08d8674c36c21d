// What sold: revenue, cost and margin (landed, base currency) and units over the last 30, 90 or
// 365 days by day, week or month, by channel, and the best sellers. Figures count what shipped.
import { useState } from 'react';
import { localToday } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { SalesChart } from '../../charts';
import { InlineError } from '../../components/EmptyState';
import { Money, Qty } from '../../components/Numbers';
import { useT } from '../../i18n';

const RANGES = [30, 90, 365] as const;

export function SalesDashboard() {
  const t = useT();
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const [bucket, setBucket] = useState<'day' | 'week' | 'month'>('day');
  const to = localToday();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const q = useQuery('sales.summary', { from, to, bucket });
  const s = q.data;
  const pct = s && s.totals.revenue ? ((s.totals.margin / s.totals.revenue) * 100).toFixed(1) : null;
  return (
    <div data-testid="sales-dashboard">
      <div className="so-filters">
        <select className="so-input" data-testid="dash-range" aria-label={t('salesDash.range')} value={days} onChange={(e) => setDays(Number(e.target.value) as (typeof RANGES)[number])}>
          {RANGES.map((d) => (
            <option key={d} value={d}>
              {t('salesDash.lastDays', { n: d })}
            </option>
          ))}
        </select>
        <select className="so-input" data-testid="dash-bucket" aria-label={t('salesDash.bucket')} value={bucket} onChange={(e) => setBucket(e.target.value as 'day' | 'week' | 'month')}>
          <option value="day">{t('salesDash.byDay')}</option>
          <option value="week">{t('salesDash.byWeek')}</option>
          <option value="month">{t('salesDash.byMonth')}</option>
        </select>
      </div>
      {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {s ? (
        <>
          <section className="so-kpis">
            <Kpi label={t('salesDash.revenue')} testId="dash-revenue">
              <Money minor={s.totals.revenue} currency={s.baseCurrency} />
            </Kpi>
            <Kpi label={t('salesDash.margin')} testId="dash-margin" sub={pct ? `${pct}%` : undefined}>
              <Money minor={s.totals.margin} currency={s.baseCurrency} />
            </Kpi>
            <Kpi label={t('salesDash.units')} testId="dash-units">
              <Qty n={s.totals.units} />
            </Kpi>
            <Kpi label={t('salesDash.orders')} testId="dash-orders">
              <Qty n={s.totals.orders} />
            </Kpi>
          </section>
          <section className="card">
            <h2 className="card-title">{t('salesDash.overTime')}</h2>
            <SalesChart series={s.series} currency={s.baseCurrency} labels={{ revenue: t('salesDash.revenue'), margin: t('salesDash.margin') }} />
          </section>
          <div className="so-dash-grid">
            <Figures
              title={t('salesDash.byChannel')}
              head={t('sales.col.channel')}
              testId="dash-channels"
              currency={s.baseCurrency}
              rows={s.byChannel.map((c) => ({ key: c.channel, label: t(`sales.channel.${c.channel}`), units: c.units, revenue: c.revenue, margin: c.margin }))}
            />
            <Figures
              title={t('salesDash.best')}
              head={t('sales.col.product')}
              testId="dash-best"
              rowTestId="best-seller"
              currency={s.baseCurrency}
              rows={s.bestSellers.map((b) => ({
                key: b.productId,
                label: (
                  <>
                    <a className="mono strong" href={'#' + paths.product(b.productId)}>
                      {b.sku}
                    </a>{' '}
                    <span className="muted small">{b.name}</span>
                  </>
                ),
                units: b.units,
                revenue: b.revenue,
                margin: b.margin,
              }))}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Units, revenue and margin per row (a channel, a product), base currency. */
function Figures(p: { title: string; head: string; testId: string; rowTestId?: string; currency: string; rows: { key: string; label: React.ReactNode; units: number; revenue: number; margin: number }[] }) {
  const t = useT();
  return (
    <section className="card flush">
      <h2 className="card-title so-pad">{p.title}</h2>
      <table className="table" data-testid={p.testId}>
        <thead>
          <tr>
            <th>{p.head}</th>
            <th className="right">{t('salesDash.units')}</th>
            <th className="right">{t('salesDash.revenue')}</th>
            <th className="right">{t('salesDash.margin')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr key={r.key} data-testid={p.rowTestId}>
              <td>{r.label}</td>
              <td className="right">
                <Qty n={r.units} />
              </td>
              <td className="right">
                <Money minor={r.revenue} currency={p.currency} />
              </td>
              <td className="right">
                <Money minor={r.margin} currency={p.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.rows.length === 0 ? <p className="muted so-pad">{t('salesDash.nothing')}</p> : null}
    </section>
  );
}

function Kpi({ label, children, sub, testId }: { label: string; children: React.ReactNode; sub?: string | undefined; testId: string }) {
  return (
    <div className="card so-kpi" data-testid={testId}>
      <div className="muted small">{label}</div>
      <div className="so-kpi-value">{children}</div>
      {sub ? <div className="muted small">{sub}</div> : null}
    </div>
  );
}
