// Receiving a shipment: each line with what arrived in good order (all of it, unless changed),
// what arrived damaged and what happens to that (a quarantine location or written off), and for
// an inbound one the rate of each order currency to base if the dated table has none. The API's
// refusals show next to their field ("lines.0.qty", "fxRates.EUR").
import { noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { useEffect, useState } from 'react';
import type { Input, ShipmentDetail } from '../../../main/common/api';
import { localToday } from '../../../main/common/format';
import { client } from '../../api/client';
import { optionalText } from '../../api/input';
import { useBaseCurrency } from '../../app/settings';
import { ErrorText, FormError, TextField } from '../../components/Field';
import { useLocations } from '../../components/LocationSelect';
import { Qty } from '../../components/Numbers';
import { Panel, PanelFooter } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

interface Arrival {
  qty: string;
  damagedQty: string;
  damagedAction: 'quarantine' | 'write_off';
  quarantineLocationId: string;
  reason: string;
}

const SHOWN = /^(receivedAt|fxRates\.[A-Z]{3}|lines\.\d+\.(qty|damagedQty|damagedAction|quarantineLocationId|reason))$/;

const whole = (s: string): number => (s.trim() === '' ? 0 : /^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

export function ReceivePanel({ d, onClose }: { d: ShipmentDetail; onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const base = useBaseCurrency();
  const s = d.shipment;
  const locations = (useLocations() ?? []).filter((l) => l.id !== s.toLocationId && l.kind !== 'in_transit');
  const [receivedAt, setReceivedAt] = useState(localToday());
  const [rows, setRows] = useState<Arrival[]>(() => d.lines.map((l) => ({ qty: String(l.qty), damagedQty: '', damagedAction: 'quarantine', quarantineLocationId: '', reason: '' })));
  const [currencies, setCurrencies] = useState<string[]>([]);
  const [rates, setRates] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  // inbound: the currencies of the orders it carries (a rate is asked for those not in base)
  const poIds = [...new Set(d.lines.map((l) => l.poId).filter((x): x is string => x !== null))];
  const poKey = poIds.join(',');
  useEffect(() => {
    if (!poKey) return;
    let live = true;
    void Promise.all(poKey.split(',').map((id) => client.call('purchasing.get', { id }).then((p) => p.order.currency))).then(
      (list) => live && setCurrencies([...new Set(list)].sort()),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [poKey]);
  const foreign = currencies.filter((c) => c !== base);

  const patch = (i: number, p: Partial<Arrival>) => setRows((cur) => cur.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const err = (path: string) => errors.fields[path];

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const fxRates: Record<string, string> = {};
      for (const c of foreign) if (rates[c]?.trim()) fxRates[c] = rates[c].trim();
      const input: Input<'shipments.receive'> = {
        id: s.id,
        ...(receivedAt && receivedAt !== localToday() ? { receivedAt } : {}),
        ...(Object.keys(fxRates).length ? { fxRates } : {}),
        lines: d.lines.map((l, i) => {
          const r = rows[i]!;
          const damaged = whole(r.damagedQty);
          return {
            lineId: l.id,
            qty: whole(r.qty),
            damagedQty: damaged,
            ...(damaged !== 0 ? { damagedAction: r.damagedAction } : {}),
            ...(damaged !== 0 && r.damagedAction === 'quarantine' && r.quarantineLocationId ? { quarantineLocationId: r.quarantineLocationId } : {}),
            reason: optionalText(r.reason),
          };
        }),
      };
      await client.call('shipments.receive', input);
      toast(t('shipments.receive.done', { number: s.number }));
      onClose();
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

  return (
    <Panel title={t('shipments.receive.title', { number: s.number })} onClose={onClose} testId="receive-form" wide>
      <form className="panel-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="panel-body">
          <FormError message={errors.general} />
          <p className="muted small">{t(s.direction === 'inbound' ? 'shipments.receive.introInbound' : 'shipments.receive.introTransfer', { to: s.toLocationCode ?? '—' })}</p>
          <div className="form-grid">
            <TextField name="receivedAt" type="date" label={t('shipments.receive.at')} value={receivedAt} max={localToday()} onChange={setReceivedAt} error={err('receivedAt')} />
          </div>
          <table className="table sh-receive-lines" data-testid="receive-lines">
            <thead>
              <tr>
                <th>{t('shipments.lines.sku')}</th>
                <th className="right">{t('shipments.receive.carried')}</th>
                <th className="right">{t('shipments.receive.good')}</th>
                <th className="right">{t('shipments.receive.damaged')}</th>
                <th>{t('shipments.receive.damagedTo')}</th>
                <th>{t('shipments.receive.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l, i) => {
                const r = rows[i]!;
                const f = (name: string) => `lines.${i}.${name}`;
                const damaged = whole(r.damagedQty);
                const missing = l.qty - whole(r.qty) - (Number.isNaN(damaged) ? 0 : damaged);
                return (
                  <tr key={l.id} data-testid="receive-line" data-sku={l.sku}>
                    <td>
                      <div className="mono strong">{l.sku}</div>
                      <div className="small muted">
                        {l.name}
                        {l.poNumber ? ` · ${l.poNumber}` : ''}
                      </div>
                    </td>
                    <td className="right">
                      <Qty n={l.qty} />
                    </td>
                    <td className="right">
                      {cell(f('qty'), <input className="sh-input sh-qty" data-testid="receive-qty" aria-label={`${l.sku} ${t('shipments.receive.good')}`} inputMode="numeric" value={r.qty} onChange={(e) => patch(i, { qty: e.target.value })} />)}
                      {missing > 0 && !Number.isNaN(missing) ? <div className="small warn-text">{t(s.direction === 'inbound' ? 'shipments.receive.shortInbound' : 'shipments.receive.shortTransfer', { n: missing })}</div> : null}
                    </td>
                    <td className="right">{cell(f('damagedQty'), <input className="sh-input sh-qty" data-testid="receive-damaged" aria-label={`${l.sku} ${t('shipments.receive.damaged')}`} inputMode="numeric" placeholder="0" value={r.damagedQty} onChange={(e) => patch(i, { damagedQty: e.target.value })} />)}</td>
                    <td>
                      {damaged ? (
                        <div className="sh-damaged">
                          {cell(
                            f('damagedAction'),
                            <select className="sh-input" data-testid="receive-damaged-action" aria-label={t('shipments.receive.damagedTo')} value={r.damagedAction} onChange={(e) => patch(i, { damagedAction: e.target.value as Arrival['damagedAction'] })}>
                              <option value="quarantine">{t('shipments.receive.quarantine')}</option>
                              <option value="write_off">{t('shipments.receive.writeOff')}</option>
                            </select>,
                          )}
                          {r.damagedAction === 'quarantine'
                            ? cell(
                                f('quarantineLocationId'),
                                <select className="sh-input" data-testid="receive-quarantine" aria-label={t('shipments.receive.quarantineAt')} value={r.quarantineLocationId} onChange={(e) => patch(i, { quarantineLocationId: e.target.value })}>
                                  <option value="">{t('shipments.receive.quarantineAt')}</option>
                                  {locations.map((loc) => (
                                    <option key={loc.id} value={loc.id}>
                                      {loc.code} · {loc.name}
                                    </option>
                                  ))}
                                </select>,
                              )
                            : null}
                        </div>
                      ) : (
                        <span className="muted small">—</span>
                      )}
                    </td>
                    <td>{cell(f('reason'), <input className="sh-input" data-testid="receive-reason" aria-label={t('shipments.receive.reason')} maxLength={200} value={r.reason} onChange={(e) => patch(i, { reason: e.target.value })} />)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {s.direction === 'inbound' && foreign.length ? (
            <div className="sh-fx" data-testid="receive-fx">
              <div className="strong small">{t('shipments.receive.fxTitle', { base })}</div>
              <div className="muted small">{t('shipments.receive.fxHint')}</div>
              <div className="form-grid">
                {foreign.map((c) => (
                  <TextField
                    key={c}
                    name={`fxRates.${c}`}
                    label={t('shipments.receive.fxRate', { ccy: c, base })}
                    inputMode="decimal"
                    placeholder={t('shipments.receive.fxTable')}
                    value={rates[c] ?? ''}
                    onChange={(v) => setRates((cur) => ({ ...cur, [c]: v }))}
                    error={err(`fxRates.${c}`)}
                  />
                ))}
              </div>
            </div>
          ) : null}
        </div>
        <PanelFooter busy={busy} submitLabel={t('shipments.receive.submit')} busyLabel={t('common.saving')} cancelLabel={t('common.cancel')} onCancel={onClose} />
      </form>
    </Panel>
  );
}
