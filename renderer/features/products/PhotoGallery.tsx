// A product's photos: thumbnails in order (the first is the primary one, shown in lists and on
// the live console), added by picking files, dropping them here, or pasting (Ctrl+V) while the
// gallery has focus; moved, made primary, opened full size, or taken off.
import { useState, type ClipboardEvent } from 'react';
import type { Photo } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { fileToBase64 } from '../../components/download';
import { PickFiles, useFileDrop } from '../../components/FileDrop';
import { Panel } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { localiseApiMessage } from '../../i18n/api-messages';

/** a name for a pasted image, which has none of its own */
const pastedName = (type: string) => `pasted.${type.split('/')[1] ?? 'png'}`;

export function PhotoGallery({ productId, sku }: { productId: string; sku: string }) {
  const t = useT();
  const toast = useToast();
  const q = useQuery('photos.list', { productId }, { events: ['photos.changed'] });
  const photos = q.data ?? [];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Photo | null>(null);

  const add = async (files: File[]) => {
    if (!files.length) return;
    setBusy(true);
    setError(null);
    try {
      for (const f of files) {
        await client.call('photos.add', { productId, fileName: f.name || pastedName(f.type), base64: await fileToBase64(f) });
      }
      toast(t('photos.added', { n: files.length, sku }));
    } catch (e) {
      setError(localiseApiMessage(t, errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };

  const move = async (from: number, to: number) => {
    const ids = photos.map((p) => p.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    try {
      await client.call('photos.reorder', { productId, ids });
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  };

  const { over, dropProps } = useFileDrop((files) => void add(files));
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files].filter((f) => f.type.startsWith('image/'));
    if (files.length) {
      e.preventDefault();
      void add(files);
    }
  };

  return (
    <div
      className={`gallery${over ? ' gallery-over' : ''}`}
      data-testid="photo-gallery"
      tabIndex={0}
      aria-label={t('photos.dropHint')}
      {...dropProps}
      onPaste={onPaste}
    >
      {error ? (
        <div className="form-error" role="alert" data-testid="photo-error">
          {error}
        </div>
      ) : null}
      <ul className="gallery-list">
        {photos.map((p, i) => (
          <li key={p.id} className="gallery-item" data-testid="photo">
            <button type="button" className="gallery-thumb" onClick={() => setOpen(p)} aria-label={t('photos.open', { n: i + 1 })}>
              <img src={p.thumb} alt={t('photos.alt', { sku, n: i + 1 })} />
            </button>
            {i === 0 ? <span className="tag gallery-primary">{t('photos.primary')}</span> : null}
            <div className="gallery-actions">
              {i > 0 ? (
                <button type="button" className="btn btn-small" data-testid="photo-primary" onClick={() => void move(i, 0)}>
                  {t('photos.makePrimary')}
                </button>
              ) : null}
              {i > 0 ? (
                <button type="button" className="btn btn-small" aria-label={t('photos.left')} onClick={() => void move(i, i - 1)}>
                  ←
                </button>
              ) : null}
              {i < photos.length - 1 ? (
                <button type="button" className="btn btn-small" aria-label={t('photos.right')} onClick={() => void move(i, i + 1)}>
                  →
                </button>
              ) : null}
              <ConfirmButton
                label={t('photos.remove')}
                confirmLabel={t('photos.removeConfirm')}
                testId="photo-remove"
                onConfirm={() => void client.call('photos.remove', { id: p.id }).catch((e: unknown) => toast(errorMessage(e), 'error'))}
              />
            </div>
          </li>
        ))}
      </ul>
      <div className="gallery-add">
        <PickFiles
          label={t('photos.add')}
          busyLabel={t('photos.adding')}
          busy={busy}
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/heic"
          testId="photo"
          onFiles={(files) => void add(files)}
        />
        <span className="muted small">{t('photos.dropHint')}</span>
      </div>
      {open ? <PhotoViewer photo={open} sku={sku} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function PhotoViewer({ photo, sku, onClose }: { photo: Photo; sku: string; onClose(): void }) {
  const t = useT();
  const full = useQuery('photos.image', { id: photo.id }, { events: [] });
  return (
    <Panel title={`${sku} · ${photo.width} × ${photo.height}`} onClose={onClose} wide testId="photo-viewer">
      <div className="panel-body gallery-full">
        {full.data ? <img src={`data:${full.data.mime};base64,${full.data.base64}`} alt={t('photos.alt', { sku, n: photo.position + 1 })} /> : <span className="muted">{t('common.loading')}</span>}
      </div>
    </Panel>
  );
}
