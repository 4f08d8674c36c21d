// Where the goods go: a customs profile valid on the calculation's date (or none: no duty or
// taxes), whether the VAT is reclaimed, which optional fees apply, and the profile's notes and
// sources.
import type { CustomsProfileRow } from '../../../main/common/api';
import { coversDay } from '../../../main/common/calc/customs';
import { fractionToPercent } from '../../../main/common/calc/pricing';
import { CheckboxField, SelectField } from '../../components/Field';
import { SourcesList } from '../../components/SourcesList';
import { useT } from '../../i18n';
import type { CalcDraft } from './model';


/** The version of a profile code in force on a day (profiles sorted by code, then first day). */
export function versionOn(profiles: readonly CustomsProfileRow[], code: string, day: string): CustomsProfileRow | null {
  return profiles.find((p) => p.code === code && coversDay(p, day)) ?? null;
}

interface Props {
  draft: CalcDraft;
  profiles: CustomsProfileRow[];
  onChange(patch: Partial<CalcDraft>): void;
  error: string | undefined;
}

export function DestinationCard({ draft, profiles, onChange, error }: Props) {
  const t = useT();
  const day = draft.date;
  const codes = [...new Set(profiles.map((p) => p.code))];
  const options = codes
    .map((code) => ({ code, v: versionOn(profiles, code, day), any: profiles.find((p) => p.code === code)! }))
    .filter((o) => o.v || o.code === draft.profile)
    .map((o) => ({ value: o.code, label: o.v ? `${o.code} — ${o.v.name}` : `${o.code} — ${o.any.name} (${t('calc.profile.notOnDate')})` }));
  // until the profiles arrive, the chosen one still shows (not "None")
  if (draft.profile && !codes.includes(draft.profile)) options.push({ value: draft.profile, label: draft.profile });
  const profile = draft.profile ? versionOn(profiles, draft.profile, day) : null;
  const rules = profile?.customs;
  const vatRecoverable = draft.vatRecoverable ?? rules?.vatRecoverable ?? false;
  const fees = rules?.fees ?? [];
  const money = (v: string | null | undefined) => (v ? `${v} ${profile!.currency}` : null);

  return (
    <section className="card calc-destination" data-testid="calc-destination">
      <h2 className="card-title">
        {t('calc.destination')}
        <a className="card-link" href="#/customs" data-testid="customs-link">
          {t('customs.title')} →
        </a>
      </h2>
      <div className="form-grid">
        <SelectField
          name="calc-profile"
          label={t('calc.profile')}
          value={draft.profile}
          placeholder={t('calc.profile.none')}
          options={options}
          error={error}
          onChange={(v) => onChange({ profile: v, vatRecoverable: null, includeFees: [] })}
        />
        {profile ? (
          <CheckboxField name="calc-vat-recoverable" label={t('calc.vatRecoverable')} hint={t('calc.vatRecoverable.hint')} checked={vatRecoverable} onChange={(v) => onChange({ vatRecoverable: v })} />
        ) : (
          <div className="muted small calc-none">{t('calc.profile.noneHint')}</div>
        )}
      </div>
      {profile && rules ? (
        <>
          <p className="small profile-summary" data-testid="profile-summary">
            <span className="mono">
              {profile.code} · {profile.validFrom} → {profile.validTo ?? t('customs.open')}
            </span>
            {' · '}
            {[
              t('customs.summary.vat', { rate: fractionToPercent(rules.vatRate ?? '0') }),
              t('customs.summary.basis', { basis: rules.dutyBasis ?? 'CIF' }),
              money(rules.dutyFreeUpTo) ? t('customs.summary.dutyFree', { amount: money(rules.dutyFreeUpTo)! }) : null,
              money(rules.vatFreeUpTo) ? t('customs.summary.vatFree', { amount: money(rules.vatFreeUpTo)! }) : null,
              money(rules.lowValueDutyPerHs6) ? t('customs.summary.flat', { amount: money(rules.lowValueDutyPerHs6)! }) : null,
              rules.taxFactor !== undefined && String(rules.taxFactor) !== '1' ? t('customs.summary.factor', { factor: String(rules.taxFactor) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {fees.length ? (
            <div className="fee-list">
              {fees.map((f) =>
                f.optional ? (
                  <label key={f.id} className="check">
                    <input
                      type="checkbox"
                      data-testid={`calc-fee-${f.id}`}
                      checked={draft.includeFees.includes(f.id)}
                      onChange={(e) => onChange({ includeFees: e.target.checked ? [...draft.includeFees, f.id] : draft.includeFees.filter((x) => x !== f.id) })}
                    />
                    <span>
                      {f.name ?? f.id} <span className="muted small">({fractionToPercent(f.rate)}%)</span>
                    </span>
                  </label>
                ) : (
                  <span key={f.id} className="tag">
                    {f.name ?? f.id} {fractionToPercent(f.rate)}%
                  </span>
                ),
              )}
            </div>
          ) : null}
          {profile.notes || profile.sources.length ? (
            <details className="profile-notes" data-testid="profile-notes">
              <summary>{t('calc.profile.notes')}</summary>
              {profile.notes ? <p className="small pre-wrap">{profile.notes}</p> : null}
              <SourcesList sources={profile.sources} />
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
