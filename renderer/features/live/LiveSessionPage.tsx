// One live session. Planned: its details and products (live price, cap, per-buyer limit, a short
// code to type), with what each has available and the margin at that price, and the planner's
// suggestions beside them; then Go live. On air: the same list (caps can grow; the hold follows)
// and the way to the console. Closed: its orders and the way to the report.
import { useEffect, useState, type FormEvent } from 'react';
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
import { Qty } from '../../components/Numbers';
import { LocationSelect } from '../../components/LocationSelect';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useToast } from '../../components/Toasts';
import { useBaseCurrency } from '../../app/settings';
import { useI18n, useT } from '../../i18n';
import { LiveStatusTag } from './LiveStatusTag';
import { PromotionalToggle } from './PromotionalToggle';
import { SessionOrders } from './SessionOrders';
import { formatMoney } from '../../../main/common/money';
import { fromLocalInput, marginAt, nextCode, toLocalInput } from './plan';
import './live.css';

interface DraftItem {
  /** the product's id once saved (so a row keeps its inputs when the session is loaded again) */
  key: string;
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
  key: i.productId,
  product: { id: i.productId, sku: i.sku, name: i.name },
  code: i.code ?? '',
  price: formatMoney(i.price, currency),
  cap: String(i.cap),
  limit: i.perCustomerLimit === null ? '' : String(i.perCustomerLimit),
  known: i,
});

export function LiveSessionPage({ id }: { id: string }) {
  const t = useT();
  const q = useQuery('live.get', { id });
  // what a save answered, until the refetch its event causes catches up: the form is drawn again
  // from it at once, not a moment later over an error shown meanwhile
  const [saved, setSaved] = useState<LiveSessionDetail | null>(null);
  const d = saved && (!q.data || saved.session.updatedAt > q.data.session.updatedAt) ? saved : q.data;
  if (q.error && !d) return <div className="page"><InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /></div>;
  if (!d) return <div className="page" aria-busy="true" />;
  return <Session key={d.session.id} d={d} onSaved={setSaved} />;
}

function Session({ d, onSaved }: { d: LiveSessionDetail; onSaved(d: LiveSessionDetail): void }) {
  const t = useT();
  const toast = useToast();
  const s = d.session;
  const editable = s.status === 'planned' || s.status === 'live';
  const [title, setTitle] = useState(s.title);
  const [platform, setPlatform] = useState(s.platform ?? '');
  const [limit, setLimit] = useState(s.perCustomerLimit === null ? '' : String(s.perCustomerLimit));
  const [hold, setHold] = useState(String(s.holdHours));
  const [locationId, setLocationId] = useState(s.locationId);
  const [currency, setCurrency] = useState(s.currency);
  const [scheduledAt, setScheduledAt] = useState(toLocalInput(s.scheduledAt));
  const planned = s.status === 'planned';
  const base = useBaseCurrency();
  const [items, setItems] = useState<DraftItem[]>(() => d.items.map((i) => draftOf(i, s.currency)));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  // what was saved (here or in another window) shows as long as nothing is being edited; errors stay
  useEffect(() => {
    if (dirty) return;
    const x = d.session;
    setTitle(x.title);
    setPlatform(x.platform ?? '');
    setLimit(x.perCustomerLimit === null ? '' : String(x.perCustomerLimit));
    setHold(String(x.holdHours));
    setLocationId(x.locationId);
    setCurrency(x.currency);
    setScheduledAt(toLocalInput(x.scheduledAt));
    setItems(d.items.map((i) => draftOf(i, x.currency)));
    // only a new answer from the API resets the form, not the end of an edit
  }, [d]);
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
      const next = await client.call('live.update', {
        id: s.id,
        title,
        platform: optionalText(platform),
        // on air, where it sells from and its currency are settled
        ...(planned ? { locationId, currency: currency.trim().toUpperCase(), scheduledAt: fromLocalInput(scheduledAt) } : {}),
        perCustomerLimit: wholeNumber(limit),
        holdHours: wholeNumber(hold) ?? 0,
        items: itemsInput(),
      });
      setErrors(noErrors);
      setDirty(false);
      toast(t('live.saved'));
      onSaved(next);
      return true;
    } catch (x) {
      setErrors(pathErrors(x, (p) => ['title', 'platform', 'locationId', 'currency', 'scheduledAt', 'perCustomerLimit', 'holdHours'].includes(p) || /^items\.\d+\.(productId|price|cap|perCustomerLimit|code)$/.test(p)));
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

  // a new product gets the next free short code at once (it can be typed over)
  const add = (p: PickedProduct | null, price = '', cap = '') => {
    setItems((xs) => [...xs, { key: `new-${nextKey++}`, product: p, code: p ? nextCode(new Set(xs.map((x) => x.code))) : '', price, cap, limit: '', known: null }]);
    setDirty(true);
  };
  const pick = (key: string, p: PickedProduct | null) => {
    setItems((xs) => xs.map((x) => (x.key === key ? { ...x, product: p, code: x.code || (p ? nextCode(new Set(xs.map((y) => y.code))) : '') } : x)));
    setDirty(true);
  };
  const set = (key: string, patch: Partial<DraftItem>) => {
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
        <PromotionalToggle session={s} />
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
            {planned ? (
              <>
                <TextField name="scheduledAt" type="datetime-local" label={t('live.f.scheduledAt')} value={scheduledAt} onChange={touch(setScheduledAt)} error={errors.fields.scheduledAt} />
                <LocationSelect name="locationId" label={t('live.f.location')} hint={t('live.f.locationHint')} value={locationId} onChange={touch(setLocationId)} error={errors.fields.locationId} />
                <TextField name="currency" label={t('live.f.currency')} hint={t('live.f.currencyHint')} value={currency} onChange={touch((v: string) => setCurrency(v.toUpperCase()))} error={errors.fields.currency} maxLength={3} />
              </>
            ) : null}
            <TextField name="perCustomerLimit" label={t('live.f.limit')} hint={t('live.f.limitHint')} inputMode="numeric" value={limit} onChange={touch(setLimit)} error={errors.fields.perCustomerLimit} disabled={!editable} />
            <TextField name="holdHours" label={t('live.f.hold')} hint={t('live.f.holdHint')} inputMode="numeric" value={hold} onChange={touch(setHold)} error={errors.fields.holdHours} disabled={!editable} />
          </div>
          <table className="table lv-items" data-testid="live-items">
            <thead>
              <tr>
                <th>{t('live.col.product')}</th>
                <th>{t('live.col.code')}</th>
                <th className="right">{t('live.col.price', { currency: planned ? currency : s.currency })}</th>
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
                      <ProductPicker name={`items.${n}.productId`} label="" value={i.product} onChange={(p) => pick(i.key, p)} error={err(n, 'productId')} />
                    )}
                    {i.known && err(n, 'productId') ? <ErrorText name={`items.${n}.productId`} message={err(n, 'productId')!} /> : null}
                  </td>
                  <Cell n={n} f="code" value={i.code} onChange={(v) => set(i.key, { code: v.toUpperCase() })} err={err(n, 'code')} disabled={!editable} width="5em" placeholder={t('live.f.codeAuto')} />
                  <Cell n={n} f="price" value={i.price} onChange={(v) => set(i.key, { price: v })} err={err(n, 'price')} disabled={!editable} width="7em" right />
                  <Cell n={n} f="cap" value={i.cap} onChange={(v) => set(i.key, { cap: v })} err={err(n, 'cap')} disabled={!editable} width="5em" right />
                  <Cell n={n} f="perCustomerLimit" value={i.limit} onChange={(v) => set(i.key, { limit: v })} err={err(n, 'perCustomerLimit')} disabled={!editable} width="4em" right placeholder="—" />
                  <ItemFacts item={i} locationId={planned ? locationId : s.locationId} savedLocationId={s.locationId} currency={planned ? currency : s.currency} />
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
        {planned && locationId ? (
          <Suggestions
            locationId={locationId}
            taken={new Set(items.flatMap((i) => (i.product ? [i.product.id] : [])))}
            // the usual price is in the base currency: it is offered as the live price only in that currency
            onAdd={(x) => add({ id: x.productId, sku: x.sku, name: x.name }, x.price === null || currency !== base ? '' : formatMoney(x.price, base), String(x.suggestedCap))}
          />
        ) : null}
      </div>
      {d.orders.length ? (
        <section className="card flush" data-testid="live-orders">
          <h2 className="card-title lv-pad">{t('live.orders', { n: d.orders.length })}</h2>
          <SessionOrders orders={d.orders} rowTestId="live-order" withStatus />
        </section>
      ) : null}
    </div>
  );
}

/**
 * A row's available stock at the session's location and the margin at the price typed: from the
 * saved item while it still applies, else from the product's balance there (and today's rate when
 * the session sells in another currency than the base one).
 */
function ItemFacts({ item, locationId, savedLocationId, currency }: { item: DraftItem; locationId: string; savedLocationId: string; currency: string }) {
  const base = useBaseCurrency();
  const known = item.known && locationId === savedLocationId ? item.known : null;
  const productId = item.product?.id ?? '';
  const bal = useQuery('stock.balances', { productId, locationId, nonZero: false, limit: 1 }, { enabled: !known && productId !== '' && locationId !== '' });
  const foreign = /^[A-Z]{3}$/.test(currency) && currency !== base;
  const fx = useQuery('fx.rate', { from: currency, to: base }, { enabled: foreign });
  const row = known ?? (productId && locationId ? (bal.data?.rows[0] ?? (bal.data ? { available: 0, avgCostE4: 0 } : null)) : null);
  const margin = row ? marginAt(item.price, currency, base, foreign ? (fx.data?.rate ?? null) : '1', row.avgCostE4) : null;
  return (
    <>
      <td className="right" data-testid="item-available">
        {row ? <Qty n={row.available} /> : '—'}
      </td>
      <td className={`right${margin !== null && Number(margin) < 0 ? ' neg' : ''}`} data-testid="item-margin">
        {margin !== null ? `${margin}%` : '—'}
      </td>
    </>
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
  const { t, locale } = useI18n();
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
            {locale !== 'en' ? (
              // the why comes from the API in English: its figures in the reader's language too
              <div className="small lv-suggest-facts">
                {t('live.suggest.facts', { available: x.available, perDay: x.perDay })}
                {x.marginPct !== null ? ` · ${t('live.suggest.margin', { pct: x.marginPct })}` : ''}
              </div>
            ) : null}
            <div className="muted small" data-testid="suggestion-why">
              {x.why}
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
