// The planning defaults (service level, method, history, holding rate, order cost, promotions)
// and the promotional periods whose sales are kept out of the normal rate.
import { useState } from 'react';
import { formatMoney } from '../../../main/common/money';
import type { ReorderSettings } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { wholeNumber } from '../../api/input';
import { SelectField, TextField } from '../../components/Field';
import { Panel, PanelForm } from '../../components/Panel';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../i18n';
import { dayLabel, METHOD_CHOICES } from './reason';

const SETTINGS_FIELDS = ['serviceLevel', 'method', 'autoPick', 'alpha', 'historyWeeks', 'holdingRate', 'orderCost', 'promotional'];
const pct = (n: number) => String(Math.round(n * 1000) / 10);

export function PlanningSettingsPanel({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const s = useQuery('reorder.settings', {}).data;
  return s ? <SettingsForm s={s} onClose={onClose} /> : <Panel title={t('reorder.settings')} onClose={onClose}>{null}</Panel>;
}

function SettingsForm({ s, onClose }: { s: ReorderSettings; onClose(): void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [service, setService] = useState(pct(s.serviceLevel));
  const [method, setMethod] = useState<string>(s.method);
  const [autoPick, setAutoPick] = useState<string>(s.autoPick);
  const [alpha, setAlpha] = useState(String(s.alpha));
  const [weeks, setWeeks] = useState(String(s.historyWeeks));
  const [holding, setHolding] = useState(pct(s.holdingRate));
  const [orderCost, setOrderCost] = useState(s.orderCost === null ? '' : formatMoney(s.orderCost, s.baseCurrency));
  const [promotional, setPromotional] = useState<string>(s.promotional);
  const { err, errors, busy, submit } = useFormSubmit(SETTINGS_FIELDS);
  const onSubmit = submit(async () => {
    await client.call('reorder.saveSettings', {
      serviceLevel: Number(service) / 100,
      method: method as ReorderSettings['method'],
      autoPick: autoPick as ReorderSettings['autoPick'],
      alpha: Number(alpha),
      historyWeeks: wholeNumber(weeks) as number,
      holdingRate: Number(holding) / 100,
      orderCost: orderCost.trim() === '' ? null : orderCost.trim(),
      promotional: promotional as ReorderSettings['promotional'],
    });
    toast(t('reorder.settingsSaved'));
    onClose();
  });
  return (
    <PanelForm title={t('reorder.settings')} onClose={onClose} onSubmit={onSubmit} busy={busy} error={errors.general} testId="planning-settings">
      <TextField name="serviceLevel" label={t('reorder.f.serviceLevel')} value={service} onChange={setService} error={err('serviceLevel')} inputMode="decimal" hint={t('reorder.f.serviceLevelHint')} />
      <SelectField
        name="method"
        label={t('reorder.f.method')}
        value={method}
        onChange={setMethod}
        error={err('method')}
        options={METHOD_CHOICES.map((m) => ({ value: m, label: t(`reorder.method.${m}`) }))}
      />
      <SelectField
        name="autoPick"
        label={t('reorder.f.autoPick')}
        value={autoPick}
        onChange={setAutoPick}
        error={err('autoPick')}
        options={[
          { value: 'class', label: t('reorder.autoPick.class') },
          { value: 'backtest', label: t('reorder.autoPick.backtest') },
        ]}
      />
      <TextField name="alpha" label={t('reorder.f.alpha')} value={alpha} onChange={setAlpha} error={err('alpha')} inputMode="decimal" hint={t('reorder.f.alphaHint')} />
      <TextField name="historyWeeks" label={t('reorder.f.historyWeeks')} value={weeks} onChange={setWeeks} error={err('historyWeeks')} inputMode="numeric" />
      <TextField name="holdingRate" label={t('reorder.f.holdingRate')} value={holding} onChange={setHolding} error={err('holdingRate')} inputMode="decimal" hint={t('reorder.f.holdingRateHint')} />
      <TextField name="orderCost" label={t('reorder.f.orderCost', { currency: s.baseCurrency })} value={orderCost} onChange={setOrderCost} error={err('orderCost')} inputMode="decimal" hint={t('reorder.f.orderCostHint')} />
      <SelectField
        name="promotional"
        label={t('reorder.f.promotional')}
        value={promotional}
        onChange={setPromotional}
        error={err('promotional')}
        options={[
          { value: 'exclude', label: t('reorder.promotional.exclude') },
          { value: 'include', label: t('reorder.promotional.include') },
        ]}
      />
    </PanelForm>
  );
}

const PROMO_FIELDS = ['name', 'fromDay', 'toDay', 'productId'];

export function PromotionsPanel({ onClose }: { onClose(): void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const list = useQuery('reorder.promotions', {}).data ?? [];
  const [name, setName] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const { err, errors, busy, submit } = useFormSubmit(PROMO_FIELDS);
  const onSubmit = submit(async () => {
    await client.call('reorder.savePromotion', { name, fromDay, toDay, productId: product?.id ?? null });
    toast(t('reorder.promotionSaved', { name }));
    setName('');
    setFromDay('');
    setToDay('');
    setProduct(null);
  });
  async function remove(id: string) {
    try {
      await client.call('reorder.removePromotion', { id });
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  }
  return (
    <PanelForm title={t('reorder.promotions')} onClose={onClose} onSubmit={onSubmit} busy={busy} error={errors.general} testId="promotions">
      <p className="muted small span-2">{t('reorder.promotionsHint')}</p>
      <TextField name="name" label={t('reorder.f.promoName')} value={name} onChange={setName} error={err('name')} maxLength={120} className="span-2" />
      <TextField name="fromDay" type="date" label={t('reorder.f.from')} value={fromDay} onChange={setFromDay} error={err('fromDay')} />
      <TextField name="toDay" type="date" label={t('reorder.f.to')} value={toDay} onChange={setToDay} error={err('toDay')} />
      <ProductPicker name="productId" label={t('reorder.f.promoProduct')} value={product} onChange={setProduct} error={err('productId')} hint={t('reorder.f.everyProductHint')} className="span-2" />
      <ul className="ro-promos span-2" data-testid="promotion-list">
        {list.map((p) => (
          <li key={p.id} data-testid="promotion">
            <strong>{p.name}</strong> <span className="small">{dayLabel(p.fromDay, locale)} – {dayLabel(p.toDay, locale)}</span> <span className="muted small">{p.sku ?? t('reorder.f.everyProduct')}</span>
            <button type="button" className="btn btn-small" onClick={() => remove(p.id)} aria-label={t('reorder.removePromotion', { name: p.name })}>
              {t('reorder.remove')}
            </button>
          </li>
        ))}
      </ul>
    </PanelForm>
  );
}
