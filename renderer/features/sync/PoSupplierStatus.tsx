// On a purchase order sent to a connected supplier: whether it has gone, what the supplier said
// (accepted, partly accepted line by line, rejected with reasons), and the shipments they notified.
import type { PurchaseOrderDetail } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { useT } from '../../i18n';

export function PoSupplierStatus({ detail }: { detail: PurchaseOrderDetail }) {
  const t = useT();
  const q = useQuery('sync.order', { poId: detail.order.id });
  const s = q.data;
  if (!s || (!s.outbox && !s.ack)) return null;
  const partly = s.ack?.lines.filter((l) => l.acceptedQty !== null && l.acceptedQty !== l.qty) ?? [];
  return (
    <section className="card" data-testid="po-supplier-status">
      <h2 className="card-title">{t('sync.po.title', { name: detail.order.supplierName })}</h2>
      <p>
        {s.outbox ? (
          <span className={`tag sync-${s.outbox.state}`} data-testid="po-outbox-state">
            {t(`sync.state.${s.outbox.state}`)}
          </span>
        ) : null}{' '}
        {s.ack ? (
          <span data-testid="po-ack">
            {t('sync.po.says', { status: t(`sync.ack.${s.ack.status}`), at: formatDateTime(s.ack.syncedAt) })}
          </span>
        ) : s.outbox?.lastError ? (
          <span className="small">{s.outbox.lastError}</span>
        ) : null}
      </p>
      {partly.length ? (
        <ul className="plain-list small" data-testid="po-ack-lines">
          {partly.map((l) => (
            <li key={l.sku}>{t('sync.po.line', { sku: l.sku, accepted: l.acceptedQty ?? 0, qty: l.qty, reason: l.reason ?? '' })}</li>
          ))}
        </ul>
      ) : null}
      {s.ack?.reasons.length ? <p className="small">{s.ack.reasons.join('; ')}</p> : null}
      {s.shipments.length ? (
        <p className="small">
          {t('sync.po.shipments')}{' '}
          {s.shipments.map((sh, i) => (
            <span key={sh.id}>
              {i ? ', ' : ''}
              <a href={'#' + paths.shipment(sh.id)} className="mono" data-testid="po-notified-shipment">
                {sh.number}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
