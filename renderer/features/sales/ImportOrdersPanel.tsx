// Orders from a CSV: Shopify's orders export or the generic format are read as they are; any other
// file gets a column mapping. First a dry run shows what would happen to each order and every bad
// row with its column; then the import itself. Importing the same file again finds its orders.
import { useState, type FormEvent } from 'react';
import type { SalesImportReport } from '../../../main/common/api';
import { IMPORT_FIELDS } from '../../../main/common/api/sales';
import { parseCsv } from '../../../main/common/csv';
import { client } from '../../api/client';
import { noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { LocationSelect } from '../../components/LocationSelect';
import { FormError } from '../../components/Field';
import { Money } from '../../components/Numbers';
import { Panel, PanelFooter } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

type Field = (typeof IMPORT_FIELDS)[number];
const REQUIRED: Field[] = ['order', 'sku', 'qty', 'unit_price'];

export function ImportOrdersPanel({ onClose }: { onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const [text, setText] = useState('');
  const [locationId, setLocationId] = useState('');
  const [mapping, setMapping] = useState<Partial<Record<Field, string>> | null>(null);
  const [report, setReport] = useState<SalesImportReport | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const header = text ? (parseCsv(text.split(/\r?\n/, 1)[0] ?? '')[0]?.cells.map((c) => c.trim()) ?? []) : [];

  async function run(dryRun: boolean) {
    setBusy(true);
    try {
      const r = await client.call('sales.import', { text, locationId, dryRun, ...(mapping ? { mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) } : {}) });
      setErrors(noErrors);
      setReport(r);
      if (!dryRun) {
        toast(t('sales.import.done', { created: r.created, exists: r.exists }));
        onClose();
      }
    } catch (x) {
      const e = pathErrors(x, (p) => p === 'locationId' || p === 'text' || p.startsWith('mapping'));
      setErrors(e);
      // a file it cannot read by itself: offer the mapping
      if (e.fields.text && !mapping) setMapping({});
      setReport(null);
    } finally {
      setBusy(false);
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(!report);
  }
  async function pick(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    setReport(null);
    setMapping(null);
    setErrors(noErrors);
  }

  return (
    <Panel title={t('sales.import.title')} onClose={onClose} wide testId="import-panel">
      <form className="panel-form" onSubmit={submit} noValidate>
        <div className="panel-body">
          <FormError message={errors.general} />
          <p className="muted small">{t('sales.import.intro')}</p>
          <div className="form-grid">
            <label className="field span-2">
              <span className="field-label">{t('sales.import.file')}</span>
              <input type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(e) => void pick(e.target.files?.[0])} />
              {errors.fields.text ? <span className="field-error small">{errors.fields.text}</span> : null}
            </label>
            <LocationSelect name="locationId" label={t('sales.import.location')} value={locationId} onChange={setLocationId} error={errors.fields.locationId} placeholder={t('common.choose')} />
          </div>
          {mapping ? (
            <fieldset className="so-mapping" data-testid="import-mapping">
              <legend>{t('sales.import.mapping')}</legend>
              {IMPORT_FIELDS.map((f) => (
                <label key={f} className="so-map-row">
                  <span className="mono">
                    {f}
                    {REQUIRED.includes(f) ? ' *' : ''}
                  </span>
                  <select data-testid={`map-${f}`} value={mapping[f] ?? ''} onChange={(e) => setMapping({ ...mapping, [f]: e.target.value })}>
                    <option value="">—</option>
                    {header.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  {errors.fields[`mapping.${f}`] ? <span className="field-error small">{errors.fields[`mapping.${f}`]}</span> : null}
                </label>
              ))}
              {errors.fields.mapping ? <span className="field-error small">{errors.fields.mapping}</span> : null}
            </fieldset>
          ) : null}
          {report ? <Preview r={report} /> : null}
        </div>
        <PanelFooter
          busy={busy}
          submitLabel={report ? t('sales.import.run', { n: report.created }) : t('sales.import.preview')}
          busyLabel={t('common.saving')}
          cancelLabel={t('common.cancel')}
          onCancel={onClose}
          extra={
            report ? (
              <button type="button" className="btn" onClick={() => setReport(null)}>
                {t('sales.import.again')}
              </button>
            ) : null
          }
        />
      </form>
    </Panel>
  );
}

function Preview({ r }: { r: SalesImportReport }) {
  const t = useT();
  return (
    <section data-testid="import-preview">
      <p className="strong">{t('sales.import.summary', { format: r.format, created: r.created, exists: r.exists, skipped: r.skipped, errors: r.orders.filter((o) => o.outcome === 'error').length })}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('sales.import.ref')}</th>
            <th>{t('sales.col.customer')}</th>
            <th className="right">{t('sales.col.units')}</th>
            <th className="right">{t('sales.col.total')}</th>
            <th>{t('sales.import.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {r.orders.map((o) => (
            <tr key={`${o.ref}-${o.line}`} data-testid="import-order" data-outcome={o.outcome}>
              <td className="mono">{o.ref}</td>
              <td>{o.customer ?? '—'}</td>
              <td className="right">{o.units || '—'}</td>
              <td className="right">{o.total ? <Money minor={o.total} currency={o.currency} /> : '—'}</td>
              <td>
                <span className={`tag so-import-${o.outcome}`}>{t(`sales.import.outcome.${o.outcome}`)}</span> <span className="muted small">{o.message}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.errors.length ? (
        <ul className="so-import-errors" data-testid="import-errors">
          {r.errors.map((e, i) => (
            <li key={i}>{t('sales.import.rowError', { line: e.line, field: e.field, message: e.message })}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
