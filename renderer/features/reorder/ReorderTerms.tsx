// A supplier's reorder terms, on its page: what placing one order costs (for the economic order
// quantity) and the most one suggested order may come to (the budget cap), in its currency.
import { useState } from 'react';
import { formatMoney } from '../../../main/common/money';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export function ReorderTerms({ supplierId }: { supplierId: string }) {
  const q = useQuery('reorder.supplier', { supplierId });
  return q.data ? <TermsForm key={`${q.data.orderCost}|${q.data.budget}`} terms={q.data} /> : null;
}

function TermsForm({ terms }: { terms: { supplierId: string; currency: string; orderCost: number | null; budget: number | null } }) {
  const t = useT();
  const toast = useToast();
  const shown = (n: number | null) => (n === null ? '' : formatMoney(n, terms.currency));
  const [orderCost, setOrderCost] = useState(shown(terms.orderCost));
  const [budget, setBudget] = useState(shown(terms.budget));
  const { err, errors, busy, submit } = useFormSubmit(['orderCost', 'budget']);
  const onSubmit = submit(async () => {
    const blankIsNull = (s: string) => (s.trim() === '' ? null : s.trim());
    await client.call('reorder.saveSupplier', { supplierId: terms.supplierId, orderCost: blankIsNull(orderCost), budget: blankIsNull(budget) });
    toast(t('reorder.termsSaved'));
  });
  return (
    <section className="card" data-testid="reorder-terms">
      <h2 className="card-title">{t('reorder.terms')}</h2>
      <form className="form-grid" onSubmit={onSubmit} noValidate>
        <TextField name="orderCost" label={t('reorder.f.supplierOrderCost', { currency: terms.currency })} value={orderCost} onChange={setOrderCost} error={err('orderCost')} inputMode="decimal" hint={t('reorder.f.supplierOrderCostHint')} />
        <TextField name="budget" label={t('reorder.f.budget', { currency: terms.currency })} value={budget} onChange={setBudget} error={err('budget')} inputMode="decimal" placeholder={t('reorder.noCap')} hint={t('reorder.f.budgetHint')} />
        {errors.general ? <div className="field-error span-2">{errors.general}</div> : null}
        <div className="span-2">
          <button type="submit" className="btn" data-testid="save-terms" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
