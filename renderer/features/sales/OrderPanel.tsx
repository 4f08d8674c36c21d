// A sales order in a side panel, new or (draft or confirmed) edited: the customer, where it ships
// from, the currency, its lines (product, quantity, price — empty takes the product's price in
// the base currency — and a discount), the order's discount and shipping charged, where it goes.
// Saved as a draft, or confirmed at once (its units reserved). Errors land on their field or line.
import { useState, type FormEvent } from 'react';
import type { SalesOrderDetail } from '../../../main/common/api';
import { client } from '../../api/client';
import { noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { optionalText, wholeNumber } from '../../api/input';
import { navigate, paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { CountrySelect } from '../../components/CountrySelect';
import { ErrorText, FormError, TextAreaField, TextField } from '../../components/Field';
import { LocationSelect } from '../../components/LocationSelect';
import { Panel, PanelFooter } from '../../components/Panel';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { CustomerPicker, type PickedCustomer } from '../customers/CustomerPicker';
import { CustomerPanel } from '../customers/CustomersPage';
import { formatMoney } from '../../../main/common/money';

interface DraftLine {
  key: number;
  product: PickedProduct | null;
  qty: string;
  price: string;
  discount: string;
}
let nextKey = 1;
const emptyLine = (): DraftLine => ({ key: nextKey++, product: null, qty: '1', price: '', discount: '' });
const TOP = ['customerId', 'locationId', 'currency', 'orderDate', 'discount', 'shipping', 'shipName', 'shipAddress', 'shipCountry', 'notes', 'expiresAt', 'lines'];

export function OrderPanel({ onClose, existing }: { onClose(): void; existing?: SalesOrderDetail }) {
  const t = useT();
  const toast = useToast();
  const base = useBaseCurrency();
  const o = existing?.order;
  const cur = o?.currency ?? base;
  const [customer, setCustomer] = useState<PickedCustomer | null>(o?.customerId ? { id: o.customerId, name: o.customerName ?? '', handle: o.customerHandle } : null);
  const [locationId, setLocationId] = useState(o?.locationId ?? '');
  const [currency, setCurrency] = useState(cur);
  const [orderDate, setOrderDate] = useState(o?.orderDate ?? '');
  const [lines, setLines] = useState<DraftLine[]>(
    existing ? existing.lines.map((l) => ({ key: nextKey++, product: { id: l.productId, sku: l.sku, name: l.name }, qty: String(l.qty), price: formatMoney(l.unitPrice, cur), discount: l.discount ? formatMoney(l.discount, cur) : '' })) : [emptyLine()],
  );
  const [discount, setDiscount] = useState(o && o.discount ? formatMoney(o.discount, cur) : '');
  const [shipping, setShipping] = useState(o && o.shipping ? formatMoney(o.shipping, cur) : '');
  const [shipName, setShipName] = useState(o?.shipName ?? '');
  const [shipAddress, setShipAddress] = useState(o?.shipAddress ?? '');
  const [shipCountry, setShipCountry] = useState(o?.shipCountry ?? '');
  const [notes, setNotes] = useState(o?.notes ?? '');
  const [expiresAt, setExpiresAt] = useState(o?.expiresAt ? o.expiresAt.slice(0, 16) : '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [addingCustomer, setAddingCustomer] = useState(false);
  const setLine = (key: number, patch: Partial<DraftLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  async function submit(e: FormEvent, confirm = false) {
    e.preventDefault();
    setBusy(true);
    const body = {
      customerId: customer?.id ?? null,
      locationId,
      currency: currency.trim().toUpperCase() || base,
      ...(orderDate ? { orderDate } : {}),
      lines: lines.filter((l) => l.product).map((l) => ({ productId: l.product!.id, qty: wholeNumber(l.qty) ?? 0, ...(l.price.trim() ? { unitPrice: l.price.trim() } : {}), ...(l.discount.trim() ? { discount: l.discount.trim() } : {}) })),
      discount: discount.trim() || '0',
      shipping: shipping.trim() || '0',
      shipName: optionalText(shipName),
      shipAddress: optionalText(shipAddress),
      shipCountry: shipCountry || null,
      notes: optionalText(notes),
      expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
    };
    try {
      let d: SalesOrderDetail;
      if (existing) {
        d = await client.call('sales.update', { id: existing.order.id, ...body });
        if (confirm && d.can.confirm) d = await client.call('sales.confirm', { id: d.order.id });
      } else d = await client.call('sales.create', { ...body, confirm });
      toast(t(d.order.status === 'confirmed' ? 'sales.savedConfirmed' : 'sales.saved', { number: d.order.number }));
      onClose();
      if (!existing) navigate(paths.salesOrder(d.order.id));
    } catch (x) {
      setErrors(pathErrors(x, (p) => TOP.includes(p) || /^lines\.\d+\.(productId|qty|unitPrice|discount)$/.test(p)));
    } finally {
      setBusy(false);
    }
  }

  const err = (i: number, f: string) => errors.fields[`lines.${i}.${f}`];
  const saved = lines.filter((l) => l.product);
  return (
    <Panel title={existing ? t('sales.edit', { number: existing.order.number }) : t('sales.new')} onClose={onClose} wide testId="order-panel">
      <form className="panel-form" onSubmit={(e) => void submit(e)} noValidate data-testid="order-form">
        <div className="panel-body">
          <FormError message={errors.general} />
          <div className="form-grid">
            <div className="span-2 so-customer">
              <CustomerPicker name="customerId" label={t('sales.f.customer')} value={customer} onChange={setCustomer} error={errors.fields.customerId} />
              <button type="button" className="btn btn-small" data-testid="order-new-customer" onClick={() => setAddingCustomer(true)}>
                + {t('customers.new')}
              </button>
            </div>
            <LocationSelect name="locationId" label={t('sales.f.location')} value={locationId} onChange={setLocationId} error={errors.fields.locationId} placeholder={t('common.choose')} />
            <TextField name="currency" label={t('sales.f.currency')} value={currency} onChange={(v) => setCurrency(v.toUpperCase())} error={errors.fields.currency} maxLength={3} />
            <TextField name="orderDate" type="date" label={t('sales.f.orderDate')} value={orderDate} onChange={setOrderDate} error={errors.fields.orderDate} />
            <TextField name="expiresAt" type="datetime-local" label={t('sales.f.expiresAt')} hint={t('sales.f.expiresHint')} value={expiresAt} onChange={setExpiresAt} error={errors.fields.expiresAt} />
          </div>
          <table className="table so-lines" data-testid="order-lines">
            <thead>
              <tr>
                <th>{t('sales.col.product')}</th>
                <th className="right">{t('sales.col.qty')}</th>
                <th className="right">{t('sales.col.unitPrice', { currency: currency || base })}</th>
                <th className="right">{t('sales.col.discount')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => {
                // errors name the line by its place among the lines with a product
                const n = saved.indexOf(l);
                return (
                  <tr key={l.key} data-testid="order-line">
                    <td>
                      <ProductPicker name={`lines.${i}.productId`} label={t('sales.col.product')} value={l.product} onChange={(p) => setLine(l.key, { product: p })} error={n >= 0 ? err(n, 'productId') : undefined} />
                    </td>
                    <LineCell name={`lines.${i}.qty`} value={l.qty} onChange={(v) => setLine(l.key, { qty: v })} error={n >= 0 ? err(n, 'qty') : undefined} width="5em" />
                    <LineCell name={`lines.${i}.unitPrice`} value={l.price} onChange={(v) => setLine(l.key, { price: v })} error={n >= 0 ? err(n, 'unitPrice') : undefined} width="8em" placeholder={t('sales.f.listPrice')} />
                    <LineCell name={`lines.${i}.discount`} value={l.discount} onChange={(v) => setLine(l.key, { discount: v })} error={n >= 0 ? err(n, 'discount') : undefined} width="7em" placeholder="0" />
                    <td>
                      {lines.length > 1 ? (
                        <button type="button" className="btn btn-small btn-ghost" aria-label={t('sales.removeLine')} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                          ✕
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {errors.fields.lines ? <ErrorText name="lines" message={errors.fields.lines} /> : null}
          <button type="button" className="btn btn-small so-add-line" data-testid="add-line" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
            + {t('sales.addLine')}
          </button>
          <div className="form-grid">
            <TextField name="discount" label={t('sales.f.discount')} inputMode="decimal" value={discount} onChange={setDiscount} error={errors.fields.discount} placeholder="0" />
            <TextField name="shipping" label={t('sales.f.shipping')} inputMode="decimal" value={shipping} onChange={setShipping} error={errors.fields.shipping} placeholder="0" />
            <TextField name="shipName" label={t('sales.f.shipName')} value={shipName} onChange={setShipName} error={errors.fields.shipName} maxLength={200} />
            <CountrySelect name="shipCountry" label={t('sales.f.shipCountry')} value={shipCountry} onChange={setShipCountry} error={errors.fields.shipCountry} />
            <TextAreaField name="shipAddress" label={t('sales.f.shipAddress')} value={shipAddress} onChange={setShipAddress} error={errors.fields.shipAddress} className="span-2" />
            <TextAreaField name="notes" label={t('sales.f.notes')} value={notes} onChange={setNotes} error={errors.fields.notes} className="span-2" />
          </div>
        </div>
        <PanelFooter
          busy={busy}
          submitLabel={existing && existing.order.status !== 'draft' ? t('common.save') : t('sales.saveDraft')}
          busyLabel={t('common.saving')}
          cancelLabel={t('common.cancel')}
          onCancel={onClose}
          extra={
            !existing || existing.can.confirm ? (
              <button type="button" className="btn btn-primary" data-testid="save-confirm" disabled={busy} onClick={(e) => void submit(e, true)}>
                {t('sales.saveConfirm')}
              </button>
            ) : null
          }
        />
      </form>
      {addingCustomer ? <CustomerPanel onClose={() => setAddingCustomer(false)} onSaved={(c) => setCustomer({ id: c.id, name: c.name, handle: c.handle })} /> : null}
    </Panel>
  );
}

function LineCell(p: { name: string; value: string; onChange(v: string): void; error: string | undefined; width: string; placeholder?: string }) {
  return (
    <td className="right">
      <input
        className="so-cell right"
        style={{ width: p.width }}
        name={p.name}
        data-testid={`field-${p.name}`}
        aria-label={p.name}
        aria-invalid={p.error ? true : undefined}
        inputMode="decimal"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        placeholder={p.placeholder}
        autoComplete="off"
      />
      {p.error ? <ErrorText name={p.name} message={p.error} /> : null}
    </td>
  );
}
