// A supplier's connection, on its page: how Crossdock reaches them (their API, or a price list),
// the API key (sent once, stored encrypted, never shown again), automatic sync, and the last
// sync with what waits — with Test connection and Sync now.
import { useState } from 'react';
import type { ConnectionKind, Supplier, SyncConnection } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { runCounts } from './describe';
import { useSyncProgress } from './progress';

const CJ_ENDPOINT = 'https://developers.cjdropshipping.com/api2.0/v1';
const CJ_ADDRESS = ['name', 'phone', 'countryCode', 'country', 'province', 'city', 'address', 'zip'] as const;
const CJ_FIELDS = ['logisticName', 'fromCountryCode', ...CJ_ADDRESS] as const;
type CjField = (typeof CJ_FIELDS)[number];
const cjPath = (f: CjField) => (f === 'logisticName' || f === 'fromCountryCode' ? `settings.${f}` : `settings.shipTo.${f}`);

/** CJ's ordering settings: all given, or none (a connection that only reads the catalogue). */
function cjSettingsOf(v: Record<CjField, string>): Record<string, unknown> {
  const value = (f: CjField) => v[f].trim();
  if (CJ_ADDRESS.every((f) => !value(f)) && !value('logisticName')) return {};
  return {
    shipTo: Object.fromEntries(CJ_ADDRESS.map((f) => [f, value(f) || (f === 'phone' || f === 'zip' ? null : '')])),
    logisticName: value('logisticName'),
    fromCountryCode: value('fromCountryCode'),
  };
}

export function ConnectionCard({ supplier }: { supplier: Supplier }) {
  const t = useT();
  const q = useQuery('sync.connection', { supplierId: supplier.id });
  const [editing, setEditing] = useState(false);
  if (q.data === undefined) return null;
  const conn = q.data;
  if (!conn && !editing) {
    return (
      <section className="card" data-testid="connection-card">
        <h2 className="card-title">{t('sync.connection')}</h2>
        <p className="muted">{t('sync.notConnected', { name: supplier.name })}</p>
        <button type="button" className="btn" data-testid="connect-supplier" onClick={() => setEditing(true)}>
          {t('sync.connect')}
        </button>
      </section>
    );
  }
  return editing || !conn ? <ConnectionForm supplier={supplier} conn={conn} onDone={() => setEditing(false)} /> : <ConnectionStatus conn={conn} onEdit={() => setEditing(true)} />;
}

function ConnectionStatus({ conn, onEdit }: { conn: SyncConnection; onEdit(): void }) {
  const t = useT();
  const toast = useToast();
  const progress = useSyncProgress()[conn.supplierId];
  const [testing, setTesting] = useState(false);
  const run = conn.lastRun;
  const test = async () => {
    setTesting(true);
    try {
      const r = await client.call('sync.test', { supplierId: conn.supplierId });
      toast(r.message, r.ok ? 'success' : 'error');
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setTesting(false);
    }
  };
  const syncNow = () =>
    client
      .call('sync.run', { supplierId: conn.supplierId })
      .then((r) => (r.skipped[0] ? toast(r.skipped[0].reason, 'error') : toast(t('sync.started', { name: conn.supplierName }))))
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  return (
    <section className="card" data-testid="connection-card">
      <h2 className="card-title">{t('sync.connection')}</h2>
      <dl className="facts facts-4">
        <div className="fact">
          <dt>{t('sync.f.kind')}</dt>
          <dd data-testid="connection-kind">{t(`sync.kind.${conn.kind}`)}</dd>
        </div>
        <div className="fact">
          <dt>{t('sync.f.endpoint')}</dt>
          <dd className="mono small">{conn.endpoint}</dd>
        </div>
        <div className="fact">
          <dt>{t('sync.f.apiKey')}</dt>
          <dd>{conn.hasKey ? t(conn.keyStorage === 'safe' ? 'sync.key.keychain' : 'sync.key.file') : '—'}</dd>
        </div>
        <div className="fact">
          <dt>{t('sync.f.auto')}</dt>
          <dd>{conn.autoSync ? t('sync.every', { n: conn.intervalMinutes }) : t('sync.manualOnly')}</dd>
        </div>
        <div className="fact">
          <dt>{t('sync.lastSync')}</dt>
          <dd data-testid="connection-last-run">
            {progress ? (
              <span className="tag sync-running">{t('sync.progress', { stage: t(`sync.stage.${progress.stage}`), n: progress.done })}</span>
            ) : run ? (
              <>
                <span className={`tag sync-${run.result}`}>{t(`sync.result.${run.result}`)}</span> {formatDateTime(run.startedAt)}
                <div className="muted small">{runCounts(t, run)}</div>
              </>
            ) : (
              t('sync.never')
            )}
          </dd>
        </div>
      </dl>
      {run?.message ? <p className="muted small sync-message" data-testid="connection-message">{run.message}</p> : null}
      <p className="muted small">
        {t('sync.waiting', { n: conn.outbox.waiting })} · {t('sync.rejectedN', { n: conn.outbox.rejected })} · {t('sync.changesN', { n: conn.pendingChanges })} · <a href="#/sync">{t('sync.openCentre')}</a>
      </p>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="sync-now" disabled={!!progress} onClick={() => void syncNow()}>
          {t('sync.now')}
        </button>
        <button type="button" className="btn" data-testid="test-connection" disabled={testing} onClick={() => void test()}>
          {testing ? t('sync.testing') : t('sync.test')}
        </button>
        <button type="button" className="btn btn-quiet" data-testid="edit-connection" onClick={onEdit}>
          {t('common.edit')}
        </button>
      </div>
    </section>
  );
}

function ConnectionForm({ supplier, conn, onDone }: { supplier: Supplier; conn: SyncConnection | null; onDone(): void }) {
  const t = useT();
  const toast = useToast();
  const [kind, setKind] = useState<ConnectionKind>(conn?.kind ?? 'open_protocol');
  const [endpoint, setEndpoint] = useState(conn?.endpoint ?? '');
  const [apiKey, setApiKey] = useState('');
  const [autoSync, setAutoSync] = useState(conn?.autoSync ?? true);
  const [interval, setIntervalText] = useState(String(conn?.intervalMinutes ?? 60));
  const mapping = (conn?.settings.mapping ?? {}) as Record<string, string>;
  const [skuColumn, setSkuColumn] = useState(mapping.supplierSku ?? '');
  const [priceColumn, setPriceColumn] = useState(mapping.unitPrice ?? '');
  const cjSaved = (conn?.kind === 'cj' ? conn.settings : {}) as { shipTo?: Record<string, string | null>; logisticName?: string; fromCountryCode?: string };
  const [cj, setCj] = useState<Record<CjField, string>>(() => ({
    ...Object.fromEntries(CJ_ADDRESS.map((f) => [f, cjSaved.shipTo?.[f] ?? ''])),
    logisticName: cjSaved.logisticName ?? '',
    fromCountryCode: cjSaved.fromCountryCode ?? 'CN',
  }) as Record<CjField, string>);
  const { err, errors, busy, submit } = useFormSubmit(['kind', 'endpoint', 'apiKey', 'intervalMinutes', ...CJ_FIELDS.map(cjPath)]);
  const priceList = kind === 'price_list';
  const onSubmit = submit(async () => {
    const settings =
      kind === 'cj'
        ? cjSettingsOf(cj)
        : priceList && skuColumn.trim() && priceColumn.trim()
          ? { mapping: { supplierSku: skuColumn.trim(), unitPrice: priceColumn.trim() } }
          : {};
    await client.call('sync.saveConnection', {
      supplierId: supplier.id,
      kind,
      endpoint: endpoint.trim(),
      ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      settings,
      autoSync,
      intervalMinutes: Number(interval),
    });
    setApiKey('');
    toast(t('sync.saved', { name: supplier.name }));
    onDone();
  });
  const disconnect = () =>
    client
      .call('sync.removeConnection', { supplierId: supplier.id })
      .then(() => {
        toast(t('sync.disconnected', { name: supplier.name }));
        onDone();
      })
      .catch((e: unknown) => toast(errorMessage(e), 'error'));
  return (
    <section className="card" data-testid="connection-form">
      <h2 className="card-title">{t('sync.connection')}</h2>
      <form className="form-grid" onSubmit={onSubmit} noValidate>
        <SelectField
          name="kind"
          label={t('sync.f.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v as ConnectionKind);
            if (v === 'cj' && !endpoint) setEndpoint(CJ_ENDPOINT);
          }}
          options={(['open_protocol', 'price_list', 'cj'] as const).map((k) => ({ value: k, label: t(`sync.kind.${k}`) }))}
          error={err('kind')}
        />
        <TextField name="endpoint" label={t(priceList ? 'sync.f.source' : 'sync.f.endpoint')} value={endpoint} onChange={setEndpoint} error={err('endpoint')} placeholder={priceList ? t('sync.sourcePlaceholder') : 'https://api.supplier.example'} hint={t(priceList ? 'sync.sourceHint' : 'sync.endpointHint')} />
        {priceList ? (
          <>
            <TextField name="skuColumn" label={t('sync.f.skuColumn')} value={skuColumn} onChange={setSkuColumn} hint={t('sync.columnHint')} />
            <TextField name="priceColumn" label={t('sync.f.priceColumn')} value={priceColumn} onChange={setPriceColumn} />
          </>
        ) : (
          <TextField name="apiKey" type="password" autoComplete="off" label={t('sync.f.apiKey')} value={apiKey} onChange={setApiKey} error={err('apiKey')} placeholder={conn?.hasKey ? t('sync.keyKept') : ''} hint={t('sync.keyHint')} />
        )}
        {kind === 'cj' ? (
          <>
            <p className="muted small span-2">{t('sync.cj.hint')}</p>
            {CJ_FIELDS.map((f) => (
              <TextField key={f} name={cjPath(f)} label={t(`sync.cj.${f}`)} value={cj[f]} onChange={(v) => setCj((cur) => ({ ...cur, [f]: v }))} error={err(cjPath(f))} />
            ))}
          </>
        ) : null}
        <CheckboxField name="autoSync" label={t('sync.f.auto')} checked={autoSync} onChange={setAutoSync} />
        <TextField name="intervalMinutes" label={t('sync.f.interval')} value={interval} onChange={setIntervalText} error={err('intervalMinutes')} inputMode="numeric" />
        {errors.general ? <div className="field-error span-2">{errors.general}</div> : null}
        <div className="span-2 actions">
          <button type="submit" className="btn btn-primary" data-testid="save-connection" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="btn btn-quiet" onClick={onDone}>
            {t('common.cancel')}
          </button>
          {conn ? (
            <button type="button" className="btn btn-quiet" data-testid="disconnect" onClick={() => void disconnect()}>
              {t('sync.disconnect')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
