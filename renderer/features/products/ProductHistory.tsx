// The product's ledger, newest first, a page at a time.
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useBaseCurrency } from '../../app/settings';
import { useT } from '../../i18n';
import { MovementTable } from '../movements/MovementTable';

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
      <MovementTable rows={rows} columns={['date', 'location', 'kind', 'qty', 'value', 'avgCost', 'qtyAfter', 'actor', 'reason', 'actions']} currency={ccy} rowTestId="history-row" />
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
