// One shipment: its status and parties, what can be done next (edit, dispatch, receive, land
// its cost, print its papers), the route by leg, tracking numbers (a mistyped one flagged), the
// lines carried, parcels with their volumetric and chargeable weight, customs, costs, the
// documents it made, and the timeline (newest first) with events added by hand or from a CSV.
import { Attachments } from '../../components/Attachments';
import { useState } from 'react';
import type { ShipmentDetail } from '../../../main/common/api';
import { formatAmount, formatDateTime } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { InlineError } from '../../components/EmptyState';
import { Qty } from '../../components/Numbers';
import { useT } from '../../i18n';
import { AddEventForm } from './AddEventForm';
import { CostsCard } from './CostsCard';
import { CustomsCard } from './CustomsCard';
import { EditShipmentPanel } from './EditShipmentPanel';
import { ImportTracking } from './ImportTracking';
import { LinkedDocs } from './LinkedDocs';
import { ReceivePanel } from './ReceivePanel';
import { RouteView } from './RouteView';
import { ShipmentActions } from './ShipmentActions';
import { ShipmentStatusTag } from './ShipmentStatusTag';
import { formatWeight, routeOf } from './util';
import './shipments.css';

export function ShipmentPage({ id }: { id: string }) {
  const t = useT();
  const q = useQuery('shipments.get', { id });
  const [editing, setEditing] = useState(false);
  const [receiving, setReceiving] = useState(false);
  if (q.error && !q.data)
    return (
      <div className="page">
        <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} />
      </div>
    );
  if (!q.data) return <div className="page" aria-busy="true" />;
  const d: ShipmentDetail = q.data;
  const s = d.shipment;
  const { from, to } = routeOf(s);
  const timeline = [...d.events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.createdAt.localeCompare(a.createdAt)));
  const editable = !s.receivedAt && s.status !== 'delivered';
  const fact = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="fact">
      <div className="muted small">{label}</div>
      <div data-testid={testId}>{value ?? <span className="muted">—</span>}</div>
    </div>
  );

  return (
    <div className="page sh-page">
      <nav className="crumbs">
        <a href={'#' + paths.shipments()}>{t('shipments.back')}</a> › {s.number}
      </nav>
      <header className="page-head">
        <h1 data-testid="shipment-title">
          <span className="mono">{s.number}</span> · {t(`shipments.direction.${s.direction}`)} ·{' '}
          <span data-testid="shipment-route">
            {from} → {to}
          </span>
        </h1>
        <ShipmentStatusTag status={s.status} testId="shipment-status" />
        {s.late ? (
          <span className="tag warn" data-testid="shipment-late">
            {t('shipments.late')}
          </span>
        ) : null}
        <span className="spacer" />
        {editable ? (
          <button type="button" className="btn" data-testid="shipment-edit" onClick={() => setEditing(true)}>
            {t('shipments.edit.open')}
          </button>
        ) : null}
      </header>

      <ShipmentActions d={d} onReceive={() => setReceiving(true)} />

      <section className="card">
        <div className="facts sh-facts">
          {fact(t('shipments.facts.carrier'), s.carrier)}
          {fact(t('shipments.facts.service'), s.service)}
          {fact(t('shipments.facts.incoterm'), s.incoterm)}
          {fact(t('shipments.facts.eta'), s.eta, 'shipment-eta')}
          {fact(t('shipments.facts.shippedOn'), s.shippedOn)}
          {s.dispatchedAt ? fact(t('shipments.facts.dispatchedAt'), formatDateTime(s.dispatchedAt), 'shipment-dispatched') : null}
          {s.receivedAt ? fact(t('shipments.facts.receivedAt'), formatDateTime(s.receivedAt), 'shipment-received') : null}
          {fact(t('shipments.facts.deliveredAt'), s.deliveredAt ? formatDateTime(s.deliveredAt) : null)}
          {fact(t('shipments.facts.declared'), s.declaredValue !== null && s.currency ? `${formatAmount(s.declaredValue, s.currency)} ${s.currency}` : null)}
          {s.direction === 'outbound' ? fact(t('shipments.facts.shipTo'), s.shipTo || s.shipToCountry ? <span className="pre-wrap">{[s.shipTo, s.shipToCountry].filter(Boolean).join('\n')}</span> : null, 'shipment-ship-to') : null}
        </div>
        {s.notes ? <p className="pre-wrap small sh-notes">{s.notes}</p> : null}
      </section>

      <RouteView d={d} />
      <CostsCard d={d} />

      <div className="sh-grid">
        <div className="sh-main">
          <LinesCard d={d} />
          <ParcelsCard d={d} />
          <section className="card" data-testid="shipment-tracking">
            <h2 className="card-title">{t('shipments.tracking.title')}</h2>
            {d.trackingNumbers.length === 0 ? <p className="muted">{t('shipments.tracking.none')}</p> : null}
            <ul className="plain-list sh-tracking">
              {d.trackingNumbers.map((n) => (
                <li key={n.number} data-testid="tracking-number" data-number={n.number} data-flagged={n.checkError ? 'true' : 'false'}>
                  <span className="mono strong">{n.number}</span> <span className="tag">{n.format ? t(`shipments.tracking.format.${n.format}`) : t('shipments.tracking.unknownFormat')}</span>
                  {n.checkError ? (
                    <div className="sh-warning" role="alert" data-testid="tracking-warning">
                      ⚠ {t('shipments.tracking.warning', { reason: n.checkError })}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <ImportTracking />
        </div>

        <div className="sh-side">
          <LinkedDocs d={d} />
          {s.direction === 'inbound' ? <CustomsCard d={d} /> : null}
          <AddEventForm shipmentId={s.id} />
          <section className="card" data-testid="shipment-timeline">
            <h2 className="card-title">
              {t('shipments.timeline.title')} <span className="muted small">{t('shipments.timeline.order')}</span>
            </h2>
            {timeline.length === 0 ? <p className="muted">{t('shipments.timeline.none')}</p> : null}
            <ol className="sh-timeline">
              {timeline.map((e) => (
                <li key={e.id} data-testid="timeline-event" data-status={e.status} data-at={e.at}>
                  <div className="sh-when mono small">{formatDateTime(e.at)}</div>
                  <div>
                    <ShipmentStatusTag status={e.status} />
                    {e.place ? <span className="strong"> {e.place}</span> : null}
                    <span className="muted small"> · {t(`shipments.timeline.${e.source}`)}</span>
                  </div>
                  {e.text ? <div className="small">{e.text}</div> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
      <Attachments ownerType="shipment" ownerId={d.shipment.id} />
      {editing ? <EditShipmentPanel d={d} onClose={() => setEditing(false)} /> : null}
      {receiving ? <ReceivePanel d={d} onClose={() => setReceiving(false)} /> : null}
    </div>
  );
}

function LinesCard({ d }: { d: ShipmentDetail }) {
  const t = useT();
  const received = d.shipment.receivedAt !== null;
  return (
    <section className="card flush" data-testid="shipment-lines">
      <h2 className="card-title sh-pad">{t('shipments.lines.title')}</h2>
      {d.lines.length === 0 ? (
        <p className="muted sh-pad">{t(d.shipment.direction === 'inbound' ? 'shipments.lines.none' : 'shipments.lines.noneEdit')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('shipments.lines.sku')}</th>
              <th>{t('shipments.lines.name')}</th>
              {d.shipment.direction === 'inbound' ? <th>{t('shipments.lines.po')}</th> : null}
              <th className="right">{t('shipments.lines.qty')}</th>
              {received ? <th className="right">{t('shipments.lines.arrived')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {d.lines.map((l) => (
              <tr key={l.id} data-testid="shipment-line" data-sku={l.sku}>
                <td className="mono strong">
                  <a href={'#' + paths.product(l.productId)}>{l.sku}</a>
                </td>
                <td>{l.name}</td>
                {d.shipment.direction === 'inbound' ? <td className="mono">{l.poId && l.poNumber ? <a href={'#' + paths.purchaseOrder(l.poId)}>{l.poNumber}</a> : <span className="muted">—</span>}</td> : null}
                <td className="right">
                  <Qty n={l.qty} />
                </td>
                {received ? (
                  <td className="right" data-testid="line-arrived">
                    {l.qtyArrived === null ? <span className="muted">—</span> : <Qty n={l.qtyArrived} />}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ParcelsCard({ d }: { d: ShipmentDetail }) {
  const t = useT();
  const cm = (mm: number) => (mm / 10).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return (
    <section className="card flush" data-testid="shipment-parcels">
      <h2 className="card-title sh-pad">
        {t('shipments.parcels.title')}{' '}
        {d.parcels.length ? (
          <span className="muted small" data-testid="parcels-total">
            {t('shipments.parcels.total', { n: d.totals.parcels })} · {formatWeight(d.totals.weightG)} · {t('shipments.parcels.chargeable')} {formatWeight(d.totals.chargeableG)} · {t('shipments.parcels.divisor', { n: d.shipment.volumetricDivisor })}
          </span>
        ) : null}
      </h2>
      {d.parcels.length === 0 ? (
        <p className="muted sh-pad">{t('shipments.parcels.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('shipments.parcels.ref')}</th>
              <th className="right">{t('shipments.parcels.weight')}</th>
              <th>{t('shipments.parcels.dimsCm')}</th>
              <th className="right">{t('shipments.parcels.volumetric')}</th>
              <th className="right">{t('shipments.parcels.chargeable')}</th>
            </tr>
          </thead>
          <tbody>
            {d.parcels.map((p) => (
              <tr key={p.id} data-testid="shipment-parcel">
                <td>{p.reference ?? <span className="muted">—</span>}</td>
                <td className="right num">{formatWeight(p.weightG)}</td>
                <td className="num">{p.lengthMm !== null && p.widthMm !== null && p.heightMm !== null ? `${cm(p.lengthMm)} × ${cm(p.widthMm)} × ${cm(p.heightMm)}` : '—'}</td>
                <td className="right num">{formatWeight(p.volumetricG)}</td>
                <td className="right num strong">{formatWeight(p.chargeableG)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
