// One version of a customs profile: its dates, the rules (VAT, basis, thresholds, fees), a tariff
// of duty rates by HS prefix, its sources and notes. Saving a shipped version keeps the change as
// the user's "edited" version; the shipped rules come back when it is removed.
import { useState, type FormEvent } from 'react';
import { ApiError, type CustomsProfileRow } from '../../../main/common/api';
import { fractionToPercent, percentToFraction } from '../../../main/common/calc/pricing';
import { currencyList } from '../../../main/common/money';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { CountrySelect } from '../../components/CountrySelect';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { PanelForm } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { CellInput } from '../calculator/cells';

interface FeeDraft {
  id: string;
  name: string;
  ratePct: string;
  min: string;
  max: string;
  optional: boolean;
}

interface TariffDraft {
  hs: string;
  dutyPct: string;
  excisePct: string;
}

export interface ProfileDraft {
  code: string;
  name: string;
  country: string;
  currency: string;
  validFrom: string;
  validTo: string;
  dutyBasis: 'FOB' | 'CIF';
  vatPct: string;
  taxFactor: string;
  vatRecoverable: boolean;
  dutyFreeUpTo: string;
  vatFreeUpTo: string;
  lowValueDutyPerHs6: string;
  consignmentLimit: string;
  annualLimit: string;
  fees: FeeDraft[];
  tariff: TariffDraft[];
  sources: { title: string; url: string }[];
  notes: string;
}

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const orNull = (v: string) => v.trim() || null;

export function draftOf(p: CustomsProfileRow): ProfileDraft {
  const c = p.customs;
  return {
    code: p.code,
    name: p.name,
    country: p.country,
    currency: p.currency,
    validFrom: p.validFrom,
    validTo: p.validTo ?? '',
    dutyBasis: c.dutyBasis ?? 'CIF',
    vatPct: fractionToPercent(c.vatRate ?? '0'),
    taxFactor: s(c.taxFactor ?? '1'),
    vatRecoverable: c.vatRecoverable === true,
    dutyFreeUpTo: s(c.dutyFreeUpTo),
    vatFreeUpTo: s(c.vatFreeUpTo),
    lowValueDutyPerHs6: s(c.lowValueDutyPerHs6),
    consignmentLimit: s(c.consignmentLimit),
    annualLimit: s(c.annualLimit),
    fees: (c.fees ?? []).map((f) => ({ id: f.id, name: f.name ?? '', ratePct: fractionToPercent(f.rate), min: s(f.min), max: s(f.max), optional: f.optional === true })),
    tariff: (p.tariff ?? []).map((r) => ({ hs: r.hs, dutyPct: fractionToPercent(r.dutyRate), excisePct: fractionToPercent(r.exciseRate ?? null) })),
    sources: p.sources.map((x) => ({ ...x })),
    notes: p.notes,
  };
}

export function emptyDraft(today: string, base: string): ProfileDraft {
  return {
    code: '',
    name: '',
    country: '',
    currency: base,
    validFrom: today,
    validTo: '',
    dutyBasis: 'CIF',
    vatPct: '',
    taxFactor: '1',
    vatRecoverable: false,
    dutyFreeUpTo: '',
    vatFreeUpTo: '',
    lowValueDutyPerHs6: '',
    consignmentLimit: '',
    annualLimit: '',
    fees: [],
    tariff: [],
    sources: [],
    notes: '',
  };
}

function toBody(d: ProfileDraft) {
  return {
    code: d.code.trim(),
    name: d.name.trim(),
    country: d.country,
    currency: d.currency,
    validFrom: d.validFrom,
    validTo: d.validTo || null,
    customs: {
      dutyBasis: d.dutyBasis,
      vatRate: percentToFraction(d.vatPct) ?? '0',
      taxFactor: d.taxFactor.trim() || '1',
      vatRecoverable: d.vatRecoverable,
      dutyFreeUpTo: orNull(d.dutyFreeUpTo),
      vatFreeUpTo: orNull(d.vatFreeUpTo),
      lowValueDutyPerHs6: orNull(d.lowValueDutyPerHs6),
      consignmentLimit: orNull(d.consignmentLimit),
      annualLimit: orNull(d.annualLimit),
      fees: d.fees.map((f) => ({ id: f.id.trim(), ...(f.name.trim() ? { name: f.name.trim() } : {}), rate: percentToFraction(f.ratePct) ?? '', min: orNull(f.min), max: orNull(f.max), optional: f.optional })),
    },
    tariff: d.tariff
      .filter((r) => r.hs.trim() || r.dutyPct.trim())
      .map((r) => ({ hs: r.hs.trim(), dutyRate: percentToFraction(r.dutyPct) ?? '', exciseRate: percentToFraction(r.excisePct) })),
    sources: d.sources.filter((x) => x.title.trim() || x.url.trim()).map((x) => ({ title: x.title.trim(), url: x.url.trim() })),
    notes: d.notes,
  };
}

/** API fields (customs.fees.0.rate, tariff.3.hs) → messages, keyed by the full path. */
function fieldErrors(e: unknown): { fields: Record<string, string>; general: string | null } {
  if (!(e instanceof ApiError)) return { fields: {}, general: errorMessage(e) };
  const issues = e.details?.issues ?? (e.details?.field ? [{ field: e.details.field, message: e.message }] : []);
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.field.replace(/\[(\d+)\]/g, '.$1')] ??= i.message;
  return { fields, general: issues.length ? null : e.message };
}

/** The API fields this form shows next to their control; any other goes on top. */
const SHOWN = new Set(['code', 'name', 'country', 'currency', 'validFrom', 'validTo', 'notes', ...['vatRate', 'dutyBasis', 'dutyFreeUpTo', 'vatFreeUpTo', 'lowValueDutyPerHs6', 'taxFactor', 'consignmentLimit', 'annualLimit', 'vatRecoverable'].map((f) => `customs.${f}`)]);
const known = (k: string) => SHOWN.has(k) || /^(customs\.fees\.\d+\.(id|name|rate|min|max)|tariff\.\d+\.(hs|dutyRate|exciseRate)|sources\.\d+\.(title|url))$/.test(k);

const CURRENCIES = currencyList()
  .sort((a, b) => a.code.localeCompare(b.code))
  .map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }));

interface Props {
  title: string;
  initial: ProfileDraft;
  /** editing an existing version: its code and first day stay (a new first day is a new version) */
  fixedKey: boolean;
  onClose(): void;
  onSaved(p: CustomsProfileRow): void;
}

export function ProfileForm({ title, initial, fixedKey, onClose, onSaved }: Props) {
  const t = useT();
  const toast = useToast();
  const [d, setD] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general: string | null }>({ fields: {}, general: null });
  const set = (p: Partial<ProfileDraft>) => setD((x) => ({ ...x, ...p }));
  const err = (f: string) => errors.fields[f];
  const list = <K extends 'fees' | 'tariff' | 'sources'>(key: K, i: number, p: Partial<ProfileDraft[K][number]>) => set({ [key]: d[key].map((x, k) => (k === i ? { ...x, ...p } : x)) } as Partial<ProfileDraft>);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const p = await client.call('landed.saveProfile', toBody(d));
      toast(t('customs.saved', { code: p.code, from: p.validFrom }));
      onSaved(p);
    } catch (x) {
      const fe = fieldErrors(x);
      // anything not shown at a field goes on top
      const stray = Object.entries(fe.fields).filter(([k]) => !known(k));
      setErrors({ fields: fe.fields, general: fe.general ?? (stray.length ? stray.map(([k, m]) => `${k}: ${m}`).join('; ') : null) });
    } finally {
      setBusy(false);
    }
  };

  const tf = (name: keyof ProfileDraft & string, label: string, extra: { api?: string; hint?: string; num?: boolean; type?: string; disabled?: boolean; className?: string } = {}) => (
    <TextField
      name={`pf-${name}`}
      label={label}
      value={d[name] as string}
      onChange={(v) => set({ [name]: v } as Partial<ProfileDraft>)}
      error={err(extra.api ?? name)}
      {...(extra.hint ? { hint: extra.hint } : {})}
      {...(extra.type ? { type: extra.type } : {})}
      {...(extra.disabled ? { disabled: true } : {})}
      className={[extra.num ? 'num-input' : '', extra.className ?? ''].join(' ').trim()}
      {...(extra.num ? { inputMode: 'decimal' as const } : {})}
    />
  );

  return (
    <PanelForm title={title} onClose={onClose} testId="profile-form" wide onSubmit={(e) => void save(e)} busy={busy} error={errors.general}>
      {tf('code', t('customs.code'), { disabled: fixedKey, hint: t('customs.code.hint') })}
      {tf('name', t('customs.name'))}
      <CountrySelect name="pf-country" label={t('customs.country')} value={d.country} onChange={(v) => set({ country: v })} error={err('country')} />
      <SelectField name="pf-currency" label={t('customs.currency')} value={d.currency} onChange={(v) => set({ currency: v })} options={CURRENCIES} error={err('currency')} hint={t('customs.currency.hint')} />
      {tf('validFrom', t('customs.validFrom'), { type: 'date', disabled: fixedKey })}
      {tf('validTo', t('customs.validTo'), { type: 'date', hint: t('customs.validTo.hint') })}

      <div className="form-section">{t('customs.rules')}</div>
      {tf('vatPct', t('customs.vatPct'), { api: 'customs.vatRate', num: true })}
      <SelectField
        name="pf-dutyBasis"
        label={t('customs.basis')}
        value={d.dutyBasis}
        onChange={(v) => set({ dutyBasis: v as 'FOB' | 'CIF' })}
        options={[
          { value: 'CIF', label: t('customs.basis.CIF') },
          { value: 'FOB', label: t('customs.basis.FOB') },
        ]}
        error={err('customs.dutyBasis')}
      />
      {tf('dutyFreeUpTo', t('customs.dutyFreeUpTo', { ccy: d.currency }), { api: 'customs.dutyFreeUpTo', num: true, hint: t('customs.blankNone') })}
      {tf('vatFreeUpTo', t('customs.vatFreeUpTo', { ccy: d.currency }), { api: 'customs.vatFreeUpTo', num: true, hint: t('customs.blankNone') })}
      {tf('lowValueDutyPerHs6', t('customs.flatDuty', { ccy: d.currency }), { api: 'customs.lowValueDutyPerHs6', num: true, hint: t('customs.flatDuty.hint') })}
      {tf('taxFactor', t('customs.factor'), { api: 'customs.taxFactor', num: true, hint: t('customs.factor.hint') })}
      {tf('consignmentLimit', t('customs.consignmentLimit', { ccy: d.currency }), { api: 'customs.consignmentLimit', num: true, hint: t('customs.blankNone') })}
      {tf('annualLimit', t('customs.annualLimit', { ccy: d.currency }), { api: 'customs.annualLimit', num: true, hint: t('customs.annualLimit.hint') })}
      <CheckboxField name="pf-vatRecoverable" label={t('customs.vatRecoverable')} hint={t('customs.vatRecoverable.hint')} checked={d.vatRecoverable} onChange={(v) => set({ vatRecoverable: v })} error={err('customs.vatRecoverable')} />

      <div className="form-section">{t('customs.fees')}</div>
      <div className="span-2">
        {d.fees.length ? (
          <table className="table compact tariff-table" data-testid="pf-fees">
            <thead>
              <tr>
                <th>{t('customs.fee.id')}</th>
                <th>{t('customs.fee.name')}</th>
                <th className="right">{t('customs.fee.rate')}</th>
                <th className="right">{t('customs.fee.min', { ccy: d.currency })}</th>
                <th className="right">{t('customs.fee.max', { ccy: d.currency })}</th>
                <th>{t('customs.fee.optional')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.fees.map((f, i) => (
                <tr key={i}>
                  <td>
                    <CellInput name={`pf-customs.fees.${i}.id`} label={t('customs.fee.id')} value={f.id} onChange={(v) => list('fees', i, { id: v })} error={err(`customs.fees.${i}.id`)} />
                  </td>
                  <td>
                    <CellInput name={`pf-customs.fees.${i}.name`} label={t('customs.fee.name')} value={f.name} onChange={(v) => list('fees', i, { name: v })} error={err(`customs.fees.${i}.name`)} />
                  </td>
                  <td>
                    <CellInput name={`pf-customs.fees.${i}.rate`} label={t('customs.fee.rate')} num value={f.ratePct} onChange={(v) => list('fees', i, { ratePct: v })} error={err(`customs.fees.${i}.rate`)} />
                  </td>
                  <td>
                    <CellInput name={`pf-customs.fees.${i}.min`} label={t('customs.fee.min', { ccy: d.currency })} num value={f.min} onChange={(v) => list('fees', i, { min: v })} error={err(`customs.fees.${i}.min`)} />
                  </td>
                  <td>
                    <CellInput name={`pf-customs.fees.${i}.max`} label={t('customs.fee.max', { ccy: d.currency })} num value={f.max} onChange={(v) => list('fees', i, { max: v })} error={err(`customs.fees.${i}.max`)} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={t('customs.fee.optional')} checked={f.optional} onChange={(e) => list('fees', i, { optional: e.target.checked })} />
                  </td>
                  <td>
                    <button type="button" className="icon-btn" aria-label={t('common.remove')} onClick={() => set({ fees: d.fees.filter((_, k) => k !== i) })}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <button type="button" className="btn btn-small" data-testid="pf-add-fee" onClick={() => set({ fees: [...d.fees, { id: `fee${d.fees.length + 1}`, name: '', ratePct: '', min: '', max: '', optional: false }] })}>
          + {t('customs.fee.add')}
        </button>
      </div>

      <div className="form-section">{t('customs.tariff')}</div>
      <div className="span-2">
        <p className="muted small">{t('customs.tariff.hint')}</p>
        {d.tariff.length ? (
          <table className="table compact tariff-table" data-testid="pf-tariff">
            <thead>
              <tr>
                <th>{t('customs.tariff.hs')}</th>
                <th className="right">{t('customs.tariff.duty')}</th>
                <th className="right">{t('customs.tariff.excise')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.tariff.map((r, i) => (
                <tr key={i} data-testid="pf-tariff-row">
                  <td>
                    <CellInput name={`pf-tariff.${i}.hs`} label={t('customs.tariff.hs')} className="input cell-input mono" value={r.hs} onChange={(v) => list('tariff', i, { hs: v })} error={err(`tariff.${i}.hs`)} />
                  </td>
                  <td>
                    <CellInput name={`pf-tariff.${i}.dutyRate`} label={t('customs.tariff.duty')} num value={r.dutyPct} onChange={(v) => list('tariff', i, { dutyPct: v })} error={err(`tariff.${i}.dutyRate`)} />
                  </td>
                  <td>
                    <CellInput name={`pf-tariff.${i}.exciseRate`} label={t('customs.tariff.excise')} num value={r.excisePct} onChange={(v) => list('tariff', i, { excisePct: v })} error={err(`tariff.${i}.exciseRate`)} />
                  </td>
                  <td>
                    <button type="button" className="icon-btn" aria-label={t('common.remove')} onClick={() => set({ tariff: d.tariff.filter((_, k) => k !== i) })}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <button type="button" className="btn btn-small" data-testid="pf-add-tariff" onClick={() => set({ tariff: [...d.tariff, { hs: '', dutyPct: '', excisePct: '' }] })}>
          + {t('customs.tariff.add')}
        </button>
      </div>

      <div className="form-section">{t('customs.sources')}</div>
      <div className="span-2">
        {d.sources.map((x, i) => (
          <div key={i} className="source-row">
            <CellInput name={`pf-sources.${i}.title`} label={t('customs.source.title')} placeholder={t('customs.source.title')} value={x.title} onChange={(v) => list('sources', i, { title: v })} error={err(`sources.${i}.title`)} />
            <CellInput name={`pf-sources.${i}.url`} label={t('customs.source.url')} placeholder="https://…" value={x.url} onChange={(v) => list('sources', i, { url: v })} error={err(`sources.${i}.url`)} />
            <button type="button" className="icon-btn" aria-label={t('common.remove')} onClick={() => set({ sources: d.sources.filter((_, k) => k !== i) })}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" data-testid="pf-add-source" onClick={() => set({ sources: [...d.sources, { title: '', url: '' }] })}>
          + {t('customs.source.add')}
        </button>
      </div>
      <TextAreaField name="pf-notes" className="span-2" label={t('customs.notes')} value={d.notes} onChange={(v) => set({ notes: v })} error={err('notes')} rows={5} />
    </PanelForm>
  );
}
