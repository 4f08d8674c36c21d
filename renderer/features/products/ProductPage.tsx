// One product: its facts, variants or parent, stock per location, and its ledger. From here the
// merchant adjusts, transfers, edits, adds a variant, archives or restores.
import { useState } from 'react';
import type { Product } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { useToast } from '../../components/Toasts';
import { namesByLocale, useI18n } from '../../i18n';
import { AdjustForm } from '../stock/AdjustForm';
import { TransferForm } from '../stock/TransferForm';
import { draftFrom, variantDraft } from './draft';
import { DutyRates } from './DutyRates';
import { ProductFacts } from './ProductFacts';
import { ProductForm } from './ProductForm';
import { ProductHistory } from './ProductHistory';
import { StockByLocation } from './StockByLocation';
import { VariantsList } from './VariantsList';
import { useBaseCurrency } from '../../app/settings';
import { LabelsButton } from './LabelsButton';
import { PhotoGallery } from './PhotoGallery';

type PanelKind = 'edit' | 'variant' | 'adjust' | 'transfer' | null;

export function ProductPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const base = useBaseCurrency();
  const toast = useToast();
  const q = useQuery('products.get', { id });
  const [panel, setPanel] = useState<PanelKind>(null);
  const [busy, setBusy] = useState(false);

  if (!q.data) {
    return (
      <div className="page">
        {q.error ? (
          q.error.code === 'not_found' ? (
            <EmptyState title={t('product.notFound')} action={<a href="#/products">{t('nav.products')}</a>} />
          ) : (
            <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} />
          )
        ) : (
          <div className="loading-block">{t('common.loading')}</div>
        )}
      </div>
    );
  }

  const { product: p, parent, variants, balances } = q.data;
  const [firstName, otherName] = namesByLocale(locale, p.name, p.localName);
  const picked = { id: p.id, sku: p.sku, name: p.name };
  const archived = p.status === 'archived';

  const setStatus = async () => {
    setBusy(true);
    try {
      const next: Product = await client.call(archived ? 'products.restore' : 'products.archive', { id: p.id });
      toast(t(archived ? 'products.restored' : 'products.archived', { sku: next.sku }));
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <nav className="crumbs">
        <a href="#/products">{t('nav.products')}</a>
        {parent ? (
          <>
            <span aria-hidden="true">›</span>
            <a href={'#' + paths.product(parent.id)}>{parent.sku}</a>
          </>
        ) : null}
        <span aria-hidden="true">›</span>
        <span>{p.sku}</span>
      </nav>
      <header className="page-head product-head">
        <div>
          <h1 data-testid="product-title">
            <span className="mono sku-badge">{p.sku}</span> {firstName}
            {archived ? <span className="tag">{t('common.archived')}</span> : null}
          </h1>
          {otherName ? <div className="subtitle">{otherName}</div> : null}
          {parent ? (
            <div className="subtitle">
              {t('product.variantOf')} <a href={'#' + paths.product(parent.id)}>{`${parent.sku} · ${parent.name}`}</a>
              {p.options ? <span className="muted"> — {Object.entries(p.options).map(([k, v]) => `${k}: ${v}`).join(', ')}</span> : null}
            </div>
          ) : null}
        </div>
        <span className="spacer" />
        <div className="actions">
          <button type="button" className="btn btn-primary" data-testid="adjust-stock" disabled={archived} onClick={() => setPanel('adjust')}>
            ± {t('product.adjust')}
          </button>
          <button type="button" className="btn" data-testid="transfer-stock" disabled={archived} onClick={() => setPanel('transfer')}>
            ⇄ {t('product.transfer')}
          </button>
          <LabelsButton productIds={[p.id]} />
          <button type="button" className="btn" data-testid="edit-product" onClick={() => setPanel('edit')}>
            {t('common.edit')}
          </button>
          {!parent && !archived ? (
            <button type="button" className="btn" data-testid="add-variant" onClick={() => setPanel('variant')}>
              + {t('product.newVariant')}
            </button>
          ) : null}
          <button type="button" className="btn btn-quiet" data-testid={archived ? 'restore-product' : 'archive-product'} disabled={busy} onClick={() => void setStatus()}>
            {archived ? t('common.restore') : t('common.archive')}
          </button>
        </div>
      </header>

      <div className="product-grid">
        <section className="card">
          <h2 className="card-title">{t('product.stock')}</h2>
          <StockByLocation balances={balances} hasVariants={variants.length > 0} />
        </section>
        <section className="card">
          <h2 className="card-title">{t('product.details')}</h2>
          <ProductFacts product={p} />
        </section>
        <section className="card span-2">
          <h2 className="card-title">{t('photos.title')}</h2>
          <PhotoGallery productId={p.id} sku={p.sku} />
        </section>
        {!parent ? (
          <section className="card span-2">
            <h2 className="card-title">{t('product.variants')}</h2>
            <VariantsList variants={variants} />
          </section>
        ) : null}
        <section className="card span-2">
          <h2 className="card-title">
            {t('customs.rate.title')}
            <a className="card-link" href="#/customs">
              {t('customs.title')} →
            </a>
          </h2>
          <DutyRates productId={p.id} />
        </section>
        <section className="card span-2">
          <h2 className="card-title">
            {t('product.history')}
            <a className="card-link" href={'#' + paths.movements({ productId: p.id })}>
              {t('nav.movements')} →
            </a>
            <a className="card-link" data-testid="open-reorder-plan" href={'#' + paths.reorder(p.id)}>
              {t('reorder.plan')} →
            </a>
          </h2>
          <ProductHistory productId={p.id} />
        </section>
      </div>

      {panel === 'edit' ? <ProductForm product={p} initial={draftFrom(p, parent, base)} onClose={() => setPanel(null)} onSaved={() => setPanel(null)} /> : null}
      {panel === 'variant' ? (
        <ProductForm product={null} initial={variantDraft(p, variants)} onClose={() => setPanel(null)} onSaved={(v) => navigate(paths.product(v.id))} />
      ) : null}
      {panel === 'adjust' ? <AdjustForm product={picked} onClose={() => setPanel(null)} /> : null}
      {panel === 'transfer' ? <TransferForm product={picked} onClose={() => setPanel(null)} /> : null}
    </div>
  );
}
