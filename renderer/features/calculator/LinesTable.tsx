// The goods: one row per line, typed like a spreadsheet (Enter goes down a column and adds a line
// at the bottom). Choosing a product fills its name, HS code, weight and volume.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CalcLineResult } from '../../../main/common/api';
import { fractionToPercent } from '../../../main/common/calc/pricing';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ProductPicker } from '../../components/ProductPicker';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { CellInput, CellSelect } from './cells';
import { fillFromProduct, newLine, type CalcErrors, type LineDraft } from './model';

interface Props {
  lines: LineDraft[];
  onChange(lines: LineDraft[]): void;
  currencies: { value: string; label: string }[];
  errors: CalcErrors;
  /** the result's line for each draft line id, for the duty rate the server used */
  results: Map<string, CalcLineResult>;
  hasProfile: boolean;
}

export function LinesTable({ lines, onChange, currencies, errors, results, hasProfile }: Props) {
  const t = useT();
  const toast = useToast();
  const table = useRef<HTMLTableElement>(null);
  const [focusNext, setFocusNext] = useState<{ row: number; col: string } | null>(null);
  const err = (l: LineDraft, f: string) => errors.at[`line:${l.id}:${f}`];

  useEffect(() => {
    if (!focusNext) return;
    table.current?.querySelector<HTMLElement>(`[data-row="${focusNext.row}"][data-col="${focusNext.col}"]`)?.focus();
    setFocusNext(null);
  }, [focusNext, lines.length]);

  const set = (i: number, patch: Partial<LineDraft>) => onChange(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const add = () => onChange([...lines, newLine(lines.at(-1)?.currency ?? currencies[0]?.value ?? 'USD')]);
  const remove = (i: number) => onChange(lines.length > 1 ? lines.filter((_, k) => k !== i) : [newLine(lines[0]!.currency)]);

  const pickProduct = async (i: number, id: string | null) => {
    const line = lines[i]!;
    if (!id) return set(i, { product: null });
    try {
      const d = await client.call('products.get', { id });
      // the line may have moved while the product was read: find it by id
      onChange(linesRef.current.map((l) => (l.id === line.id ? fillFromProduct(l, d.product) : l)));
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  };
  const linesRef = useRef(lines);
  linesRef.current = lines;

  /** Enter: the same column one line down; from the last line, a new line. */
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const el = e.target as HTMLElement;
    if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !el.dataset.col) return;
    e.preventDefault();
    const row = Number(el.dataset.row) + (e.shiftKey ? -1 : 1);
    if (row < 0) return;
    if (row >= lines.length) add();
    setFocusNext({ row, col: el.dataset.col });
  };

  const rateHint = (l: LineDraft) => {
    const r = results.get(l.id);
    if (!r || l.dutyPct.trim() !== '') return null;
    if (r.dutyRate === null) return hasProfile ? <span className="warn-text">{t('calc.rate.none')}</span> : null;
    return (
      <span data-testid="rate-source">
        {fractionToPercent(r.dutyRate)}% · {t(`calc.rate.${r.rateSource ?? 'line'}`)}
      </span>
    );
  };

  return (
    <div className="calc-scroll">
      <table className="table calc-table calc-lines" ref={table} data-testid="calc-lines">
        <thead>
          <tr>
            <th className="col-n">#</th>
            <th className="col-product">{t('calc.col.product')}</th>
            <th className="col-name">{t('calc.col.name')}</th>
            <th className="right col-qty">{t('calc.col.qty')}</th>
            <th className="right col-price">{t('calc.col.unitPrice')}</th>
            <th className="col-ccy">{t('calc.col.currency')}</th>
            <th className="col-hs">{t('calc.col.hs')}</th>
            <th className="right col-pct" title={t('calc.col.duty.hint')}>
              {t('calc.col.duty')}
            </th>
            <th className="right col-pct">{t('calc.col.excise')}</th>
            <th className="right col-kg">{t('calc.col.weight')}</th>
            <th className="right col-m3">{t('calc.col.volume')}</th>
            <th className="col-x" />
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {lines.map((l, i) => {
            const p = `line-${i}`;
            const cell = (col: string) => ({ 'data-row': i, 'data-col': col });
            return (
              <tr key={l.id} data-testid="calc-line" data-line={l.id}>
                <td className="muted col-n">{i + 1}</td>
                <td className="col-product">
                  <ProductPicker name={`${p}-product`} label={t('calc.col.product')} value={l.product} onChange={(v) => void pickProduct(i, v?.id ?? null)} error={err(l, 'product')} className="cell-picker" />
                </td>
                <td className="col-name">
                  <CellInput name={`${p}-name`} label={t('calc.col.name')} value={l.name} onChange={(v) => set(i, { name: v })} error={err(l, 'name')} {...cell('name')} />
                </td>
                <td className="col-qty">
                  <CellInput name={`${p}-quantity`} label={t('calc.col.qty')} num inputMode="numeric" value={l.quantity} onChange={(v) => set(i, { quantity: v })} error={err(l, 'quantity')} {...cell('quantity')} />
                </td>
                <td className="col-price">
                  <CellInput name={`${p}-unitPrice`} label={t('calc.col.unitPrice')} num value={l.unitPrice} onChange={(v) => set(i, { unitPrice: v })} error={err(l, 'unitPrice')} {...cell('unitPrice')} />
                </td>
                <td className="col-ccy">
                  <CellSelect name={`${p}-currency`} label={t('calc.col.currency')} value={l.currency} onChange={(v) => set(i, { currency: v })} options={currencies} error={err(l, 'currency')} />
                </td>
                <td className="col-hs">
                  <CellInput name={`${p}-hsCode`} label={t('calc.col.hs')} className="input cell-input mono" value={l.hsCode} onChange={(v) => set(i, { hsCode: v })} error={err(l, 'hsCode')} {...cell('hsCode')} />
                </td>
                <td className="col-pct">
                  <CellInput
                    name={`${p}-duty`}
                    label={t('calc.col.duty')}
                    num
                    value={l.dutyPct}
                    placeholder={results.get(l.id)?.dutyRate != null && l.dutyPct.trim() === '' ? fractionToPercent(results.get(l.id)!.dutyRate) : t('calc.auto')}
                    onChange={(v) => set(i, { dutyPct: v })}
                    error={err(l, 'duty')}
                    hint={rateHint(l)}
                    {...cell('duty')}
                  />
                </td>
                <td className="col-pct">
                  <CellInput name={`${p}-excise`} label={t('calc.col.excise')} num value={l.excisePct} onChange={(v) => set(i, { excisePct: v })} error={err(l, 'excise')} {...cell('excise')} />
                </td>
                <td className="col-kg">
                  <CellInput name={`${p}-weight`} label={t('calc.col.weight')} num value={l.weightKg} onChange={(v) => set(i, { weightKg: v })} error={err(l, 'weight')} {...cell('weight')} />
                </td>
                <td className="col-m3">
                  <CellInput name={`${p}-volume`} label={t('calc.col.volume')} num value={l.volumeM3} onChange={(v) => set(i, { volumeM3: v })} error={err(l, 'volume')} {...cell('volume')} />
                </td>
                <td className="col-x">
                  <button type="button" className="icon-btn" data-testid={`${p}-remove`} aria-label={t('calc.removeLine', { n: i + 1 })} title={t('calc.removeLine', { n: i + 1 })} onClick={() => remove(i)}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="calc-table-foot">
        <button type="button" className="btn btn-small" data-testid="add-line" onClick={add}>
          + {t('calc.addLine')}
        </button>
        <span className="muted small">{t('calc.linesHint')}</span>
      </div>
    </div>
  );
}
