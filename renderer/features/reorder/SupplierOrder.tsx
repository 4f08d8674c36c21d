// One supplier's suggested order: each product with the reason, its figures and an editable
// quantity; the supplier's budget cap; and the button that turns the ticked lines into a draft
// purchase order at the supplier's prices.
import { useState } from 'react';
import type { PlanLine, SupplierPlan } from '../../../main/common/api';
import { unitPriceFor } from '../../../main/common/calc/pricing';
import { roundOrder } from '../../../main/common/calc/reorder';
import { formatMoney } from '../../../main/common/money';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { wholeNumber } from '../../api/input';
import { navigate, paths } from '../../app/router';
import { Money } from '../../components/Numbers';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../i18n';
import { dayLabel, reasonText, units } from './reason';

/** Lines shown before "show all": the most urgent; the order takes every ticked line, shown or not. */
const FIRST_LINES = 50;

/** A quantity as typed: a whole number ≥ 0, else null. */
function readQty(text: string): number | null {
  const n = wholeNumber(text);
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function SupplierOrder({ plan, asOf, weeks }: { plan: SupplierPlan; asOf: string; weeks: number }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const [budget, setBudget] = useState(plan.budget === null ? '' : formatMoney(plan.budget, plan.currency));
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const text = (l: PlanLine) => typed[l.productId] ?? String(l.qty);
  const rows = plan.lines.map((l) => ({ l, qty: readQty(text(l)), on: !skipped.has(l.productId) }));
  const bad = rows.find((r) => r.on && r.qty === null);
  const chosen = rows.flatMap((r) => (r.on && r.qty ? [{ productId: r.l.productId, qty: r.qty }] : []));
  // each quantity at the supplier's price for it, breaks included, as the draft order will price it
  const priceOf = (l: PlanLine, qty: number) => unitPriceFor(Math.max(qty, 1), l.listPrice ?? 0, l.priceBreaks);
  const total = rows.reduce((a, r) => a + (r.on && r.qty ? r.qty * priceOf(r.l, r.qty) : 0), 0);

  async function saveBudget() {
    const next = budget.trim() === '' ? null : budget.trim();
    if (next === (plan.budget === null ? null : formatMoney(plan.budget, plan.currency))) return;
    try {
      await client.call('reorder.saveSupplier', { supplierId: plan.supplierId, budget: next });
      setTyped({});
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  }

  async function createDraft() {
    setBusy(true);
    try {
      const po = await client.call('purchasing.create', { supplierId: plan.supplierId, notes: t('reorder.poNote', { date: asOf }), lines: chosen });
      toast(t('reorder.poCreated', { number: po.order.number, supplier: plan.supplierName }), 'success', { label: t('reorder.openPo'), run: () => navigate(paths.purchaseOrder(po.order.id)) });
      setTyped({});
      setSkipped(new Set());
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card flush ro-supplier" data-testid="reorder-supplier" data-supplier={plan.supplierName}>
      <header className="ro-supplier-head">
        <h2 className="card-title">
          <a href={'#' + paths.supplier(plan.supplierId)}>{plan.supplierName}</a> <span className="muted small">{plan.currency}</span>
        </h2>
        <span className="spacer" />
        <label className="small muted" htmlFor={`budget-${plan.supplierId}`}>
          {t('reorder.budget')}
        </label>
        <input
          id={`budget-${plan.supplierId}`}
          className="ro-input ro-budget right"
          data-testid="reorder-budget"
          inputMode="decimal"
          placeholder={t('reorder.noCap')}
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          onBlur={saveBudget}
          onKeyDown={(e) => e.key === 'Enter' && saveBudget()}
        />
        <span className="ro-total" data-testid="reorder-total">
          <Money minor={total} currency={plan.currency} />
        </span>
        <button type="button" className="btn btn-primary" data-testid="create-draft-po" disabled={busy || !!bad || !chosen.length} onClick={createDraft}>
          {busy ? t('common.saving') : t('reorder.createDraft')}
        </button>
      </header>
      {bad ? (
        <div className="field-error ro-pad" role="alert" data-testid="reorder-qty-error">
          {t('reorder.qtyInvalidRow', { sku: bad.l.sku })}
        </div>
      ) : null}
      <table className="table ro-lines">
        <thead>
          <tr>
            <th aria-label={t('reorder.include')} />
            <th>{t('reorder.col.product')}</th>
            <th>{t('reorder.col.why')}</th>
            <th className="right">{t('reorder.col.projected')}</th>
            <th className="right">{t('reorder.col.perWeek')}</th>
            <th className="right">{t('reorder.col.leadTime')}</th>
            <th>{t('reorder.col.orderBy')}</th>
            <th className="right">{t('reorder.col.qty')}</th>
            <th className="right">{t('reorder.col.unitPrice')}</th>
          </tr>
        </thead>
        <tbody>
          {(showAll ? rows : rows.slice(0, FIRST_LINES)).map(({ l, qty, on }) => {
            // the planner's own rounding: a quantity it would round is one the supplier will not take as it is
            const offPack = qty !== null && qty > 0 && roundOrder(qty, l.orderMultiple, l.moq) !== qty;
            return (
              <tr key={l.productId} data-testid="reorder-line" data-sku={l.sku} className={on ? '' : 'ro-off'}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('reorder.includeSku', { sku: l.sku })}
                    checked={on}
                    onChange={(e) => setSkipped((s) => (e.target.checked ? new Set([...s].filter((x) => x !== l.productId)) : new Set([...s, l.productId])))}
                  />
                </td>
                <td>
                  <a className="mono strong" data-testid="reorder-open" href={'#' + paths.reorder(l.productId)}>
                    {l.sku}
                  </a>
                  <div className="muted small">{l.name}</div>
                </td>
                <td className="small ro-why" data-testid="reorder-why">
                  {reasonText(l, t, locale, weeks)}
                  {l.trimmed ? (
                    <span className="tag ro-trimmed" data-testid="reorder-trimmed">
                      {t('reorder.trimmed', { n: l.suggestedQty })}
                    </span>
                  ) : null}
                </td>
                <td className="right" title={t('reorder.projectedParts', { onHand: l.onHand, onOrder: l.onOrder, reserved: l.reserved, live: l.plannedLive })}>
                  {units(l.projected)}
                </td>
                <td className="right">{l.forecastPerWeek === null ? '—' : units(l.forecastPerWeek)}</td>
                <td className="right" title={t(`reorder.leadFrom.${l.leadTimeFrom}`)}>
                  {t('reorder.days', { n: units(l.leadTimeDays) })}
                </td>
                <td className={l.slackDays !== null && l.slackDays < 0 ? 'neg' : ''}>{l.orderBy ? dayLabel(l.orderBy, locale) : '—'}</td>
                <td className="right">
                  <input
                    className="ro-input ro-qty right"
                    data-testid="reorder-qty"
                    aria-label={t('reorder.qtyOf', { sku: l.sku })}
                    aria-invalid={qty === null}
                    inputMode="numeric"
                    value={text(l)}
                    onChange={(e) => setTyped((m) => ({ ...m, [l.productId]: e.target.value }))}
                  />
                  {offPack ? <div className="small warn">{t('reorder.pack', { moq: l.moq, multiple: l.orderMultiple })}</div> : null}
                </td>
                <td className="right">{l.listPrice === null ? '—' : <Money minor={priceOf(l, qty ?? 0)} currency={plan.currency} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!showAll && rows.length > FIRST_LINES ? (
        <button type="button" className="btn btn-small ro-more" data-testid="reorder-show-all" onClick={() => setShowAll(true)}>
          {t('reorder.showAll', { n: rows.length, shown: FIRST_LINES })}
        </button>
      ) : null}
    </section>
  );
}
