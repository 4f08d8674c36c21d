// A carrier's or forwarder's tracking export, pasted or chosen as a file: the good rows go on
// the timelines of the shipments with those numbers, the bad ones are listed with their reason.
import { useState } from 'react';
import type { TrackingImportReport } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { FormError } from '../../components/Field';
import { useT } from '../../i18n';

export function ImportTracking() {
  const t = useT();
  const [text, setText] = useState('');
  const [report, setReport] = useState<TrackingImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      setReport(await client.call('shipments.importTracking', { text }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const pickFile = (file: File | undefined) => {
    if (file) void file.text().then(setText);
  };

  return (
    <section className="card" data-testid="import-tracking">
      <h2 className="card-title">{t('shipments.import.title')}</h2>
      <p className="muted small">{t('shipments.import.hint')}</p>
      <FormError message={error} />
      <textarea className="sh-csv mono" data-testid="tracking-csv" aria-label={t('shipments.import.text')} rows={5} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} placeholder="tracking_number,time,status,place,text" />
      <div className="sh-form-foot">
        <label className="small">
          {t('shipments.import.file')} <input type="file" accept=".csv,text/csv,text/plain" data-testid="tracking-file" onChange={(e) => pickFile(e.target.files?.[0])} />
        </label>
        <span className="spacer" />
        <button type="button" className="btn btn-primary" data-testid="import-tracking-run" disabled={busy || !text.trim()} onClick={() => void run()}>
          {t('shipments.import.run')}
        </button>
      </div>
      {report ? (
        <div className="sh-report" data-testid="import-report">
          <div className="strong" data-testid="import-summary">
            {t('shipments.import.result', { added: report.added, duplicates: report.duplicates, skipped: report.skipped.length })}
          </div>
          {report.skipped.length ? (
            <ul className="plain-list">
              {report.skipped.map((s) => (
                <li key={s.row} data-testid="import-skipped" data-row={s.row}>
                  <span className="strong">{t('shipments.import.row', { row: s.row })}</span>: {s.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
