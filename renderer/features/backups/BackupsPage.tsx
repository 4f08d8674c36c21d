// Backups: when the data was last backed up and whether anything went wrong, a button to back up
// now, an optional second folder (a USB drive, a synced folder), and every backup with its date,
// reason and size, each restorable in two clicks (the current data is backed up first).
import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../main/common/api/backups-types';
import { formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage, noErrors, toFormErrors, type FormErrors } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { FormError, TextField } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { restoredNotice } from './restored';

export function BackupsPage() {
  const t = useT();
  const toast = useToast();
  const status = useQuery('backups.status', {});
  const [busy, setBusy] = useState<string | null>(null);
  const restored = restoredNotice();
  const s = status.data;

  const backUpNow = async () => {
    setBusy('run');
    try {
      const b = await client.call('backups.run', {});
      toast(t('backups.made', { size: megabytes(b.bytes) }));
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setBusy(null);
    }
  };
  const restore = async (b: BackupEntry) => {
    setBusy(`${b.folder}/${b.name}`);
    try {
      // every window loads again once the data is replaced (useReloadOnRestore)
      await client.call('backups.restore', { name: b.name, folder: b.folder });
    } catch (e) {
      toast(errorMessage(e), 'error');
      setBusy(null);
    }
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('backups.title')}</h1>
        <span className="spacer" />
        <button type="button" className="btn btn-primary" data-testid="backup-now" disabled={busy !== null || !!s?.running} onClick={() => void backUpNow()}>
          {busy === 'run' || s?.running ? t('backups.running') : t('backups.now')}
        </button>
      </header>
      {restored ? (
        <div className="banner banner-info" role="status" data-testid="backups-restored">
          {t('backups.restored', { name: restored })}
        </div>
      ) : null}
      {s?.lastError ? (
        <div className="banner banner-error" role="alert" data-testid="backups-error">
          {t('backups.failed', { at: formatDateTime(s.lastError.at), message: s.lastError.message })}
        </div>
      ) : null}
      {s?.secondFolderProblem ? (
        <div className="banner banner-warn" role="alert" data-testid="backups-second-problem">
          {s.secondFolderProblem}
        </div>
      ) : null}
      {status.error ? <FormError message={errorMessage(status.error)} /> : null}
      <section className="card" data-testid="backups-summary">
        <p>
          {s?.lastBackupAt ? t('backups.last', { at: formatDateTime(s.lastBackupAt) }) : t('backups.never')}{' '}
          {s?.changedSinceLast ? <span className="muted">{t('backups.changedSince')}</span> : null}
        </p>
        <p className="muted small">{t('backups.auto')}</p>
        {s ? <p className="muted small" data-testid="backups-folder">{t('backups.folder', { folder: s.folder })}</p> : null}
      </section>
      {s ? <SecondFolder current={s.secondFolder} /> : null}
      {s && !s.backups.length ? (
        <EmptyState title={t('backups.none.title')}>{t('backups.none.body')}</EmptyState>
      ) : s ? (
        <section className="card flush">
          <table className="table" data-testid="backups-list">
            <thead>
              <tr>
                <th>{t('backups.col.when')}</th>
                <th>{t('backups.col.why')}</th>
                <th>{t('backups.col.where')}</th>
                <th className="right">{t('backups.col.size')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {s.backups.map((b) => (
                <tr key={`${b.folder}/${b.name}`} data-testid="backup-row" data-reason={b.reason}>
                  <td className="nowrap">{formatDateTime(b.at)}</td>
                  <td>{t(`backups.reason.${b.reason}`)}</td>
                  <td className="muted">{t(b.folder === 'main' ? 'backups.where.main' : 'backups.where.second')}</td>
                  <td className="right num">{megabytes(b.bytes)}</td>
                  <td className="right nowrap">
                    {busy === `${b.folder}/${b.name}` ? (
                      <span className="muted">{t('backups.restoring')}</span>
                    ) : (
                      <ConfirmButton label={t('backups.restore')} confirmLabel={t('backups.restore.confirm')} testId="backup-restore" onConfirm={() => void restore(b)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <div className="loading-block">{t('common.loading')}</div>
      )}
    </div>
  );
}

function SecondFolder({ current }: { current: string | null }) {
  const t = useT();
  const toast = useToast();
  const [folder, setFolder] = useState(current ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  useEffect(() => setFolder(current ?? ''), [current]);

  const save = async (secondFolder: string | null) => {
    setBusy(true);
    try {
      await client.call('backups.configure', { secondFolder });
      setErrors(noErrors);
      toast(t(secondFolder ? 'backups.second.saved' : 'backups.second.removed'));
    } catch (e) {
      setErrors(toFormErrors(e, ['secondFolder']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card"
      data-testid="backups-second"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(folder.trim() || null);
      }}
    >
      <h2 className="card-title">{t('backups.second.title')}</h2>
      <p className="muted small">{t('backups.second.hint')}</p>
      <FormError message={errors.general} />
      <TextField name="secondFolder" label={t('backups.second.folder')} value={folder} onChange={setFolder} error={errors.fields.secondFolder} placeholder="/Volumes/USB/Crossdock" maxLength={1000} />
      <div className="form-actions">
        {current ? (
          <button type="button" className="btn" data-testid="second-remove" disabled={busy} onClick={() => void save(null)}>
            {t('backups.second.remove')}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" data-testid="second-save" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
