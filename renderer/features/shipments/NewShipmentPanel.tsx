// A new shipment in a side panel. Inbound: the supplier, where it arrives, and lines of that
// supplier's sent (or partly received) purchase orders with the quantities on board; transfer:
// two of my locations; outbound: a location, a customer and their address; for both, the
// products it carries. Then carrier, ETA, tracking numbers and the declared value. Created, it opens.
import { useState } from 'react';
import type { Input, ShipmentDirection } from '../../../main/common/api';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { optionalText } from '../../api/input';
import { navigate, paths } from '../../app/router';
import { ErrorText, Field, SelectField, TextAreaField, TextField } from '../../components/Field';
import { CountrySelect } from '../../components/CountrySelect';
import { LocationSelect } from '../../components/LocationSelect';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { PanelForm } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';
import { DIRECTIONS, INCOTERMS, splitTracking } from './util';

const FIELDS = ['direction', 'supplierId', 'fromLocationId', 'toLocationId', 'customer', 'shipTo', 'shipToCountry', 'carrier', 'service', 'incoterm', 'eta', 'trackingNumbers', 'declaredValue', 'currency', 'lines'] as const;

interface DraftLine {
  poLineId: string;
  poNumber: string;
  sku: string;
  name: string;
  outstanding: number;
  qty: string;
}

export function NewShipmentPanel({ onClose }: { onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const [direction, setDirection] = useState<ShipmentDirection>('inbound');
  const [supplierId, setSupplierId] = useState('');
  const [fromLocationId, setFrom] = useState('');
  const [toLocationId, setTo] = useState('');
  const [customer, setCustomer] = useState('');
  const [carrier, setCarrier] = useState('');
  const [service, setService] = useState('');
  const [incoterm, setIncoterm] = useState('');
  const [eta, setEta] = useState('');
  const [tracking, setTracking] = useState('');
  const [declaredValue, setDeclaredValue] = useState('');
  const [currency, setCurrency] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [shipTo, setShipTo] = useState('');
  const [shipToCountry, setShipToCountry] = useState('');
  const [products, setProducts] = useState<{ key: number; product: PickedProduct | null; qty: string }[]>([{ key: 0, product: null, qty: '1' }]);
  const { errors, err, busy, submit } = useFormSubmit(FIELDS);

  const suppliers = useQuery('suppliers.list', {}).data ?? [];
  const inbound = direction === 'inbound';
  const pos = useQuery('purchasing.list', { supplierId, limit: 200 }, { enabled: inbound && supplierId !== '' });
  const shippable = (pos.data?.rows ?? []).filter((o) => o.status === 'sent' || o.status === 'partially_received');

  const pickSupplier = (id: string) => {
    setSupplierId(id);
    setLines([]);
    const s = suppliers.find((x) => x.id === id);
    if (s && !currency) setCurrency(s.currency);
  };

  const addPo = async (poId: string) => {
    if (!poId) return;
    try {
      const d = await client.call('purchasing.get', { id: poId });
      setLines((cur) => {
        const have = new Set(cur.map((l) => l.poLineId));
        const more = d.lines
          .filter((l) => !have.has(l.id) && l.qtyOrdered > l.qtyReceived)
          .map((l) => ({ poLineId: l.id, poNumber: d.order.number, sku: l.sku, name: l.name, outstanding: l.qtyOrdered - l.qtyReceived, qty: String(l.qtyOrdered - l.qtyReceived) }));
        return [...cur, ...more];
      });
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'error');
    }
  };

  const setQty = (i: number, qty: string) => setLines((cur) => cur.map((l, j) => (j === i ? { ...l, qty } : l)));

  const onSubmit = submit(async () => {
    const input: Input<'shipments.create'> = {
      direction,
      supplierId: inbound && supplierId ? supplierId : null,
      fromLocationId: !inbound && fromLocationId ? fromLocationId : null,
      toLocationId: direction !== 'outbound' && toLocationId ? toLocationId : null,
      customer: direction === 'outbound' ? optionalText(customer) : null,
      shipTo: direction === 'outbound' ? optionalText(shipTo) : null,
      shipToCountry: direction === 'outbound' && shipToCountry ? shipToCountry : null,
      carrier: optionalText(carrier),
      service: optionalText(service),
      incoterm: (incoterm || null) as Input<'shipments.create'>['incoterm'],
      eta: eta || null,
      trackingNumbers: splitTracking(tracking),
      declaredValue: optionalText(declaredValue),
      currency: optionalText(currency)?.toUpperCase() ?? null,
      lines: inbound
        ? lines.map((l) => ({ poLineId: l.poLineId, qty: Number(l.qty.trim() === '' ? NaN : l.qty) }))
        : products.filter((p) => p.product !== null).map((p) => ({ productId: p.product!.id, qty: Number(p.qty.trim() === '' ? NaN : p.qty) })),
    };
    const d = await client.call('shipments.create', input);
    toast(t('shipments.created', { number: d.shipment.number }));
    onClose();
    navigate(paths.shipment(d.shipment.id));
  });

  return (
    <PanelForm title={t('shipments.new')} onClose={onClose} testId="shipment-form" wide onSubmit={(e) => void onSubmit(e)} busy={busy} error={errors.general}>
      <SelectField
        name="direction"
        label={t('shipments.f.direction')}
        value={direction}
        onChange={(v) => setDirection(v as ShipmentDirection)}
        error={err('direction')}
        options={DIRECTIONS.map((d) => ({ value: d, label: t(`shipments.direction.${d}`) }))}
      />
      {inbound ? (
        <SelectField
          name="supplierId"
          label={t('shipments.f.supplier')}
          value={supplierId}
          onChange={pickSupplier}
          error={err('supplierId')}
          placeholder={t('shipments.f.choose')}
          options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
        />
      ) : (
        <LocationSelect name="fromLocationId" label={t('shipments.f.from')} value={fromLocationId} onChange={setFrom} error={err('fromLocationId')} />
      )}
      {direction === 'outbound' ? (
        <>
          <TextField name="customer" label={t('shipments.f.customer')} value={customer} onChange={setCustomer} error={err('customer')} maxLength={200} />
          <TextAreaField name="shipTo" label={t('shipments.f.shipTo')} hint={t('shipments.f.shipToHint')} value={shipTo} onChange={setShipTo} error={err('shipTo')} maxLength={500} />
          <CountrySelect name="shipToCountry" label={t('shipments.f.shipToCountry')} value={shipToCountry} onChange={setShipToCountry} error={err('shipToCountry')} />
        </>
      ) : (
        <LocationSelect name="toLocationId" label={t('shipments.f.to')} value={toLocationId} onChange={setTo} error={err('toLocationId')} {...(direction === 'transfer' && fromLocationId ? { exclude: fromLocationId } : {})} />
      )}
      {inbound && supplierId ? (
        <>
          <SelectField
            name="po"
            label={t('shipments.f.po')}
            value=""
            onChange={(id) => void addPo(id)}
            hint={pos.data && shippable.length === 0 ? t('shipments.f.noPos') : t('shipments.f.poHint')}
            placeholder={t('shipments.f.choose')}
            options={shippable.map((o) => ({ value: o.id, label: `${o.number} · ${o.orderDate}` }))}
          />
          <Field name="lines" label={t('shipments.f.lines')} className="span-2" error={undefined}>
            {lines.length === 0 ? (
              <div className="muted small">{t('shipments.f.noLines')}</div>
            ) : (
              <table className="table sh-form-lines" data-testid="shipment-form-lines">
                <tbody>
                  {lines.map((l, i) => (
                    <tr key={l.poLineId} data-testid="shipment-form-line" data-sku={l.sku}>
                      <td className="mono nowrap">{l.poNumber}</td>
                      <td className="mono strong nowrap">{l.sku}</td>
                      <td>{l.name}</td>
                      <td className="small muted nowrap">{t('shipments.f.outstanding', { n: String(l.outstanding) })}</td>
                      <td className="right">
                        <input className="sh-input sh-qty" data-testid="line-qty" aria-label={`${l.sku} ${t('shipments.lines.qty')}`} inputMode="numeric" value={l.qty} onChange={(e) => setQty(i, e.target.value)} />
                      </td>
                      <td>
                        <button type="button" className="btn btn-small btn-quiet" onClick={() => setLines((cur) => cur.filter((_, j) => j !== i))}>
                          {t('shipments.f.remove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {err('lines') ? <ErrorText name="lines" message={err('lines')!} /> : null}
          </Field>
        </>
      ) : null}
      {!inbound ? (
        <Field name="lines" label={t('shipments.f.lines')} className="span-2" error={undefined}>
          <table className="table sh-form-lines sh-edit-table sh-lines-cols" data-testid="shipment-form-products">
            <tbody>
              {products.map((p, i) => (
                <tr key={p.key} data-testid="shipment-form-product">
                  <td>
                    <ProductPicker name={`product-${i}`} label={t('shipments.lines.product')} value={p.product} onChange={(product) => setProducts((cur) => cur.map((x, j) => (j === i ? { ...x, product } : x)))} />
                  </td>
                  <td className="right">
                    <input className="sh-input sh-qty" data-testid="product-qty" aria-label={t('shipments.lines.qty')} inputMode="numeric" value={p.qty} onChange={(e) => setProducts((cur) => cur.map((x, j) => (j === i ? { ...x, qty: e.target.value } : x)))} />
                  </td>
                  <td>
                    <button type="button" className="icon-btn" aria-label={t('shipments.f.remove')} title={t('shipments.f.remove')} onClick={() => setProducts((cur) => cur.filter((_, j) => j !== i))}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <button type="button" className="btn btn-small" data-testid="add-product-line" onClick={() => setProducts((cur) => [...cur, { key: Math.max(0, ...cur.map((x) => x.key)) + 1, product: null, qty: '1' }])}>
              + {t('shipments.lines.add')}
            </button>
          </div>
          {err('lines') ? <ErrorText name="lines" message={err('lines')!} /> : null}
        </Field>
      ) : null}
      <TextField name="carrier" label={t('shipments.f.carrier')} value={carrier} onChange={setCarrier} error={err('carrier')} maxLength={60} />
      <TextField name="service" label={t('shipments.f.service')} value={service} onChange={setService} error={err('service')} maxLength={60} />
      <SelectField name="incoterm" label={t('shipments.f.incoterm')} value={incoterm} onChange={setIncoterm} error={err('incoterm')} placeholder="—" options={INCOTERMS.map((i) => ({ value: i, label: i }))} />
      <TextField name="eta" type="date" label={t('shipments.f.eta')} value={eta} onChange={setEta} error={err('eta')} />
      <TextAreaField name="trackingNumbers" className="span-2" label={t('shipments.f.tracking')} hint={t('shipments.f.trackingHint')} value={tracking} onChange={setTracking} error={err('trackingNumbers')} />
      <TextField name="declaredValue" label={t('shipments.f.declaredValue')} value={declaredValue} onChange={setDeclaredValue} error={err('declaredValue')} inputMode="decimal" />
      <TextField name="currency" label={t('shipments.f.currency')} value={currency} onChange={setCurrency} error={err('currency')} maxLength={3} />
    </PanelForm>
  );
}
