// One stock count: the scan box on top (a scanner types the code and Enter; each scan counts
// one), the lines with what was counted, and — once counting is done — the differences with
// their value at average cost, recounts and posting. A blind count hides the book until the
// merchant says counting is done.
import { useState } from 'react';
import type { CountDetail } from '../../../main/common/api';
import { formatAmount, formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { downloadBase64 } from '../../components/download';
import { EmptyState, InlineError } from '../../components/EmptyState';
import { FormError } from '../../components/Field';
import { Money } from '../../components/Numbers';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { localiseApiMessage } from '../../i18n/api-messages';
import { CountLinesTable } from './CountLinesTable';
import { COUNT_EVENTS, CountStatusTag } from './CountStatusTag';
import { ScanBox } from './ScanBox';
import './counts.css';

export function CountPage({ id }: { id: string }) {
  const t = useT();
  const [reveal, setReveal] = useState(false);
  const [lastScanned, setLastScanned] = useState<string | null>(null);
  const q = useQuery('counts.get', { id, reveal }, { events: COUNT_EVENTS });
  if (q.error) {
    return (
      <div className="page">
        {q.error.code === 'not_found' ? <EmptyState title={t('counts.notFound')} /> : <InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} />}
      </div>
    );
  }
  if (!q.data) return <div className="page muted">{t('common.loading')}</div>;
  const d = q.data;
  const c = d.count;
  const open = c.status === 'open';
  return (
    <div className="page" data-testid="count-page" data-status={c.status}>
      <header className="page-head">
        <h1>
          <span className="mono">{c.number}</span> · {c.locationCode} <span className="muted">{c.locationName}</span>
        </h1>
        <CountStatusTag status={c.status} testId="count-status" />
        {c.blind ? <span className="tag cnt-blind">{t('counts.blindTag')}</span> : null}
        <span className="spacer" />
        <SheetButton id={c.id} />
        {open ? <CancelButton d={d} /> : null}
      </header>
      <p className="muted small">
        {t(`counts.scope.${c.scope}`)} · {formatDateTime(c.openedAt)} · {c.openedBy}
        {c.closedAt && c.status === 'posted' ? ` · ${t('counts.postedOn', { date: formatDateTime(c.closedAt), who: c.closedBy ?? '' })}` : ''}
        {c.note ? ` · ${c.note}` : ''}
      </p>
      <Progress d={d} />
      {open ? <ScanBox count={c} onScanned={(productId) => setLastScanned(productId)} /> : null}
      {d.withheld ? (
        <div className="cnt-withheld" data-testid="count-withheld">
          <span>{t('counts.withheld')}</span>
          <button type="button" className="btn" data-testid="count-reveal" onClick={() => setReveal(true)}>
            {t('counts.reveal')}
          </button>
        </div>
      ) : null}
      {open && !d.withheld ? <Review d={d} /> : null}
      <CountLinesTable d={d} lastScanned={lastScanned} />
    </div>
  );
}

function Progress({ d }: { d: CountDetail }) {
  const t = useT();
  const { counted, lines } = d.totals;
  return (
    <div className="cnt-progress" data-testid="count-progress">
      <progress max={lines} value={counted} aria-label={t('counts.progressLabel', { counted, lines })} />
      <span className="small" aria-hidden="true">
        {t('counts.progressLabel', { counted, lines })}
      </span>
    </div>
  );
}

function SheetButton({ id }: { id: string }) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn"
      data-testid="count-sheet"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const f = await client.call('counts.sheet', { id });
          downloadBase64(f.fileName, f.mimeType, f.base64);
        } catch (e) {
          toast(errorMessage(e), 'error');
        } finally {
          setBusy(false);
        }
      }}
    >
      ⤓ {t('counts.sheet')}
    </button>
  );
}

function CancelButton({ d }: { d: CountDetail }) {
  const t = useT();
  const toast = useToast();
  return (
    <ConfirmButton
      label={t('counts.cancel')}
      confirmLabel={t('counts.cancelConfirm')}
      testId="count-cancel"
      onConfirm={async () => {
        try {
          await client.call('counts.cancel', { id: d.count.id });
          toast(t('counts.cancelled', { number: d.count.number }));
        } catch (e) {
          toast(errorMessage(e), 'error');
        }
      }}
    />
  );
}

/** The differences, what they are worth, what happens to uncounted lines, recounts, and Post. */
function Review({ d }: { d: CountDetail }) {
  const t = useT();
  const toast = useToast();
  const [uncounted, setUncounted] = useState<'keep' | 'zero'>('keep');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tt = d.totals;
  const thresholds = d.count.recountUnits !== null || d.count.recountPercent !== null;
  const run = async (fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(localiseApiMessage(t, errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };
  const post = () =>
    run(async () => {
      const r = await client.call('counts.post', { id: d.count.id, uncounted });
      toast(t('counts.posted', { number: r.count.number, movements: r.movements, value: `${formatAmount(r.value, r.currency)} ${r.currency}` }));
    });
  const recount = () =>
    run(async () => {
      const r = await client.call('counts.recount', { id: d.count.id });
      toast(t('counts.recountSent', { n: r.totals.recounts }));
    });
  return (
    <section className="card cnt-review" data-testid="count-review" aria-labelledby="cnt-review-title">
      <h2 className="card-title" id="cnt-review-title">
        {t('counts.review.title')}
      </h2>
      <FormError message={error} />
      <p data-testid="count-differences">{t('counts.review.differences', { n: tt.differences ?? 0, up: tt.unitsUp ?? 0, down: tt.unitsDown ?? 0 })}</p>
      <p>
        {t('counts.review.value')}: <Money minor={tt.value ?? 0} currency={d.currency} testId="count-value" />
      </p>
      {tt.recounts > 0 ? <p className="cnt-warn">{t('counts.review.recounts', { n: tt.recounts })}</p> : null}
      {tt.uncounted > 0 ? (
        <fieldset className="cnt-uncounted">
          <legend>{t('counts.review.uncounted', { n: tt.uncounted })}</legend>
          {(['keep', 'zero'] as const).map((v) => (
            <label key={v} className="check">
              <input type="radio" name="uncounted" value={v} data-testid={`uncounted-${v}`} checked={uncounted === v} onChange={() => setUncounted(v)} />
              <span>{t(v === 'keep' ? 'counts.review.keep' : 'counts.review.zero')}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="cnt-actions">
        {thresholds ? (
          <button type="button" className="btn" data-testid="count-recount" disabled={busy} onClick={() => void recount()}>
            {t('counts.recount')}
          </button>
        ) : null}
        <ConfirmButton label={t('counts.post')} confirmLabel={t('counts.postConfirm')} testId="count-post" onConfirm={() => void post()} />
      </div>
    </section>
  );
}
