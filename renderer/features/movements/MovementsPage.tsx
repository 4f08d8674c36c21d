// The stock journal: every movement, newest first, filterable by product, location, kind and
// dates; virtualised and fetched a page at a time.
import { useMemo, useState } from 'react';
import type { Input, Movement, MovementKind } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { navigate, paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { useQuery } from '../../api/hooks';
import { usePaged } from '../../api/paged';
import { EmptyState } from '../../components/EmptyState';
import { SelectField, TextField } from '../../components/Field';
import { LocationSelect } from '../../components/LocationSelect';
import { AvgCost, Money, Qty } from '../../components/Numbers';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { CodeNameCell, PagedTable } from '../../components/PagedTable';
import type { Column } from '../../components/VirtualTable';
import { useT } from '../../i18n';
import { KindTag, reasonAndNote } from './cells';
import { ExportButton } from '../../components/ExportButton';

const KINDS: MovementKind[] = ['receipt', 'sale', 'adjustment', 'transfer_out', 'transfer_in', 'return', 'count', 'write_off', 'revaluation'];

export function MovementsPage({ productId, locationId: initialLocation }: { productId: string | null; locationId: string | null }) {
  const t = useT();
  const ccy = useBaseCurrency();
  const linked = useQuery('products.get', { id: productId ?? '' }, { enabled: !!productId, events: [] }).data?.product;
  const [product, setProduct] = useState<PickedProduct | null | undefined>(undefined);
  const [locationId, setLocationId] = useState(initialLocation ?? '');
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The product from the link counts until the merchant picks another (or clears it).
  const chosen = product === undefined ? (linked ? { id: linked.id, sku: linked.sku, name: linked.name } : null) : product;
  const chosenId = product === undefined ? productId : (product?.id ?? null);

  const params: Omit<Input<'stock.movements'>, 'offset' | 'limit'> = {
    ...(chosenId ? { productId: chosenId } : {}),
    ...(locationId ? { locationId } : {}),
    ...(kind ? { kind: kind as MovementKind } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { to } : {}),
  };
  const data = usePaged('stock.movements', params, 200);
  const filtered = Object.keys(params).length > 0;

  const columns = useMemo<Column<Movement>[]>(
    () => [
      { key: 'date', header: t('moves.col.date'), width: '128px', render: (m) => <span className="nowrap">{formatDateTime(m.occurredAt)}</span> },
      {
        key: 'product',
        header: t('moves.col.product'),
        width: 'minmax(200px, 2.5fr)',
        render: (m) => <CodeNameCell code={m.sku} name={m.productName} />,
      },
      { key: 'location', header: t('moves.col.location'), width: '90px', render: (m) => <span className="mono">{m.locationCode}</span> },
      { key: 'kind', header: t('moves.col.kind'), width: '110px', render: (m) => <KindTag kind={m.kind} /> },
      { key: 'qty', header: t('moves.col.qty'), width: '72px', align: 'right', render: (m) => <Qty n={m.qty} signed /> },
      { key: 'value', header: t('moves.col.value'), width: '140px', align: 'right', render: (m) => <Money minor={m.value} currency={ccy} /> },
      { key: 'avg', header: t('moves.col.avgCost'), width: '120px', align: 'right', render: (m) => <AvgCost avgCostE4={m.avgCostE4} currency={ccy} /> },
      { key: 'after', header: t('moves.col.qtyAfter'), width: '80px', align: 'right', render: (m) => <Qty n={m.qtyAfter} /> },
      { key: 'actor', header: t('moves.col.actor'), width: 'minmax(70px, 0.8fr)', render: (m) => <span className="muted truncate">{m.actor}</span> },
      {
        key: 'reason',
        header: t('moves.col.reason'),
        width: 'minmax(120px, 1.5fr)',
        render: (m) => <span className="muted truncate">{reasonAndNote(t, m)}</span>,
      },
    ],
    [t, ccy],
  );

  const clear = () => {
    setProduct(null);
    setLocationId('');
    setKind('');
    setFrom('');
    setTo('');
    if (productId || initialLocation) navigate(paths.movements());
  };

  return (
    <div className="page page-fill">
      <header className="page-head">
        <h1>{t('moves.title')}</h1>
        <span className="spacer" />
        <ExportButton what="movements" filter={params} />
      </header>
      <div className="filters filters-fields">
        <ProductPicker name="filterProduct" label={t('moves.col.product')} value={chosen} onChange={setProduct} status="all" className="filter-product" />
        <LocationSelect name="filterLocation" label={t('moves.col.location')} value={locationId} onChange={setLocationId} placeholder={t('common.anyLocation')} />
        <SelectField
          name="filterKind"
          label={t('moves.col.kind')}
          value={kind}
          onChange={setKind}
          placeholder={t('moves.kind.all')}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <TextField name="filterFrom" type="date" label={t('moves.from')} value={from} onChange={setFrom} />
        <TextField name="filterTo" type="date" label={t('moves.to')} value={to} onChange={setTo} />
        {filtered ? (
          <button type="button" className="btn btn-quiet filter-clear" onClick={clear}>
            {t('moves.clear')}
          </button>
        ) : null}
      </div>
      <PagedTable<Movement>
        data={data}
        label={t('moves.title')}
        columns={columns}
        onOpen={(m) => navigate(paths.product(m.productId))}
        rowTestId="movement-row"
        resetKey={JSON.stringify(params)}
        empty={<EmptyState title={filtered ? t('moves.empty.filtered') : t('moves.empty')} />}
      />
    </div>
  );
}
