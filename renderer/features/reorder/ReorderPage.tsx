// The morning's screen: what to order from whom, how much and by when, and why — one card per
// supplier, most urgent first; quantities can be changed before a card becomes a draft purchase
// order. A product's plan in full (history, forecast, projected stock, backtest, its rule) opens
// in a side panel (#/reorder?product=…).
import { useState } from 'react';
import type { PlanLine } from '../../../main/common/api';
import { daysBetween } from '../../../main/common/days';
import { useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { useLocations } from '../../components/LocationSelect';
import { Qty } from '../../components/Numbers';
import { useI18n } from '../../i18n';
import { PlanningSettingsPanel, PromotionsPanel } from './PlanningPanels';
import { ProductPlanPanel } from './ProductPlanPanel';
import { dayLabel, reasonText, units } from './reason';
import { SupplierOrder } from './SupplierOrder';
import './reorder.css';

export function ReorderPage({ productId }: { productId: string | null }) {
  const { t, locale } = useI18n();
  const [locationId, setLocationId] = useState('');
  const [panel, setPanel] = useState<'settings' | 'promotions' | null>(null);
  const locations = useLocations() ?? [];
  const q = useQuery('reorder.suggest', locationId ? { locationId } : {});
  const s = q.data;
  const weeks = s ? daysBetween(s.fromWeek, s.toWeek) / 7 + 1 : 0;
  return (
    <div className="page" data-testid="reorder-page">
      <header className="page-head">
        <h1>{t('reorder.title')}</h1>
        <span className="spacer" />
        <button type="button" className="btn" data-testid="open-promotions" onClick={() => setPanel('promotions')}>
          {t('reorder.promotions')}
        </button>
        <button type="button" className="btn" data-testid="open-planning-settings" onClick={() => setPanel('settings')}>
          {t('reorder.settings')}
        </button>
      </header>
      <p className="muted ro-intro">{t('reorder.intro')}</p>
      <div className="ro-filters">
        <select className="ro-input" data-testid="reorder-location" aria-label={t('reorder.location')} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
          <option value="">{t('reorder.allLocations')}</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code} · {l.name}
            </option>
          ))}
        </select>
        {s ? (
          <span className="muted small" data-testid="reorder-summary">
            {t('reorder.summary', { planned: s.planned, noHistory: s.noHistory, weeks, from: dayLabel(s.fromWeek, locale), asOf: dayLabel(s.asOf, locale) })}
          </span>
        ) : null}
      </div>
      {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {s && !s.suppliers.length && !s.unsourced.length ? (
        <EmptyState title={t('reorder.empty.title')} testId="reorder-empty">
          {t('reorder.empty.body')}
        </EmptyState>
      ) : null}
      {s?.suppliers.map((plan) => <SupplierOrder key={plan.supplierId} plan={plan} asOf={s.asOf} weeks={weeks} />)}
      {s?.unsourced.length ? <Unsourced lines={s.unsourced} weeks={weeks} /> : null}
      {productId ? <ProductPlanPanel productId={productId} locationId={locationId || undefined} onClose={() => navigate(paths.reorder())} /> : null}
      {panel === 'settings' ? <PlanningSettingsPanel onClose={() => setPanel(null)} /> : null}
      {panel === 'promotions' ? <PromotionsPanel onClose={() => setPanel(null)} /> : null}
    </div>
  );
}

/** Products that need ordering but no supplier sells: add one on the supplier's price list. */
function Unsourced({ lines, weeks }: { lines: PlanLine[]; weeks: number }) {
  const { t, locale } = useI18n();
  return (
    <section className="card flush" data-testid="reorder-unsourced">
      <h2 className="card-title ro-pad">{t('reorder.unsourced')}</h2>
      <p className="muted small ro-pad">{t('reorder.unsourcedHint')}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('reorder.col.product')}</th>
            <th>{t('reorder.col.why')}</th>
            <th className="right">{t('reorder.col.perWeek')}</th>
            <th className="right">{t('reorder.col.qty')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.productId} data-testid="unsourced-line" data-sku={l.sku}>
              <td>
                <a className="mono strong" href={'#' + paths.reorder(l.productId)}>
                  {l.sku}
                </a>{' '}
                <span className="muted small">{l.name}</span>
              </td>
              <td className="small">{reasonText(l, t, locale, weeks)}</td>
              <td className="right">{l.forecastPerWeek === null ? '—' : units(l.forecastPerWeek)}</td>
              <td className="right">
                <Qty n={l.suggestedQty} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
