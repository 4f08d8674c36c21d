// Products or opening stock from a file, in two steps. The file is read at once as a dry run: which
// export it is (Shopify, WooCommerce, Crossdock's own) or which column holds each field (guessed,
// and changeable); how many records are new, changed or the same; and every row with a problem, by
// its line and column, which can be saved as a CSV to fix and import again. Then the import itself
// — the good rows, or nothing unless every row is good. A big file shows how far it has got and can
// be stopped, which leaves nothing of it.
import { useEffect, useState, type FormEvent } from 'react';
import type { ImportKind, ImportProgress, ImportReport, ProductImportReport, StockImportReport, TableImportReport } from '../../../main/common/api';
import { productFields } from '../../../main/common/imports/products';
import { stockFields } from '../../../main/common/imports/stock';
import { priceFields, supplierFields } from '../../../main/common/imports/suppliers';
import { writeCsv } from '../../../main/common/table-csv';
import { client } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { errorMessage } from '../../api/errors';
import { downloadText, fileToBase64 } from '../../components/download';
import { FormError } from '../../components/Field';
import { Panel, PanelFooter } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import './imports.css';

const SHOWN = 200;

/** rows with problems (a row may have several) */
const badRows = (r: ImportReport) => new Set(r.problems.map((p) => p.line)).size;

type Mapping = Record<string, string>;
const FIELDS: Record<ImportKind, { fields: readonly string[]; required: string[] }> = {
  products: { fields: productFields, required: ['sku', 'name'] },
  stock: { fields: stockFields, required: ['sku', 'location', 'qty'] },
  suppliers: { fields: supplierFields, required: ['name', 'currency'] },
  prices: { fields: priceFields, required: ['supplier', 'supplierSku', 'unitPrice'] },
};
const METHOD = { products: 'imports.products', stock: 'imports.stock', suppliers: 'imports.suppliers', prices: 'imports.prices' } as const;

export function ImportPanel({ kind, onClose }: { kind: ImportKind; onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** a run under way: reading (a dry run, the preview) or importing */
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    return busy ? client.on('imports.progress', (p) => p.kind === kind && setProgress(p)) : undefined;
  }, [busy, kind]);

  async function run(f: { name: string; base64: string }, dryRun: boolean, m: Mapping | null) {
    setBusy(dryRun ? 'reading' : 'importing');
    try {
      const args = { fileName: f.name, base64: f.base64, dryRun, allOrNothing, ...(m ? { mapping: m } : {}) };
      const r: ImportReport = await client.call(METHOD[kind], args);
      if (r.cancelled) {
        toast(t('import.cancelled'));
        return;
      }
      setError(null);
      setReport(r);
      // a table of no known format: show which column was taken for what
      if (!m && (kind === 'stock' || (r as ProductImportReport).format === 'mapped')) setMapping(r.mapping as Mapping);
      if (!dryRun) {
        toast(r.written ? t('import.done', { created: r.created, updated: r.updated, problems: badRows(r) }) : t('import.nothing'), r.written ? undefined : 'error');
        if (r.written) onClose();
      }
    } catch (x) {
      setError(errorMessage(x));
      setReport(null);
    } finally {
      setBusy(null);
    }
  }
  async function pick(picked: File | undefined) {
    if (!picked) return;
    const f = { name: picked.name, base64: await fileToBase64(picked) };
    setFile(f);
    setMapping(null);
    await run(f, true, null);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    if (file && report) void run(file, false, mapping);
  }
  function remap(field: string, column: string) {
    const next = { ...mapping };
    if (column) next[field] = column;
    else delete next[field];
    setMapping(next);
    if (file) void run(file, true, next);
  }
  const problemsCsv = () =>
    report && downloadText(`${report.fileName.replace(/\.[^.]+$/, '')}-problems.csv`, 'text/csv', writeCsv(['line', 'column', 'problem'], report.problems.map((p) => [p.line, p.column, p.message]), { bom: true }));

  const saving = report ? report.created + report.updated : 0;
  const { fields, required } = FIELDS[kind];
  return (
    <Panel title={t(`${kind}.import.title`)} onClose={onClose} wide testId={`import-${kind}-panel`}>
      <form className="panel-form" onSubmit={submit} noValidate>
        <div className="panel-body">
          <FormError message={error} />
          <p className="muted small">{t(`${kind}.import.intro`)}</p>
          <label className="field">
            <span className="field-label">{t('import.file')}</span>
            <input type="file" accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file" onChange={(e) => void pick(e.target.files?.[0])} />
          </label>
          {mapping && report ? <Templates kind={kind} mapping={mapping} onChoose={(m) => {
            setMapping(m);
            if (file) void run(file, true, m);
          }} /> : null}
          {mapping && report ? (
            <fieldset className="im-mapping" data-testid="import-mapping">
              <legend>{t('import.mapping')}</legend>
              {fields.map((f) => (
                <label key={f} className="im-map-row">
                  <span className="im-field">
                    {t(`${kind}.import.field.${f}` as 'products.import.field.sku')}
                    {required.includes(f) ? ' *' : ''}
                  </span>
                  <select data-testid={`map-${f}`} value={mapping[f] ?? ''} onChange={(e) => remap(f, e.target.value)}>
                    <option value="">—</option>
                    {report.header.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          ) : null}
          {report ? (
            <section data-testid="import-preview">
              <p className="strong" data-testid="import-summary">
                {kind === 'products' ? <ProductSummary r={report as ProductImportReport} /> : kind === 'stock' ? <StockSummary r={report as StockImportReport} /> : <TableSummary r={report as TableImportReport} />}
              </p>
              {report.problems.length ? (
                <>
                  <p className="field-error" data-testid="import-problem-count">
                    {t('import.problems', { n: badRows(report) })}{' '}
                    <button type="button" className="btn btn-small" data-testid="import-problems-csv" onClick={problemsCsv}>
                      ⤓ {t('import.problemsCsv')}
                    </button>
                  </p>
                  <table className="table">
                    <thead>
                      <tr>
                        <th className="right">{t('import.line')}</th>
                        <th>{t('import.column')}</th>
                        <th>{t('import.problem')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.problems.slice(0, SHOWN).map((p, i) => (
                        <tr key={i} data-testid="import-problem">
                          <td className="right num">{p.line}</td>
                          <td>{p.column}</td>
                          <td>{p.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {report.problems.length > SHOWN ? <p className="muted small">{t('import.more', { n: report.problems.length - SHOWN })}</p> : null}
                </>
              ) : (
                <p className="muted" data-testid="import-no-problems">
                  {t('import.clean')}
                </p>
              )}
              <label className="check">
                <input type="checkbox" data-testid="import-all-or-nothing" checked={allOrNothing} onChange={(e) => setAllOrNothing(e.target.checked)} />
                <span>{t('import.allOrNothing')}</span>
              </label>
            </section>
          ) : null}
          {busy && progress ? <ProgressLine p={progress} /> : null}
        </div>
        <PanelFooter busy={busy !== null} submitLabel={t(`${kind}.import.run`, { n: saving })} busyLabel={t(busy === 'importing' ? 'import.importing' : 'import.reading')} cancelLabel={t('common.cancel')} onCancel={onClose} />
      </form>
    </Panel>
  );
}

/** How far the import under way has got; while it saves rows, a button stops it (nothing of it stays). */
function ProgressLine({ p }: { p: ImportProgress }) {
  const t = useT();
  const toast = useToast();
  const [stopping, setStopping] = useState(false);
  const stop = async () => {
    setStopping(true);
    try {
      await client.call('imports.cancel', {});
    } catch (e) {
      toast(errorMessage(e), 'error');
      setStopping(false);
    }
  };
  const counted = p.stage === 'saving' || p.stage === 'finishing';
  return (
    <div className="im-progress" data-testid="import-progress" role="status" aria-live="polite">
      <span>{t(`import.stage.${p.stage}`, { done: p.done.toLocaleString(), total: p.total.toLocaleString() })}</span>
      {counted ? <progress max={p.total} value={p.done} aria-label={t('import.stage.saving', { done: p.done, total: p.total })} /> : null}
      {p.stage === 'saving' ? (
        <button type="button" className="btn btn-small" data-testid="import-stop" disabled={stopping} onClick={() => void stop()}>
          {stopping ? t('import.stopping') : t('import.stop')}
        </button>
      ) : null}
    </div>
  );
}

function ProductSummary({ r }: { r: ProductImportReport }) {
  const t = useT();
  return (
    <>
      {t('products.import.summary', { format: t(`products.import.format.${r.format}`), products: r.products, created: r.created, updated: r.updated, unchanged: r.unchanged })}
      {r.skipped ? ` ${t('products.import.skipped', { n: r.skipped })}` : ''}
      {r.madeSkus ? ` ${t('products.import.madeSkus', { n: r.madeSkus })}` : ''}
    </>
  );
}

function StockSummary({ r }: { r: StockImportReport }) {
  const t = useT();
  return <>{t('stock.import.summary', { rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged, units: `${r.units >= 0 ? '+' : ''}${r.units}` })}</>;
}

function TableSummary({ r }: { r: TableImportReport }) {
  const t = useT();
  return <>{t('import.summary', { rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged })}</>;
}

/** Saved column mappings: apply one, or save the one on screen under a name. */
function Templates({ kind, mapping, onChoose }: { kind: ImportKind; mapping: Mapping; onChoose(m: Mapping): void }) {
  const t = useT();
  const toast = useToast();
  const list = useQuery('imports.templates', { kind });
  const [name, setName] = useState('');
  const save = async () => {
    try {
      await client.call('imports.saveTemplate', { kind, name, mapping });
      toast(t('import.template.saved', { name }));
      setName('');
      list.refetch();
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  };
  const saved = list.data ?? [];
  return (
    <div className="im-templates" data-testid="import-templates">
      {saved.length ? (
        <label className="im-map-row">
          <span className="im-field">{t('import.template')}</span>
          <select data-testid="import-template" value="" onChange={(e) => onChoose(saved.find((x) => x.name === e.target.value)!.mapping)}>
            <option value="">{t('import.template.choose')}</option>
            {saved.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="im-map-row">
        <span className="im-field">{t('import.template.saveAs')}</span>
        <input data-testid="import-template-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder={t('import.template.placeholder')} />
        <button type="button" className="btn btn-small" data-testid="import-template-save" disabled={!name.trim()} onClick={() => void save()}>
          {t('common.save')}
        </button>
      </label>
    </div>
  );
}
