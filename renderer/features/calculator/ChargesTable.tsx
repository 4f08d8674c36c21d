// What the shipment costs besides the goods: freight, insurance, broker, bank, duty or tax paid to
// a courier… each split over the lines by value, quantity, weight, volume, equally or by hand.
import type { ChargeKind } from '../../../main/common/api';
import { useT } from '../../i18n';
import { CellError, CellInput, CellSelect } from './cells';
import { CHARGE_KINDS } from '../../../main/common/api';
import { inCustomsValueByDefault } from '../../../main/common/calc/landed';
import { newCharge, SPLITS, type CalcErrors, type ChargeDraft, type LineDraft, type SplitChoice } from './model';

interface Props {
  charges: ChargeDraft[];
  lines: LineDraft[];
  onChange(charges: ChargeDraft[]): void;
  currencies: { value: string; label: string }[];
  defaultCurrency: string;
  errors: CalcErrors;
}

export function ChargesTable({ charges, lines, onChange, currencies, defaultCurrency, errors }: Props) {
  const t = useT();
  const set = (j: number, patch: Partial<ChargeDraft>) => onChange(charges.map((c, k) => (k === j ? { ...c, ...patch } : c)));
  const err = (c: ChargeDraft, f: string) => errors.at[`charge:${c.id}:${f}`];
  const kinds = CHARGE_KINDS.map((k) => ({ value: k, label: t(`calc.kind.${k}`) }));
  const splits = SPLITS.map((s) => ({ value: s, label: t(`calc.split.${s}`) }));

  return (
    <div className="calc-scroll">
      {charges.length ? (
        <table className="table calc-table calc-charges" data-testid="calc-charges">
          <thead>
            <tr>
              <th className="col-kind">{t('calc.col.kind')}</th>
              <th className="col-label">{t('calc.col.label')}</th>
              <th className="right col-price">{t('calc.col.amount')}</th>
              <th className="col-ccy">{t('calc.col.currency')}</th>
              <th className="col-split">{t('calc.col.split')}</th>
              <th className="col-customs" title={t('calc.col.inCustoms.hint')}>
                {t('calc.col.inCustoms')}
              </th>
              <th className="col-x" />
            </tr>
          </thead>
          <tbody>
            {charges.map((c, j) => {
              const p = `charge-${j}`;
              const manualSum = c.split === 'manual' ? lines.filter((l) => (c.manual[l.id] ?? '').trim() !== '').length : 0;
              return [
                <tr key={c.id} data-testid="calc-charge">
                  <td className="col-kind">
                    <CellSelect
                      name={`${p}-kind`}
                      label={t('calc.col.kind')}
                      value={c.kind}
                      options={kinds}
                      // a new kind brings its usual customs treatment (freight in, bank fees out)
                      onChange={(v) => set(j, { kind: v as ChargeKind, inCustomsValue: inCustomsValueByDefault(v as ChargeKind) })}
                      error={err(c, 'kind')}
                    />
                  </td>
                  <td className="col-label">
                    <CellInput name={`${p}-label`} label={t('calc.col.label')} placeholder={t(`calc.kind.${c.kind}`)} value={c.label} onChange={(v) => set(j, { label: v })} error={err(c, 'label')} />
                  </td>
                  <td className="col-price">
                    <CellInput name={`${p}-amount`} label={t('calc.col.amount')} num value={c.amount} onChange={(v) => set(j, { amount: v })} error={err(c, 'amount')} />
                  </td>
                  <td className="col-ccy">
                    <CellSelect name={`${p}-currency`} label={t('calc.col.currency')} value={c.currency} onChange={(v) => set(j, { currency: v })} options={currencies} error={err(c, 'currency')} />
                  </td>
                  <td className="col-split">
                    <CellSelect name={`${p}-split`} label={t('calc.col.split')} value={c.split} onChange={(v) => set(j, { split: v as SplitChoice })} options={splits} error={err(c, 'split')} />
                  </td>
                  <td className="col-customs">
                    <label className="check" title={t('calc.col.inCustoms.hint')}>
                      <input type="checkbox" data-testid={`${p}-customs`} checked={c.inCustomsValue} onChange={(e) => set(j, { inCustomsValue: e.target.checked })} />
                      <span className="small">{t('calc.inCustoms')}</span>
                    </label>
                    <CellError name={`${p}-customs`} message={err(c, 'inCustomsValue')} />
                  </td>
                  <td className="col-x">
                    <button type="button" className="icon-btn" data-testid={`${p}-remove`} aria-label={t('calc.removeCharge')} title={t('calc.removeCharge')} onClick={() => onChange(charges.filter((_, k) => k !== j))}>
                      ×
                    </button>
                  </td>
                </tr>,
                c.split === 'manual' ? (
                  <tr key={`${c.id}-manual`} className="manual-row" data-testid={`${p}-manual`}>
                    <td colSpan={7}>
                      <div className="manual-grid">
                        <span className="muted small">{t('calc.manual.title', { ccy: c.currency, n: manualSum, of: lines.length })}</span>
                        {lines.map((l, i) => (
                          <label key={l.id} className="manual-cell">
                            <span className="small truncate">
                              {i + 1}. {l.name || l.product?.sku || t('calc.line', { n: i + 1 })}
                            </span>
                            <CellInput
                              name={`${p}-manual-${i}`}
                              label={t('calc.manual.amount', { n: i + 1 })}
                              num
                              value={c.manual[l.id] ?? ''}
                              onChange={(v) => set(j, { manual: { ...c.manual, [l.id]: v } })}
                              error={errors.at[`charge:${c.id}:manual:${l.id}`]}
                            />
                          </label>
                        ))}
                      </div>
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted small calc-none">{t('calc.noCharges')}</p>
      )}
      <div className="calc-table-foot">
        <button type="button" className="btn btn-small" data-testid="add-charge" onClick={() => onChange([...charges, newCharge(charges.at(-1)?.currency ?? defaultCurrency, charges.length === 0 ? 'freight' : 'other')])}>
          + {t('calc.addCharge')}
        </button>
      </div>
    </div>
  );
}
