// The lines of a return being written: product, quantity, reason (with a note) and, when known,
// the unit cost in the base currency (left empty: what it left with, else the average). Errors
// show under the input they name ("lines.2.qty").
import type { ReturnReason } from '../../../main/common/api';
import { useBaseCurrency } from '../../app/settings';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useT } from '../../i18n';
import { PathError } from './PathError';
import { REASONS } from './util';

export interface DraftLine {
  key: number;
  product: PickedProduct | null;
  qty: string;
  reason: ReturnReason;
  reasonNote: string;
  unitCost: string;
}

let seq = 0;
export const newLine = (): DraftLine => ({ key: ++seq, product: null, qty: '1', reason: 'damaged', reasonNote: '', unitCost: '' });

export function LinesEditor({ lines, onChange, errors }: { lines: DraftLine[]; onChange(lines: DraftLine[]): void; errors: Record<string, string> }) {
  const t = useT();
  const base = useBaseCurrency();
  const set = (i: number, patch: Partial<DraftLine>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <div data-testid="return-lines-editor">
      <table className="table compact rt-lines">
        <thead>
          <tr>
            <th>{t('returns.lines.product')}</th>
            <th className="right">{t('returns.lines.qty')}</th>
            <th>{t('returns.lines.reason')}</th>
            <th className="right">{t('returns.lines.unitCost', { currency: base })}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const p = `lines.${i}`;
            return (
              <tr key={l.key} data-testid="return-form-line">
                <td>
                  <ProductPicker name={`${p}.productId`} label="" value={l.product} onChange={(product) => set(i, { product })} error={errors[`${p}.productId`]} />
                </td>
                <td className="right">
                  <input
                    className="rt-input rt-qty"
                    data-testid={`${p}.qty`}
                    aria-label={t('returns.lines.qty')}
                    aria-invalid={errors[`${p}.qty`] ? true : undefined}
                    inputMode="numeric"
                    value={l.qty}
                    onChange={(e) => set(i, { qty: e.target.value })}
                  />
                  <PathError path={`${p}.qty`} errors={errors} />
                </td>
                <td>
                  <select className="rt-input" data-testid={`${p}.reason`} aria-label={t('returns.lines.reason')} value={l.reason} onChange={(e) => set(i, { reason: e.target.value as ReturnReason })}>
                    {REASONS.map((r) => (
                      <option key={r} value={r}>
                        {t(`returns.reason.${r}`)}
                      </option>
                    ))}
                  </select>
                  <input
                    className="rt-input rt-wide"
                    data-testid={`${p}.reasonNote`}
                    aria-label={t('returns.lines.reasonNote')}
                    placeholder={t('returns.lines.reasonNote')}
                    maxLength={200}
                    value={l.reasonNote}
                    onChange={(e) => set(i, { reasonNote: e.target.value })}
                  />
                  <PathError path={`${p}.reason`} errors={errors} />
                </td>
                <td className="right">
                  <input
                    className="rt-input rt-money"
                    data-testid={`${p}.unitCost`}
                    aria-label={t('returns.lines.unitCost', { currency: base })}
                    aria-invalid={errors[`${p}.unitCost`] ? true : undefined}
                    inputMode="decimal"
                    placeholder={t('returns.lines.unitCostAuto')}
                    value={l.unitCost}
                    onChange={(e) => set(i, { unitCost: e.target.value })}
                  />
                  <PathError path={`${p}.unitCost`} errors={errors} />
                </td>
                <td>
                  {lines.length > 1 ? (
                    <button type="button" className="btn btn-small btn-quiet" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                      {t('common.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="rt-foot">
        <button type="button" className="btn btn-small" data-testid="return-add-line" onClick={() => onChange([...lines, newLine()])}>
          + {t('returns.lines.add')}
        </button>
      </div>
    </div>
  );
}
