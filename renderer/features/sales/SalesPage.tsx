// Sales: every order from every channel, newest first, in a virtual list (200,000 orders scroll
// like 200), filtered by status, channel, payment and a search over numbers, platform order names
// and customers. From here: a new order, an import, the pick list of everything left to ship, and
// the dashboard tab.
import { useMemo, useState } from 'react';
import type { SalesChannel, SalesOrder, SalesStatus } from '../../../main/common/api';
import { formatDate, formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useDebounced } from '../../api/hooks';
import { usePaged } from '../../api/paged';
import { navigate, paths } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { Money, Qty } from '../../components/Numbers';
import { PagedTable } from '../../components/PagedTable';
import { useToast } from '../../components/Toasts';
import type { Column } from '../../components/VirtualTable';
import { useT } from '../../i18n';
import { ImportOrdersPanel } from './ImportOrdersPanel';
import { OrderPanel } from './OrderPanel';
import { SalesDashboard } from './SalesDashboard';
import { OrderStatusTag, PaymentTag, PAYMENT_STATUSES, SALES_STATUSES } from './tags';
import './sales.css';
import { ExportButton } from '../../components/ExportButton';

const CHANNELS: SalesChannel[] = ['manual', 'live', 'import'];

export function SalesPage({ view }: { view: 'orders' | 'dashboard' }) {
  const t = useT();
  return (
    <div className={`page${view === 'orders' ? ' page-fill' : ''}`}>
      <header className="page-head">
        <h1>{t('sales.title')}</h1>
        <nav className="so-tabs" aria-label={t('sales.title')}>
          <a href={'#' + paths.sales()} className={view === 'orders' ? 'current' : ''} data-testid="tab-orders" aria-current={view === 'orders' ? 'page' : undefined}>
            {t('sales.tab.orders')}
          </a>
          <a href={'#' + paths.salesDashboard()} className={view === 'dashboard' ? 'current' : ''} data-testid="tab-dashboard" aria-current={view === 'dashboard' ? 'page' : undefined}>
            {t('sales.tab.dashboard')}
          </a>
        </nav>
        {view === 'orders' ? <OrderActions /> : null}
      </header>
      {view === 'orders' ? <OrdersList /> : <SalesDashboard />}
    </div>
  );
}

function OrderActions() {
  const t = useT();
  const toast = useToast();
  const [panel, setPanel] = useState<'new' | 'import' | null>(null);
  async function pickAll() {
    try {
      const rows = (await client.call('sales.list', { toShip: true, limit: 500 })).rows;
      if (!rows.length) return toast(t('sales.pick.nothing'));
      navigate(paths.pickList(rows.map((r) => r.id)));
    } catch (x) {
      toast(errorMessage(x), 'error');
    }
  }
  return (
    <>
      <span className="spacer" />
      <button type="button" className="btn" data-testid="pick-all" onClick={() => void pickAll()}>
        ☰ {t('sales.pick.all')}
      </button>
      <button type="button" className="btn" data-testid="import-orders" onClick={() => setPanel('import')}>
        ⤓ {t('sales.import.open')}
      </button>
      <button type="button" className="btn btn-primary" data-testid="new-order" onClick={() => setPanel('new')}>
        + {t('sales.new')}
      </button>
      {panel === 'new' ? <OrderPanel onClose={() => setPanel(null)} /> : null}
      {panel === 'import' ? <ImportOrdersPanel onClose={() => setPanel(null)} /> : null}
    </>
  );
}

function OrdersList() {
  const t = useT();
  const [status, setStatus] = useState<SalesStatus | 'to_ship' | ''>('');
  const [channel, setChannel] = useState<SalesChannel | ''>('');
  const [payment, setPayment] = useState<(typeof PAYMENT_STATUSES)[number] | ''>('');
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 150);
  const params = {
    ...(status === 'to_ship' ? { toShip: true } : status ? { status } : {}),
    ...(channel ? { channel } : {}),
    ...(payment ? { payment } : {}),
    ...(q ? { q } : {}),
  };
  const data = usePaged('sales.list', params, 200);
  const columns = useMemo<Column<SalesOrder>[]>(
    () => [
      { key: 'number', header: t('sales.col.number'), width: '110px', render: (o) => <span className="mono strong">{o.number}</span> },
      { key: 'date', header: t('sales.col.date'), width: '100px', render: (o) => formatDate(o.orderDate) },
      {
        key: 'customer',
        header: t('sales.col.customer'),
        width: 'minmax(160px, 2fr)',
        render: (o) => (
          <span className="cell-name">
            {o.customerName ?? <span className="muted">—</span>}
            {o.customerHandle ? <span className="muted small"> @{o.customerHandle}</span> : null}
          </span>
        ),
      },
      { key: 'channel', header: t('sales.col.channel'), width: '110px', render: (o) => <span className="small">{t(`sales.channel.${o.channel}`)}{o.externalRef ? <span className="muted"> {o.externalRef}</span> : null}</span> },
      { key: 'status', header: t('sales.col.status'), width: '130px', render: (o) => <OrderStatusTag status={o.status} /> },
      { key: 'payment', header: t('sales.col.payment'), width: '110px', render: (o) => <PaymentTag status={o.paymentStatus} /> },
      { key: 'units', header: t('sales.col.units'), width: '70px', align: 'right', render: (o) => <Qty n={o.units} /> },
      { key: 'total', header: t('sales.col.total'), width: '130px', align: 'right', render: (o) => <Money minor={o.total} currency={o.currency} /> },
      { key: 'expires', header: t('sales.col.expires'), width: '140px', render: (o) => (o.expiresAt ? <span className="small so-expiry">{formatDateTime(o.expiresAt)}</span> : null) },
    ],
    [t],
  );
  const filtered = Boolean(status || channel || payment || q);
  return (
    <>
      <div className="so-filters">
        <input className="so-input so-search" data-testid="orders-search" placeholder={t('sales.search')} aria-label={t('sales.search')} value={text} onChange={(e) => setText(e.target.value)} />
        <select className="so-input" data-testid="orders-status" aria-label={t('sales.col.status')} value={status} onChange={(e) => setStatus(e.target.value as SalesStatus | 'to_ship' | '')}>
          <option value="">{t('sales.allStatuses')}</option>
          <option value="to_ship">{t('sales.toShip')}</option>
          {SALES_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`sales.status.${s}`)}
            </option>
          ))}
        </select>
        <select className="so-input" data-testid="orders-channel" aria-label={t('sales.col.channel')} value={channel} onChange={(e) => setChannel(e.target.value as SalesChannel | '')}>
          <option value="">{t('sales.allChannels')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`sales.channel.${c}`)}
            </option>
          ))}
        </select>
        <select className="so-input" data-testid="orders-payment" aria-label={t('sales.col.payment')} value={payment} onChange={(e) => setPayment(e.target.value as (typeof PAYMENT_STATUSES)[number] | '')}>
          <option value="">{t('sales.allPayments')}</option>
          {PAYMENT_STATUSES.map((p) => (
            <option key={p} value={p}>
              {t(`sales.payment.${p}`)}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <ExportButton what="sales-orders" filter={params} />
      </div>
      <PagedTable<SalesOrder>
        data={data}
        columns={columns}
        rowTestId="order-row"
        label={t('sales.title')}
        onOpen={(o) => navigate(paths.salesOrder(o.id))}
        resetKey={JSON.stringify(params)}
        totalTestId="orders-total"
        empty={
          <EmptyState title={t(filtered ? 'sales.empty.filtered' : 'sales.empty.title')} testId="orders-empty">
            {t('sales.empty.body')}
          </EmptyState>
        }
      />
    </>
  );
}
