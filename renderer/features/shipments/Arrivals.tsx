// Expected arrivals: inbound and transfer shipments not received yet that are due within six
// weeks, overdue ones first (marked, with how many days), then week by week from Monday. Each
// row: number, where it comes from and goes to, ETA, units carried, carrier, status.
import type { ShipmentRow } from '../../../main/common/api';
import { localToday } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { Qty } from '../../components/Numbers';
import { useT } from '../../i18n';
import { ShipmentStatusTag } from './ShipmentStatusTag';
import { addDays, routeOf, weekStart } from './util';

const WEEKS = 6;

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

interface Group {
  key: string;
  title: string;
  overdue: boolean;
  rows: ShipmentRow[];
}

export function Arrivals() {
  const t = useT();
  const today = localToday();
  const list = useQuery('shipments.list', { arriving: true, etaTo: addDays(today, WEEKS * 7), limit: 200 });
  const rows = list.data?.rows ?? [];

  const thisWeek = weekStart(today);
  const groups: Group[] = [];
  const overdue = rows.filter((r) => r.eta !== null && r.eta < today);
  if (overdue.length) groups.push({ key: 'overdue', title: t('shipments.arrivals.overdue'), overdue: true, rows: overdue });
  const byWeek = new Map<string, ShipmentRow[]>();
  for (const r of rows) {
    if (r.eta === null || r.eta < today) continue;
    const w = weekStart(r.eta);
    byWeek.set(w, [...(byWeek.get(w) ?? []), r]);
  }
  for (const [w, list] of [...byWeek].sort(([a], [b]) => a.localeCompare(b))) {
    const n = daysBetween(thisWeek, w) / 7;
    const title = n === 0 ? t('shipments.arrivals.thisWeek') : n === 1 ? t('shipments.arrivals.nextWeek') : t('shipments.arrivals.weekOf', { day: w });
    groups.push({ key: w, title: `${title} · ${w} – ${addDays(w, 6)}`, overdue: false, rows: list });
  }

  return (
    <>
      <p className="muted sh-intro">{t('shipments.arrivals.intro', { weeks: WEEKS })}</p>
      {list.error ? <InlineError message={t('common.error', { msg: list.error.message })} onRetry={list.refetch} retryLabel={t('common.retry')} /> : null}
      {list.data && rows.length === 0 ? (
        <EmptyState title={t('shipments.arrivals.empty')} testId="arrivals-empty">
          {t('shipments.arrivals.emptyBody')}
        </EmptyState>
      ) : null}
      {groups.map((g) => {
        const total = g.rows.reduce((a, r) => a + r.units, 0);
        return (
          <section key={g.key} className={`card flush sh-arrival-group${g.overdue ? ' sh-overdue' : ''}`} data-testid="arrivals-group" data-group={g.key}>
            <h2 className="card-title sh-pad">
              {g.title}{' '}
              <span className="muted small">
                {t('shipments.arrivals.count', { n: g.rows.length })}
                {total ? ` · ${t('shipments.arrivals.units', { n: total })}` : ''}
              </span>
            </h2>
            <table className="table" data-testid="arrivals-table">
              <thead>
                <tr>
                  <th>{t('shipments.col.number')}</th>
                  <th>{t('shipments.col.direction')}</th>
                  <th>{t('shipments.arrivals.from')}</th>
                  <th>{t('shipments.arrivals.to')}</th>
                  <th>{t('shipments.col.eta')}</th>
                  <th className="right">{t('shipments.arrivals.unitsCol')}</th>
                  <th>{t('shipments.col.carrier')}</th>
                  <th>{t('shipments.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {g.rows.map((r) => {
                  const { from, to } = routeOf(r);
                  const late = r.eta !== null && r.eta < today ? daysBetween(r.eta, today) : 0;
                  return (
                    <tr key={r.id} className={`clickable${late ? ' sh-late-row' : ''}`} data-testid="arrival-row" data-number={r.number} data-overdue={late ? 'true' : 'false'} onClick={() => navigate(paths.shipment(r.id))}>
                      <td className="mono strong">
                        <a href={'#' + paths.shipment(r.id)} onClick={(e) => e.stopPropagation()}>
                          {r.number}
                        </a>
                      </td>
                      <td>{t(`shipments.direction.${r.direction}`)}</td>
                      <td>{from}</td>
                      <td>{to}</td>
                      <td className="nowrap">
                        {r.eta}
                        {late ? (
                          <span className="tag warn sh-late" data-testid="arrival-overdue">
                            {t('shipments.arrivals.daysLate', { n: late })}
                          </span>
                        ) : (
                          <span className="muted small"> · {r.eta === today ? t('shipments.arrivals.today') : t('shipments.arrivals.inDays', { n: daysBetween(today, r.eta!) })}</span>
                        )}
                      </td>
                      <td className="right" data-testid="arrival-units">
                        <Qty n={r.units} />
                      </td>
                      <td>
                        {r.carrier ?? <span className="muted">—</span>}
                        {r.trackingNumbers[0] ? <div className="mono small muted">{r.trackingNumbers[0]}</div> : null}
                      </td>
                      <td>
                        <ShipmentStatusTag status={r.status} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
      {list.data && list.data.total > rows.length ? <div className="sh-more muted small">{t('shipments.more', { shown: rows.length, total: list.data.total })}</div> : null}
    </>
  );
}
