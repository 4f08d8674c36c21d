// What the shipment is tied to: the purchase orders its lines come from, the receipts it posted
// (reversed ones struck through), the landed-cost document of its costs, and the locations its
// stock moves between (a transfer's in-transit one while it travels).
import type { ShipmentDetail } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { paths } from '../../app/router';
import { useT } from '../../i18n';

export function LinkedDocs({ d }: { d: ShipmentDetail }) {
  const t = useT();
  const s = d.shipment;
  const pos = new Map<string, string>();
  for (const l of d.lines) if (l.poId && l.poNumber) pos.set(l.poId, l.poNumber);
  const loc = (id: string | null, code: string | null) => (id && code ? <a href={'#' + paths.stock(id)}>{code}</a> : null);
  const rows: [string, React.ReactNode, string][] = [];
  if (s.direction !== 'inbound') rows.push([t('shipments.docs.from'), loc(s.fromLocationId, s.fromLocationCode), 'doc-from']);
  if (s.direction !== 'outbound') rows.push([t('shipments.docs.to'), loc(s.toLocationId, s.toLocationCode), 'doc-to']);
  if (s.transitLocationId) rows.push([t('shipments.docs.transit'), loc(s.transitLocationId, d.transitLocationCode), 'doc-transit']);
  if (s.supplierId && s.supplierName) rows.push([t('shipments.docs.supplier'), <a href={'#' + paths.supplier(s.supplierId)}>{s.supplierName}</a>, 'doc-supplier']);

  return (
    <section className="card" data-testid="shipment-docs">
      <h2 className="card-title">{t('shipments.docs.title')}</h2>
      <dl className="sh-docs">
        {rows.map(([label, value, id]) => (
          <div key={id} className="sh-doc-row">
            <dt className="muted small">{label}</dt>
            <dd data-testid={id}>{value ?? <span className="muted">—</span>}</dd>
          </div>
        ))}
        {pos.size ? (
          <div className="sh-doc-row">
            <dt className="muted small">{t('shipments.docs.pos')}</dt>
            <dd>
              {[...pos].map(([id, number]) => (
                <a key={id} className="mono sh-doc-chip" data-testid="doc-po" href={'#' + paths.purchaseOrder(id)}>
                  {number}
                </a>
              ))}
            </dd>
          </div>
        ) : null}
        {s.direction === 'inbound' ? (
          <div className="sh-doc-row">
            <dt className="muted small">{t('shipments.docs.receipts')}</dt>
            <dd>
              {d.receipts.length === 0 ? <span className="muted small">{t('shipments.docs.noReceipts')}</span> : null}
              <ul className="sh-receipts">
                {d.receipts.map((r) => (
                  <li key={r.id} data-testid="doc-receipt" data-number={r.number} data-reversed={r.reversed ? 'true' : 'false'}>
                    <span className={`mono strong${r.reversed ? ' sh-struck' : ''}`}>{r.number}</span>{' '}
                    <span className="small muted">
                      {formatDateTime(r.receivedAt)} · <a href={'#' + paths.purchaseOrder(r.poId)}>{r.poNumber}</a>
                    </span>
                    {r.reversed ? <span className="tag warn sh-late">{t('shipments.docs.reversed')}</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {s.direction === 'inbound' ? (
          <div className="sh-doc-row">
            <dt className="muted small">{t('shipments.docs.landed')}</dt>
            <dd>
              {d.landedCost ? (
                <a href={'#' + paths.landedDoc(d.landedCost.id)} data-testid="doc-landed" data-status={d.landedCost.status}>
                  <span className="mono strong">{d.landedCost.number}</span> <span className="small muted">· {t(`shipments.landed.${d.landedCost.status}`)}</span>
                </a>
              ) : (
                <span className="muted small">{t('shipments.docs.noLanded')}</span>
              )}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
