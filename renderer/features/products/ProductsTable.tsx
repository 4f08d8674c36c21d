// The products table: virtualised, fetching only the pages on screen, sortable by its headers.
import { useMemo } from 'react';
import type { Input, ProductRow } from '../../../main/common/api';
import { navigate, paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { usePaged } from '../../api/paged';
import { Money, Qty } from '../../components/Numbers';
import { PagedTable } from '../../components/PagedTable';
import type { Column, Sort } from '../../components/VirtualTable';
import { useThumb } from '../../components/thumbs';
import { namesByLocale, useI18n } from '../../i18n';

type ListParams = Omit<Input<'products.list'>, 'offset' | 'limit'>;

interface Props {
  params: ListParams;
  /** a column of each product's primary photo */
  photos?: boolean;
  sort: Sort;
  onSort(key: string): void;
  empty: React.ReactNode;
}

export function ProductsTable({ params, sort, onSort, empty, photos = false }: Props) {
  const { t, locale } = useI18n();
  const ccy = useBaseCurrency();
  const data = usePaged('products.list', params, 200);

  const columns = useMemo<Column<ProductRow>[]>(
    () => [
      ...(photos ? [{ key: 'photo', header: t('photos.column'), width: '68px', render: (p: ProductRow) => <Thumb productId={p.id} sku={p.sku} /> }] : []),
      { key: 'sku', header: t('products.col.sku'), width: 'minmax(120px, 1.1fr)', sortKey: 'sku', render: (p) => <span className="mono">{p.sku}</span> },
      {
        key: 'name',
        header: t('products.col.name'),
        width: 'minmax(220px, 3fr)',
        // a Chinese reader sorts by pinyin; the API orders by the initials of the Chinese name
        sortKey: locale === 'zh' ? 'pinyin' : 'name',
        render: (p) => (
          <span className="cell-name">
            {namesByLocale(locale, p.name, p.localName).map((n, i) => (n ? <span key={i} className={i ? 'muted truncate local-name' : 'truncate'}>{n}</span> : null))}
            {p.status === 'archived' ? <span className="tag">{t('common.archived')}</span> : null}
          </span>
        ),
      },
      { key: 'brand', header: t('products.col.brand'), width: 'minmax(90px, 1fr)', render: (p) => <span className="truncate">{p.brand ?? ''}</span> },
      { key: 'category', header: t('products.col.category'), width: 'minmax(90px, 1fr)', sortKey: 'category', render: (p) => <span className="truncate">{p.category ?? ''}</span> },
      { key: 'onHand', header: t('products.col.onHand'), width: '90px', align: 'right', sortKey: 'onHand', render: (p) => <Qty n={p.onHand} /> },
      { key: 'available', header: t('products.col.available'), width: '90px', align: 'right', render: (p) => <Qty n={p.onHand - p.reserved} testId="product-available" /> },
      { key: 'value', header: t('products.col.value'), width: '150px', align: 'right', sortKey: 'value', render: (p) => <Money minor={p.value} currency={ccy} /> },
      { key: 'variants', header: t('products.col.variants'), width: '80px', align: 'right', render: (p) => (p.variantCount ? <Qty n={p.variantCount} /> : <span className="muted">—</span>) },
    ],
    [t, locale, ccy, photos],
  );

  return (
    <PagedTable<ProductRow>
      data={data}
      label={t('products.title')}
      columns={columns}
      onOpen={(p) => navigate(paths.product(p.id))}
      rowTestId="product-row"
      resetKey={JSON.stringify(params)}
      sort={sort}
      onSort={onSort}
      empty={empty}
      totalTestId="products-total"
    />
  );
}

function Thumb({ productId, sku }: { productId: string; sku: string }) {
  const src = useThumb(productId);
  return src ? <img className="thumb-cell" src={src} alt={sku} data-testid="product-thumb" /> : <span className="thumb-empty" aria-hidden="true" />;
}
