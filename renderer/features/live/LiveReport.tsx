// After a session: how fast claims came (per minute), what each product sold of its cap, revenue,
// cost and margin at landed cost (base currency), buyers, and the orders still to pack.
import type { LiveReport as Report } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { ClaimsPerMinuteChart } from '../../charts';
import { Loaded } from '../../components/Loaded';
import { Money, Qty } from '../../components/Numbers';
import { useT } from '../../i18n';
import { LiveStatusTag } from './LiveStatusTag';
import { PromotionalToggle } from './PromotionalToggle';
import { SessionOrders } from './SessionOrders';
import './live.css';

export function LiveReport({ id }: { id: string }) {
  const q = useQuery('live.report', { id });
  return <Loaded q={q}>{(r) => <ReportView r={r} />}</Loaded>;
}

function ReportView({ r }: { r: Report }) {
  const t = useT();
  const s = r.session;
  const cur = r.baseCurrency;
  const busiest = r.perMinute.reduce((a, m) => (m.claims > a.claims ? m : a), { minute: '', claims: 0, units: 0 });
  return (
    <div className="page" data-testid="live-report">
      <nav className="crumbs small">
        <a href={'#' + paths.live()}>{t('live.title')}</a> › <a href={'#' + paths.liveSession(s.id)} className="mono">{s.number}</a> › {t('live.report.title')}
      </nav>
      <header className="page-head">
        <h1>
          {t('live.report.title')} · {s.title}
        </h1>
        <LiveStatusTag status={s.status} />
        <span className="spacer" />
        <PromotionalToggle session={s} />
      </header>
      <p className="muted small">
        {s.startedAt ? formatDateTime(s.startedAt) : ''}
        {s.endedAt ? ` – ${formatDateTime(s.endedAt)}` : ''} · {s.locationCode}
      </p>
      <section className="lv-kpis">
        <Kpi label={t('live.report.claims')} testId="kpi-claims" value={<Qty n={r.totals.claims} />} />
        <Kpi label={t('live.report.units')} testId="kpi-units" value={<Qty n={r.totals.units} />} />
        <Kpi label={t('live.report.buyers')} testId="kpi-buyers" value={<Qty n={r.totals.buyers} />} />
        <Kpi label={t('live.report.revenue')} testId="kpi-revenue" value={<Money minor={r.totals.revenue} currency={cur} />} />
        <Kpi label={t('live.report.cost')} testId="kpi-cost" value={<Money minor={r.totals.cogs} currency={cur} />} />
        <Kpi label={t('live.report.margin')} testId="kpi-margin" value={<Money minor={r.totals.margin} currency={cur} />} sub={r.totals.marginPct ? `${r.totals.marginPct}%` : undefined} />
      </section>
      <section className="card">
        <h2 className="card-title">{t('live.report.perMinute')}</h2>
        {busiest.claims ? <p className="muted small">{t('live.report.busiest', { at: formatDateTime(`${busiest.minute}:00Z`), n: busiest.claims })}</p> : null}
        {r.perMinute.length ? <ClaimsPerMinuteChart perMinute={r.perMinute} label={t('live.report.claims')} /> : <p className="muted">{t('live.report.noClaims')}</p>}
      </section>
      <section className="card flush">
        <h2 className="card-title lv-pad">{t('live.report.products')}</h2>
        <table className="table" data-testid="report-items">
          <thead>
            <tr>
              <th>{t('live.col.product')}</th>
              <th className="right">{t('live.col.cap')}</th>
              <th className="right">{t('live.col.claimed')}</th>
              <th className="right">{t('live.report.sellThrough')}</th>
              <th className="right">{t('live.report.waiting')}</th>
              <th className="right">{t('live.report.revenue')}</th>
              <th className="right">{t('live.report.cost')}</th>
              <th className="right">{t('live.report.margin')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((i) => (
              <tr key={i.productId} data-testid="report-item" data-sku={i.sku}>
                <td>
                  <span className="mono strong">{i.sku}</span> <span className="muted small">{i.name}</span>
                </td>
                <td className="right">
                  <Qty n={i.cap} />
                </td>
                <td className="right">
                  <Qty n={i.claimed} />
                </td>
                <td className="right">
                  <span className="lv-bar" style={{ ['--pct' as string]: `${Math.min(100, Number(i.sellThroughPct ?? 0))}%` }}>{i.sellThroughPct ? `${i.sellThroughPct}%` : '—'}</span>
                </td>
                <td className="right">
                  <Qty n={i.waiting} />
                </td>
                <td className="right">
                  <Money minor={i.revenue} currency={cur} />
                </td>
                <td className="right">
                  <Money minor={i.cogs} currency={cur} />
                </td>
                <td className="right">
                  <Money minor={i.margin} currency={cur} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card flush" data-testid="report-to-pack">
        <h2 className="card-title lv-pad">{t('live.report.toPack', { n: r.toPack.length })}</h2>
        {r.toPack.length ? (
          <SessionOrders orders={r.toPack} rowTestId="pack-order" withStatus={false} />
        ) : (
          <p className="muted lv-pad">{t('live.report.nothingToPack')}</p>
        )}
      </section>
    </div>
  );
}

function Kpi({ label, value, sub, testId }: { label: string; value: React.ReactNode; sub?: string | undefined; testId: string }) {
  return (
    <div className="card lv-kpi" data-testid={testId}>
      <div className="muted small">{label}</div>
      <div className="lv-kpi-value">{value}</div>
      {sub ? <div className="muted small">{sub}</div> : null}
    </div>
  );
}
