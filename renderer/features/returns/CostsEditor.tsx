// What the return cost — return shipping, duty, fees, the refund — each in the currency it was
// paid in, added up per currency. Replaced as a whole on save; they may change until the return
// is closed.
import { useState, type FormEvent } from 'react';
import type { ReturnCost, ReturnDetail } from '../../../main/common/api';
import { formatMoney } from '../../../main/common/money';
import { client } from '../../api/client';
import { optionalText } from '../../api/input';
import { useBaseCurrency } from '../../app/settings';
import { FormError } from '../../components/Field';
import { Money } from '../../components/Numbers';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { PathError } from './PathError';
import { COST_KINDS, errorsByPath } from './util';

interface DraftCost {
  key: number;
  kind: ReturnCost['kind'];
  label: string;
  amount: string;
  currency: string;
}

let seq = 0;
const fromSaved = (c: ReturnCost): DraftCost => ({ key: ++seq, kind: c.kind, label: c.label ?? '', amount: formatMoney(c.amount, c.currency), currency: c.currency });

export function CostsEditor({ detail, readOnly }: { detail: ReturnDetail; readOnly: boolean }) {
  const t = useT();
  const toast = useToast();
  const base = useBaseCurrency();
  const [editing, setEditing] = useState<DraftCost[] | null>(null);
  const [errors, setErrors] = useState<ReturnType<typeof errorsByPath>>({ fields: {}, general: null });
  const [busy, setBusy] = useState(false);

  const start = () => {
    setErrors({ fields: {}, general: null });
    setEditing(detail.costs.length ? detail.costs.map(fromSaved) : [{ key: ++seq, kind: 'shipping', label: '', amount: '', currency: base }]);
  };
  const set = (i: number, patch: Partial<DraftCost>) => setEditing((cur) => (cur ?? []).map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !editing) return;
    setBusy(true);
    try {
      const costs = editing.map((c) => ({ kind: c.kind, label: optionalText(c.label), amount: c.amount.trim(), currency: c.currency.trim().toUpperCase() }));
      await client.call('returns.update', { id: detail.return.id, costs });
      toast(t('returns.costs.saved'));
      setEditing(null);
    } catch (x) {
      setErrors(errorsByPath(x));
    } finally {
      setBusy(false);
    }
  };

  const stray = Object.entries(errors.fields).filter(([f]) => !/^costs\.\d+\.(kind|label|amount|currency)$/.test(f));
  const general = errors.general ?? (stray.length ? stray.map(([, m]) => m).join('; ') : null);

  return (
    <section className="card" data-testid="return-costs">
      <h2 className="card-title">{t('returns.costs.title')}</h2>
      {editing ? (
        <form onSubmit={(e) => void save(e)} noValidate>
          <FormError message={general} />
          <table className="table compact rt-lines">
            <tbody>
              {editing.map((c, i) => {
                const p = `costs.${i}`;
                return (
                  <tr key={c.key} data-testid="return-cost-edit">
                    <td>
                      <select className="rt-input" data-testid={`${p}.kind`} aria-label={t('returns.costs.kind')} value={c.kind} onChange={(e) => set(i, { kind: e.target.value as DraftCost['kind'] })}>
                        {COST_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {t(`returns.costKind.${k}`)}
                          </option>
                        ))}
                      </select>
                      <input className="rt-input rt-wide" data-testid={`${p}.label`} aria-label={t('returns.costs.label')} placeholder={t('returns.costs.label')} maxLength={100} value={c.label} onChange={(e) => set(i, { label: e.target.value })} />
                    </td>
                    <td className="right">
                      <input className="rt-input rt-money" data-testid={`${p}.amount`} aria-label={t('returns.costs.amount')} aria-invalid={errors.fields[`${p}.amount`] ? true : undefined} inputMode="decimal" value={c.amount} onChange={(e) => set(i, { amount: e.target.value })} />
                      <PathError path={`${p}.amount`} errors={errors.fields} />
                    </td>
                    <td>
                      <input className="rt-input rt-ccy" data-testid={`${p}.currency`} aria-label={t('returns.costs.currency')} aria-invalid={errors.fields[`${p}.currency`] ? true : undefined} maxLength={3} value={c.currency} onChange={(e) => set(i, { currency: e.target.value })} />
                      <PathError path={`${p}.currency`} errors={errors.fields} />
                    </td>
                    <td>
                      <button type="button" className="btn btn-small btn-quiet" aria-label={t('common.remove')} onClick={() => setEditing(editing.filter((_, j) => j !== i))}>
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="rt-foot">
            <button type="button" className="btn btn-small" data-testid="return-cost-add" onClick={() => setEditing([...editing, { key: ++seq, kind: 'other', label: '', amount: '', currency: base }])}>
              + {t('returns.costs.add')}
            </button>
            <span className="spacer" />
            <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-small btn-primary" data-testid="return-costs-save" disabled={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {detail.costs.length === 0 ? (
            <p className="muted">{t('returns.costs.none')}</p>
          ) : (
            <table className="table compact">
              <tbody>
                {detail.costs.map((c) => (
                  <tr key={c.id} data-testid="return-cost">
                    <td>
                      {t(`returns.costKind.${c.kind}`)}
                      {c.label ? <span className="muted small"> · {c.label}</span> : null}
                    </td>
                    <td className="right">
                      <Money minor={c.amount} currency={c.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
              {detail.costTotals.length ? (
                <tfoot>
                  {detail.costTotals.map((tot) => (
                    <tr key={tot.currency} data-testid="return-cost-total" data-currency={tot.currency}>
                      <th>{t('returns.costs.total', { currency: tot.currency })}</th>
                      <td className="right strong">
                        <Money minor={tot.amount} currency={tot.currency} />
                      </td>
                    </tr>
                  ))}
                </tfoot>
              ) : null}
            </table>
          )}
          {readOnly ? null : (
            <div className="rt-foot">
              <button type="button" className="btn btn-small" data-testid="return-costs-edit" onClick={start}>
                {t('returns.costs.edit')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
