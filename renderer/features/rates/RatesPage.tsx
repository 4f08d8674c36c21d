// Exchange rates: what each currency is worth in the base currency today (and how fresh that
// is), the ECB history shipped with the app, a CSV import that reports its bad rows, manual
// entry, and a chart of one currency's rate over the past year.
import { useRef, useState } from 'react';
import type { FxImportReport, FxQuote } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useBaseCurrency } from '../../app/settings';
import { RateHistoryChart } from '../../charts';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { ManualRateForm } from './ManualRateForm';

export function RatesPage() {
  const t = useT();
  const toast = useToast();
  const base = useBaseCurrency();
  const overview = useQuery('fx.overview', {});
  const [picked, setPicked] = useState<string | null>(null);
  const [report, setReport] = useState<FxImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const rows = overview.data?.rows ?? [];
  const selected = rows.find((r) => r.from === picked) ?? rows.find((r) => r.from === 'USD') ?? rows[0];

  const runImport = async (work: () => Promise<FxImportReport>) => {
    setBusy(true);
    try {
      const r = await work();
      setReport(r);
      toast(t('rates.imported', { n: r.imported, days: r.days, from: r.from ?? '—', to: r.to ?? '—' }), r.imported ? 'success' : 'error');
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  const importFile = (f: File) => void runImport(async () => client.call('fx.importCsv', { text: await f.text() }));

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('rates.title')}</h1>
        <span className="tag">{t('rates.inBase', { base })}</span>
        <span className="spacer" />
        <button type="button" className="btn" data-testid="fx-import-ecb" disabled={busy} onClick={() => void runImport(() => client.call('fx.importEcb'))}>
          {t('rates.loadEcb')}
        </button>
        <button type="button" className="btn" data-testid="fx-import-csv" disabled={busy} onClick={() => file.current?.click()}>
          {t('rates.importCsv')}
        </button>
        <input
          ref={file}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="fx-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) importFile(f);
            e.target.value = '';
          }}
        />
      </header>
      {overview.error ? <InlineError message={t('common.error', { msg: overview.error.message })} onRetry={overview.refetch} retryLabel={t('common.retry')} /> : null}
      {report && report.skipped.length ? (
        <section className="card" data-testid="fx-skipped">
          <h2 className="card-title">{t('rates.skipped', { n: report.skipped.length })}</h2>
          <ul className="plain-list small">
            {report.skipped.slice(0, 20).map((s, i) => (
              <li key={i}>{t('rates.skippedRow', { row: s.row, msg: s.message })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {overview.data && rows.length === 0 ? (
        <EmptyState title={t('rates.empty.title')}>{t('rates.empty.body')}</EmptyState>
      ) : (
        <div className="rates-grid">
          <section className="card flush">
            <table className="table" data-testid="fx-table">
              <thead>
                <tr>
                  <th>{t('rates.col.currency')}</th>
                  <th className="right">{t('rates.col.rate', { base })}</th>
                  <th>{t('rates.col.day')}</th>
                  <th>{t('rates.col.source')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <RateRow key={r.from} quote={r} selected={r.from === selected?.from} onSelect={() => setPicked(r.from)} />
                ))}
              </tbody>
            </table>
          </section>
          <div className="stack">
            {selected ? (
              <section className="card">
                <h2 className="card-title">{t('rates.history', { from: selected.from, to: base })}</h2>
                <RateHistoryChart from={selected.from} to={base} until={selected.day} />
              </section>
            ) : null}
            <ManualRateForm base={base} />
          </div>
        </div>
      )}
      {overview.data && rows.length === 0 ? <ManualRateForm base={base} /> : null}
    </div>
  );
}

function RateRow({ quote: q, selected, onSelect }: { quote: FxQuote; selected: boolean; onSelect(): void }) {
  const t = useT();
  return (
    <tr data-testid="fx-row" data-currency={q.from} className={selected ? 'selected clickable' : 'clickable'} onClick={onSelect}>
      <td className="mono strong">{q.from}</td>
      <td className="right num">{q.rate}</td>
      <td className="nowrap">
        {q.day}
        {q.stale ? (
          <span className="tag warn" data-testid="fx-stale" title={t('rates.staleHint', { days: q.ageDays })}>
            {t('rates.stale', { days: q.ageDays })}
          </span>
        ) : null}
      </td>
      <td className="muted">{t(`rates.via.${q.via}`)} · {t(`rates.source.${q.source}`)}</td>
    </tr>
  );
}
