// Choosing goods receipts for a landed-cost document: searchable by receipt, order or supplier,
// newest first, each with its order, supplier, date, location, value and the landed-cost
// documents already on it.
import { useState } from 'react';
import { useBaseCurrency } from '../../app/settings';
import { errorMessage } from '../../api/errors';
import { useDebounced, useQuery } from '../../api/hooks';
import { FormError } from '../../components/Field';
import { Money } from '../../components/Numbers';
import { Panel, PanelFooter } from '../../components/Panel';
import { useT } from '../../i18n';

interface Props {
  title: string;
  submitLabel: string;
  /** receipts already chosen elsewhere (on the document): not offered again */
  exclude?: readonly string[];
  onSubmit(receiptIds: string[]): Promise<void>;
  onClose(): void;
}

export function ReceiptPicker({ title, submitLabel, exclude = [], onSubmit, onClose }: Props) {
  const t = useT();
  const base = useBaseCurrency();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  const choices = useQuery('landed.receiptChoices', { ...(q ? { q } : {}), limit: 100 });
  const rows = (choices.data ?? []).filter((r) => !exclude.includes(r.id));
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  const submit = async () => {
    if (busy) return;
    if (chosen.length === 0) return setError(t('landed.picker.chooseOne'));
    setBusy(true);
    setError(null);
    try {
      await onSubmit(chosen);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={title} onClose={onClose} wide testId="receipt-picker">
      <form
        className="panel-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="panel-body">
          <FormError message={error} />
          <div className="field">
            <label htmlFor="lc-receipt-search">{t('landed.picker.search')}</label>
            <input id="lc-receipt-search" data-testid="receipt-search" autoComplete="off" spellCheck={false} placeholder={t('landed.picker.placeholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          {choices.error ? <FormError message={choices.error.message} /> : null}
          {choices.data && rows.length === 0 ? (
            <p className="muted" data-testid="receipt-choices-empty">
              {t(q ? 'landed.picker.noMatch' : 'landed.picker.none')}
            </p>
          ) : (
            <table className="table compact lc-choices" data-testid="receipt-choices">
              <thead>
                <tr>
                  <th />
                  <th>{t('landed.col.receipt')}</th>
                  <th>{t('landed.col.orderSupplier')}</th>
                  <th>{t('landed.col.received')}</th>
                  <th>{t('landed.col.location')}</th>
                  <th className="right">{t('landed.col.value', { ccy: base })}</th>
                  <th>{t('landed.col.landedDocs')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-testid="receipt-choice" className="clickable" onClick={() => toggle(r.id)}>
                    <td>
                      <input type="checkbox" aria-label={r.number} data-testid="receipt-choice-check" checked={chosen.includes(r.id)} onChange={() => toggle(r.id)} onClick={(e) => e.stopPropagation()} />
                    </td>
                    <td className="mono nowrap">{r.number}</td>
                    <td>
                      <span className="mono nowrap">{r.poNumber}</span>
                      <div className="muted small truncate-cell">{r.supplierName}</div>
                    </td>
                    <td className="nowrap">{r.receivedAt.slice(0, 10)}</td>
                    <td className="mono">{r.locationCode}</td>
                    <td className="right nowrap">
                      <Money minor={r.valueBase} currency={base} />
                    </td>
                    <td className="mono small">{r.landedNumbers.length ? r.landedNumbers.join(', ') : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <PanelFooter
          busy={busy}
          submitLabel={chosen.length ? `${submitLabel} (${chosen.length})` : submitLabel}
          busyLabel={t('common.saving')}
          cancelLabel={t('common.cancel')}
          onCancel={onClose}
          extra={<span className="muted small">{t('landed.picker.hint')}</span>}
        />
      </form>
    </Panel>
  );
}
