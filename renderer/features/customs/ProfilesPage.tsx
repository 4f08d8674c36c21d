// Customs profiles: each destination's rules as dated versions (shipped with the app, the user's
// own, or a shipped one the user edited), with their notes and sources. Edit a version, add a
// version or a profile, keep a tariff of duty rates by HS prefix, remove the user's versions.
import { useState } from 'react';
import type { CustomsProfileRow } from '../../../main/common/api';
import { fractionToPercent } from '../../../main/common/calc/pricing';
import { localToday } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useBaseCurrency } from '../../app/settings';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { SourcesList } from '../../components/SourcesList';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../i18n';
import '../../styles/calculator.css';
import { draftOf, emptyDraft, ProfileForm, type ProfileDraft } from './ProfileForm';

type Editing = { title: string; initial: ProfileDraft; fixedKey: boolean } | null;

const dayAfter = (day: string) => new Date(Date.parse(day + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);

export function ProfilesPage() {
  const { t, countryName } = useI18n();
  const toast = useToast();
  const base = useBaseCurrency();
  const q = useQuery('landed.profiles', {}, { events: ['landed.changed'] });
  const [editing, setEditing] = useState<Editing>(null);
  const today = localToday();
  const groups = new Map<string, CustomsProfileRow[]>();
  for (const p of q.data ?? []) groups.set(p.code, [...(groups.get(p.code) ?? []), p]);

  const remove = (p: CustomsProfileRow) =>
    client
      .call('landed.deleteProfile', { code: p.code, validFrom: p.validFrom })
      .then(() => {
        toast(t(p.origin === 'edited' ? 'customs.reverted' : 'customs.removed', { code: p.code, from: p.validFrom }));
        q.refetch();
      })
      .catch((e: unknown) => toast(errorMessage(e), 'error'));

  const addVersion = (versions: CustomsProfileRow[]) => {
    const last = versions.at(-1)!;
    const from = last.validTo ? dayAfter(last.validTo) : today > last.validFrom ? today : dayAfter(last.validFrom);
    setEditing({ title: t('customs.newVersionOf', { code: last.code }), initial: { ...draftOf(last), validFrom: from, validTo: '' }, fixedKey: false });
  };

  return (
    <div className="page customs-page" data-testid="customs-page">
      <nav className="crumbs">
        <a href="#/landed">{t('nav.landed')}</a> › {t('customs.title')}
      </nav>
      <header className="page-head">
        <h1>{t('customs.title')}</h1>
        <span className="spacer" />
        <a className="btn" href="#/calculator">
          {t('nav.calculator')}
        </a>
        <button type="button" className="btn btn-primary" data-testid="new-profile" onClick={() => setEditing({ title: t('customs.newProfile'), initial: emptyDraft(today, base), fixedKey: false })}>
          + {t('customs.newProfile')}
        </button>
      </header>
      <p className="muted small page-intro">{t('customs.intro')}</p>
      {q.error ? <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /> : null}
      {q.data && groups.size === 0 ? <EmptyState title={t('customs.empty')} /> : null}
      {[...groups].map(([code, versions]) => {
        const current = versions.find((v) => v.validFrom <= today && (v.validTo === null || today <= v.validTo)) ?? versions.at(-1)!;
        return (
          <section key={code} className="card flush profile-group" data-testid="profile-group" data-code={code}>
            <header className="profile-group-head">
              <h2>
                <span className="mono">{code}</span> · {current.name}
              </h2>
              <span className="muted small">
                {countryName(current.country)} · {current.currency}
              </span>
              <span className="spacer" />
              <button type="button" className="btn btn-small" data-testid="add-version" onClick={() => addVersion(versions)}>
                + {t('customs.addVersion')}
              </button>
            </header>
            <table className="table compact" data-testid="profile-versions">
              <thead>
                <tr>
                  <th>{t('customs.col.validFrom')}</th>
                  <th>{t('customs.col.validTo')}</th>
                  <th>{t('customs.col.origin')}</th>
                  <th className="right">{t('customs.col.vat')}</th>
                  <th>{t('customs.col.basis')}</th>
                  <th className="right">{t('customs.col.dutyFree')}</th>
                  <th className="right">{t('customs.col.vatFree')}</th>
                  <th className="right">{t('customs.col.flat')}</th>
                  <th className="right">{t('customs.col.factor')}</th>
                  <th className="right">{t('customs.col.tariff')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => {
                  const c = v.customs;
                  const active = v === current;
                  return [
                    <tr key={v.validFrom} data-testid="profile-version" data-from={v.validFrom} data-origin={v.origin} className={active ? 'selected' : ''}>
                      <td className="nowrap mono">{v.validFrom}</td>
                      <td className="nowrap mono">{v.validTo ?? <span className="muted">{t('customs.open')}</span>}</td>
                      <td>
                        <span className={`tag origin-${v.origin}`}>{t(`customs.origin.${v.origin}`)}</span>
                      </td>
                      <td className="right num">{fractionToPercent(c.vatRate ?? '0')}%</td>
                      <td>{c.dutyBasis ?? 'CIF'}</td>
                      <td className="right num">{c.dutyFreeUpTo ?? '—'}</td>
                      <td className="right num">{c.vatFreeUpTo ?? '—'}</td>
                      <td className="right num">{c.lowValueDutyPerHs6 ?? '—'}</td>
                      <td className="right num">{String(c.taxFactor ?? '1')}</td>
                      <td className="right num">{v.tariff?.length ?? 0}</td>
                      <td className="right row-actions">
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid="edit-version"
                          onClick={() => setEditing({ title: t('customs.editVersion', { code: v.code, from: v.validFrom }), initial: draftOf(v), fixedKey: true })}
                        >
                          {t('common.edit')}
                        </button>
                        {v.origin !== 'shipped' ? (
                          <ConfirmButton label={t(v.origin === 'edited' ? 'customs.revert' : 'common.remove')} confirmLabel={t('customs.confirmRemove')} onConfirm={() => void remove(v)} testId="remove-version" />
                        ) : null}
                      </td>
                    </tr>,
                    v.notes || v.sources.length || c.fees?.length ? (
                      <tr key={`${v.validFrom}-notes`} className="notes-row">
                        <td colSpan={11}>
                          <details className="profile-notes">
                            <summary>{t('customs.notesAndSources', { n: v.sources.length })}</summary>
                            {c.fees?.length ? (
                              <p className="small">
                                {t('customs.fees')}:{' '}
                                {c.fees.map((f) => `${f.name ?? f.id} ${fractionToPercent(f.rate)}%${f.optional ? ` (${t('customs.fee.optional').toLowerCase()})` : ''}`).join(' · ')}
                              </p>
                            ) : null}
                            {v.notes ? <p className="small pre-wrap">{v.notes}</p> : null}
                            <SourcesList sources={v.sources} />
                          </details>
                        </td>
                      </tr>
                    ) : null,
                  ];
                })}
              </tbody>
            </table>
          </section>
        );
      })}
      {editing ? (
        <ProfileForm
          title={editing.title}
          initial={editing.initial}
          fixedKey={editing.fixedKey}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            q.refetch();
          }}
        />
      ) : null}
    </div>
  );
}
