// Figures as the merchant reads them: right-aligned, grouped, with the currency code beside money.
import { formatAmount, formatAvgCost, formatQty, formatSignedQty } from '../../main/common/format';

export function Money({ minor, currency, testId }: { minor: number; currency: string; testId?: string }) {
  return (
    <span className={`num${minor < 0 ? ' neg' : ''}`} data-testid={testId}>
      {formatAmount(minor, currency)}
      <span className="ccy">{currency}</span>
    </span>
  );
}

export function AvgCost({ avgCostE4, currency }: { avgCostE4: number; currency: string }) {
  return (
    <span className="num">
      {formatAvgCost(avgCostE4, currency)}
      <span className="ccy">{currency}</span>
    </span>
  );
}

export function Qty({ n, signed = false, testId }: { n: number; signed?: boolean; testId?: string }) {
  const cls = signed ? (n > 0 ? ' pos' : n < 0 ? ' neg' : '') : n < 0 ? ' neg' : '';
  return (
    <span className={`num${cls}`} data-testid={testId}>
      {signed ? formatSignedQty(n) : formatQty(n)}
    </span>
  );
}
