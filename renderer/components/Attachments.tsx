// A record's paper trail: the files attached to a supplier or a document (the supplier's invoice,
// the customs entry, a photo of a damaged carton), each with a note and its date. Files are added
// by picking them or dropping them on the card, and saved back with the name they came with.
import { useState } from 'react';
import type { AttachmentOwner } from '../../main/common/api';
import { localToday } from '../../main/common/format';
import { client } from '../api/client';
import { errorMessage } from '../api/errors';
import { useQuery } from '../api/hooks';
import { useT } from '../i18n';
import { localiseApiMessage } from '../i18n/api-messages';
import { ConfirmButton } from './ConfirmButton';
import { downloadBase64, fileToBase64 } from './download';
import { FormError } from './Field';
import { PickFiles, useFileDrop } from './FileDrop';
import { useToast } from './Toasts';

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function Attachments({ ownerType, ownerId, title }: { ownerType: AttachmentOwner; ownerId: string; title?: string }) {
  const t = useT();
  const toast = useToast();
  const q = useQuery('attachments.list', { ownerType, ownerId }, { events: ['attachments.changed'] });
  const rows = q.data ?? [];
  const [note, setNote] = useState('');
  const [day, setDay] = useState(localToday());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // the desktop app opens a file with the system's viewer; a browser saves it
  const desktop = Boolean(window.crossdock);

  const add = async (files: File[]) => {
    if (!files.length) return;
    setBusy(true);
    setError(null);
    try {
      for (const f of files) {
        await client.call('attachments.add', { ownerType, ownerId, fileName: f.name, base64: await fileToBase64(f), note: note.trim() || null, attachedOn: day });
      }
      toast(t('attach.added', { n: files.length }));
      setNote('');
    } catch (e) {
      setError(localiseApiMessage(t, errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };
  const save = async (id: string) => {
    try {
      const f = await client.call('attachments.file', { id });
      downloadBase64(f.fileName, f.mimeType, f.base64);
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  };
  const openIt = async (id: string) => {
    try {
      if (!(await client.call('attachments.open', { id })).opened) await save(id);
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  };
  const { over, dropProps } = useFileDrop((files) => void add(files));

  return (
    <section
      className={`card attachments${over ? ' gallery-over' : ''}`}
      data-testid="attachments"
      aria-labelledby={`attach-${ownerId}`}
      {...dropProps}
    >
      <h2 className="card-title" id={`attach-${ownerId}`}>
        {title ?? t('attach.title')} {rows.length ? <span className="muted">({rows.length})</span> : null}
      </h2>
      <FormError message={error} />
      {rows.length ? (
        <table className="table compact" data-testid="attachments-table">
          <thead>
            <tr>
              <th scope="col">{t('attach.col.file')}</th>
              <th scope="col">{t('attach.col.note')}</th>
              <th scope="col">{t('attach.col.date')}</th>
              <th scope="col" className="right">
                {t('attach.col.size')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('attach.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} data-testid="attachment" data-name={a.fileName}>
                <td>
                  <button type="button" className="link-btn" data-testid="attachment-save" title={t('attach.save')} onClick={() => void save(a.id)}>
                    ⤓ {a.fileName}
                  </button>
                  {desktop ? (
                    <button type="button" className="btn btn-small attach-open" data-testid="attachment-open" onClick={() => void openIt(a.id)}>
                      {t('attach.open')}
                    </button>
                  ) : null}
                  <div className="muted small">
                    {a.mime} · {a.createdBy}
                  </div>
                </td>
                <td>{a.note ?? ''}</td>
                <td className="nowrap">{a.attachedOn}</td>
                <td className="right nowrap">{fileSize(a.bytes)}</td>
                <td className="right">
                  <ConfirmButton
                    label={t('attach.remove')}
                    confirmLabel={t('attach.removeConfirm')}
                    testId="attachment-remove"
                    onConfirm={() => void client.call('attachments.remove', { id: a.id }).catch((e: unknown) => toast(errorMessage(e), 'error'))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">{t('attach.empty')}</p>
      )}
      <div className="attach-add">
        <label className="field">
          <span className="field-label">{t('attach.note')}</span>
          <input value={note} maxLength={500} data-testid="attachment-note" onChange={(e) => setNote(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('attach.date')}</span>
          <input type="date" value={day} data-testid="attachment-date" onChange={(e) => setDay(e.target.value)} />
        </label>
        <PickFiles label={t('attach.add')} busyLabel={t('attach.adding')} busy={busy} testId="attachment" onFiles={(files) => void add(files)} />
        <span className="muted small">{t('attach.dropHint')}</span>
      </div>
    </section>
  );
}
