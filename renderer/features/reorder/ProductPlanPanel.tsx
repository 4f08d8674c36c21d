// One product's plan in full: the figures behind the suggestion, its weekly demand and forecast,
// stock ahead, how each forecasting method would have done on its own history (MASE: below 1
// beats "same as last week"), and its planning rule.
import { useState } from 'react';
import type { PlanPolicy, ReorderProduct, ReorderRule } from '../../../main/common/api';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { wholeNumber } from '../../api/input';
import { paths } from '../../app/router';
import { ReorderChart } from '../../charts';
import { InlineError } from '../../components/EmptyState';
import { SelectField, TextField } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../i18n';
import { dayLabel, METHOD_CHOICES, reasonText, units } from './reason';

export function ProductPlanPanel({ productId, locationId, onClose }: { productId: string; locationId: string | undefined; onClose(): void }) {
  const { t } = useI18n();
  const q = useQuery('reorder.product', locationId ? { productId, locationId } : { productId });
  const p = q.data;
  return (
    <Panel title={p ? `${p.line.sku} · ${p.line.name}` : t('common.loading')} onClose={onClose} testId="reorder-product" wide>
      <div className="panel-body ro-product">
        {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
        {p ? <Plan p={p} /> : null}
        {p ? <RuleForm key={JSON.stringify(p.rule)} p={p} /> : null}
      </div>
    </Panel>
  );
}

function Plan({ p }: { p: ReorderProduct }) {
  const { t, locale } = useI18n();
  const l = p.line;
  const figure = (label: string, value: string, testId?: string) => (
    <div className="ro-figure" data-testid={testId}>
      <span className="muted small">{label}</span>
      <strong>{value}</strong>
    </div>
  );
  const chosen = l.forecastPerWeek === null ? null : l.method;
  return (
    <>
      <p className="ro-reason" data-testid="plan-reason">
        {reasonText(l, t, locale, p.weeks.length)}
      </p>
      <div className="ro-figures">
        {figure(t('reorder.f.projected'), units(l.projected), 'plan-projected')}
        {l.plannedLive ? figure(t('reorder.f.plannedLive'), String(l.plannedLive), 'plan-live') : null}
        {figure(t('reorder.f.perWeek'), l.forecastPerWeek === null ? '—' : units(l.forecastPerWeek), 'plan-forecast')}
        {figure(t('reorder.f.method'), `${t(`reorder.method.${l.method}`)} · ${t(`reorder.class.${l.class}`)}`, 'plan-method')}
        {figure(t('reorder.f.leadTime'), `${t('reorder.days', { n: units(l.leadTimeDays) })}${l.leadTimeSdDays ? ` ± ${units(l.leadTimeSdDays)}` : ''} · ${t(`reorder.leadFrom.${l.leadTimeFrom}`)}`)}
        {figure(t('reorder.f.safetyStock'), l.safetyStock === null ? '—' : units(l.safetyStock))}
        {figure(t('reorder.f.reorderPoint'), l.reorderPoint === null ? '—' : units(l.reorderPoint))}
        {figure(t('reorder.f.eoq'), l.eoq === null ? '—' : units(l.eoq))}
        {figure(t('reorder.f.suggested'), String(l.suggestedQty), 'plan-suggested')}
        {figure(t('reorder.f.runsOut'), l.runsOutOn ? dayLabel(l.runsOutOn, locale) : '—')}
        {figure(t('reorder.f.promo'), String(l.promoUnits))}
      </div>
      <ReorderChart
        weeks={p.weeks}
        forecastPerWeek={l.forecastPerWeek}
        projection={p.projection}
        reorderPoint={l.reorderPoint}
        safetyStock={l.safetyStock}
        labels={{
          sold: t('reorder.chart.sold'),
          promo: t('reorder.chart.promo'),
          forecast: t('reorder.chart.forecast'),
          stock: t('reorder.chart.stock'),
          withOrder: t('reorder.chart.withOrder'),
          reorderPoint: t('reorder.f.reorderPoint'),
          safetyStock: t('reorder.f.safetyStock'),
          history: t('reorder.chart.history', { n: p.weeks.length }),
          ahead: t('reorder.chart.ahead'),
        }}
      />
      <h3 className="ro-h3">{t('reorder.backtest')}</h3>
      <p className="muted small">{t('reorder.backtestHint')}</p>
      <table className="table" data-testid="plan-backtest">
        <thead>
          <tr>
            <th>{t('reorder.f.method')}</th>
            <th className="right">{t('reorder.f.perWeek')}</th>
            <th className="right">MASE</th>
          </tr>
        </thead>
        <tbody>
          {p.methods.map((m) => (
            <tr key={m.method} data-testid="backtest-row" data-method={m.method} className={m.method === chosen ? 'ro-chosen' : ''}>
              <td>
                {t(`reorder.method.${m.method}`)}
                {m.method === chosen ? <span className="tag ro-tag-chosen">{t('reorder.inUse')}</span> : null}
              </td>
              <td className="right">{m.perWeek === null ? '—' : units(m.perWeek)}</td>
              <td className="right" data-testid="backtest-mase">
                {m.mase === null ? '—' : m.mase.toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        <a href={'#' + paths.product(l.productId)}>{t('reorder.openProduct')}</a>
      </p>
    </>
  );
}

const POLICIES: PlanPolicy[] = ['rop', 'minmax', 'level', 'none'];
const FIELDS = ['supplierId', 'policy', 'method', 'serviceLevel', 'min', 'max', 'reorderLevel', 'reorderQty'];

/** The product's planning rule; blank fields take the planning settings' defaults. */
function RuleForm({ p }: { p: ReorderProduct }) {
  const { t } = useI18n();
  const toast = useToast();
  const r = p.rule;
  const sources = useQuery('suppliers.sourcesOf', { productId: r.productId }).data ?? [];
  const suppliers = useQuery('suppliers.list', {}).data ?? [];
  const num = (n: number | null) => (n === null ? '' : String(n));
  const [supplierId, setSupplierId] = useState(r.supplierId ?? '');
  const [policy, setPolicy] = useState<PlanPolicy>(r.policy);
  const [method, setMethod] = useState<string>(r.method ?? '');
  const [service, setService] = useState(r.serviceLevel === null ? '' : String(Math.round(r.serviceLevel * 1000) / 10));
  const [min, setMin] = useState(num(r.min));
  const [max, setMax] = useState(num(r.max));
  const [level, setLevel] = useState(num(r.reorderLevel));
  const [levelQty, setLevelQty] = useState(num(r.reorderQty));
  const { err, errors, busy, submit } = useFormSubmit(FIELDS);
  const optionalUnits = (s: string) => (s.trim() === '' ? null : wholeNumber(s));
  const onSubmit = submit(async () => {
    const rule: ReorderRule = await client.call('reorder.saveRule', {
      productId: r.productId,
      supplierId: supplierId || null,
      policy,
      method: (method || null) as ReorderRule['method'],
      serviceLevel: service.trim() === '' ? null : Number(service) / 100,
      min: optionalUnits(min),
      max: optionalUnits(max),
      reorderLevel: optionalUnits(level),
      reorderQty: optionalUnits(levelQty),
    });
    toast(t('reorder.ruleSaved', { policy: t(`reorder.policy.${rule.policy}`) }));
  });
  const name = (id: string) => suppliers.find((s) => s.id === id)?.name ?? id;
  return (
    <form className="ro-rule" onSubmit={onSubmit} data-testid="rule-form" noValidate>
      <h3 className="ro-h3">{t('reorder.rule')}</h3>
      <div className="form-grid">
        <SelectField
          name="supplierId"
          label={t('reorder.f.supplier')}
          value={supplierId}
          onChange={setSupplierId}
          error={err('supplierId')}
          placeholder={t('reorder.f.supplierDefault')}
          options={sources.map((s) => ({ value: s.supplierId, label: `${name(s.supplierId)} · ${s.supplierSku}` }))}
        />
        <SelectField
          name="policy"
          label={t('reorder.f.policy')}
          value={policy}
          onChange={(v) => setPolicy(v as PlanPolicy)}
          error={err('policy')}
          options={POLICIES.map((x) => ({ value: x, label: t(`reorder.policy.${x}`) }))}
        />
        <SelectField
          name="method"
          label={t('reorder.f.method')}
          value={method}
          onChange={setMethod}
          error={err('method')}
          options={[{ value: '', label: t('reorder.f.default', { value: t(`reorder.method.${p.settings.method}`) }) }, ...METHOD_CHOICES.map((m) => ({ value: m, label: t(`reorder.method.${m}`) }))]}
        />
        <TextField
          name="serviceLevel"
          label={t('reorder.f.serviceLevel')}
          value={service}
          onChange={setService}
          error={err('serviceLevel')}
          inputMode="decimal"
          placeholder={t('reorder.f.default', { value: `${p.settings.serviceLevel * 100}%` })}
        />
        {policy === 'minmax' ? (
          <>
            <TextField name="min" label={t('reorder.f.min')} value={min} onChange={setMin} error={err('min')} inputMode="numeric" />
            <TextField name="max" label={t('reorder.f.max')} value={max} onChange={setMax} error={err('max')} inputMode="numeric" />
          </>
        ) : null}
        {policy === 'level' ? (
          <>
            <TextField name="reorderLevel" label={t('reorder.f.level')} value={level} onChange={setLevel} error={err('reorderLevel')} inputMode="numeric" />
            <TextField name="reorderQty" label={t('reorder.f.levelQty')} value={levelQty} onChange={setLevelQty} error={err('reorderQty')} inputMode="numeric" />
          </>
        ) : null}
      </div>
      {errors.general ? (
        <div className="field-error" role="alert">
          {errors.general}
        </div>
      ) : null}
      <button type="submit" className="btn btn-primary" data-testid="save-rule" disabled={busy}>
        {busy ? t('common.saving') : t('reorder.saveRule')}
      </button>
    </form>
  );
}
