// The answer: per line the goods, each charge, duty, excise, VAT, the landed total and unit cost;
// the totals; the engine's warnings; where the money goes (chart); and the selling price that
// earns a target margin or markup.
import type { CalcResult, ChargeKind } from '../../../main/common/api';
import { percentToFraction, priceForMargin, priceForMarkup } from '../../../main/common/calc/pricing';
import { LandedBreakdownChart, type BreakdownPart } from '../../charts';
import { Money } from '../../components/Numbers';
import { useT, type T } from '../../i18n';
import { nameLines, type Built, type LineDraft } from './model';

export type PriceMode = 'margin' | 'markup';

interface Props {
  result: CalcResult;
  built: Built;
  lines: LineDraft[];
  stale: boolean;
  priceMode: PriceMode;
  pricePct: string;
  onPriceMode(m: PriceMode): void;
  onPricePct(v: string): void;
  /** names of the profile's fees, by id */
  feeNames: Record<string, string>;
}

/** Goods / freight (+insurance) / duty / tax (excise + VAT not reclaimed) / fees and other. */
export function breakdown(result: CalcResult, kinds: Map<string, ChargeKind | undefined>, t: T): BreakdownPart[] {
  const sums = { freight: 0, duty: result.totals.duty, tax: result.totals.excise + result.totals.vat - result.totals.recoverableVat, other: 0 };
  for (const [id, amount] of Object.entries(result.chargeTotals)) {
    const kind = kinds.get(id);
    if (kind === 'freight' || kind === 'insurance') sums.freight += amount;
    else if (kind === 'duty') sums.duty += amount;
    else if (kind === 'tax') sums.tax += amount;
    else sums.other += amount;
  }
  return [
    { key: 'goods', label: t('calc.part.goods'), minor: result.totals.goods },
    { key: 'freight', label: t('calc.part.freight'), minor: sums.freight },
    { key: 'duty', label: t('calc.part.duty'), minor: sums.duty },
    { key: 'tax', label: t('calc.part.tax'), minor: sums.tax },
    { key: 'other', label: t('calc.part.other'), minor: sums.other },
  ];
}

export function Results({ result, built, lines, stale, priceMode, pricePct, onPriceMode, onPricePct, feeNames }: Props) {
  const t = useT();
  const ccy = result.currency;
  const charges = built.input.charges ?? [];
  const kinds = new Map<string, ChargeKind | undefined>(charges.map((c) => [c.id, c.kind]));
  const chargeCols = Object.keys(result.chargeTotals).map((id) => {
    const c = charges.find((x) => x.id === id);
    return { id, label: c ? c.label || t(`calc.kind.${c.kind ?? 'other'}`) : (feeNames[id] ?? id) };
  });
  const showExcise = result.totals.excise > 0;
  const draftOf = new Map(lines.map((l, i) => [l.id, { l, i }]));

  const fraction = percentToFraction(pricePct);
  let priceError: string | null = null;
  const prices = result.lines.map((l) => {
    if (fraction === null) return null;
    try {
      return (priceMode === 'margin' ? priceForMargin : priceForMarkup)(l.landedTotal, fraction, l.quantity);
    } catch (e) {
      priceError = (e as Error).message;
      return null;
    }
  });
  const showPrice = fraction !== null && !priceError;

  return (
    <section className={`card calc-results${stale ? ' stale' : ''}`} data-testid="calc-results" aria-busy={stale}>
      <h2 className="card-title">
        {t('calc.results', { ccy })}
        {result.profile ? <span className="tag">{t('calc.results.profile', { code: result.profile.code, from: result.profile.validFrom })}</span> : <span className="tag">{t('calc.results.noCustoms')}</span>}
        {result.lowValue ? (
          <span className="tag warn" data-testid="calc-low-value">
            {t('calc.lowValue')}
          </span>
        ) : null}
      </h2>
      <div className="calc-scroll">
        <table className="table compact calc-result-table" data-testid="calc-result-table">
          <thead>
            <tr>
              <th>{t('calc.col.line')}</th>
              <th className="right">{t('calc.col.qty')}</th>
              <th className="right">{t('calc.col.goods')}</th>
              {chargeCols.map((c) => (
                <th key={c.id} className="right">
                  {c.label}
                </th>
              ))}
              <th className="right">{t('calc.col.dutyAmount')}</th>
              {showExcise ? <th className="right">{t('calc.col.exciseAmount')}</th> : null}
              <th className="right">{t('calc.col.vat')}</th>
              <th className="right">{t('calc.col.landed')}</th>
              <th className="right">{t('calc.col.unitCost')}</th>
              {showPrice ? <th className="right price-col">{t(priceMode === 'margin' ? 'calc.col.priceMargin' : 'calc.col.priceMarkup', { pct: pricePct.trim() })}</th> : null}
            </tr>
          </thead>
          <tbody>
            {result.lines.map((l, k) => {
              const d = draftOf.get(l.id);
              const p = `result-line-${d?.i ?? k}`;
              const price = prices[k];
              return (
                <tr key={l.id} data-testid="result-line" data-line={l.id}>
                  <td className="truncate-cell">
                    <span className="muted">{(d?.i ?? k) + 1}.</span> {d?.l.name || d?.l.product?.sku || t('calc.line', { n: (d?.i ?? k) + 1 })}
                  </td>
                  <td className="right num">{l.quantity}</td>
                  <td className="right">
                    <Money minor={l.goods} currency={ccy} testId={`${p}-goods`} />
                  </td>
                  {chargeCols.map((c) => (
                    <td key={c.id} className="right">
                      <Money minor={l.charges[c.id] ?? 0} currency={ccy} />
                    </td>
                  ))}
                  <td className="right">
                    <Money minor={l.duty} currency={ccy} testId={`${p}-duty`} />
                  </td>
                  {showExcise ? (
                    <td className="right">
                      <Money minor={l.excise} currency={ccy} testId={`${p}-excise`} />
                    </td>
                  ) : null}
                  <td className={`right${result.totals.recoverableVat ? ' dim-cell' : ''}`}>
                    <Money minor={l.vat} currency={ccy} testId={`${p}-vat`} />
                  </td>
                  <td className="right strong">
                    <Money minor={l.landedTotal} currency={ccy} testId={`${p}-landed`} />
                  </td>
                  <td className="right">
                    <Money minor={l.landedUnitCost} currency={ccy} testId={`${p}-unit`} />
                  </td>
                  {showPrice ? (
                    <td className="right strong price-col">{price === null || price === undefined ? '—' : <Money minor={price} currency={ccy} testId={`${p}-price`} />}</td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <td>{t('calc.totals')}</td>
              <td />
              <td className="right">
                <Money minor={result.totals.goods} currency={ccy} testId="total-goods" />
              </td>
              {chargeCols.map((c) => (
                <td key={c.id} className="right">
                  <Money minor={result.chargeTotals[c.id] ?? 0} currency={ccy} testId={`total-charge-${c.id}`} />
                </td>
              ))}
              <td className="right">
                <Money minor={result.totals.duty} currency={ccy} testId="total-duty" />
              </td>
              {showExcise ? (
                <td className="right">
                  <Money minor={result.totals.excise} currency={ccy} testId="total-excise" />
                </td>
              ) : null}
              <td className="right">
                <Money minor={result.totals.vat} currency={ccy} testId="total-vat" />
              </td>
              <td className="right">
                <Money minor={result.totals.landedTotal} currency={ccy} testId="total-landed" />
              </td>
              <td />
              {showPrice ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </div>
      {result.totals.recoverableVat ? (
        <p className="small muted calc-note" data-testid="calc-recoverable">
          {t('calc.recoverable')} <Money minor={result.totals.recoverableVat} currency={ccy} />
        </p>
      ) : null}
      {result.warnings.length ? (
        <ul className="calc-warnings" data-testid="calc-warnings">
          {result.warnings.map((w) => (
            <li key={w}>{nameLines(w, lines)}</li>
          ))}
        </ul>
      ) : null}
      <div className="calc-results-foot">
        <div className="calc-price">
          <h3 className="card-subtitle">{t('calc.price.title')}</h3>
          <div className="segmented" role="group" aria-label={t('calc.price.title')}>
            <button type="button" className={priceMode === 'margin' ? 'on' : ''} data-testid="price-mode-margin" aria-pressed={priceMode === 'margin'} onClick={() => onPriceMode('margin')}>
              {t('calc.price.margin')}
            </button>
            <button type="button" className={priceMode === 'markup' ? 'on' : ''} data-testid="price-mode-markup" aria-pressed={priceMode === 'markup'} onClick={() => onPriceMode('markup')}>
              {t('calc.price.markup')}
            </button>
          </div>
          <div className={`field price-field${priceError ? ' has-error' : ''}`}>
            <label htmlFor="f-price-pct">{t(priceMode === 'margin' ? 'calc.price.marginPct' : 'calc.price.markupPct')}</label>
            <div className="pct-input">
              <input id="f-price-pct" data-testid="price-pct" inputMode="decimal" autoComplete="off" placeholder="30" value={pricePct} aria-invalid={priceError ? true : undefined} onChange={(e) => onPricePct(e.target.value)} />
              <span>%</span>
            </div>
            {priceError ? (
              <div className="field-error" data-testid="error-price-pct" role="alert">
                {priceError}
              </div>
            ) : (
              <div className="field-hint">{t(priceMode === 'margin' ? 'calc.price.marginHint' : 'calc.price.markupHint')}</div>
            )}
          </div>
        </div>
        <div className="calc-chart">
          <h3 className="card-subtitle">{t('calc.chart.title')}</h3>
          <LandedBreakdownChart parts={breakdown(result, kinds, t)} currency={ccy} />
        </div>
      </div>
    </section>
  );
}
