import type { ProductRow } from '../../../main/common/api';
import { paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { Money, Qty } from '../../components/Numbers';
import { useT } from '../../i18n';

export function VariantsList({ variants }: { variants: ProductRow[] }) {
  const t = useT();
  const ccy = useBaseCurrency();
  if (variants.length === 0) return <div className="muted list-empty">{t('product.variants.empty')}</div>;
  return (
    <table className="table" data-testid="variants">
      <thead>
        <tr>
          <th>{t('products.col.sku')}</th>
          <th>{t('products.col.name')}</th>
          <th>{t('product.options')}</th>
          <th className="right">{t('products.col.onHand')}</th>
          <th className="right">{t('products.col.value')}</th>
        </tr>
      </thead>
      <tbody>
        {variants.map((v) => (
          <tr key={v.id} className={v.status === 'archived' ? 'dim' : ''}>
            <td>
              <a className="mono" href={'#' + paths.product(v.id)}>
                {v.sku}
              </a>
            </td>
            <td>{v.name}</td>
            <td>{v.options ? Object.entries(v.options).map(([k, val]) => `${k}: ${val}`).join(', ') : <span className="muted">—</span>}</td>
            <td className="right">
              <Qty n={v.onHand} />
            </td>
            <td className="right">
              <Money minor={v.value} currency={ccy} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
