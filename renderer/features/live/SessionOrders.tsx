// A live session's orders: number (to the order), buyer, units, total, status or payment, and when
// an unpaid one is released. The session page lists them all, the report those still to pack.
import type { SalesOrder } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { paths } from '../../app/router';
import { Money, Qty } from '../../components/Numbers';
import { useT } from '../../i18n';

export function SessionOrders({ orders, rowTestId, withStatus }: { orders: SalesOrder[]; rowTestId: string; withStatus: boolean }) {
  const t = useT();
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('live.col.order')}</th>
          <th>{t('live.col.buyer')}</th>
          <th className="right">{t('live.col.units')}</th>
          <th className="right">{t('live.col.total')}</th>
          {withStatus ? <th>{t('live.col.status')}</th> : null}
          <th>{t('live.col.payment')}</th>
          <th>{t('live.report.expires')}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id} data-testid={rowTestId}>
            <td className="mono">
              <a href={'#' + paths.salesOrder(o.id)}>{o.number}</a>
            </td>
            <td>{o.customerHandle ? `@${o.customerHandle}` : (o.customerName ?? '—')}</td>
            <td className="right">
              <Qty n={o.units} />
            </td>
            <td className="right">
              <Money minor={o.total} currency={o.currency} />
            </td>
            {withStatus ? <td>{t(`live.order.${o.status}`)}</td> : null}
            <td>{t(`live.payment.${o.paymentStatus}`)}</td>
            <td className="small">{o.expiresAt ? formatDateTime(o.expiresAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
