// Live sessions: on air first, then planned, then the ones done; a new one starts as a plan.
import { useState, type FormEvent } from 'react';
import type { LiveSessionRow, LiveStatus } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { pathErrors, noErrors, type FormErrors } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { optionalText } from '../../api/input';
import { navigate, paths } from '../../app/router';
import { useBaseCurrency } from '../../app/settings';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { LocationSelect } from '../../components/LocationSelect';
import { Qty } from '../../components/Numbers';
import { PanelForm } from '../../components/Panel';
import { useT } from '../../i18n';
import { LiveStatusTag } from './LiveStatusTag';
import './live.css';

const ORDER: Record<LiveStatus, number> = { live: 0, planned: 1, closed: 2, cancelled: 3 };

export function LiveSessionsPage() {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const list = useQuery('live.list', { limit: 200 });
  const rows = [...(list.data?.rows ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.number.localeCompare(a.number));
  const newButton = (
    <button type="button" className="btn btn-primary" data-testid="new-live" onClick={() => setCreating(true)}>
      + {t('live.new')}
    </button>
  );
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('live.title')}</h1>
        <span className="spacer" />
        {newButton}
      </header>
      <p className="muted lv-intro">{t('live.intro')}</p>
      {list.error ? <InlineError message={t('common.error', { msg: list.error.message })} onRetry={list.refetch} retryLabel={t('common.retry')} /> : null}
      {list.data && rows.length === 0 ? (
        <EmptyState title={t('live.empty.title')} testId="live-empty" action={newButton}>
          {t('live.empty.body')}
        </EmptyState>
      ) : (
        <section className="card flush">
          <table className="table" data-testid="live-table">
            <thead>
              <tr>
                <th>{t('live.col.number')}</th>
                <th>{t('live.col.title')}</th>
                <th>{t('live.col.platform')}</th>
                <th>{t('live.col.location')}</th>
                <th>{t('live.col.when')}</th>
                <th className="right">{t('live.col.products')}</th>
                <th className="right">{t('live.col.claimed')}</th>
                <th>{t('live.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <Row key={s.id} s={s} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {creating ? <NewSessionPanel onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function Row({ s }: { s: LiveSessionRow }) {
  const when = s.startedAt ?? s.scheduledAt;
  // on air: its console; closed: its report; else its plan
  const target = s.status === 'live' ? paths.liveConsole(s.id) : s.status === 'closed' ? paths.liveReport(s.id) : paths.liveSession(s.id);
  return (
    <tr data-testid="live-row" data-number={s.number} data-status={s.status} className="clickable" onClick={() => navigate(target)}>
      <td className="mono">
        <a href={'#' + target} onClick={(e) => e.stopPropagation()}>
          {s.number}
        </a>
      </td>
      <td className="strong">{s.title}</td>
      <td>{s.platform ?? '—'}</td>
      <td className="mono">{s.locationCode}</td>
      <td className="small">{when ? formatDateTime(when) : '—'}</td>
      <td className="right">
        <Qty n={s.items} />
      </td>
      <td className="right">
        <Qty n={s.claimed} />
      </td>
      <td>
        <LiveStatusTag status={s.status} />
      </td>
    </tr>
  );
}

const FIELDS = ['title', 'platform', 'locationId', 'currency', 'scheduledAt'];

/** A new session: what it is called, where it sells from, in which currency; products come next, on its page. */
function NewSessionPanel({ onClose }: { onClose(): void }) {
  const t = useT();
  const base = useBaseCurrency();
  const [title, setTitle] = useState('');
  const [platform, setPlatform] = useState('');
  const [locationId, setLocationId] = useState('');
  const [currency, setCurrency] = useState(base);
  const [scheduledAt, setScheduledAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const d = await client.call('live.create', {
        title,
        platform: optionalText(platform),
        locationId,
        ...(currency ? { currency } : {}),
        scheduledAt: scheduledAt ? new Date(scheduledAt).toISOString() : null,
      });
      onClose();
      navigate(paths.liveSession(d.session.id));
    } catch (x) {
      setErrors(pathErrors(x, (p) => FIELDS.includes(p)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <PanelForm title={t('live.new')} onClose={onClose} onSubmit={submit} busy={busy} error={errors.general} testId="live-new-panel">
      <TextField name="title" label={t('live.f.title')} value={title} onChange={setTitle} error={errors.fields.title} maxLength={200} className="span-2" placeholder={t('live.f.titleHint')} />
      <TextField name="platform" label={t('live.f.platform')} value={platform} onChange={setPlatform} error={errors.fields.platform} maxLength={60} placeholder="Douyin, TikTok, Instagram…" />
      <LocationSelect name="locationId" label={t('live.f.location')} value={locationId} onChange={setLocationId} error={errors.fields.locationId} placeholder={t('common.choose')} />
      <TextField name="currency" label={t('live.f.currency')} value={currency} onChange={(v) => setCurrency(v.toUpperCase())} error={errors.fields.currency} maxLength={3} />
      <TextField name="scheduledAt" type="datetime-local" label={t('live.f.scheduledAt')} value={scheduledAt} onChange={setScheduledAt} error={errors.fields.scheduledAt} />
    </PanelForm>
  );
}
