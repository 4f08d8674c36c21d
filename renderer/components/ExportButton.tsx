// "Export": the list on screen — every row, as filtered — saved as a CSV or an Excel file.
import { useState } from 'react';
import type { ExportList } from '../../main/common/api';
import { client } from '../api/client';
import { errorMessage } from '../api/errors';
import { useT } from '../i18n';
import { downloadBase64 } from './download';
import { useToast } from './Toasts';

export function ExportButton({ what, filter = {} }: { what: ExportList; filter?: Record<string, unknown> }) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const save = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const f = await client.call('exports.list', { what, format, filter });
      downloadBase64(f.fileName, f.mimeType, f.base64);
      toast(t('export.saved', { file: f.fileName, n: f.rows }));
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-buttons" role="group" aria-label={t('export.label')}>
      <button type="button" className="btn btn-small" data-testid={`export-${what}-csv`} disabled={busy} onClick={() => void save('csv')} title={t('export.csv.hint')}>
        ⤓ CSV
      </button>
      <button type="button" className="btn btn-small" data-testid={`export-${what}-xlsx`} disabled={busy} onClick={() => void save('xlsx')} title={t('export.xlsx.hint')}>
        ⤓ Excel
      </button>
    </span>
  );
}
