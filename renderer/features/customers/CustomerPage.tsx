// One customer: how to reach them, what they bought (shipped revenue and margin, base currency)
// and their orders, newest first.
import { useState } from 'react';
import type { CustomerDetail } from '../../../main/common/api';
import { formatDate } from '../../../main/common/format';
import { useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { Loaded } from '../../components/Loaded';
import { Money, Qty } from '../../components/Numbers';
import { useI18n, useT } from '../../i18n';
import { OrderStatusTag, PaymentTag } from '../sales/tags';
import { CustomerPanel } from './CustomersPage';

export function CustomerPage({ id }: { id: string }) {
  const q = useQuery('customers.get', { id });
  return <Loaded q={q}>{(data) => <View d={data} />}</Loaded>;
}

function View({ d }: { d: CustomerDetail }) {
  const t = useT();
  const { countryName } = useI18n();
  const base = useBaseCurrency();
  const [editing, setEditing] = useState(false);
  const c = d.customer;
  return (
    <div className="page" data-testid="customer-page">
      <nav className="crumbs small">
        <a href={'#' + paths.customers()}>{t('customers.title')}</a> › {c.name}
      </nav>
      <header className="page-head">
        <h1>
          {c.name}
          {c.handle ? <span className="muted"> @{c.handle}</span> : null}
        </h1>
        <span className="spacer" />
        <button type="button" className="btn" data-testid="edit-customer" onClick={() => setEditing(true)}>
          {t('customers.editButton')}
        </button>
      </header>
      <div className="so-grid">
        <section className="card flush">
          <h2 className="card-title so-pad">{t('customers.orders', { n: d.orders.length })}</h2>
          <table className="table" data-testid="customer-orders">
            <thead>
              <tr>
                <th>{t('sales.col.number')}</th>
                <th>{t('sales.col.date')}</th>
                <th>{t('sales.col.status')}</th>
                <th>{t('sales.col.payment')}</th>
                <th className="right">{t('sales.col.units')}</th>
                <th className="right">{t('sales.col.total')}</th>
              </tr>
            </thead>
            <tbody>
              {d.orders.map((o) => (
                <tr key={o.id} className="clickable" onClick={() => navigate(paths.salesOrder(o.id))}>
                  <td className="mono">
                    <a href={'#' + paths.salesOrder(o.id)}>{o.number}</a>
                  </td>
                  <td>{formatDate(o.orderDate)}</td>
                  <td>
                    <OrderStatusTag status={o.status} />
                  </td>
                  <td>
                    <PaymentTag status={o.paymentStatus} />
                  </td>
                  <td className="right">
                    <Qty n={o.units} />
                  </td>
                  <td className="right">
                    <Money minor={o.total} currency={o.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <aside className="so-side">
          <section className="card">
            <dl className="so-dl">
              <dt>{t('customers.revenue')}</dt>
              <dd data-testid="customer-revenue">
                <Money minor={d.revenue} currency={base} />
              </dd>
              <dt>{t('customers.margin')}</dt>
              <dd>
                <Money minor={d.margin} currency={base} />
              </dd>
              {c.email ? (
                <>
                  <dt>{t('customers.col.email')}</dt>
                  <dd>{c.email}</dd>
                </>
              ) : null}
              {c.phone ? (
                <>
                  <dt>{t('customers.col.phone')}</dt>
                  <dd>{c.phone}</dd>
                </>
              ) : null}
              {c.country ? (
                <>
                  <dt>{t('customers.col.country')}</dt>
                  <dd>{countryName(c.country)}</dd>
                </>
              ) : null}
            </dl>
            {c.address ? <p className="so-address small">{c.address}</p> : null}
            {c.notes ? <p className="muted small so-address">{c.notes}</p> : null}
          </section>
        </aside>
      </div>
      {editing ? <CustomerPanel existing={c} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
