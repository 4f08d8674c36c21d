// What the shipment cost: freight, insurance, brokerage, bank fees, duty and taxes, each in the
// currency it was paid in, how it splits over the goods, whether it is part of the customs value
// or reclaimed (recoverable), who was paid and their reference. Saved as a whole; totals per
// currency. A posted landed-cost document locks them (the API says so, shown here).
import { noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { useEffect, useState } from 'react';
import type { ChargeKind, ShipmentCost, ShipmentDetail, SplitMethod } from '../../../main/common/api';
import { CHARGE_KINDS } from '../../../main/common/api';
import { inCustomsValueByDefault, SPLIT_METHODS } from '../../../main/common/calc/landed';
import { formatAmount } from '../../../main/common/format';
import { currencyList, formatMoney, parseMoney } from '../../../main/common/money';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { optionalText } from '../../api/input';
import { useBaseCurrency } from '../../app/settings';
import { ErrorText, FormError } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

const CURRENCIES = currencyList()
  .map((c) => c.code)
  .sort();

interface CostDraft {
  key: number;
  kind: ChargeKind;
  label: string;
  amount: string;
  currency: string;
  split: SplitMethod;
  inCustomsValue: boolean;
  recoverable: boolean;
  supplierId: string;
  reference: string;
}

let seq = 0;
const toDraft = (c: ShipmentCost): CostDraft => ({
  key: ++seq,
  kind: c.kind,
  label: c.label ?? '',
  amount: formatMoney(c.amount, c.currency),
  currency: c.currency,
  split: c.split,
  inCustomsValue: c.inCustomsValue,
  recoverable: c.recoverable,
  supplierId: c.supplierId ?? '',
  reference: c.reference ?? '',
});

const SHOWN = /^costs(\.\d+\.(kind|label|amount|currency|split|supplierId|reference))?$/;

/** Totals per currency of what is typed (amounts that do not parse are left out). */
function totalsOf(costs: CostDraft[]): { currency: string; paid: number; recoverable: number }[] {
  const by = new Map<string, { paid: number; recoverable: number }>();
  for (const c of costs) {
    let minor: number;
    try {
      minor = parseMoney(c.amount.trim(), c.currency);
    } catch {
      continue;
    }
    const cur = by.get(c.currency) ?? { paid: 0, recoverable: 0 };
    cur.paid += minor;
    if (c.recoverable) cur.recoverable += minor;
    by.set(c.currency, cur);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, v]) => ({ currency, ...v }));
}

export function CostsCard({ d }: { d: ShipmentDetail }) {
  const t = useT();
  const toast = useToast();
  const base = useBaseCurrency();
  const suppliers = useQuery('suppliers.list', {}).data ?? [];
  const s = d.shipment;
  const [costs, setCosts] = useState<CostDraft[]>(() => d.costs.map(toDraft));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const stored = JSON.stringify(d.costs);
  useEffect(() => {
    if (!dirty) setCosts((JSON.parse(stored) as ShipmentCost[]).map(toDraft));
  }, [stored]);
  const locked = d.landedCost?.status === 'posted';
  const err = (path: string) => errors.fields[path];

  const edit = (i: number, p: Partial<CostDraft>) => {
    setDirty(true);
    setCosts((cur) => cur.map((c, j) => (j === i ? { ...c, ...p } : c)));
  };
  const add = () => {
    setDirty(true);
    const kind: ChargeKind = costs.length === 0 ? 'freight' : 'duty';
    setCosts((cur) => [...cur, { key: ++seq, kind, label: '', amount: '', currency: base, split: 'value', inCustomsValue: inCustomsValueByDefault(kind), recoverable: false, supplierId: '', reference: '' }]);
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await client.call('shipments.setCosts', {
        id: s.id,
        costs: costs.map((c) => ({
          kind: c.kind,
          label: optionalText(c.label),
          amount: c.amount.trim(),
          currency: c.currency,
          split: c.split,
          inCustomsValue: c.inCustomsValue,
          recoverable: c.recoverable,
          supplierId: c.supplierId || null,
          reference: optionalText(c.reference),
        })),
      });
      setDirty(false);
      setErrors(noErrors);
      toast(t('shipments.costs.saved'));
    } catch (x) {
      setErrors(pathErrors(x, (p) => SHOWN.test(p)));
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
  const totals = totalsOf(costs);

  return (
    <section className="card flush" data-testid="shipment-costs">
      <h2 className="card-title sh-pad">
        {t('shipments.costs.title')} {locked ? <span className="muted small">{t('shipments.costs.locked', { number: d.landedCost!.number })}</span> : null}
      </h2>
      {errors.general || err('costs') ? (
        <div className="sh-pad">
          <FormError message={errors.general} />
          {err('costs') ? <ErrorText name="costs" message={err('costs')!} /> : null}
        </div>
      ) : null}
      {costs.length === 0 ? (
        <p className="muted sh-pad">{t(s.direction === 'inbound' ? 'shipments.costs.noneInbound' : 'shipments.costs.none')}</p>
      ) : (
        <div className="sh-scroll">
          <table className="table sh-costs" data-testid="costs-table">
            <thead>
              <tr>
                <th>{t('landed.charge.kind')}</th>
                <th>{t('landed.charge.label')}</th>
                <th className="right">{t('landed.charge.amount')}</th>
                <th>{t('landed.charge.currency')}</th>
                <th>{t('landed.charge.split')}</th>
                <th title={t('landed.charge.inCustomsValue.hint')}>{t('shipments.costs.inCustoms')}</th>
                <th title={t('shipments.costs.recoverableHint')}>{t('shipments.costs.recoverable')}</th>
                <th>{t('shipments.costs.payee')}</th>
                <th>{t('landed.charge.reference')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {costs.map((c, i) => {
                const f = (n: string) => `costs.${i}.${n}`;
                return (
                  <tr key={c.key} data-testid="cost-row" data-kind={c.kind}>
                    <td>
                      {cell(
                        f('kind'),
                        <select className="sh-input" data-testid="cost-kind" aria-label={t('landed.charge.kind')} value={c.kind} onChange={(e) => {
                          const kind = e.target.value as ChargeKind;
                          edit(i, { kind, inCustomsValue: inCustomsValueByDefault(kind) });
                        }}>
                          {CHARGE_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {t(`landed.kind.${k}`)}
                            </option>
                          ))}
                        </select>,
                      )}
                    </td>
                    <td>{cell(f('label'), <input className="sh-input sh-w-label" data-testid="cost-label" aria-label={t('landed.charge.label')} maxLength={100} placeholder={t(`landed.kind.${c.kind}`)} value={c.label} onChange={(e) => edit(i, { label: e.target.value })} />)}</td>
                    <td className="right">{cell(f('amount'), <input className="sh-input sh-amount" data-testid="cost-amount" aria-label={t('landed.charge.amount')} inputMode="decimal" placeholder="0.00" value={c.amount} onChange={(e) => edit(i, { amount: e.target.value })} />)}</td>
                    <td>
                      {cell(
                        f('currency'),
                        <select className="sh-input" data-testid="cost-currency" aria-label={t('landed.charge.currency')} value={c.currency} onChange={(e) => edit(i, { currency: e.target.value })}>
                          {CURRENCIES.map((code) => (
                            <option key={code} value={code}>
                              {code}
                            </option>
                          ))}
                        </select>,
                      )}
                    </td>
                    <td>
                      {cell(
                        f('split'),
                        <select className="sh-input" data-testid="cost-split" aria-label={t('landed.charge.split')} value={c.split} onChange={(e) => edit(i, { split: e.target.value as SplitMethod })}>
                          {SPLIT_METHODS.map((m) => (
                            <option key={m} value={m}>
                              {t(`landed.split.${m}`)}
                            </option>
                          ))}
                        </select>,
                      )}
                    </td>
                    <td className="sh-center">
                      <input type="checkbox" data-testid="cost-customs" aria-label={t('shipments.costs.inCustoms')} checked={c.inCustomsValue} onChange={(e) => edit(i, { inCustomsValue: e.target.checked })} />
                    </td>
                    <td className="sh-center">
                      <input type="checkbox" data-testid="cost-recoverable" aria-label={t('shipments.costs.recoverable')} checked={c.recoverable} onChange={(e) => edit(i, { recoverable: e.target.checked })} />
                    </td>
                    <td>
                      {cell(
                        f('supplierId'),
                        <select className="sh-input sh-w-payee" data-testid="cost-payee" aria-label={t('shipments.costs.payee')} value={c.supplierId} onChange={(e) => edit(i, { supplierId: e.target.value })}>
                          <option value="">—</option>
                          {suppliers.map((x) => (
                            <option key={x.id} value={x.id}>
                              {x.name}
                            </option>
                          ))}
                        </select>,
                      )}
                    </td>
                    <td>{cell(f('reference'), <input className="sh-input sh-w-ref" data-testid="cost-reference" aria-label={t('landed.charge.reference')} maxLength={100} value={c.reference} onChange={(e) => edit(i, { reference: e.target.value })} />)}</td>
                    <td className="right">
                      <button type="button" className="icon-btn" data-testid="cost-remove" aria-label={t('shipments.f.remove')} title={t('shipments.f.remove')} onClick={() => {
                        setDirty(true);
                        setCosts((cur) => cur.filter((_, j) => j !== i));
                      }}>
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              {totals.map((x) => (
                <tr key={x.currency} data-testid="cost-total" data-currency={x.currency}>
                  <td colSpan={2} className="strong">
                    {t('shipments.costs.total', { ccy: x.currency })}
                  </td>
                  <td className="right num strong">{formatAmount(x.paid, x.currency)}</td>
                  <td>{x.currency}</td>
                  <td colSpan={6} className="muted small">
                    {x.recoverable ? t('shipments.costs.reclaimed', { amount: formatAmount(x.recoverable, x.currency), ccy: x.currency }) : null}
                  </td>
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
      <div className="sh-form-foot sh-pad sh-pad-bottom">
        <button type="button" className="btn btn-small" data-testid="add-cost" onClick={add}>
          + {t('shipments.costs.add')}
        </button>
        <span className="spacer" />
        {dirty ? <span className="muted small">{t('shipments.costs.unsaved')}</span> : null}
        <button type="button" className="btn btn-primary" data-testid="costs-save" disabled={busy || !dirty} onClick={() => void save()}>
          {t('shipments.costs.save')}
        </button>
      </div>
    </section>
  );
}
