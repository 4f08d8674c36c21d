// Products: filter, sort and open; "New product" opens the form. Filters survive a visit to a
// product page and back (kept for the session).
import { useEffect, useState } from 'react';
import { navigate, paths, replacePath } from '../../app/router';
import { useDebounced, useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import type { Sort } from '../../components/VirtualTable';
import { useT } from '../../i18n';
import { draftFrom } from './draft';
import { ProductForm } from './ProductForm';
import { ProductsTable } from './ProductsTable';
import { ExportButton } from '../../components/ExportButton';
import { ImportPanel } from '../imports/ImportPanel';
import { BarcodesPanel } from './BarcodesPanel';
import { LabelsButton } from './LabelsButton';
import { client } from '../../api/client';

type Status = 'active' | 'archived' | 'all';
interface Filters {
  search: string;
  category: string;
  status: Status;
  lowStock: boolean;
  /** the photo column shown */
  photos: boolean;
  sort: Sort;
}

let remembered: Filters = { search: '', category: '', status: 'active', lowStock: false, photos: false, sort: { key: 'sku', dir: 'asc' } };
const DESC_FIRST = new Set(['onHand', 'value', 'updatedAt']);

export function ProductsPage({ openNew }: { openNew: boolean }) {
  const t = useT();
  const [f, setF] = useState<Filters>(remembered);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [barcodes, setBarcodes] = useState(false);
  const categories = useQuery('products.categories', {}).data ?? [];
  const search = useDebounced(f.search.trim(), 80);
  useEffect(() => {
    remembered = f;
  }, [f]);
  useEffect(() => {
    if (openNew) {
      setCreating(true);
      replacePath(paths.products());
    }
  }, [openNew]);

  const update = (patch: Partial<Filters>) => setF((cur) => ({ ...cur, ...patch }));
  const onSort = (key: string) =>
    update({ sort: f.sort.key === key ? { key, dir: f.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: DESC_FIRST.has(key) ? 'desc' : 'asc' } });
  const filtered = !!(search || f.category || f.status !== 'active' || f.lowStock);

  const params = {
    ...(search ? { search } : {}),
    ...(f.category ? { category: f.category } : {}),
    status: f.status,
    ...(f.lowStock ? { lowStock: true } : {}),
    sort: f.sort.key as 'sku',
    dir: f.sort.dir,
  };

  const newButton = (
    <button type="button" className="btn btn-primary" data-testid="new-product" onClick={() => setCreating(true)}>
      + {t('products.new')}
    </button>
  );

  return (
    <div className="page page-fill">
      <header className="page-head">
        <h1>{t('products.title')}</h1>
        <span className="spacer" />
        <ExportButton what="products" filter={params} />
        <button type="button" className="btn" data-testid="import-products" onClick={() => setImporting(true)}>
          {t('products.import')}
        </button>
        <LabelsButton label="labels.printList" productIds={async () => (await client.call('products.list', { ...params, limit: 1000 })).rows.map((r) => r.id)} />
        <button type="button" className="btn" data-testid="assign-barcodes" onClick={() => setBarcodes(true)}>
          {t('products.barcodes')}
        </button>
        {newButton}
      </header>
      <div className="filters">
        <input
          type="search"
          className="filter-search"
          data-testid="products-search"
          aria-label={t('common.search')}
          placeholder={t('products.search')}
          value={f.search}
          onChange={(e) => update({ search: e.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
        <select aria-label={t('field.category')} data-testid="products-category" value={f.category} onChange={(e) => update({ category: e.target.value })}>
          <option value="">{t('products.category.all')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select aria-label={t('field.status')} data-testid="products-status" value={f.status} onChange={(e) => update({ status: e.target.value as Status })}>
          <option value="active">{t('products.status.active')}</option>
          <option value="archived">{t('products.status.archived')}</option>
          <option value="all">{t('products.status.all')}</option>
        </select>
        <label className="check">
          <input type="checkbox" data-testid="products-lowstock" checked={f.lowStock} onChange={(e) => update({ lowStock: e.target.checked })} />
          <span>{t('products.lowStock')}</span>
        </label>
        <label className="check">
          <input type="checkbox" data-testid="products-photos" checked={f.photos} onChange={(e) => update({ photos: e.target.checked })} />
          <span>{t('photos.column')}</span>
        </label>
      </div>
      <ProductsTable
        photos={f.photos}
        params={params}
        sort={f.sort}
        onSort={onSort}
        empty={
          filtered ? (
            <EmptyState title={t('products.empty.filtered')} />
          ) : (
            <EmptyState title={t('products.empty.title')} action={newButton}>
              {t('products.empty.body')}
            </EmptyState>
          )
        }
      />
      {creating ? (
        <ProductForm product={null} initial={draftFrom(null, null)} onClose={() => setCreating(false)} onSaved={(p) => navigate(paths.product(p.id))} />
      ) : null}
      {importing ? <ImportPanel kind="products" onClose={() => setImporting(false)} /> : null}
      {barcodes ? <BarcodesPanel onClose={() => setBarcodes(false)} /> : null}
    </div>
  );
}
