// The live console: full screen, keyboard first. Type or scan the product (its code, SKU or
// barcode), the buyer's handle, Enter — the claim goes in and every product's units left count
// down on big tiles, from the claim's answer and from the counters the app pushes after every
// claim (another screen's claims show up too). Refusals say why at once. F8 takes the last claim
// back and the waitlist moves up. The product stays for the next buyer; Esc clears the entry.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { LiveClaim, LiveItem, LiveSessionDetail } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { navigate, paths } from '../../app/router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { InlineError } from '../../components/EmptyState';
import { Money } from '../../components/Numbers';
import { useT } from '../../i18n';
import './live.css';

type Feedback = { kind: 'ok' | 'wait' | 'error' | 'undo'; text: string } | null;

const newKey = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export function LiveConsole({ id }: { id: string }) {
  const t = useT();
  const q = useQuery('live.get', { id }, { events: [] });
  if (q.error) return <div className="page"><InlineError message={t('common.error', { msg: q.error.message })} onRetry={q.refetch} retryLabel={t('common.retry')} /></div>;
  if (!q.data) return <div className="lv-console" aria-busy="true" />;
  if (q.data.session.status !== 'live') {
    return (
      <div className="page">
        <p data-testid="console-not-live">
          {t('live.console.notLive', { number: q.data.session.number })} <a href={'#' + paths.liveSession(id)}>{t('live.console.toSession')}</a>
        </p>
      </div>
    );
  }
  return <Console initial={q.data} refetch={q.refetch} />;
}

function Console({ initial, refetch }: { initial: LiveSessionDetail; refetch(): void }) {
  const t = useT();
  const s = initial.session;
  const [items, setItems] = useState<LiveItem[]>(initial.items);
  const [feed, setFeed] = useState<LiveClaim[]>(initial.recent);
  const [product, setProduct] = useState('');
  const [buyer, setBuyer] = useState('');
  const [qty, setQty] = useState('1');
  const [waitlist, setWaitlist] = useState(true);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const productRef = useRef<HTMLInputElement>(null);
  const buyerRef = useRef<HTMLInputElement>(null);

  useEffect(() => setItems(initial.items), [initial.items]);
  // counters pushed after every claim, from this screen or another
  useEffect(
    () =>
      client.on('live.changed', (p) => {
        if (p.id !== s.id) return;
        if (!p.items.length) return refetch();
        setItems((xs) => xs.map((x) => {
          const c = p.items.find((i) => i.productId === x.productId);
          return c ? { ...x, claimed: c.claimed, left: c.left, waiting: c.waiting } : x;
        }));
      }),
    [s.id, refetch],
  );
  useEffect(() => productRef.current?.focus(), []);

  const match = useMemo(() => {
    const v = product.trim().toUpperCase();
    if (!v) return null;
    return items.find((i) => i.code?.toUpperCase() === v) ?? items.find((i) => i.sku.toUpperCase() === v || i.barcode === product.trim()) ?? null;
  }, [items, product]);
  const buyers = useMemo(() => [...new Set(feed.map((c) => c.handle))].sort(), [feed]);
  const totals = useMemo(() => ({ claimed: items.reduce((a, i) => a + i.claimed, 0), cap: items.reduce((a, i) => a + i.cap, 0) }), [items]);

  const remember = (c: LiveClaim) => setFeed((f) => [c, ...f.filter((x) => x.id !== c.id)].slice(0, 50));
  const update = (i: LiveItem) => setItems((xs) => xs.map((x) => (x.productId === i.productId ? i : x)));

  async function claim(e?: FormEvent) {
    e?.preventDefault();
    if (!product.trim()) return productRef.current?.focus();
    if (!buyer.trim()) return buyerRef.current?.focus();
    setBusy(true);
    try {
      const r = await client.call('live.claim', { sessionId: s.id, product: product.trim(), customer: buyer.trim(), qty: Number(qty) || 1, clientKey: key.current, waitlist });
      key.current = newKey();
      update(r.item);
      remember(r.claim);
      const label = r.item.code ?? r.item.sku;
      setFeedback(
        r.claim.status === 'waiting'
          ? { kind: 'wait', text: t('live.console.waitlisted', { buyer: r.claim.handle, n: r.waitPosition ?? 0, code: label }) }
          : { kind: 'ok', text: t('live.console.claimed', { buyer: r.claim.handle, qty: r.claim.qty, code: label, left: r.item.left }) },
      );
      setBuyer('');
      setQty('1');
      buyerRef.current?.focus();
    } catch (x) {
      setFeedback({ kind: 'error', text: errorMessage(x) });
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    try {
      const r = await client.call('live.undo', { sessionId: s.id });
      update(r.item);
      remember(r.claim);
      for (const p of r.promoted) remember(p);
      const moved = r.promoted.map((p) => `@${p.handle}`).join(', ');
      setFeedback({ kind: 'undo', text: t('live.console.undone', { buyer: r.claim.handle, qty: r.claim.qty, code: r.item.code ?? r.item.sku }) + (moved ? ` ${t('live.console.promoted', { buyers: moved })}` : '') });
    } catch (x) {
      setFeedback({ kind: 'error', text: errorMessage(x) });
    }
  }

  async function end() {
    try {
      await client.call('live.close', { id: s.id });
      navigate(paths.liveReport(s.id));
    } catch (x) {
      setFeedback({ kind: 'error', text: errorMessage(x) });
    }
  }

  function onKeys(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'F8') {
      e.preventDefault();
      void undo();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setProduct('');
      setBuyer('');
      setQty('1');
      setFeedback(null);
      productRef.current?.focus();
    }
  }

  return (
    <div className="lv-console" data-testid="live-console" onKeyDown={onKeys}>
      <header className="lv-console-head">
        <span className="lv-onair">
          <span className="lv-dot" aria-hidden="true" /> {t('live.console.onAir')}
        </span>
        <span className="lv-console-title">
          <span className="mono">{s.number}</span> · {s.title}
        </span>
        <span className="lv-console-total" data-testid="console-total">
          {t('live.console.total', { claimed: totals.claimed, cap: totals.cap })}
        </span>
        <span className="spacer" />
        <button type="button" className="btn" data-testid="undo-claim" onClick={() => void undo()}>
          ↶ {t('live.console.undo')} <kbd>F8</kbd>
        </button>
        <ConfirmButton label={t('live.console.end')} confirmLabel={t('live.console.endConfirm')} onConfirm={() => void end()} testId="end-live" />
        <a className="btn btn-ghost" href={'#' + paths.liveSession(s.id)}>
          {t('live.console.exit')}
        </a>
      </header>

      <form className="lv-entry" onSubmit={claim} noValidate data-testid="claim-form">
        <label className="lv-entry-field lv-entry-product">
          <span>{t('live.console.product')}</span>
          <input
            ref={productRef}
            data-testid="claim-product"
            value={product}
            onChange={(e) => setProduct(e.target.value)}
            onKeyDown={(e) => {
              // Enter on the product goes to the buyer unless one is typed already
              if (e.key === 'Enter' && !buyer.trim()) {
                e.preventDefault();
                buyerRef.current?.focus();
              }
            }}
            placeholder={t('live.console.productHint')}
            autoComplete="off"
            spellCheck={false}
          />
          <small data-testid="claim-match" className={match ? '' : 'muted'}>
            {match ? `${match.code ?? ''} ${match.sku} · ${match.name}` : product.trim() ? t('live.console.noMatch') : '\u00a0'}
          </small>
        </label>
        <label className="lv-entry-field lv-entry-buyer">
          <span>{t('live.console.buyer')}</span>
          <input ref={buyerRef} data-testid="claim-buyer" list="lv-buyers" value={buyer} onChange={(e) => setBuyer(e.target.value)} placeholder="@handle" autoComplete="off" spellCheck={false} />
          <datalist id="lv-buyers">
            {buyers.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </label>
        <label className="lv-entry-field lv-entry-qty">
          <span>{t('live.console.qty')}</span>
          <input data-testid="claim-qty" inputMode="numeric" value={qty} onChange={(e) => setQty(e.target.value.replace(/\D/g, ''))} autoComplete="off" />
        </label>
        <button type="submit" className="btn btn-primary lv-claim" data-testid="claim-submit" disabled={busy}>
          {t('live.console.claim')} <kbd>Enter</kbd>
        </button>
        <label className="lv-waitlist small">
          <input type="checkbox" data-testid="claim-waitlist" checked={waitlist} onChange={(e) => setWaitlist(e.target.checked)} /> {t('live.console.waitlist')}
        </label>
      </form>
      <div className={`lv-feedback lv-feedback-${feedback?.kind ?? 'none'}`} data-testid="claim-feedback" data-kind={feedback?.kind ?? ''} role="status" aria-live="assertive">
        {feedback?.text ?? t('live.console.ready')}
      </div>

      <div className="lv-console-body">
        <div className="lv-tiles" data-testid="live-tiles">
          {items.map((i) => (
            <button
              type="button"
              key={i.productId}
              className={`lv-tile${i.left === 0 ? ' lv-soldout' : i.left <= Math.max(1, Math.ceil(i.cap / 10)) ? ' lv-low' : ''}${match?.productId === i.productId ? ' lv-current' : ''}`}
              data-testid="live-tile"
              data-code={i.code ?? ''}
              data-left={i.left}
              data-waiting={i.waiting}
              tabIndex={-1}
              onClick={() => {
                setProduct(i.code ?? i.sku);
                buyerRef.current?.focus();
              }}
            >
              <span className="lv-tile-code">{i.code ?? i.sku}</span>
              <span className="lv-tile-left" data-testid="tile-left">
                {i.left}
              </span>
              <span className="lv-tile-of">{t('live.console.left', { cap: i.cap })}</span>
              <span className="lv-tile-name">{i.name}</span>
              <span className="lv-tile-foot">
                <Money minor={i.price} currency={s.currency} />
                {i.left === 0 ? <span className="lv-tile-sold">{t('live.console.soldOut')}</span> : null}
                {i.waiting ? <span className="lv-tile-wait">{t('live.console.waiting', { n: i.waiting })}</span> : null}
              </span>
            </button>
          ))}
        </div>
        <aside className="lv-feed" data-testid="claim-feed">
          <h2>{t('live.console.recent')}</h2>
          <ol>
            {feed.map((c) => (
              <li key={c.id} data-testid="feed-claim" data-status={c.status} className={`lv-feed-${c.status}`}>
                <span className="mono">#{c.seq}</span> @{c.handle} · {items.find((i) => i.productId === c.productId)?.code ?? c.sku} ×{c.qty}
                <span className="lv-feed-status">{t(`live.claim.${c.status}`)}</span>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}
