// One sales order: who, where from, status and payment, what it reserves, what shipped (on which
// shipment) at what cost, and its margin (estimated at today's average cost for what has not
// shipped). Actions follow what the order can do: confirm, ship (all or part, on a parcel or handed
// over), record a payment, cancel, complete; edit while draft or confirmed; its pick list.
import { Attachments } from '../../components/Attachments';
import { useState, type FormEvent } from 'react';
import type { SalesOrderDetail } from '../../../main/common/api';
import { formatDate, formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage, noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { optionalText } from '../../api/input';
import { paths } from '../../app/router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loaded } from '../../components/Loaded';
import { FormError, TextField } from '../../components/Field';
import { Money, Qty } from '../../components/Numbers';
import { Panel, PanelFooter } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useI18n, useT } from '../../i18n';
import { OrderPanel } from './OrderPanel';
import { OrderStatusTag, PaymentTag } from './tags';
import { formatMoney } from '../../../main/common/money';
import './sales.css';

export function OrderPage({ id }: { id: string }) {
  const q = useQuery('sales.get', { id });
  return <Loaded q={q}>{(data) => <Order d={data} />}</Loaded>;
}

function Order({ d }: { d: SalesOrderDetail }) {
  const t = useT();
  const { countryName } = useI18n();
  const toast = useToast();
  const o = d.order;
  const [panel, setPanel] = useState<'edit' | 'ship' | 'pay' | null>(null);
  const [cancelReason, setCancelReason] = useState('');
  const act = async (run: () => Promise<SalesOrderDetail>, message: string) => {
    try {
      await run();
      toast(message);
    } catch (x) {
      toast(errorMessage(x), 'error');
    }
  };
  const due = o.total - o.paid;
  return (
    <div className="page" data-testid="order-page">
      <nav className="crumbs small">
        <a href={'#' + paths.sales()}>{t('sales.title')}</a> › <span className="mono">{o.number}</span>
      </nav>
      <header className="page-head">
        <h1>
          <span className="mono">{o.number}</span>
          {o.customerName ? ` · ${o.customerName}` : ''}
        </h1>
        <OrderStatusTag status={o.status} />
        <PaymentTag status={o.paymentStatus} />
        <span className="spacer" />
        {d.can.confirm ? (
          <button type="button" className="btn btn-primary" data-testid="confirm-order" onClick={() => void act(() => client.call('sales.confirm', { id: o.id }), t('sales.confirmed', { number: o.number }))}>
            {t('sales.confirm')}
          </button>
        ) : null}
        {d.can.ship ? (
          <button type="button" className="btn btn-primary" data-testid="ship-order" onClick={() => setPanel('ship')}>
            {t('sales.ship')}
          </button>
        ) : null}
        {d.can.pay ? (
          <button type="button" className="btn" data-testid="pay-order" onClick={() => setPanel('pay')}>
            {t('sales.pay')}
          </button>
        ) : null}
        {d.can.ship ? (
          <a className="btn" data-testid="order-picklist" href={'#' + paths.pickList([o.id])}>
            ☰ {t('sales.pick.one')}
          </a>
        ) : null}
        {d.can.edit ? (
          <button type="button" className="btn" data-testid="edit-order" onClick={() => setPanel('edit')}>
            {t('sales.editButton')}
          </button>
        ) : null}
        {d.can.complete ? (
          <ConfirmButton label={t('sales.complete')} confirmLabel={t('sales.completeConfirm')} testId="complete-order" onConfirm={() => void act(() => client.call('sales.complete', { id: o.id }), t('sales.completed', { number: o.number }))} />
        ) : null}
        {d.can.cancel ? (
          <span className="so-cancel">
            <input className="so-input" data-testid="cancel-reason" placeholder={t('sales.cancelReason')} aria-label={t('sales.cancelReason')} value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} />
            <ConfirmButton label={t('sales.cancel')} confirmLabel={t('sales.cancelConfirm')} testId="cancel-order" onConfirm={() => void act(() => client.call('sales.cancel', { id: o.id, reason: optionalText(cancelReason) }), t('sales.cancelled', { number: o.number }))} />
          </span>
        ) : null}
      </header>
      <p className="muted small">
        {t(`sales.channel.${o.channel}`)}
        {o.externalRef ? ` ${o.externalRef}` : ''} · {formatDate(o.orderDate)} · {t('sales.shipsFrom', { code: o.locationCode })}
        {o.currency !== d.baseCurrency && o.fxRate ? ` · 1 ${o.currency} = ${o.fxRate} ${d.baseCurrency}` : ''}
        {o.expiresAt ? (
          <>
            {' · '}
            <span className="so-expiry" data-testid="order-expiry">
              {t('sales.expiresAt', { at: formatDateTime(o.expiresAt) })}
            </span>
          </>
        ) : null}
        {o.cancelReason ? ` · ${o.cancelReason}` : ''}
      </p>

      <div className="so-grid">
        <section className="card flush">
          <table className="table" data-testid="order-lines-view">
            <thead>
              <tr>
                <th>{t('sales.col.product')}</th>
                <th className="right">{t('sales.col.qty')}</th>
                <th className="right">{t('sales.col.shipped')}</th>
                <th className="right">{t('sales.col.reserved')}</th>
                <th className="right">{t('sales.col.unitPrice', { currency: o.currency })}</th>
                <th className="right">{t('sales.col.net')}</th>
                <th className="right">{t('sales.col.cost')}</th>
                <th className="right">{t('sales.col.margin')}</th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr key={l.id} data-testid="order-line-view" data-sku={l.sku}>
                  <td>
                    <a className="mono strong" href={'#' + paths.product(l.productId)}>
                      {l.sku}
                    </a>{' '}
                    <span className="muted small">{l.name}</span>
                  </td>
                  <td className="right">
                    <Qty n={l.qty} />
                  </td>
                  <td className="right" data-testid="line-shipped">
                    <Qty n={l.qtyShipped} />
                  </td>
                  <td className="right" data-testid="line-reserved">
                    <Qty n={l.reserved} />
                  </td>
                  <td className="right">
                    <Money minor={l.unitPrice} currency={o.currency} />
                    {l.discount ? <div className="muted small">−{formatMoney(l.discount, o.currency)}</div> : null}
                  </td>
                  <td className="right">
                    <Money minor={l.net} currency={o.currency} />
                  </td>
                  <td className="right">{l.qtyShipped ? <Money minor={l.cogs} currency={d.baseCurrency} /> : <span className="muted">—</span>}</td>
                  <td className={`right${l.marginEstimated ? ' so-estimate' : ''}`} data-testid="line-margin" title={l.marginEstimated ? t('sales.estimated') : undefined}>
                    {l.margin === null ? '—' : <Money minor={l.margin} currency={d.baseCurrency} />}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <Total label={t('sales.subtotal')} minor={o.subtotal} currency={o.currency} />
              {o.discount ? <Total label={t('sales.discount')} minor={-o.discount} currency={o.currency} /> : null}
              {o.shipping ? <Total label={t('sales.shipping')} minor={o.shipping} currency={o.currency} /> : null}
              <Total label={t('sales.total')} minor={o.total} currency={o.currency} strong testId="order-total" />
              <Total label={t('sales.paid')} minor={o.paid} currency={o.currency} testId="order-paid" />
            </tfoot>
          </table>
        </section>
        <aside className="so-side">
          {d.margin ? (
            <section className="card" data-testid="order-margin">
              <h2 className="card-title">{t(d.margin.estimated ? 'sales.marginEstimated' : 'sales.margin')}</h2>
              <dl className="so-dl">
                <dt>{t('sales.revenue')}</dt>
                <dd>
                  <Money minor={d.margin.revenue} currency={d.baseCurrency} />
                </dd>
                <dt>{t('sales.cogs')}</dt>
                <dd>
                  <Money minor={d.margin.cogs} currency={d.baseCurrency} />
                </dd>
                <dt>{t('sales.grossMargin')}</dt>
                <dd className="strong" data-testid="margin-value">
                  <Money minor={d.margin.margin} currency={d.baseCurrency} /> {d.margin.marginPct ? <span className="muted">({d.margin.marginPct}%)</span> : null}
                </dd>
              </dl>
            </section>
          ) : null}
          {o.shipName || o.shipAddress || o.shipCountry ? (
            <section className="card">
              <h2 className="card-title">{t('sales.shipTo')}</h2>
              <p className="so-address">{[o.shipName, o.shipAddress, o.shipCountry ? countryName(o.shipCountry) : null].filter(Boolean).join('\n')}</p>
            </section>
          ) : null}
          <section className="card" data-testid="order-fulfilments">
            <h2 className="card-title">{t('sales.fulfilments')}</h2>
            {d.fulfilments.length === 0 ? <p className="muted small">{t('sales.noFulfilments')}</p> : null}
            <ul className="so-fulfilments">
              {d.fulfilments.map((f) => (
                <li key={f.id} data-testid="fulfilment">
                  <span className="small">{formatDateTime(f.shippedAt)}</span>{' '}
                  {f.shipmentId ? (
                    <a className="mono" href={'#' + paths.shipment(f.shipmentId)}>
                      {f.shipmentNumber}
                    </a>
                  ) : (
                    <span className="muted small">{t('sales.handedOver')}</span>
                  )}
                  <div className="muted small">{f.lines.map((l) => `${l.sku} ×${l.qty}`).join(', ')}</div>
                </li>
              ))}
            </ul>
          </section>
          {o.notes ? (
            <section className="card">
              <h2 className="card-title">{t('sales.f.notes')}</h2>
              <p className="so-address">{o.notes}</p>
            </section>
          ) : null}
        </aside>
      </div>
      <Attachments ownerType="sales_order" ownerId={o.id} />
      {panel === 'edit' ? <OrderPanel existing={d} onClose={() => setPanel(null)} /> : null}
      {panel === 'ship' ? <ShipPanel d={d} onClose={() => setPanel(null)} /> : null}
      {panel === 'pay' ? <PayPanel d={d} due={due} onClose={() => setPanel(null)} /> : null}
    </div>
  );
}

function Total({ label, minor, currency, strong, testId }: { label: string; minor: number; currency: string; strong?: boolean; testId?: string }) {
  return (
    <tr className={strong ? 'strong' : ''}>
      <td colSpan={5} className="right muted">
        {label}
      </td>
      <td className="right" data-testid={testId}>
        <Money minor={minor} currency={currency} />
      </td>
      <td colSpan={2} />
    </tr>
  );
}

/** Ship what is left (or part of it): per line how many, then a parcel (carrier, tracking) or handed over. */
function ShipPanel({ d, onClose }: { d: SalesOrderDetail; onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const open = d.lines.filter((l) => l.qty > l.qtyShipped);
  const [qty, setQty] = useState<Record<string, string>>(() => Object.fromEntries(open.map((l) => [l.id, String(l.qty - l.qtyShipped)])));
  const [parcel, setParcel] = useState(true);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const lines = open.map((l) => ({ lineId: l.id, qty: Number(qty[l.id] || 0) })).filter((l) => l.qty > 0);
    try {
      await client.call('sales.ship', {
        id: d.order.id,
        lines,
        parcel: parcel ? { carrier: optionalText(carrier), service: null, trackingNumbers: tracking.split(/[\s,;]+/).filter(Boolean) } : null,
      });
      toast(t('sales.shipped', { number: d.order.number }));
      onClose();
    } catch (x) {
      // errors name the line by its place among those sent
      setErrors(pathErrors(x, (p) => /^lines\.\d+\.qty$/.test(p) || p === 'lines'));
    } finally {
      setBusy(false);
    }
  }
  const sent = open.filter((l) => Number(qty[l.id] || 0) > 0);
  return (
    <Panel title={t('sales.shipTitle', { number: d.order.number })} onClose={onClose} testId="ship-panel">
      <form className="panel-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="panel-body">
          <FormError message={errors.general ?? errors.fields.lines ?? null} />
          <table className="table">
            <thead>
              <tr>
                <th>{t('sales.col.product')}</th>
                <th className="right">{t('sales.col.left')}</th>
                <th className="right">{t('sales.col.shipNow')}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((l) => {
                const n = sent.indexOf(l);
                const err = n >= 0 ? errors.fields[`lines.${n}.qty`] : undefined;
                return (
                  <tr key={l.id}>
                    <td>
                      <span className="mono">{l.sku}</span> <span className="muted small">{l.name}</span>
                    </td>
                    <td className="right">
                      <Qty n={l.qty - l.qtyShipped} />
                    </td>
                    <td className="right">
                      <input className="so-cell right" style={{ width: '5em' }} data-testid={`ship-qty-${l.sku}`} aria-label={l.sku} aria-invalid={err ? true : undefined} value={qty[l.id] ?? ''} onChange={(e) => setQty({ ...qty, [l.id]: e.target.value })} />
                      {err ? <div className="field-error small">{err}</div> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="form-grid">
            <label className="check span-2">
              <input type="checkbox" data-testid="ship-parcel" checked={parcel} onChange={(e) => setParcel(e.target.checked)} /> {t('sales.parcel')}
            </label>
            {parcel ? (
              <>
                <TextField name="carrier" label={t('sales.f.carrier')} value={carrier} onChange={setCarrier} maxLength={60} />
                <TextField name="tracking" label={t('sales.f.tracking')} value={tracking} onChange={setTracking} />
              </>
            ) : (
              <p className="muted small span-2">{t('sales.handOverHint')}</p>
            )}
          </div>
        </div>
        <PanelFooter busy={busy} submitLabel={t('sales.ship')} busyLabel={t('common.saving')} cancelLabel={t('common.cancel')} onCancel={onClose} />
      </form>
    </Panel>
  );
}

function PayPanel({ d, due, onClose }: { d: SalesOrderDetail; due: number; onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const [amount, setAmount] = useState(formatMoney(due, d.order.currency));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await client.call('sales.pay', { id: d.order.id, amount: amount.trim() });
      toast(t('sales.paymentRecorded', { number: d.order.number }));
      onClose();
    } catch (x) {
      setError(errorMessage(x));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Panel title={t('sales.payTitle', { number: d.order.number })} onClose={onClose} testId="pay-panel">
      <form className="panel-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="panel-body">
          <div className="form-grid">
            <TextField name="amount" label={t('sales.f.amount', { currency: d.order.currency })} hint={t('sales.f.due', { due: formatMoney(due, d.order.currency) })} inputMode="decimal" value={amount} onChange={setAmount} error={error} />
          </div>
        </div>
        <PanelFooter busy={busy} submitLabel={t('sales.pay')} busyLabel={t('common.saving')} cancelLabel={t('common.cancel')} onCancel={onClose} />
      </form>
    </Panel>
  );
}
