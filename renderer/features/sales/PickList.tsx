// The pick and pack list for some orders: what to take from which shelf (by location, then SKU,
// with the orders each line is for), then each order with its lines and address, ready to print.
import type { PickList as List } from '../../../main/common/api';
import { useQuery } from '../../api/hooks';
import { paths } from '../../app/router';
import { Loaded } from '../../components/Loaded';
import { useT } from '../../i18n';
import './sales.css';

export function PickList({ ids }: { ids: string[] }) {
  const q = useQuery('sales.picklist', { ids });
  return <Loaded q={q}>{(data) => <Sheet list={data} />}</Loaded>;
}

function Sheet({ list }: { list: List }) {
  const t = useT();
  return (
    <div className="page so-pick" data-testid="pick-list">
      <header className="page-head no-print">
        <a href={'#' + paths.sales()}>‹ {t('sales.title')}</a>
        <span className="spacer" />
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t('sales.pick.print')}
        </button>
      </header>
      <h1>{t('sales.pick.title', { n: list.orders.length })}</h1>
      <table className="table so-pick-table" data-testid="pick-rows">
        <thead>
          <tr>
            <th>{t('sales.pick.location')}</th>
            <th>{t('sales.col.product')}</th>
            <th>{t('sales.pick.barcode')}</th>
            <th className="right">{t('sales.col.qty')}</th>
            <th>{t('sales.pick.forOrders')}</th>
            <th className="so-tick">✓</th>
          </tr>
        </thead>
        <tbody>
          {list.picks.map((p) => (
            <tr key={`${p.locationCode}-${p.productId}`} data-testid="pick-row" data-sku={p.sku}>
              <td className="mono">{p.locationCode}</td>
              <td>
                <span className="mono strong">{p.sku}</span> {p.name}
              </td>
              <td className="mono small">{p.barcode ?? ''}</td>
              <td className="right strong">{p.qty}</td>
              <td className="small">{p.orders.join(', ')}</td>
              <td className="so-tick">☐</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('sales.pick.pack')}</h2>
      <div className="so-pack">
        {list.orders.map((o) => (
          <section key={o.id} className="so-pack-order" data-testid="pack-slip">
            <h3>
              <span className="mono">{o.number}</span> {o.customer ?? ''}
            </h3>
            {o.shipTo ? <p className="so-address small">{o.shipTo}</p> : null}
            <ul>
              {o.lines.map((l) => (
                <li key={l.sku}>
                  ☐ {l.qty} × <span className="mono">{l.sku}</span> {l.name}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
