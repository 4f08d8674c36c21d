// One supplier: who they are and their price list.
import { Attachments } from '../../components/Attachments';
import { useState } from 'react';
import type { SupplierProduct } from '../../../main/common/api';
import { formatMoney } from '../../../main/common/money';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { Money } from '../../components/Numbers';
import { ReorderTerms } from '../reorder/ReorderTerms';
import { ConnectionCard } from '../sync/ConnectionCard';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../i18n';
import { PriceListForm } from './PriceListForm';
import { SupplierForm } from './SupplierForm';
import { PoStatusTag } from '../purchasing/PoStatusTag';

export function SupplierPage({ id }: { id: string }) {
  const { t, countryName } = useI18n();
  const toast = useToast();
  const q = useQuery('suppliers.get', { id });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  if (q.error) return <div className="page"><InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /></div>;
  if (!q.data) return <div className="page" aria-busy="true" />;
  const { supplier: s, products } = q.data;
  const remove = (sp: SupplierProduct) =>
    client
      .call('suppliers.removeProduct', { id: sp.id })
      .then(() => toast(t('suppliers.productRemoved', { sku: sp.supplierSku })))
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  const addButton = (
    <button type="button" className="btn btn-primary" data-testid="add-supplier-product" onClick={() => setAdding(true)}>
      + {t('suppliers.addProduct')}
    </button>
  );
  return (
    <div className="page">
      <nav className="crumbs">
        <a href={'#' + paths.suppliers()}>{t('suppliers.title')}</a> › {s.name}
      </nav>
      <header className="page-head">
        <h1 data-testid="supplier-title">{s.name}</h1>
        <span className="tag">{s.currency}</span>
        <span className="spacer" />
        <button type="button" className="btn" data-testid="edit-supplier" onClick={() => setEditing(true)}>
          {t('common.edit')}
        </button>
        {addButton}
      </header>
      <section className="card">
        <dl className="facts facts-4">
          <Fact label={t('field.country')} value={s.country ? countryName(s.country) : '—'} />
          <Fact label={t('suppliers.contact')} value={[s.contactName, s.email, s.phone].filter(Boolean).join(' · ') || '—'} />
          <Fact label={t('suppliers.terms')} value={s.paymentTerms ?? '—'} />
          <Fact label={t('suppliers.leadTime')} value={t('suppliers.days', { n: s.leadTimeDays })} />
          <Fact label={t('suppliers.onTime')} value={q.data.onTime.receipts ? t('suppliers.onTimeOf', { n: q.data.onTime.onTime, of: q.data.onTime.receipts }) : '—'} />
        </dl>
      </section>
      <ConnectionCard supplier={s} />
      <ReorderTerms supplierId={s.id} />
      {q.data.openOrders.length ? (
        <section className="card flush">
          <table className="table" data-testid="supplier-open-orders">
            <thead>
              <tr>
                <th>{t('suppliers.openOrders')}</th>
                <th>{t('po.col.status')}</th>
                <th>{t('po.col.ordered')}</th>
                <th className="right">{t('po.col.total')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.openOrders.map((o) => (
                <tr key={o.id} data-testid="supplier-open-order">
                  <td className="mono">
                    <a href={'#' + paths.purchaseOrder(o.id)}>{o.number}</a>
                  </td>
                  <td>
                    <PoStatusTag status={o.status} />
                  </td>
                  <td className="nowrap">{o.orderDate}</td>
                  <td className="right">
                    <Money minor={o.total} currency={o.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {products.length === 0 ? (
        <EmptyState title={t('suppliers.noProducts.title')} action={addButton}>
          {t('suppliers.noProducts.body', { ccy: s.currency })}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="price-list">
            <thead>
              <tr>
                <th>{t('suppliers.supplierSku')}</th>
                <th>{t('suppliers.ourProduct')}</th>
                <th className="right">{t('suppliers.listPrice', { ccy: s.currency })}</th>
                <th>{t('suppliers.breaks')}</th>
                <th className="right">{t('suppliers.moq')}</th>
                <th className="right">{t('suppliers.multiple')}</th>
                <th>{t('suppliers.priceDate')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.id} data-testid="price-row">
                  <td className="mono strong">{p.supplierSku}</td>
                  <td>{p.productId ? <a href={'#' + paths.product(p.productId)}><span className="mono">{p.productSku}</span> {p.productName}</a> : <span className="muted">{t('suppliers.unlinked')}</span>}</td>
                  <td className="right">
                    <Money minor={p.unitPrice} currency={s.currency} />
                  </td>
                  <td className="muted">{p.priceBreaks.map((b) => `${b.minQty}+ ${formatMoney(b.unitPrice, s.currency)}`).join(' · ') || '—'}</td>
                  <td className="right num">{p.moq}</td>
                  <td className="right num">{p.orderMultiple}</td>
                  <td className="nowrap">{p.priceDate}</td>
                  <td className="right">
                    <button type="button" className="btn btn-small btn-quiet" data-testid="remove-supplier-product" onClick={() => void remove(p)}>
                      {t('suppliers.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Attachments ownerType="supplier" ownerId={s.id} />
      {editing ? <SupplierForm supplier={s} onClose={() => setEditing(false)} /> : null}
      {adding ? <PriceListForm supplier={s} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
