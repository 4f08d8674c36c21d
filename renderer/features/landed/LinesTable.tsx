// The document's lines: what came in on its receipts, the duty and excise rate of each (typed on
// a draft, else from the product or the profile's tariff), and what the engine made of them.
import type { LandedDocDetail, LandedDocLine } from '../../../main/common/api';
import { formatAmount, formatQty } from '../../../main/common/format';
import { ErrorText } from '../../components/Field';
import { useT } from '../../i18n';
import type { LineRates } from './draft';
import { fractionToPercent } from './util';

interface Props {
  doc: LandedDocDetail;
  /** set on a draft: the typed rates and their setter (an inherited rate is the placeholder) */
  rates?: Record<string, LineRates>;
  onRate?(lineId: string, patch: Partial<LineRates>): void;
  /** no customs rules: duty and excise are not computed (they are entered as charges) */
  noCustoms: boolean;
  errorAt(field: string): string | undefined;
  /** errors of line i that belong to no column */
  rowErrors(i: number): string[];
}

const sumCharges = (l: LandedDocLine) => Object.values(l.result?.charges ?? {}).reduce((a, b) => a + b, 0);

export function LinesTable({ doc, rates, onRate, noCustoms, errorAt, rowErrors }: Props) {
  const t = useT();
  const ccy = doc.currency;
  const editing = !!rates && !!onRate;
  const posted = doc.status === 'posted';
  const r = doc.result;
  const amount = (minor: number | null | undefined, testId?: string) =>
    minor === null || minor === undefined ? (
      <span className="muted" data-testid={testId}>
        —
      </span>
    ) : (
      <span className={`num${minor < 0 ? ' neg' : ''}`} data-testid={testId}>
        {formatAmount(minor, ccy)}
      </span>
    );
  const source = (l: LandedDocLine) => (l.rateSource ? t(`landed.rateSource.${l.rateSource}`) : noCustoms ? '' : t('landed.rateSource.none'));
  const cols = 13 + (posted ? 2 : 0);
  const totalCapitalised = doc.lines.reduce((a, l) => a + (l.capitalised ?? 0), 0);
  const totalExpensed = doc.lines.reduce((a, l) => a + (l.expensed ?? 0), 0);

  return (
    <table className="table compact lc-lines" data-testid="landed-lines">
      <thead>
        <tr>
          <th>{t('landed.col.item')}</th>
          <th>{t('landed.col.receipt')}</th>
          <th className="right">{t('landed.col.qty')}</th>
          <th>{t('landed.col.hs')}</th>
          <th className="right">{t('landed.col.dutyRate')}</th>
          <th className="right">{t('landed.col.exciseRate')}</th>
          <th className="right">{t('landed.col.goods')}</th>
          <th className="right">{t('landed.col.charges')}</th>
          <th className="right">{t('landed.col.duty')}</th>
          <th className="right">{t('landed.col.excise')}</th>
          <th className="right">{t('landed.col.vat')}</th>
          <th className="right">{t('landed.col.landedTotal')}</th>
          <th className="right">{t('landed.col.unitCost')}</th>
          {posted ? (
            <>
              <th className="right">{t('landed.col.capitalised')}</th>
              <th className="right">{t('landed.col.expensed')}</th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {doc.lines.map((l, i) => {
          const lr = l.result;
          const typed = rates?.[l.receiptLineId] ?? { duty: '', excise: '' };
          const extra = rowErrors(i);
          return [
            <tr key={l.receiptLineId} data-testid="landed-line" data-sku={l.sku}>
              <td>
                <span className="cell-name">
                  <a className="mono" href={`#/products/${encodeURIComponent(l.productId)}`}>
                    {l.sku}
                  </a>
                  <span className="truncate lc-name" title={l.name}>
                    {l.name}
                  </span>
                </span>
              </td>
              <td className="nowrap">
                <span className="mono small">{l.receiptNumber}</span> <span className="muted small">{l.locationCode}</span>
              </td>
              <td className="right num">{formatQty(l.quantity)}</td>
              <td className="mono small">{l.hsCode ?? <span className="muted">—</span>}</td>
              <td className="right lc-rate-cell">
                {editing ? (
                  <RateInput
                    name={`lines.${i}.dutyRate`}
                    testId="line-duty"
                    value={typed.duty}
                    placeholder={l.typed.dutyRate === null ? fractionToPercent(l.dutyRate) : ''}
                    disabled={noCustoms}
                    title={noCustoms ? t('landed.noCustomsRates') : undefined}
                    onChange={(v) => onRate!(l.receiptLineId, { duty: v })}
                    error={errorAt(`lines.${i}.dutyRate`)}
                    note={noCustoms ? '' : source(l)}
                  />
                ) : (
                  <span className="num">{l.dutyRate === null ? '—' : `${fractionToPercent(l.dutyRate)}%`}</span>
                )}
              </td>
              <td className="right lc-rate-cell">
                {editing ? (
                  <RateInput
                    name={`lines.${i}.exciseRate`}
                    testId="line-excise"
                    value={typed.excise}
                    placeholder={l.typed.exciseRate === null ? fractionToPercent(l.exciseRate) : ''}
                    disabled={noCustoms}
                    title={noCustoms ? t('landed.noCustomsRates') : undefined}
                    onChange={(v) => onRate!(l.receiptLineId, { excise: v })}
                    error={errorAt(`lines.${i}.exciseRate`)}
                    note=""
                  />
                ) : (
                  <span className="num">{l.exciseRate === null ? '—' : `${fractionToPercent(l.exciseRate)}%`}</span>
                )}
              </td>
              <td className="right">{amount(lr?.goods)}</td>
              <td className="right">{amount(lr ? sumCharges(l) : null)}</td>
              <td className="right">{amount(lr?.duty)}</td>
              <td className="right">{amount(lr?.excise)}</td>
              <td className="right">{amount(lr?.vat)}</td>
              <td className="right strong">{amount(lr?.landedTotal, 'line-landed-total')}</td>
              <td className="right">{amount(lr?.landedUnitCost, 'line-unit-cost')}</td>
              {posted ? (
                <>
                  <td className="right">{amount(l.capitalised, 'line-capitalised')}</td>
                  <td className="right">{amount(l.expensed, 'line-expensed')}</td>
                </>
              ) : null}
            </tr>,
            extra.length ? (
              <tr key={`${l.receiptLineId}-errors`} className="lc-subrow">
                <td colSpan={cols}>
                  {extra.map((m, k) => (
                    <ErrorText key={k} name={`lines.${i}`} message={m} />
                  ))}
                </td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
      {r ? (
        <tfoot>
          <tr data-testid="landed-totals">
            <td colSpan={6}>{t('landed.totals', { ccy })}</td>
            <td className="right">{amount(r.totals.goods)}</td>
            <td className="right">{amount(r.totals.charges)}</td>
            <td className="right">{amount(r.totals.duty)}</td>
            <td className="right">{amount(r.totals.excise)}</td>
            <td className="right">{amount(r.totals.vat)}</td>
            <td className="right">{amount(r.totals.landedTotal, 'total-landed')}</td>
            <td />
            {posted ? (
              <>
                <td className="right">{amount(totalCapitalised)}</td>
                <td className="right">{amount(totalExpensed)}</td>
              </>
            ) : null}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function RateInput(p: { name: string; testId: string; value: string; placeholder: string; disabled: boolean; title: string | undefined; onChange(v: string): void; error: string | undefined; note: string }) {
  const t = useT();
  return (
    <div className={`lc-rate${p.error ? ' has-error' : ''}`}>
      <span className="lc-pct">
        <input
          name={p.name}
          data-testid={p.testId}
          aria-label={p.name}
          aria-invalid={p.error ? true : undefined}
          inputMode="decimal"
          autoComplete="off"
          value={p.value}
          placeholder={p.placeholder}
          disabled={p.disabled}
          title={p.title}
          onChange={(e) => p.onChange(e.target.value)}
        />
        %
      </span>
      {p.error ? <ErrorText name={p.name} message={p.error === 'percent' ? t('landed.error.percent') : p.error} /> : p.note ? <span className="lc-note">{p.note}</span> : null}
    </div>
  );
}
