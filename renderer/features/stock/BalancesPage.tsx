// Stock on hand per product and location, filterable by location and text; virtualised and paged.
import { useMemo, useState } from 'react';
import type { BalanceRow } from '../../../main/common/api';
import { navigate, paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { useDebounced } from '../../api/hooks';
import { usePaged } from '../../api/paged';
import { EmptyState } from '../../components/EmptyState';
import { useLocations } from '../../components/LocationSelect';
import { AvgCost, Money, Qty } from '../../components/Numbers';
import { CodeNameCell, PagedTable } from '../../components/PagedTable';
import type { Column } from '../../components/VirtualTable';
import { useT } from '../../i18n';
import { AdjustForm } from './AdjustForm';
import { TransferForm } from './TransferForm';
import { ExportButton } from '../../components/ExportButton';
import { ImportPanel } from '../imports/ImportPanel';

export function BalancesPage({ locationId }: { locationId: string | null }) {
  const t = useT();
  const ccy = useBaseCurrency();
  const locations = useLocations() ?? [];
  const [text, setText] = useState('');
  const [nonZero, setNonZero] = useState(true);
  const [panel, setPanel] = useState<'adjust' | 'transfer' | 'import' | null>(null);
  const search = useDebounced(text.trim(), 80);
  const data = usePaged('stock.balances', { ...(locationId ? { locationId } : {}), ...(search ? { search } : {}), nonZero }, 200);

  const columns = useMemo<Column<BalanceRow>[]>(
    () => [
      {
        key: 'product',
        header: t('stock.col.product'),
        width: 'minmax(260px, 3fr)',
        render: (b) => <CodeNameCell code={b.sku} name={b.name} />,
      },
      {
        key: 'location',
        header: t('stock.col.location'),
        width: 'minmax(140px, 1.4fr)',
        render: (b) => <CodeNameCell code={b.locationCode} name={b.locationName} mutedName />,
      },
      { key: 'onHand', header: t('stock.col.onHand'), width: '90px', align: 'right', render: (b) => <Qty n={b.onHand} /> },
      { key: 'reserved', header: t('stock.col.reserved'), width: '90px', align: 'right', render: (b) => <Qty n={b.reserved} /> },
      { key: 'available', header: t('stock.col.available'), width: '90px', align: 'right', render: (b) => <Qty n={b.available} /> },
      { key: 'avgCost', header: t('stock.col.avgCost'), width: '130px', align: 'right', render: (b) => <AvgCost avgCostE4={b.avgCostE4} currency={ccy} /> },
      { key: 'value', header: t('stock.col.value'), width: '150px', align: 'right', render: (b) => <Money minor={b.value} currency={ccy} /> },
    ],
    [t, ccy],
  );

  const filtered = !!(locationId || search || !nonZero);
  return (
    <div className="page page-fill">
      <header className="page-head">
        <h1>{t('stock.title')}</h1>
        <span className="spacer" />
        <ExportButton what="stock" filter={{ ...(locationId ? { locationId } : {}), ...(search ? { search } : {}), nonZero }} />
        <button type="button" className="btn" data-testid="import-stock" onClick={() => setPanel('import')}>
          {t('stock.import')}
        </button>
        <button type="button" className="btn btn-primary" data-testid="adjust-stock" onClick={() => setPanel('adjust')}>
          ± {t('product.adjust')}
        </button>
        <button type="button" className="btn" data-testid="transfer-stock" onClick={() => setPanel('transfer')}>
          ⇄ {t('product.transfer')}
        </button>
      </header>
      <div className="filters">
        <input
          type="search"
          className="filter-search"
          data-testid="stock-search"
          aria-label={t('common.search')}
          placeholder={t('stock.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
        <select aria-label={t('stock.col.location')} data-testid="stock-location" value={locationId ?? ''} onChange={(e) => navigate(paths.stock(e.target.value || undefined))}>
          <option value="">{t('common.anyLocation')}</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code} · {l.name}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={nonZero} onChange={(e) => setNonZero(e.target.checked)} />
          <span>{t('stock.nonZero')}</span>
        </label>
      </div>
      <PagedTable<BalanceRow>
        data={data}
        label={t('stock.title')}
        columns={columns}
        onOpen={(b) => navigate(paths.product(b.productId))}
        rowTestId="balance-row"
        resetKey={`${locationId}|${search}|${nonZero}`}
        empty={<EmptyState title={filtered ? t('stock.empty.filtered') : t('stock.empty')} />}
      />
      {panel === 'adjust' ? <AdjustForm product={null} locationId={locationId} onClose={() => setPanel(null)} /> : null}
      {panel === 'transfer' ? <TransferForm product={null} fromLocationId={locationId} onClose={() => setPanel(null)} /> : null}
      {panel === 'import' ? <ImportPanel kind="stock" onClose={() => setPanel(null)} /> : null}
    </div>
  );
}
