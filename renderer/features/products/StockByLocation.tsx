import type { BalanceRow } from '../../../main/common/api';
import { paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { AvgCost, Money, Qty } from '../../components/Numbers';
import { useT } from '../../i18n';

export function StockByLocation({ balances, hasVariants = false }: { balances: BalanceRow[]; hasVariants?: boolean }) {
  const t = useT();
  const ccy = useBaseCurrency();
  const rows = balances.filter((b) => b.onHand !== 0 || b.reserved !== 0 || b.value !== 0);
  if (rows.length === 0) return <div className="muted list-empty">{t(hasVariants ? 'product.stock.onVariants' : 'product.stock.empty')}</div>;
  const sum = rows.reduce((a, b) => ({ onHand: a.onHand + b.onHand, reserved: a.reserved + b.reserved, available: a.available + b.available, value: a.value + b.value }), { onHand: 0, reserved: 0, available: 0, value: 0 });
  return (
    <table className="table" data-testid="product-balances">
      <thead>
        <tr>
          <th>{t('stock.col.location')}</th>
          <th className="right">{t('stock.col.onHand')}</th>
          <th className="right">{t('stock.col.reserved')}</th>
          <th className="right">{t('stock.col.available')}</th>
          <th className="right">{t('stock.col.avgCost')}</th>
          <th className="right">{t('stock.col.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.locationId} data-testid="product-balance" data-location={b.locationCode}>
            <td>
              <a href={'#' + paths.stock(b.locationId)}>
                <span className="mono">{b.locationCode}</span> <span className="muted">{b.locationName}</span>
              </a>
            </td>
            <td className="right" data-testid="balance-onhand">
              <Qty n={b.onHand} />
            </td>
            <td className="right">
              <Qty n={b.reserved} />
            </td>
            <td className="right">
              <Qty n={b.available} />
            </td>
            <td className="right">
              <AvgCost avgCostE4={b.avgCostE4} currency={ccy} />
            </td>
            <td className="right">
              <Money minor={b.value} currency={ccy} />
            </td>
          </tr>
        ))}
      </tbody>
      {rows.length > 1 ? (
        <tfoot>
          <tr>
            <th>{t('common.all')}</th>
            <td className="right">
              <Qty n={sum.onHand} />
            </td>
            <td className="right">
              <Qty n={sum.reserved} />
            </td>
            <td className="right">
              <Qty n={sum.available} />
            </td>
            <td />
            <td className="right">
              <Money minor={sum.value} currency={ccy} />
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
