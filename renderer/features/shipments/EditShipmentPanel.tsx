// Editing a shipment while it is neither received nor delivered: its fields (the address for an
// outbound one), tracking numbers, parcels in kg and cm with their volumetric and chargeable
// weight at the shipment's divisor, the legs of its route and — until it is dispatched — its
// lines (an inbound one's quantities; a transfer's or outbound one's products). Parcels, legs,
// lines and tracking numbers are sent as a whole; the API's refusals show by their field.
import { noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { useState } from 'react';
import type { Input, LegMode, ShipmentDetail } from '../../../main/common/api';
import { chargeableGrams, volumetricGrams } from '../../../main/common/calc/shipping';
import { formatMoney } from '../../../main/common/money';
import { client } from '../../api/client';
import { optionalText } from '../../api/input';
import { CountrySelect } from '../../components/CountrySelect';
import { ErrorText, FormError, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Panel, PanelFooter } from '../../components/Panel';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { cmToMm, formatWeight, gToKg, INCOTERMS, kgToG, mmToCm, splitTracking } from './util';

export const LEG_MODES: LegMode[] = ['sea', 'air', 'road', 'rail', 'courier', 'customs'];

interface ParcelDraft {
  key: number;
  reference: string;
  weightKg: string;
  l: string;
  w: string;
  h: string;
}
interface LegDraft {
  key: number;
  from: string;
  to: string;
  mode: LegMode;
  carrier: string;
  eta: string;
}
interface LineDraft {
  key: number;
  poLineId: string | null;
  poNumber: string | null;
  product: PickedProduct | null;
  qty: string;
}

const TOP = ['carrier', 'service', 'incoterm', 'eta', 'shippedOn', 'declaredValue', 'currency', 'volumetricDivisor', 'notes', 'customer', 'shipTo', 'shipToCountry', 'trackingNumbers', 'parcels', 'legs', 'lines', 'fromLocationId', 'toLocationId'];
const NESTED = /^(trackingNumbers\.\d+|(parcels|legs|lines)\.\d+\.[a-zA-Z]+)$/;

let seq = 0;
const key = () => ++seq;

/** One parcel's volumetric and chargeable weight as typed (null where not computable yet). */
function weights(p: ParcelDraft, divisor: 5000 | 6000): { actual: number | null; volumetric: number | null; chargeable: number | null } {
  const actual = kgToG(p.weightKg);
  const [l, w, h] = [cmToMm(p.l), cmToMm(p.w), cmToMm(p.h)];
  const ok = (n: number | null): n is number => n !== null && Number.isFinite(n);
  const volumetric = ok(l) && ok(w) && ok(h) ? volumetricGrams(l, w, h, divisor) : null;
  const a = ok(actual) ? actual : null;
  const chargeable = a === null && volumetric === null ? null : chargeableGrams(a ?? 0, volumetric ?? 0);
  return { actual: a, volumetric, chargeable };
}

export function EditShipmentPanel({ d, onClose }: { d: ShipmentDetail; onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const s = d.shipment;
  const dispatched = s.dispatchedAt !== null;
  const inbound = s.direction === 'inbound';
  const outbound = s.direction === 'outbound';
  const [carrier, setCarrier] = useState(s.carrier ?? '');
  const [service, setService] = useState(s.service ?? '');
  const [incoterm, setIncoterm] = useState<string>(s.incoterm ?? '');
  const [eta, setEta] = useState(s.eta ?? '');
  const [shippedOn, setShippedOn] = useState(s.shippedOn ?? '');
  const [declaredValue, setDeclaredValue] = useState(s.declaredValue !== null && s.currency ? formatMoney(s.declaredValue, s.currency) : '');
  const [currency, setCurrency] = useState(s.currency ?? '');
  const [divisor, setDivisor] = useState<5000 | 6000>(s.volumetricDivisor);
  const [notes, setNotes] = useState(s.notes ?? '');
  const [customer, setCustomer] = useState(s.customer ?? '');
  const [shipTo, setShipTo] = useState(s.shipTo ?? '');
  const [shipToCountry, setShipToCountry] = useState(s.shipToCountry ?? '');
  const [tracking, setTracking] = useState(d.trackingNumbers.map((n) => n.number).join('\n'));
  const [parcels, setParcels] = useState<ParcelDraft[]>(() => d.parcels.map((p) => ({ key: key(), reference: p.reference ?? '', weightKg: gToKg(p.weightG), l: mmToCm(p.lengthMm), w: mmToCm(p.widthMm), h: mmToCm(p.heightMm) })));
  const [legs, setLegs] = useState<LegDraft[]>(() => d.legs.map((l) => ({ key: key(), from: l.from, to: l.to, mode: l.mode, carrier: l.carrier ?? '', eta: l.eta ?? '' })));
  const initialLines = () => d.lines.map((l) => ({ key: key(), poLineId: l.poLineId, poNumber: l.poNumber, product: { id: l.productId, sku: l.sku, name: l.name }, qty: String(l.qty) }));
  const [lines, setLines] = useState<LineDraft[]>(initialLines);
  const [linesChanged, setLinesChanged] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const err = (path: string) => errors.fields[path];

  const editParcel = (i: number, p: Partial<ParcelDraft>) => setParcels((cur) => cur.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const editLeg = (i: number, p: Partial<LegDraft>) => setLegs((cur) => cur.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const editLine = (i: number, p: Partial<LineDraft>) => {
    setLinesChanged(true);
    setLines((cur) => cur.map((x, j) => (j === i ? { ...x, ...p } : x)));
  };
  const addLeg = () =>
    setLegs((cur) => {
      const last = cur[cur.length - 1];
      return [...cur, { key: key(), from: last?.to ?? '', to: '', mode: last?.mode ?? 'sea', carrier: '', eta: '' }];
    });

  const num = (n: number | null) => (n === null ? null : n);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const input: Input<'shipments.update'> = {
        id: s.id,
        carrier: optionalText(carrier),
        service: optionalText(service),
        incoterm: (incoterm || null) as Input<'shipments.update'>['incoterm'],
        eta: eta || null,
        shippedOn: shippedOn || null,
        declaredValue: optionalText(declaredValue),
        currency: optionalText(currency)?.toUpperCase() ?? null,
        volumetricDivisor: divisor,
        notes: optionalText(notes),
        trackingNumbers: splitTracking(tracking),
        parcels: parcels.map((p) => ({ weightG: kgToG(p.weightKg) ?? NaN, lengthMm: num(cmToMm(p.l)), widthMm: num(cmToMm(p.w)), heightMm: num(cmToMm(p.h)), reference: optionalText(p.reference) })),
        legs: legs.map((l) => ({ from: l.from.trim(), to: l.to.trim(), mode: l.mode, carrier: optionalText(l.carrier), eta: l.eta || null })),
        ...(outbound ? { customer: optionalText(customer), shipTo: optionalText(shipTo), shipToCountry: shipToCountry || null } : {}),
        ...(!dispatched && linesChanged
          ? { lines: lines.map((l) => ({ poLineId: l.poLineId, productId: l.product?.id ?? null, qty: l.qty.trim() === '' ? NaN : Number(l.qty) })) }
          : {}),
      };
      await client.call('shipments.update', input);
      toast(t('shipments.edit.saved', { number: s.number }));
      onClose();
    } catch (x) {
      setErrors(pathErrors(x, (p) => TOP.includes(p) || NESTED.test(p)));
    } finally {
      setBusy(false);
    }
  };

  const cell = (path: string, control: React.ReactNode) => (
    <div className={`sh-cell${err(path) ? ' has-error' : ''}`}>
      {control}
      {err(path) ? <ErrorText name={path} message={err(path)!} /> : null}
    </div>
  );
  const listError = (name: string) => (err(name) ? <ErrorText name={name} message={err(name)!} /> : null);

  const totals = parcels.reduce(
    (acc, p) => {
      const w = weights(p, divisor);
      return { actual: acc.actual + (w.actual ?? 0), chargeable: acc.chargeable + (w.chargeable ?? 0) };
    },
    { actual: 0, chargeable: 0 },
  );
  const trackingErrors = Object.entries(errors.fields).filter(([k]) => k.startsWith('trackingNumbers.'));

  return (
    <Panel title={t('shipments.edit.title', { number: s.number })} onClose={onClose} testId="shipment-edit-form" wide>
      <form className="panel-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="panel-body">
          <FormError message={errors.general} />
          <div className="form-grid">
            {outbound ? (
              <>
                <TextField name="customer" label={t('shipments.f.customer')} value={customer} onChange={setCustomer} error={err('customer')} maxLength={200} />
                <CountrySelect name="shipToCountry" label={t('shipments.f.shipToCountry')} value={shipToCountry} onChange={setShipToCountry} error={err('shipToCountry')} />
                <TextAreaField name="shipTo" className="span-2" label={t('shipments.f.shipTo')} hint={t('shipments.f.shipToHint')} value={shipTo} onChange={setShipTo} error={err('shipTo')} maxLength={500} />
              </>
            ) : null}
            <TextField name="carrier" label={t('shipments.f.carrier')} value={carrier} onChange={setCarrier} error={err('carrier')} maxLength={60} />
            <TextField name="service" label={t('shipments.f.service')} value={service} onChange={setService} error={err('service')} maxLength={60} />
            <SelectField name="incoterm" label={t('shipments.f.incoterm')} value={incoterm} onChange={setIncoterm} error={err('incoterm')} placeholder="—" options={INCOTERMS.map((i) => ({ value: i, label: i }))} />
            <TextField name="eta" type="date" label={t('shipments.f.eta')} value={eta} onChange={setEta} error={err('eta')} />
            <TextField name="shippedOn" type="date" label={t('shipments.f.shippedOn')} value={shippedOn} onChange={setShippedOn} error={err('shippedOn')} />
            <SelectField
              name="volumetricDivisor"
              label={t('shipments.f.divisor')}
              hint={t('shipments.f.divisorHint')}
              value={String(divisor)}
              onChange={(v) => setDivisor(v === '6000' ? 6000 : 5000)}
              error={err('volumetricDivisor')}
              options={[
                { value: '5000', label: '5000 (cm³/kg)' },
                { value: '6000', label: '6000 (cm³/kg)' },
              ]}
            />
            <TextField name="declaredValue" label={t('shipments.f.declaredValue')} value={declaredValue} onChange={setDeclaredValue} error={err('declaredValue')} inputMode="decimal" />
            <TextField name="currency" label={t('shipments.f.currency')} value={currency} onChange={setCurrency} error={err('currency')} maxLength={3} />
            <TextAreaField name="trackingNumbers" className="span-2" label={t('shipments.f.tracking')} hint={t('shipments.f.trackingHint')} value={tracking} onChange={setTracking} error={err('trackingNumbers') ?? trackingErrors[0]?.[1]} />
            <TextAreaField name="notes" className="span-2" label={t('shipments.f.notes')} value={notes} onChange={setNotes} error={err('notes')} maxLength={2000} />
          </div>

          <h3 className="sh-subhead">
            {t('shipments.parcels.title')}{' '}
            {parcels.length ? (
              <span className="muted small" data-testid="edit-parcels-total">
                {t('shipments.parcels.total', { n: parcels.length })} · {formatWeight(totals.actual)} · {t('shipments.parcels.chargeable')} {formatWeight(totals.chargeable)}
              </span>
            ) : null}
          </h3>
          {listError('parcels')}
          {parcels.length ? (
            <table className="table sh-edit-table sh-parcels-cols" data-testid="edit-parcels">
              <thead>
                <tr>
                  <th>{t('shipments.parcels.ref')}</th>
                  <th className="right">{t('shipments.parcels.weightKg')}</th>
                  <th>{t('shipments.parcels.dimsCm')}</th>
                  <th className="right">{t('shipments.parcels.volumetric')}</th>
                  <th className="right">{t('shipments.parcels.chargeable')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {parcels.map((p, i) => {
                  const f = (n: string) => `parcels.${i}.${n}`;
                  const w = weights(p, divisor);
                  return (
                    <tr key={p.key} data-testid="edit-parcel">
                      <td>{cell(f('reference'), <input className="sh-input sh-w-ref" data-testid="parcel-ref" aria-label={t('shipments.parcels.ref')} maxLength={100} value={p.reference} onChange={(e) => editParcel(i, { reference: e.target.value })} />)}</td>
                      <td className="right">{cell(f('weightG'), <input className="sh-input sh-qty" data-testid="parcel-weight" aria-label={t('shipments.parcels.weightKg')} inputMode="decimal" value={p.weightKg} onChange={(e) => editParcel(i, { weightKg: e.target.value })} />)}</td>
                      <td>
                        <div className="sh-dims">
                          {cell(f('lengthMm'), <input className="sh-input sh-dim" data-testid="parcel-l" aria-label={t('shipments.parcels.lengthCm')} inputMode="decimal" value={p.l} onChange={(e) => editParcel(i, { l: e.target.value })} />)}×
                          {cell(f('widthMm'), <input className="sh-input sh-dim" data-testid="parcel-w" aria-label={t('shipments.parcels.widthCm')} inputMode="decimal" value={p.w} onChange={(e) => editParcel(i, { w: e.target.value })} />)}×
                          {cell(f('heightMm'), <input className="sh-input sh-dim" data-testid="parcel-h" aria-label={t('shipments.parcels.heightCm')} inputMode="decimal" value={p.h} onChange={(e) => editParcel(i, { h: e.target.value })} />)}
                        </div>
                      </td>
                      <td className="right num" data-testid="parcel-volumetric">
                        {formatWeight(w.volumetric)}
                      </td>
                      <td className="right num strong" data-testid="parcel-chargeable">
                        {formatWeight(w.chargeable)}
                      </td>
                      <td className="right">
                        <button type="button" className="icon-btn" aria-label={t('shipments.f.remove')} title={t('shipments.f.remove')} onClick={() => setParcels((cur) => cur.filter((_, j) => j !== i))}>
                          ×
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted small">{t('shipments.parcels.none')}</p>
          )}
          <button type="button" className="btn btn-small" data-testid="add-parcel" onClick={() => setParcels((cur) => [...cur, { key: key(), reference: '', weightKg: '', l: '', w: '', h: '' }])}>
            + {t('shipments.parcels.add')}
          </button>

          <h3 className="sh-subhead">{t('shipments.legs.title')}</h3>
          {listError('legs')}
          {legs.length ? (
            <table className="table sh-edit-table sh-legs-cols" data-testid="edit-legs">
              <thead>
                <tr>
                  <th>{t('shipments.legs.from')}</th>
                  <th>{t('shipments.legs.to')}</th>
                  <th>{t('shipments.legs.mode')}</th>
                  <th>{t('shipments.legs.carrier')}</th>
                  <th>{t('shipments.legs.eta')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {legs.map((l, i) => {
                  const f = (n: string) => `legs.${i}.${n}`;
                  return (
                    <tr key={l.key} data-testid="edit-leg">
                      <td>{cell(f('from'), <input className="sh-input sh-w-place" data-testid="leg-from" aria-label={t('shipments.legs.from')} maxLength={120} value={l.from} onChange={(e) => editLeg(i, { from: e.target.value })} />)}</td>
                      <td>{cell(f('to'), <input className="sh-input sh-w-place" data-testid="leg-to" aria-label={t('shipments.legs.to')} maxLength={120} value={l.to} onChange={(e) => editLeg(i, { to: e.target.value })} />)}</td>
                      <td>
                        {cell(
                          f('mode'),
                          <select className="sh-input" data-testid="leg-mode" aria-label={t('shipments.legs.mode')} value={l.mode} onChange={(e) => editLeg(i, { mode: e.target.value as LegMode })}>
                            {LEG_MODES.map((m) => (
                              <option key={m} value={m}>
                                {t(`shipments.mode.${m}`)}
                              </option>
                            ))}
                          </select>,
                        )}
                      </td>
                      <td>{cell(f('carrier'), <input className="sh-input sh-w-carrier" data-testid="leg-carrier" aria-label={t('shipments.legs.carrier')} maxLength={60} value={l.carrier} onChange={(e) => editLeg(i, { carrier: e.target.value })} />)}</td>
                      <td>{cell(f('eta'), <input className="sh-input" type="date" data-testid="leg-eta" aria-label={t('shipments.legs.eta')} value={l.eta} onChange={(e) => editLeg(i, { eta: e.target.value })} />)}</td>
                      <td className="right nowrap">
                        <button type="button" className="icon-btn" aria-label={t('shipments.legs.up')} title={t('shipments.legs.up')} disabled={i === 0} onClick={() => setLegs((cur) => cur.map((x, j) => (j === i - 1 ? cur[i]! : j === i ? cur[i - 1]! : x)))}>
                          ↑
                        </button>
                        <button type="button" className="icon-btn" aria-label={t('shipments.f.remove')} title={t('shipments.f.remove')} onClick={() => setLegs((cur) => cur.filter((_, j) => j !== i))}>
                          ×
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted small">{t('shipments.legs.none')}</p>
          )}
          <button type="button" className="btn btn-small" data-testid="add-leg" onClick={addLeg}>
            + {t('shipments.legs.add')}
          </button>

          <h3 className="sh-subhead">{t('shipments.lines.title')}</h3>
          {dispatched ? (
            <p className="muted small">{t('shipments.edit.linesLocked')}</p>
          ) : (
            <>
              {listError('lines')}
              {lines.length ? (
                <table className="table sh-edit-table sh-lines-cols" data-testid="edit-lines">
                  <tbody>
                    {lines.map((l, i) => {
                      const f = (n: string) => `lines.${i}.${n}`;
                      return (
                        <tr key={l.key} data-testid="edit-line" data-sku={l.product?.sku ?? ''}>
                          <td className="sh-w-product">
                            {inbound ? (
                              <>
                                <span className="mono strong">{l.product?.sku}</span> {l.product?.name} <span className="muted mono small">{l.poNumber}</span>
                                {err(f('poLineId')) ? <ErrorText name={f('poLineId')} message={err(f('poLineId'))!} /> : null}
                              </>
                            ) : (
                              <ProductPicker name={f('productId')} label={t('shipments.lines.product')} value={l.product} onChange={(p) => editLine(i, { product: p })} error={err(f('productId'))} />
                            )}
                          </td>
                          <td className="right">{cell(f('qty'), <input className="sh-input sh-qty" data-testid="edit-line-qty" aria-label={t('shipments.lines.qty')} inputMode="numeric" value={l.qty} onChange={(e) => editLine(i, { qty: e.target.value })} />)}</td>
                          <td className="right">
                            <button type="button" className="icon-btn" aria-label={t('shipments.f.remove')} title={t('shipments.f.remove')} onClick={() => {
                              setLinesChanged(true);
                              setLines((cur) => cur.filter((_, j) => j !== i));
                            }}>
                              ×
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : (
                <p className="muted small">{t(inbound ? 'shipments.lines.none' : 'shipments.lines.noneEdit')}</p>
              )}
              {inbound ? (
                <p className="muted small">{t('shipments.edit.inboundLines')}</p>
              ) : (
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="add-line"
                  onClick={() => {
                    setLinesChanged(true);
                    setLines((cur) => [...cur, { key: key(), poLineId: null, poNumber: null, product: null, qty: '1' }]);
                  }}
                >
                  + {t('shipments.lines.add')}
                </button>
              )}
            </>
          )}
        </div>
        <PanelFooter busy={busy} submitLabel={t('common.save')} busyLabel={t('common.saving')} cancelLabel={t('common.cancel')} onCancel={onClose} />
      </form>
    </Panel>
  );
}
