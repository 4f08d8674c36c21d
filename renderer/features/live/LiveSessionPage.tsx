// One live session. Planned: its details and products (live price, cap, per-buyer limit, a short
// code to type), with what each has available and the margin at that price, and the planner's
// suggestions beside them; then Go live. On air: the same list (caps can grow; the hold follows)
// and the way to the console. Closed: its orders and the way to the report.
import { useState, type FormEvent } from 'react';
import type { LiveItem, LiveSessionDetail, LiveSuggestion } from '../../../main/common/api';
import { formatDateTime } from '../../../main/common/format';
import { client } from '../../api/client';
import { errorMessage, noErrors, pathErrors, type FormErrors } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { optionalText, wholeNumber } from '../../api/input';
import { navigate, paths } from '../../app/router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { InlineError } from '../../components/EmptyState';
import { ErrorText, FormError, TextField } from '../../components/Field';
import { Money, Qty } from '../../components/Numbers';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { LiveStatusTag } from './LiveStatusTag';
import { formatMinor } from './money';
import './live.css';

interface DraftItem {
  key: number;
  product: PickedProduct | null;
  code: string;
  price: string;
  cap: string;
  limit: string;
  /** what the session knows of it (stock, margin), once saved */
  known: LiveItem | null;
}

let nextKey = 1;
const draftOf = (i: LiveItem, currency: string): DraftItem => ({
  key: nextKey++,
  product: { id: i.productId, sku: i.sku, name: i.name },
  code: i.code ?? '',
  price: formatMinor(i.price, currency),
  cap: String(i.cap),
  limit: i.perCustomerLimit === null ? '' : String(i.perCustomerLimit),
  known: i,
});

export function LiveSessionPage({ id }: { id: string }) {
  const t = useT();
  const q = useQuery('live.get', { id });
  if (q.error) return <div className="page"><InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /></div>;
  if (!q.data) return <div className="page" aria-busy="true" />;
  return <Session key={q.data.session.updatedAt} d={q.data} />;
}

function Session({ d }: { d: LiveSessionDetail }) {
  const t = useT();
  const toast = useToast();
  const s = d.session;
  const editable = s.status === 'planned' || s.status === 'live';
  const [title, setTitle] = useState(s.title);
  const [platform, setPlatform] = useState(s.platform ?? '');
  const [limit, setLimit] = useState(s.perCustomerLimit === null ? '' : String(s.perCustomerLimit));
  const [hold, setHold] = useState(String(s.holdHours));
  const [items, setItems] = useState<DraftItem[]>(() => d.items.map((i) => draftOf(i, s.currency)));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const touch = <A,>(set: (v: A) => void) => (v: A) => {
    set(v);
    setDirty(true);
  };

  function itemsInput() {
    return items
      .filter((i) => i.product)
      .map((i) => ({ productId: i.product!.id, price: i.price.trim(), cap: wholeNumber(i.cap) ?? 0, perCustomerLimit: wholeNumber(i.limit), code: optionalText(i.code) }));
  }

  async function save(e?: FormEvent): Promise<boolean> {
    e?.preventDefault();
    setBusy(true);
    try {
      await client.call('live.update', { id: s.id, title, platform: optionalText(platform), perCustomerLimit: wholeNumber(limit), holdHours: wholeNumber(hold) ?? 0, items: itemsInput() });
      setErrors(noErrors);
      setDirty(false);
      toast(t('live.saved'));
      return true;
    } catch (x) {
      setErrors(pathErrors(x, (p) => ['title', 'platform', 'perCustomerLimit', 'holdHours'].includes(p) || /^items\.\d+\.(productId|price|cap|perCustomerLimit|code)$/.test(p)));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function goLive() {
    if (dirty && !(await save())) return;
    try {
      await client.call('live.start', { id: s.id });
      navigate(paths.liveConsole(s.id));
    } catch (x) {
      setErrors(pathErrors(x, (p) => /^items\.\d+\.cap$/.test(p) || p === 'items'));
    }
  }

  async function cancel() {
    try {
      await client.call('live.cancel', { id: s.id });
      toast(t('live.cancelled', { number: s.number }));
    } catch (x) {
      toast(errorMessage(x), 'error');
    }
  }

  const add = (p: PickedProduct | null, price = '', cap = '') => {
    setItems((xs) => [...xs, { key: nextKey++, product: p, code: '', price, cap, limit: '', known: null }]);
    setDirty(true);
  };
  const set = (key: number, patch: Partial<DraftItem>) => {
    setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));
    setDirty(true);
  };
  const err = (i: number, f: string) => errors.fields[`items.${i}.${f}`];

  return (
    <div className="page">
      <nav className="crumbs small">
        <a href={'#' + paths.live()}>{t('live.title')}</a> › <span className="mono">{s.number}</span>
      </nav>
      <header className="page-head">
        <h1>
          <span className="mono">{s.number}</span> · {s.title}
        </h1>
        <LiveStatusTag status={s.status} />
        <span className="spacer" />
        {s.status === 'live' ? (
          <a className="btn btn-primary" data-testid="open-console" href={'#' + paths.liveConsole(s.id)}>
            {t('live.openConsole')}
          </a>
        ) : null}
        {s.status === 'closed' ? (
          <a className="btn btn-primary" data-testid="open-report" href={'#' + paths.liveReport(s.id)}>
            {t('live.openReport')}
          </a>
        ) : null}
        {s.status === 'planned' ? (
          <button type="button" className="btn btn-primary" data-testid="go-live" disabled={busy || !items.some((i) => i.product)} onClick={() => void goLive()}>
            ◉ {t('live.goLive')}
          </button>
        ) : null}
        {editable ? <ConfirmButton label={t('live.cancel')} confirmLabel={t('live.cancelConfirm')} onConfirm={() => void cancel()} testId="cancel-live" /> : null}
      </header>
      <p className="muted small">
        {s.locationCode} · {s.currency}
        {s.startedAt ? ` · ${t('live.startedAt', { at: formatDateTime(s.startedAt) })}` : s.scheduledAt ? ` · ${t('live.scheduledFor', { at: formatDateTime(s.scheduledAt) })}` : ''}
        {s.endedAt ? ` · ${t('live.endedAt', { at: formatDateTime(s.endedAt) })}` : ''}
      </p>

      <div className="lv-plan">
        <form className="card lv-plan-main" onSubmit={save} noValidate data-testid="live-plan">
          <FormError message={errors.general} />
          <div className="form-grid lv-details">
            <TextField name="title" label={t('live.f.title')} value={title} onChange={touch(setTitle)} error={errors.fields.title} disabled={!editable} className="span-2" />
            <TextField name="platform" label={t('live.f.platform')} value={platform} onChange={touch(setPlatform)} error={errors.fields.platform} disabled={!editable} />
            <TextField name="perCustomerLimit" label={t('live.f.limit')} hint={t('live.f.limitHint')} inputMode="numeric" value={limit} onChange={touch(setLimit)} error={errors.fields.perCustomerLimit} disabled={!editable} />
            <TextField name="holdHours" label={t('live.f.hold')} hint={t('live.f.holdHint')} inputMode="numeric" value={hold} onChange={touch(setHold)} error={errors.fields.holdHours} disabled={!editable} />
          </div>
          <table className="table lv-items" data-testid="live-items">
            <thead>
              <tr>
                <th>{t('live.col.product')}</th>
                <th>{t('live.col.code')}</th>
                <th className="right">{t('live.col.price', { currency: s.currency })}</th>
                <th className="right">{t('live.col.cap')}</th>
                <th className="right">{t('live.col.perBuyer')}</th>
                <th className="right">{t('live.col.available')}</th>
                <th className="right">{t('live.col.margin')}</th>
                {s.status !== 'planned' ? <th className="right">{t('live.col.claimed')}</th> : null}
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((i, n) => (
                <tr key={i.key} data-testid="live-item" data-sku={i.product?.sku ?? ''}>
                  <td className="lv-product">
                    {i.known || !editable ? (
                      <span>
                        <span className="mono strong">{i.product?.sku}</span> <span className="muted small">{i.product?.name}</span>
                      </span>
                    ) : (
                      <ProductPicker name={`items.${n}.productId`} label={t('live.col.product')} value={i.product} onChange={(p) => set(i.key, { product: p })} error={err(n, 'productId')} />
                    )}
                    {i.known && err(n, 'productId') ? <ErrorText name={`items.${n}.productId`} message={err(n, 'productId')!} /> : null}
                  </td>
                  <Cell n={n} f="code" value={i.code} onChange={(v) => set(i.key, { code: v.toUpperCase() })} err={err(n, 'code')} disabled={!editable} width="5em" placeholder={t('live.f.codeAuto')} />
                  <Cell n={n} f="price" value={i.price} onChange={(v) => set(i.key, { price: v })} err={err(n, 'price')} disabled={!editable} width="7em" right />
                  <Cell n={n} f="cap" value={i.cap} onChange={(v) => set(i.key, { cap: v })} err={err(n, 'cap')} disabled={!editable} width="5em" right />
                  <Cell n={n} f="perCustomerLimit" value={i.limit} onChange={(v) => set(i.key, { limit: v })} err={err(n, 'perCustomerLimit')} disabled={!editable} width="4em" right placeholder="—" />
                  <td className="right">{i.known ? <Qty n={i.known.available} /> : '—'}</td>
                  <td className="right" data-testid="item-margin">
                    {i.known?.marginPct ? `${i.known.marginPct}%` : '—'}
                  </td>
                  {s.status !== 'planned' ? <td className="right">{i.known ? <Qty n={i.known.claimed} /> : '—'}</td> : null}
                  <td>
                    {editable && !(i.known && i.known.claimed > 0) ? (
                      <button type="button" className="btn btn-small btn-ghost" aria-label={t('live.remove')} onClick={() => (setItems((xs) => xs.filter((x) => x.key !== i.key)), setDirty(true))}>
                        ✕
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {errors.fields.items ? <ErrorText name="items" message={errors.fields.items} /> : null}
          {editable ? (
            <div className="lv-plan-actions">
              <button type="button" className="btn" data-testid="add-item" onClick={() => add(null)}>
                + {t('live.addProduct')}
              </button>
              <span className="spacer" />
              <button type="submit" className="btn btn-primary" data-testid="save-live" disabled={busy || !dirty}>
                {busy ? t('common.saving') : t('common.save')}
              </button>
            </div>
          ) : null}
        </form>
        {s.status === 'planned' ? <Suggestions locationId={s.locationId} taken={new Set(items.flatMap((i) => (i.product ? [i.product.id] : [])))} onAdd={(x) => add({ id: x.productId, sku: x.sku, name: x.name }, x.price === null ? '' : formatMinor(x.price, s.currency), String(x.suggestedCap))} /> : null}
      </div>
      {d.orders.length ? <SessionOrders d={d} /> : null}
    </div>
  );
}

function Cell(p: { n: number; f: string; value: string; onChange(v: string): void; err: string | undefined; disabled: boolean; width: string; right?: boolean; placeholder?: string }) {
  const name = `items.${p.n}.${p.f}`;
  return (
    <td className={p.right ? 'right' : ''}>
      <input
        className={`lv-cell${p.right ? ' right' : ''}`}
        style={{ width: p.width }}
        name={name}
        data-testid={`field-${name}`}
        aria-label={name}
        aria-invalid={p.err ? true : undefined}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        disabled={p.disabled}
        placeholder={p.placeholder}
        autoComplete="off"
      />
      {p.err ? <ErrorText name={name} message={p.err} /> : null}
    </td>
  );
}

/** What the planner suggests featuring, each with why; one click adds it with the suggested cap. */
function Suggestions({ locationId, taken, onAdd }: { locationId: string; taken: Set<string>; onAdd(x: LiveSuggestion): void }) {
  const t = useT();
  const q = useQuery('live.suggest', { locationId, limit: 12 });
  const rows = (q.data ?? []).filter((x) => !taken.has(x.productId));
  return (
    <aside className="card lv-suggest" data-testid="live-suggestions">
      <h2 className="card-title">{t('live.suggest.title')}</h2>
      <p className="muted small">{t('live.suggest.intro')}</p>
      {q.data && rows.length === 0 ? <p className="muted small">{t('live.suggest.none')}</p> : null}
      <ul>
        {rows.map((x) => (
          <li key={x.productId} data-testid="suggestion" data-sku={x.sku}>
            <div className="lv-suggest-head">
              <span className={`tag lv-reason-${x.reason}`}>{t(`live.suggest.${x.reason}`)}</span>
              <span className="mono strong">{x.sku}</span>
              <span className="spacer" />
              <button type="button" className="btn btn-small" data-testid="add-suggestion" onClick={() => onAdd(x)}>
                + {t('live.suggest.add', { n: x.suggestedCap })}
              </button>
            </div>
            <div className="small">{x.name}</div>
            <div className="muted small">{x.why}</div>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function SessionOrders({ d }: { d: LiveSessionDetail }) {
  const t = useT();
  return (
    <section className="card flush" data-testid="live-orders">
      <h2 className="card-title lv-pad">{t('live.orders', { n: d.orders.length })}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('live.col.order')}</th>
            <th>{t('live.col.buyer')}</th>
            <th className="right">{t('live.col.units')}</th>
            <th className="right">{t('live.col.total')}</th>
            <th>{t('live.col.status')}</th>
            <th>{t('live.col.payment')}</th>
          </tr>
        </thead>
        <tbody>
          {d.orders.map((o) => (
            <tr key={o.id} data-testid="live-order">
              <td className="mono">
                <a href={`#/sales/${encodeURIComponent(o.id)}`}>{o.number}</a>
              </td>
              <td>{o.customerHandle ? `@${o.customerHandle}` : (o.customerName ?? '—')}</td>
              <td className="right">
                <Qty n={o.units} />
              </td>
              <td className="right">
                <Money minor={o.total} currency={o.currency} />
              </td>
              <td>{t(`live.order.${o.status}`)}</td>
              <td>{t(`live.payment.${o.paymentStatus}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
