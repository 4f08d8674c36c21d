// The product's ledger, newest first, a page at a time.
import { useState } from 'react';
import { formatDateTime } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { useBaseCurrency } from '../../app/settings';
import { AvgCost, Money, Qty } from '../../components/Numbers';
import { reasonLabel, useT } from '../../i18n';

const PAGE = 25;

export function ProductHistory({ productId }: { productId: string }) {
  const t = useT();
  const ccy = useBaseCurrency();
  const [page, setPage] = useState(0);
  const q = useQuery('stock.movements', { productId, offset: page * PAGE, limit: PAGE });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  if (q.data && total === 0) return <div className="muted list-empty">{t('product.history.empty')}</div>;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th>{t('moves.col.date')}</th>
            <th>{t('moves.col.location')}</th>
            <th>{t('moves.col.kind')}</th>
            <th className="right">{t('moves.col.qty')}</th>
            <th className="right">{t('moves.col.value')}</th>
            <th className="right">{t('moves.col.avgCost')}</th>
            <th className="right">{t('moves.col.qtyAfter')}</th>
            <th>{t('moves.col.actor')}</th>
            <th>{t('moves.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-testid="history-row">
              <td className="nowrap">{formatDateTime(m.occurredAt)}</td>
              <td className="mono">{m.locationCode}</td>
              <td>
                <span className={`kind kind-${m.kind}`}>{t(`kind.${m.kind}`)}</span>
              </td>
              <td className="right">
                <Qty n={m.qty} signed />
              </td>
              <td className="right">
                <Money minor={m.value} currency={ccy} />
              </td>
              <td className="right">
                <AvgCost avgCostE4={m.avgCostE4} currency={ccy} />
              </td>
              <td className="right">
                <Qty n={m.qtyAfter} />
              </td>
              <td className="muted">{m.actor}</td>
              <td className="muted truncate-cell">{[reasonLabel(t, m.reason), m.note].filter(Boolean).join(' — ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <div className="pager">
          <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            ‹
          </button>
          <span className="muted">
            {page + 1} / {pages} · {t('common.total', { n: total })}
          </span>
          <button type="button" className="btn btn-small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            ›
          </button>
        </div>
      ) : null}
    </>
  );
}
