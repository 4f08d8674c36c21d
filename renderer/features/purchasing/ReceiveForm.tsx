// Receiving on a sent order: a location, and for each line what came in now (the rest by
// default). Valued at the exchange rate of the day, which the receipt keeps.
import { useState, type FormEvent } from 'react';
import { ApiError, type PurchaseOrderDetail } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { FormError } from '../../components/Field';
import { LocationSelect, useLocations } from '../../components/LocationSelect';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export function ReceiveForm({ detail }: { detail: PurchaseOrderDetail }) {
  const t = useT();
  const toast = useToast();
  const [locationId, setLocationId] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<Record<string, { damaged: string; to: string; reason: string }>>({});
  const locations = useLocations() ?? [];
  const extraOf = (id: string) => extra[id] ?? { damaged: '', to: 'write_off', reason: '' };
  const setExtraOf = (id: string, patch: Partial<{ damaged: string; to: string; reason: string }>) => setExtra({ ...extra, [id]: { ...extraOf(id), ...patch } });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const remaining = (l: PurchaseOrderDetail['lines'][number]) => Math.max(l.qtyOrdered - l.qtyReceived, 0);
  const countOf = (l: PurchaseOrderDetail['lines'][number]) => counts[l.id] ?? String(remaining(l));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const lines = detail.lines
        .map((l) => {
          const x = extraOf(l.id);
          const damagedQty = Number(x.damaged || '0');
          return {
            lineId: l.id,
            qty: Number(countOf(l) || '0'),
            ...(damagedQty > 0
              ? { damagedQty, damagedAction: x.to === 'write_off' ? ('write_off' as const) : ('quarantine' as const), ...(x.to !== 'write_off' ? { quarantineLocationId: x.to } : {}) }
              : {}),
            ...(x.reason.trim() ? { reason: x.reason.trim() } : {}),
          };
        })
        .filter((l) => l.qty > 0 || (l.damagedQty ?? 0) > 0);
      const r = await client.call('purchasing.receive', { poId: detail.order.id, locationId, lines });
      toast(t('po.received', { number: r.number, rate: r.fxRate, from: detail.order.currency, to: detail.order.baseCurrency }));
      setCounts({});
      setExtra({});
      setScanned(false);
    } catch (x) {
      setError({ field: x instanceof ApiError ? (x.details?.field ?? null) : null, message: errorMessage(x) });
    } finally {
      setBusy(false);
    }
  };

  // A scanner types a barcode (or SKU) then Enter: each scan counts one unit on its line. The
  // first scan switches the counts from "the rest" to what was actually scanned.
  const [scan, setScan] = useState('');
  const [scanned, setScanned] = useState(false);
  const onScan = (code: string) => {
    const c = code.trim().toLowerCase();
    const line = detail.lines.find((l) => l.barcode === c || l.sku.toLowerCase() === c || l.supplierSku?.toLowerCase() === c);
    setScan('');
    if (!line) return toast(t('po.scanUnknown', { code }), 'error');
    const base = scanned ? counts : Object.fromEntries(detail.lines.map((l) => [l.id, '0']));
    setScanned(true);
    setCounts({ ...base, [line.id]: String(Number(base[line.id] ?? '0') + 1) });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="po-receive">
      <div className="field">
        <label htmlFor="po-scan">{t('po.scan')}</label>
        <input
          id="po-scan"
          className="input"
          data-testid="po-scan"
          value={scan}
          placeholder={t('po.scan.placeholder')}
          onChange={(e) => setScan(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (scan.trim()) onScan(scan);
            }
          }}
        />
      </div>
      <FormError message={error && error.field !== 'locationId' ? error.message : null} />
      <div className="form-grid">
        <LocationSelect name="locationId" label={t('po.receiveInto')} value={locationId} onChange={setLocationId} error={error?.field === 'locationId' ? error.message : undefined} />
      </div>
      <table className="table compact">
        <thead>
          <tr>
            <th>{t('po.col.sku')}</th>
            <th className="right">{t('po.col.remaining')}</th>
            <th className="right">{t('po.col.receiveNow')}</th>
            <th className="right">{t('po.col.damaged')}</th>
            <th>{t('po.col.damagedTo')}</th>
            <th>{t('po.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.lines.map((l) => (
            <tr key={l.id}>
              <td className="mono">{l.sku}</td>
              <td className="right num">{remaining(l)}</td>
              <td className="right">
                <input className="input num-input small-input" data-testid={`receive-qty-${l.lineNo}`} inputMode="numeric" value={countOf(l)} onChange={(e) => setCounts({ ...counts, [l.id]: e.target.value })} />
              </td>
              <td className="right">
                <input className="input num-input small-input" data-testid={`receive-damaged-${l.lineNo}`} inputMode="numeric" value={extraOf(l.id).damaged} onChange={(e) => setExtraOf(l.id, { damaged: e.target.value })} />
              </td>
              <td>
                <select className="input" data-testid={`receive-damaged-to-${l.lineNo}`} value={extraOf(l.id).to} onChange={(e) => setExtraOf(l.id, { to: e.target.value })}>
                  <option value="write_off">{t('po.writeOff')}</option>
                  {locations.map((loc) => (
                    <option key={loc.id} value={loc.id}>
                      {t('po.quarantineAt', { code: loc.code })}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input className="input" data-testid={`receive-reason-${l.lineNo}`} placeholder={t('po.reason.placeholder')} value={extraOf(l.id).reason} onChange={(e) => setExtraOf(l.id, { reason: e.target.value })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="po-receive-submit" disabled={busy || !locationId}>
          {t('po.receive')}
        </button>
      </div>
    </form>
  );
}
