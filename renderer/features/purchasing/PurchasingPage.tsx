// Purchase orders: the open ones first, a status filter, and a new order for a supplier.
import { useState } from 'react';
import type { PoStatus } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { Money } from '../../components/Numbers';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { PoStatusTag } from './PoStatusTag';
import { ExportButton } from '../../components/ExportButton';

const FILTERS = ['open', 'draft', 'sent', 'partially_received', 'received', 'closed', 'cancelled'] as const;

export function PurchasingPage() {
  const t = useT();
  const toast = useToast();
  const [status, setStatus] = useState<PoStatus | 'open' | ''>('open');
  const [supplierId, setSupplierId] = useState('');
  const q = useQuery('purchasing.list', { ...(status ? { status } : {}), limit: 200 });
  const suppliers = useQuery('suppliers.list', {}).data ?? [];
  const rows = q.data?.rows ?? [];
  const create = () =>
    client
      .call('purchasing.create', { supplierId })
      .then((d) => navigate(paths.purchaseOrder(d.order.id)))
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('po.title')}</h1>
        <select className="input" data-testid="po-status-filter" value={status} onChange={(e) => setStatus(e.target.value as PoStatus | 'open' | '')}>
          <option value="">{t('po.all')}</option>
          {FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`po.status.${s}`)}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <ExportButton what="purchase-orders" filter={status ? { status } : {}} />
        <select className="input" data-testid="po-new-supplier" value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
          <option value="">{t('po.chooseSupplier')}</option>
          {suppliers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.currency})
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-primary" data-testid="new-po" disabled={!supplierId} onClick={() => void create()}>
          + {t('po.new')}
        </button>
      </header>
      {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {q.data && rows.length === 0 ? (
        <EmptyState title={t('po.empty.title')}>{t('po.empty.body')}</EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="po-table">
            <thead>
              <tr>
                <th>{t('po.col.number')}</th>
                <th>{t('po.col.supplier')}</th>
                <th>{t('po.col.status')}</th>
                <th>{t('po.col.ordered')}</th>
                <th className="right">{t('po.col.lines')}</th>
                <th className="right">{t('po.col.total')}</th>
                <th className="right">{t('po.col.totalBase')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-testid="po-row" className="clickable" onClick={() => navigate(paths.purchaseOrder(o.id))}>
                  <td className="mono strong">{o.number}</td>
                  <td>{o.supplierName}</td>
                  <td>
                    <PoStatusTag status={o.status} />
                  </td>
                  <td className="nowrap">{o.orderDate}</td>
                  <td className="right num">{o.lineCount}</td>
                  <td className="right">
                    <Money minor={o.total} currency={o.currency} />
                  </td>
                  <td className="right">{o.totalBase === null ? <span className="muted">—</span> : <Money minor={o.totalBase} currency={o.baseCurrency} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
