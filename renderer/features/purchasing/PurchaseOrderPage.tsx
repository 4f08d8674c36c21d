// One purchase order: its lines and totals in the supplier's currency and the base currency (at
// the rate stored on it), fast line entry while a draft, then send, receive, close or cancel,
// and its receipts with the rate each was valued at.
import { Attachments } from '../../components/Attachments';
import { useState } from 'react';
import type { PurchaseOrderDetail } from '../../../main/common/api';
import { formatQty } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { InlineError } from '../../components/EmptyState';
import { Money } from '../../components/Numbers';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { ReceiptLandedCost } from '../landed/ReceiptLandedCost';
import { AddLine, linesInput } from './AddLine';
import { OrderDetailsForm } from './OrderDetailsForm';
import { PoStatusTag } from './PoStatusTag';
import { ReceiveForm } from './ReceiveForm';
import { PoSupplierStatus } from '../sync/PoSupplierStatus';

export function PurchaseOrderPage({ id }: { id: string }) {
  const t = useT();
  const toast = useToast();
  const q = useQuery('purchasing.get', { id });
  const [closeReason, setCloseReason] = useState('');
  const receipts = useQuery('purchasing.receipts', { poId: id }).data ?? [];
  /** the receipt whose files are shown (a photo of a damaged carton, the delivery note) */
  const [filesOf, setFilesOf] = useState<string | null>(null);
  if (q.error) return <div className="page"><InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /></div>;
  if (!q.data) return <div className="page" aria-busy="true" />;
  const d: PurchaseOrderDetail = q.data;
  const o = d.order;
  const act = (method: 'purchasing.send' | 'purchasing.close' | 'purchasing.cancel', extra: { reason?: string } = {}) =>
    client
      .call(method, { id, ...extra })
      .then((r) => toast(t('po.now', { number: r.order.number, status: t(`po.status.${r.order.status}`) })))
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  const removeLine = (lineNo: number) =>
    client
      .call('purchasing.update', { id, lines: linesInput(d).filter((_, i) => d.lines[i]!.lineNo !== lineNo) })
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  const reverse = (receiptId: string) =>
    client
      .call('purchasing.reverseReceipt', { id: receiptId })
      .then((r) => toast(t('po.reversed', { number: r.number })))
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  const receiving = o.status === 'sent' || o.status === 'partially_received' || o.status === 'received';

  return (
    <div className="page">
      <nav className="crumbs">
        <a href={'#' + paths.purchasing()}>{t('po.title')}</a> › {o.number}
      </nav>
      <header className="page-head">
        <h1 data-testid="po-title">
          <span className="mono">{o.number}</span> · <a href={'#' + paths.supplier(o.supplierId)}>{o.supplierName}</a>
        </h1>
        <PoStatusTag status={o.status} testId="po-status" />
        <span className="spacer" />
        <a className="btn" data-testid="po-document-link" href={`#/purchasing/${encodeURIComponent(o.id)}/document`}>
          {t('po.printView')}
        </a>
        {o.status === 'draft' ? (
          <button type="button" className="btn btn-primary" data-testid="po-send" disabled={d.lines.length === 0} onClick={() => void act('purchasing.send')}>
            {t('po.send')}
          </button>
        ) : null}
        {o.status === 'draft' || o.status === 'sent' ? (
          <button type="button" className="btn btn-quiet" data-testid="po-cancel" onClick={() => void act('purchasing.cancel')}>
            {t('po.cancel')}
          </button>
        ) : null}
        {o.status === 'partially_received' ? (
          <input className="input" data-testid="po-close-reason" placeholder={t('po.closeReason')} value={closeReason} onChange={(e) => setCloseReason(e.target.value)} />
        ) : null}
        {receiving ? (
          <button type="button" className="btn" data-testid="po-close" onClick={() => void act('purchasing.close', closeReason.trim() ? { reason: closeReason.trim() } : {})}>
            {t('po.close')}
          </button>
        ) : null}
      </header>
      <p className="muted">
        {t('po.dates', { ordered: o.orderDate })}
        {o.fxRate ? ` · ${t('po.rate', { from: o.currency, rate: o.fxRate, to: o.baseCurrency, day: o.fxDay ?? '' })}` : ` · ${t('po.noRate', { from: o.currency, to: o.baseCurrency })}`}
      </p>
      <section className="card flush">
        <table className="table" data-testid="po-lines">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('po.col.sku')}</th>
              <th>{t('po.col.name')}</th>
              <th className="right">{t('po.col.ordered')}</th>
              <th className="right">{t('po.col.received')}</th>
              <th>{t('po.col.expected')}</th>
              <th className="right">{t('po.price', { ccy: o.currency })}</th>
              <th className="right">{t('po.col.total')}</th>
              {o.status === 'draft' ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {d.lines.map((l) => (
              <tr key={l.id} data-testid="po-line">
                <td className="muted">{l.lineNo}</td>
                <td className="mono">{l.sku}</td>
                <td>{l.name}</td>
                <td className="right num">{formatQty(l.qtyOrdered)}</td>
                <td className="right num">{formatQty(l.qtyReceived)}</td>
                <td className="nowrap muted">{l.expectedDate ?? ''}</td>
                <td className="right">
                  <Money minor={l.unitPrice} currency={o.currency} />
                </td>
                <td className="right">
                  <Money minor={l.lineTotal} currency={o.currency} />
                </td>
                {o.status === 'draft' ? (
                  <td className="right">
                    <button type="button" className="btn btn-small btn-quiet" onClick={() => void removeLine(l.lineNo)}>
                      {t('suppliers.remove')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <td colSpan={7}>{t('po.total')}</td>
              <td className="right strong" data-testid="po-total">
                <Money minor={o.total} currency={o.currency} />
                {o.totalBase !== null && o.currency !== o.baseCurrency ? (
                  <div className="muted small">
                    <Money minor={o.totalBase} currency={o.baseCurrency} />
                  </div>
                ) : null}
              </td>
              {o.status === 'draft' ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </section>
      {o.status === 'draft' ? (
        <>
          <section className="card">
            <AddLine detail={d} />
          </section>
          <section className="card">
            <OrderDetailsForm key={o.updatedAt} detail={d} />
          </section>
        </>
      ) : o.notes || o.expectedDate ? (
        <p className="muted pre-wrap" data-testid="po-notes">
          {[o.expectedDate ? t('po.expected', { date: o.expectedDate }) : null, o.notes].filter(Boolean).join('\n')}
        </p>
      ) : null}
      <PoSupplierStatus detail={d} />
      {o.status === 'sent' || o.status === 'partially_received' ? (
        <section className="card">
          <h2 className="card-title">{t('po.receive')}</h2>
          <ReceiveForm detail={d} />
        </section>
      ) : null}
      {receipts.length ? (
        <section className="card flush">
          <table className="table" data-testid="po-receipts">
            <thead>
              <tr>
                <th>{t('po.col.receipt')}</th>
                <th>{t('po.col.receivedAt')}</th>
                <th className="right">{t('po.col.units')}</th>
                <th>{t('po.col.rate')}</th>
                <th className="right">{t('po.col.value', { ccy: o.baseCurrency })}</th>
                <th className="right">{t('landed.col.landedCost')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {receipts.map((r) => (
                <tr key={r.id} data-testid="po-receipt" className={r.reversed ? 'dim' : ''}>
                  <td className="mono">{r.number}</td>
                  <td className="nowrap">{r.receivedAt.slice(0, 10)}</td>
                  <td className="right num">{formatQty(r.lines.reduce((n, l) => n + l.qty + l.damagedQty, 0))}</td>
                  <td>
                    1 {o.currency} = {r.fxRate} {o.baseCurrency} <span className="muted small">({r.fxDay})</span>
                  </td>
                  <td className="right">
                    <Money minor={r.lines.reduce((n, l) => n + l.valueBase, 0)} currency={o.baseCurrency} />
                  </td>
                  <td className="right">
                    <ReceiptLandedCost receiptId={r.id} reversed={r.reversed} />
                  </td>
                  <td className="right nowrap">
                    <button type="button" className="btn btn-small" data-testid="receipt-files" aria-expanded={filesOf === r.id} onClick={() => setFilesOf(filesOf === r.id ? null : r.id)}>
                      {t('attach.title')}
                    </button>{' '}
                    {r.reversed ? (
                      <span className="tag">{t('po.reversedTag')}</span>
                    ) : receiving ? (
                      <ConfirmButton label={t('reverse.action')} confirmLabel={t('reverse.confirm')} onConfirm={() => void reverse(r.id)} testId="reverse-receipt" />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {filesOf ? <Attachments key={filesOf} ownerType="receipt" ownerId={filesOf} title={`${t('attach.title')} · ${receipts.find((r) => r.id === filesOf)?.number ?? ''}`} /> : null}
      <Attachments ownerType="purchase_order" ownerId={id} />
    </div>
  );
}
