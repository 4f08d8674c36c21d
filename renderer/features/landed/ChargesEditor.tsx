// The charges of a document: freight, insurance, brokerage, bank fees, duty and taxes paid as
// bills. Each in its own currency at a rate (typed, or the dated table on the document's date),
// split over the lines by value, quantity, weight, volume, equally or by hand.
import type { ReactNode } from 'react';
import type { ChargeKind, LandedCharge, LandedDocDetail, SplitMethod, Supplier } from '../../../main/common/api';
import { currencyList } from '../../../main/common/money';
import { formatAmount } from '../../../main/common/format';
import { ErrorText } from '../../components/Field';
import { Money } from '../../components/Numbers';
import { isMessageKey, useT } from '../../i18n';
import { CHARGE_KINDS } from '../../../main/common/api';
import { inCustomsValueByDefault } from '../../../main/common/calc/landed';
import { SPLITS, type ChargeDraft } from './draft';
import { sumTyped, typedMinor } from './util';

const CURRENCIES = currencyList()
  .map((c) => c.code)
  .sort();

/** "1 USD = 0.79 GBP · 2026-11-20 · ecb": the rate a charge was stored with (it wraps only between its parts). */
export function StoredRate({ charge: c, base }: { charge: Pick<LandedCharge, 'currency' | 'fxRate' | 'fxDay' | 'fxSource'>; base: string }) {
  const t = useT();
  const key = `rates.source.${c.fxSource}`;
  const source = c.fxSource === 'entered' ? t('landed.fx.entered') : isMessageKey(key) ? t(key) : c.fxSource;
  return (
    <>
      <span className="nowrap">
        1 {c.currency} = {c.fxRate} {base}
      </span>{' '}
      · <span className="nowrap">{c.fxDay}</span> · <span className="nowrap">{source}</span>
    </>
  );
}

interface EditorProps {
  doc: LandedDocDetail;
  charges: ChargeDraft[];
  suppliers: Supplier[];
  onChange(i: number, patch: Partial<ChargeDraft>): void;
  onRemove(i: number): void;
  errorAt(field: string): string | undefined;
  rowErrors(i: number): string[];
}

export function ChargesEditor({ doc, charges, suppliers, onChange, onRemove, errorAt, rowErrors }: EditorProps) {
  const t = useT();
  const base = doc.currency;
  return (
    <table className="table compact lc-charges" data-testid="landed-charges">
      <thead>
        <tr>
          <th>{t('landed.charge.kind')}</th>
          <th>{t('landed.charge.label')}</th>
          <th className="right">{t('landed.charge.amount')}</th>
          <th>{t('landed.charge.currency')}</th>
          <th>{t('landed.charge.rate', { base })}</th>
          <th>{t('landed.charge.split')}</th>
          <th className="lc-wrap-head" title={t('landed.charge.inCustomsValue.hint')}>
            {t('landed.charge.inCustomsValue')}
          </th>
          <th>{t('landed.charge.supplier')}</th>
          <th>{t('landed.charge.reference')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {charges.map((c, i) => {
          const f = (name: string) => `charges.${i}.${name}`;
          const cell = (name: string, control: ReactNode, extra?: ReactNode) => (
            <div className={`lc-cell${errorAt(f(name)) ? ' has-error' : ''}`}>
              {control}
              {errorAt(f(name)) ? <ErrorText name={f(name)} message={errorAt(f(name))!} /> : extra}
            </div>
          );
          const saved = c.saved && c.saved.currency === c.currency ? c.saved : null;
          const inBase = c.saved && doc.result ? doc.result.chargeTotals[c.saved.id] : undefined;
          const stray = rowErrors(i);
          return [
            <tr key={c.key} data-testid="charge-row">
              <td>
                {cell(
                  'kind',
                  <select
                    data-testid="charge-kind"
                    aria-label={t('landed.charge.kind')}
                    value={c.kind}
                    onChange={(e) => {
                      const kind = e.target.value as ChargeKind;
                      onChange(i, { kind, inCustomsValue: inCustomsValueByDefault(kind) });
                    }}
                  >
                    {CHARGE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`landed.kind.${k}`)}
                      </option>
                    ))}
                  </select>,
                )}
              </td>
              <td>{cell('label', <input data-testid="charge-label" aria-label={t('landed.charge.label')} className="lc-w-label" autoComplete="off" placeholder={t(`landed.kind.${c.kind}`)} value={c.label} onChange={(e) => onChange(i, { label: e.target.value })} />)}</td>
              <td className="right">
                {cell(
                  'amount',
                  <input data-testid="charge-amount" aria-label={t('landed.charge.amount')} className="lc-w-amount lc-num" inputMode="decimal" autoComplete="off" placeholder="0.00" value={c.amount} onChange={(e) => onChange(i, { amount: e.target.value })} />,
                  inBase !== undefined && c.currency !== base ? (
                    <span className="lc-note" data-testid="charge-in-base">
                      = {formatAmount(inBase, base)} {base}
                    </span>
                  ) : null,
                )}
              </td>
              <td>
                {cell(
                  'currency',
                  <select data-testid="charge-currency" aria-label={t('landed.charge.currency')} value={c.currency} onChange={(e) => onChange(i, { currency: e.target.value, fxRate: '' })}>
                    {CURRENCIES.map((code) => (
                      <option key={code} value={code}>
                        {code}
                      </option>
                    ))}
                  </select>,
                )}
              </td>
              <td>
                {c.currency === base ? (
                  <span className="muted small">{t('landed.fx.same')}</span>
                ) : (
                  cell(
                    'fxRate',
                    <input
                      data-testid="charge-fxrate"
                      aria-label={t('landed.charge.rate', { base })}
                      className="lc-w-rate lc-num"
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder={saved && saved.fxSource !== 'entered' ? saved.fxRate : t('landed.fx.table')}
                      value={c.fxRate}
                      onChange={(e) => onChange(i, { fxRate: e.target.value })}
                    />,
                    saved ? (
                      <span className="lc-note" data-testid="charge-fx-stored">
                        <StoredRate charge={saved} base={base} />
                      </span>
                    ) : (
                      <span className="lc-note">{t('landed.fx.tableHint')}</span>
                    ),
                  )
                )}
              </td>
              <td>
                {cell(
                  'split',
                  <select data-testid="charge-split" aria-label={t('landed.charge.split')} value={c.split} onChange={(e) => onChange(i, { split: e.target.value as SplitMethod | 'manual' })}>
                    {SPLITS.map((s) => (
                      <option key={s} value={s}>
                        {t(`landed.split.${s}`)}
                      </option>
                    ))}
                  </select>,
                )}
              </td>
              <td className="lc-center">
                <input type="checkbox" data-testid="charge-customs" aria-label={t('landed.charge.inCustomsValue')} title={t('landed.charge.inCustomsValue.hint')} checked={c.inCustomsValue} onChange={(e) => onChange(i, { inCustomsValue: e.target.checked })} />
              </td>
              <td>
                {cell(
                  'supplierId',
                  <select data-testid="charge-supplier" aria-label={t('landed.charge.supplier')} className="lc-w-supplier" value={c.supplierId} onChange={(e) => onChange(i, { supplierId: e.target.value })}>
                    <option value="">—</option>
                    {suppliers.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                    {c.supplierId && !suppliers.some((s) => s.id === c.supplierId) ? <option value={c.supplierId}>{c.saved?.supplierName ?? c.supplierId}</option> : null}
                  </select>,
                )}
              </td>
              <td>{cell('reference', <input data-testid="charge-reference" aria-label={t('landed.charge.reference')} className="lc-w-ref" autoComplete="off" placeholder={t('landed.charge.reference.placeholder')} value={c.reference} onChange={(e) => onChange(i, { reference: e.target.value })} />)}</td>
              <td className="right">
                <button type="button" className="icon-btn" data-testid="charge-remove" aria-label={t('landed.charge.remove')} title={t('landed.charge.remove')} onClick={() => onRemove(i)}>
                  ×
                </button>
              </td>
            </tr>,
            c.split === 'manual' || stray.length ? (
              <tr key={`${c.key}-more`} className="lc-subrow">
                <td colSpan={10}>
                  {c.split === 'manual' ? <ManualShares doc={doc} charge={c} index={i} onChange={(manual) => onChange(i, { manual })} errorAt={errorAt} /> : null}
                  {stray.map((m, k) => (
                    <ErrorText key={k} name={`charges.${i}`} message={m} />
                  ))}
                </td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
    </table>
  );
}

/** A manual split: an amount per line, in the charge's currency, that must add up to the charge. */
function ManualShares({ doc, charge, index, onChange, errorAt }: { doc: LandedDocDetail; charge: ChargeDraft; index: number; onChange(m: Record<string, string>): void; errorAt(f: string): string | undefined }) {
  const t = useT();
  const sum = sumTyped(
    doc.lines.map((l) => charge.manual[l.receiptLineId] ?? ''),
    charge.currency,
  );
  const target = typedMinor(charge.amount, charge.currency);
  const off = sum && target !== null && sum.minor !== target;
  const err = errorAt(`charges.${index}.manual`) ?? errorAt(`charges.${index}.split.manual`);
  return (
    <div className="lc-manual" data-testid="charge-manual">
      <span className="muted small">{t('landed.split.manualHint', { ccy: charge.currency })}</span>
      {doc.lines.map((l) => (
        <label key={l.receiptLineId} className="lc-manual-line">
          <span className="mono small">{l.sku}</span>
          <span className="muted small">{l.receiptNumber}</span>
          <input
            data-testid="charge-manual-amount"
            className="lc-w-amount lc-num"
            inputMode="decimal"
            autoComplete="off"
            value={charge.manual[l.receiptLineId] ?? ''}
            onChange={(e) => onChange({ ...charge.manual, [l.receiptLineId]: e.target.value })}
          />
        </label>
      ))}
      {sum ? (
        <span className={`small${off ? ' lc-off' : ' muted'}`} data-testid="charge-manual-sum">
          {t('landed.split.manualSum', { sum: formatAmount(Number(sum.minor), charge.currency), amount: target === null ? '—' : formatAmount(Number(target), charge.currency), ccy: charge.currency })}
        </span>
      ) : null}
      {err ? <ErrorText name={`charges.${index}.manual`} message={err} /> : null}
    </div>
  );
}

/** A posted (or cancelled) document's charges, read only. */
export function ChargesView({ doc }: { doc: LandedDocDetail }) {
  const t = useT();
  const base = doc.currency;
  if (doc.charges.length === 0) return <p className="muted lc-pad">{doc.reversesNumber ? t('landed.charges.ofOriginal', { number: doc.reversesNumber }) : t('landed.charges.none')}</p>;
  return (
    <table className="table compact lc-charges" data-testid="landed-charges">
      <thead>
        <tr>
          <th>{t('landed.charge.kind')}</th>
          <th>{t('landed.charge.label')}</th>
          <th className="right">{t('landed.charge.amount')}</th>
          <th>{t('landed.charge.rate', { base })}</th>
          <th>{t('landed.charge.split')}</th>
          <th>{t('landed.charge.inCustomsValue')}</th>
          <th>{t('landed.charge.supplier')}</th>
          <th>{t('landed.charge.reference')}</th>
          <th className="right">{t('landed.charge.inBase', { base })}</th>
        </tr>
      </thead>
      <tbody>
        {doc.charges.map((c) => {
          const inBase = doc.result?.chargeTotals[c.id];
          return (
            <tr key={c.id} data-testid="charge-row">
              <td>{t(`landed.kind.${c.kind}`)}</td>
              <td>{c.label ?? <span className="muted">—</span>}</td>
              <td className="right">
                <Money minor={c.amount} currency={c.currency} />
              </td>
              <td className="small">{c.currency === base ? <span className="muted">{t('landed.fx.same')}</span> : <StoredRate charge={c} base={base} />}</td>
              <td>{t(`landed.split.${c.split}`)}</td>
              <td>{c.inCustomsValue ? t('landed.yes') : t('landed.no')}</td>
              <td>{c.supplierName ?? <span className="muted">—</span>}</td>
              <td className="mono small">{c.reference ?? ''}</td>
              <td className="right">{inBase === undefined ? <span className="muted">—</span> : <Money minor={inBase} currency={base} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
