import type { DashboardSummary } from '../../../main/common/api';
import { paths } from '../../app/router';
import { Qty } from '../../components/Numbers';
import { useT } from '../../i18n';

export function LowStockList({ items }: { items: DashboardSummary['lowStock'] }) {
  const t = useT();
  if (items.length === 0) {
    return (
      <div data-testid="low-stock-list" className="muted list-empty">
        {t('dash.lowStock.empty')}
      </div>
    );
  }
  return (
    <ul className="low-stock" data-testid="low-stock-list">
      {items.map((i) => (
        <li key={i.productId}>
          <a href={'#' + paths.product(i.productId)}>
            <span className="mono">{i.sku}</span>
            <span className="low-name">{i.name}</span>
          </a>
          <span className="low-fig">
            <Qty n={i.onHand} />
            <span className="muted small">{t('dash.lowStock.threshold', { n: i.threshold })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
