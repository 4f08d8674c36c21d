// The purchase order as a document to send the supplier: printed, or saved as PDF from the print
// dialog. Plain layout, the supplier's currency, no app chrome (print.css hides the shell).
import { useEffect } from 'react';
import { formatMoney, groupDigits } from '../../../main/common/money';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n';

export function PurchaseOrderDocument({ id }: { id: string }) {
  const { t, countryName } = useI18n();
  const q = useQuery('purchasing.get', { id });
  const supplier = useQuery('suppliers.get', { id: q.data?.order.supplierId ?? '' }, { enabled: !!q.data }).data?.supplier;
  const ready = !!q.data && !!supplier;
  useEffect(() => {
    if (ready) document.body.classList.add('printing');
    return () => document.body.classList.remove('printing');
  }, [ready]);
  if (!q.data || !supplier) return <div className="page" aria-busy="true" />;
  const { order: o, lines } = q.data;
  const money = (minor: number) => groupDigits(formatMoney(minor, o.currency));
  return (
    <article className="po-document" data-testid="po-document">
      <div className="no-print doc-actions">
        <button type="button" className="btn btn-primary" data-testid="po-print" onClick={() => window.print()}>
          {t('po.print')}
        </button>
        <a className="btn" href={`#/purchasing/${encodeURIComponent(o.id)}`}>
          {t('common.back')}
        </a>
      </div>
      <header>
        <h1>{t('po.document')}</h1>
        <div className="doc-number mono">{o.number}</div>
      </header>
      <section className="doc-parties">
        <div>
          <div className="muted small">{t('po.col.supplier')}</div>
          <strong>{supplier.name}</strong>
          {supplier.contactName ? <div>{supplier.contactName}</div> : null}
          {supplier.email ? <div>{supplier.email}</div> : null}
          {supplier.country ? <div>{countryName(supplier.country)}</div> : null}
        </div>
        <div>
          <div>{t('po.dates', { ordered: o.orderDate })}</div>
          {o.expectedDate ? <div>{t('po.expected', { date: o.expectedDate })}</div> : null}
          {supplier.paymentTerms ? <div>{t('suppliers.terms')}: {supplier.paymentTerms}</div> : null}
          <div>{t('suppliers.currency')}: {o.currency}</div>
        </div>
      </section>
      <table className="doc-lines">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('suppliers.supplierSku')}</th>
            <th>{t('po.col.name')}</th>
            <th className="right">{t('po.qty')}</th>
            <th className="right">{t('po.price', { ccy: o.currency })}</th>
            <th className="right">{t('po.col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td>{l.lineNo}</td>
              <td className="mono">{l.supplierSku ?? l.sku}</td>
              <td>{l.name}</td>
              <td className="right">{l.qtyOrdered}</td>
              <td className="right">{money(l.unitPrice)}</td>
              <td className="right">{money(l.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={5} className="right strong">
              {t('po.total')} ({o.currency})
            </td>
            <td className="right strong" data-testid="po-document-total">
              {money(o.total)}
            </td>
          </tr>
        </tfoot>
      </table>
      {o.notes ? <p className="doc-notes">{o.notes}</p> : null}
    </article>
  );
}
