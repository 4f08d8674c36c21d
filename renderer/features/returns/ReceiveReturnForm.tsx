// A customer's return arrives: for each line, how many units go back on a shelf (and which),
// how many to quarantine (and where) and how many are written off; together they make the line.
// Written-off units are booked in and straight out at the restock location (else the quarantine
// one), so the loss carries its cost. All of it goes in one step, or nothing does.
import { useState, type FormEvent } from 'react';
import type { ReturnDetail } from '../../../main/common/api';
import { client } from '../../api/client';
import { useLocations } from '../../components/LocationSelect';
import { FormError } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { PathError } from './PathError';
import { errorsByPath, qtyOf } from './util';

interface Draft {
  restockQty: string;
  restockLocationId: string;
  quarantineQty: string;
  quarantineLocationId: string;
  writeOffQty: string;
}

export function ReceiveReturnForm({ detail }: { detail: ReturnDetail }) {
  const t = useT();
  const toast = useToast();
  const locations = useLocations() ?? [];
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [receivedAt, setReceivedAt] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof errorsByPath>>({ fields: {}, general: null });
  const [busy, setBusy] = useState(false);
  // by default every unit goes back on the shelf
  const draftOf = (id: string, qty: number): Draft => drafts[id] ?? { restockQty: String(qty), restockLocationId: '', quarantineQty: '0', quarantineLocationId: '', writeOffQty: '0' };
  const set = (id: string, qty: number, patch: Partial<Draft>) => setDrafts({ ...drafts, [id]: { ...draftOf(id, qty), ...patch } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({ fields: {}, general: null });
    try {
      const lines = detail.lines.map((l) => {
        const d = draftOf(l.id, l.qty);
        return {
          lineId: l.id,
          restockQty: qtyOf(d.restockQty),
          quarantineQty: qtyOf(d.quarantineQty),
          writeOffQty: qtyOf(d.writeOffQty),
          ...(d.restockLocationId ? { restockLocationId: d.restockLocationId } : {}),
          ...(d.quarantineLocationId ? { quarantineLocationId: d.quarantineLocationId } : {}),
        };
      });
      const r = await client.call('returns.receive', { id: detail.return.id, lines, ...(receivedAt ? { receivedAt } : {}) });
      toast(t('returns.now', { number: r.return.number, status: t(`returns.status.${r.return.status}`) }));
      setDrafts({});
    } catch (x) {
      setErrors(errorsByPath(x));
    } finally {
      setBusy(false);
    }
  };

  const err = (path: string) => errors.fields[path];
  const known = (f: string) => /^lines\.\d+\.(restockQty|restockLocationId|quarantineQty|quarantineLocationId|writeOffQty)$/.test(f) || f === 'receivedAt';
  const stray = Object.entries(errors.fields).filter(([f]) => !known(f));
  const general = errors.general ?? (stray.length ? stray.map(([, m]) => m).join('; ') : null);
  const locationSelect = (value: string, onChange: (v: string) => void, testId: string, label: string, invalid: boolean) => (
    <select className="rt-input" data-testid={testId} aria-label={label} aria-invalid={invalid ? true : undefined} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('common.choose')}</option>
      {locations.map((loc) => (
        <option key={loc.id} value={loc.id}>
          {loc.code}
        </option>
      ))}
    </select>
  );

  return (
    <section className="card" data-testid="return-receive">
      <h2 className="card-title">{t('returns.receive.title')}</h2>
      <p className="muted small">{t('returns.receive.hint')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={general} />
        <table className="table compact rt-lines">
          <thead>
            <tr>
              <th>{t('returns.lines.sku')}</th>
              <th className="right">{t('returns.lines.qty')}</th>
              <th>{t('returns.receive.restock')}</th>
              <th>{t('returns.receive.quarantine')}</th>
              <th className="right">{t('returns.receive.writeOff')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.lines.map((l, i) => {
              const d = draftOf(l.id, l.qty);
              const p = `lines.${i}`;
              const sum = [d.restockQty, d.quarantineQty, d.writeOffQty].reduce((a, v) => a + (Number(v.trim() || '0') || 0), 0);
              return (
                <tr key={l.id} data-testid="return-receive-line" data-sku={l.sku}>
                  <td className="mono strong">{l.sku}</td>
                  <td className={`right num${sum !== l.qty ? ' rt-sum-bad' : ''}`} title={t('returns.receive.sum', { sum, qty: l.qty })}>
                    {sum !== l.qty ? `${sum} / ${l.qty}` : l.qty}
                  </td>
                  <td>
                    <div className="rt-pair">
                      <input className="rt-input rt-qty" data-testid={`${p}.restockQty`} aria-label={t('returns.receive.restock')} aria-invalid={err(`${p}.restockQty`) ? true : undefined} inputMode="numeric" value={d.restockQty} onChange={(e) => set(l.id, l.qty, { restockQty: e.target.value })} />
                      {locationSelect(d.restockLocationId, (v) => set(l.id, l.qty, { restockLocationId: v }), `${p}.restockLocationId`, t('returns.receive.restockAt'), Boolean(err(`${p}.restockLocationId`)))}
                    </div>
                    <PathError errors={errors.fields} path={`${p}.restockQty`} />
                    <PathError errors={errors.fields} path={`${p}.restockLocationId`} />
                  </td>
                  <td>
                    <div className="rt-pair">
                      <input className="rt-input rt-qty" data-testid={`${p}.quarantineQty`} aria-label={t('returns.receive.quarantine')} aria-invalid={err(`${p}.quarantineQty`) ? true : undefined} inputMode="numeric" value={d.quarantineQty} onChange={(e) => set(l.id, l.qty, { quarantineQty: e.target.value })} />
                      {locationSelect(d.quarantineLocationId, (v) => set(l.id, l.qty, { quarantineLocationId: v }), `${p}.quarantineLocationId`, t('returns.receive.quarantineAt'), Boolean(err(`${p}.quarantineLocationId`)))}
                    </div>
                    <PathError errors={errors.fields} path={`${p}.quarantineQty`} />
                    <PathError errors={errors.fields} path={`${p}.quarantineLocationId`} />
                  </td>
                  <td className="right">
                    <input className="rt-input rt-qty" data-testid={`${p}.writeOffQty`} aria-label={t('returns.receive.writeOff')} aria-invalid={err(`${p}.writeOffQty`) ? true : undefined} inputMode="numeric" value={d.writeOffQty} onChange={(e) => set(l.id, l.qty, { writeOffQty: e.target.value })} />
                    <PathError errors={errors.fields} path={`${p}.writeOffQty`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="rt-foot">
          <label className="small muted" htmlFor="rt-received-at">
            {t('returns.receive.at')}
          </label>
          <input id="rt-received-at" className="rt-input" type="date" data-testid="return-received-at" value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} />
          <PathError errors={errors.fields} path="receivedAt" />
          <span className="spacer" />
          <button type="submit" className="btn btn-primary" data-testid="return-receive-submit" disabled={busy}>
            {t('returns.receive.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
