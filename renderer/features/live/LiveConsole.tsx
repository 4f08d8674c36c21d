// The live console: full screen, keyboard first. Type or scan the product (its code, SKU or
// barcode), the buyer's handle, Enter — the claim goes in and every product's units left count
// down on big tiles, from the claim's answer and from the counters the app pushes after every
// claim (another screen's claims show up too). Refusals say why at once. F8 takes the last claim
// back, Shift+F8 the claim of the product and buyer typed (or a feed row's ↶), and the waitlist
// moves up. The product stays for the next buyer; Esc clears the entry.
import { useThumb } from '../../components/thumbs';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { LiveClaim, LiveItem, LiveSessionDetail } from '../../../main/common/api';
import { client } from '../../api/client';
import { ApiError } from '../../../main/common/api/errors';
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
          {t('live.console.notLive', { number: q.data.session.number })}{' '}
          {q.data.session.status === 'closed' ? (
            <a href={'#' + paths.liveReport(id)} data-testid="console-to-report">
              {t('live.openReport')}
            </a>
          ) : (
            <a href={'#' + paths.liveSession(id)}>{t('live.console.toSession')}</a>
          )}
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
  const itemIds = useRef(new Set<string>());
  itemIds.current = new Set(items.map((i) => i.productId));
  const elapsed = useElapsed(s.startedAt);
  const [feed, setFeed] = useState<LiveClaim[]>(initial.recent);
  const [product, setProduct] = useState('');
  const [buyer, setBuyer] = useState('');
  const [qty, setQty] = useState('1');
  const [waitlist, setWaitlist] = useState(true);
  const [feedback, setFeedbackText] = useState<Feedback>(null);
  // how many answers have been shown: a test (or a screen reader) can tell a new one from the same words again
  const [answers, setAnswers] = useState(0);
  const setFeedback = (f: Feedback) => {
    setFeedbackText(f);
    if (f) setAnswers((n) => n + 1);
  };
  const [pending, setPending] = useState(0);
  // One key per entry: Enter pressed twice on the same product, buyer and quantity sends the same
  // key, and the API answers the second with the first claim; any change to the entry, or a claim
  // gone through, makes a new one. So a bounced Enter never claims twice, and the next buyer can
  // be typed and sent while the previous claim is still on its way.
  const entryKey = useRef<{ entry: string; key: string } | null>(null);
  const edited = () => {
    entryKey.current = null;
  };
  const keyFor = (entry: string) => {
    if (entryKey.current?.entry !== entry) entryKey.current = { entry, key: newKey() };
    return entryKey.current.key;
  };
  // F8 pressed twice while the first undo is on its way takes back one claim, not two
  const undoing = useRef(false);
  const productRef = useRef<HTMLInputElement>(null);
  const buyerRef = useRef<HTMLInputElement>(null);
  const qtyRef = useRef<HTMLInputElement>(null);

  useEffect(() => setItems(initial.items), [initial.items]);
  // counters pushed after every claim, from this screen or another
  useEffect(
    () =>
      client.on('live.changed', (p) => {
        if (p.id !== s.id) return;
        // a product this screen does not know yet (added on air from another window): load them all again
        if (!p.items.length || p.items.some((c) => !itemIds.current.has(c.productId))) return refetch();
        setItems((xs) => xs.map((x) => {
          const c = p.items.find((i) => i.productId === x.productId);
          return c ? { ...x, claimed: c.claimed, left: c.left, waiting: c.waiting } : x;
        }));
      }),
    [s.id, refetch],
  );
  useEffect(() => productRef.current?.focus(), []);
  // full screen: the shell's bar and navigation under the console take no focus (Tab stays here)
  useEffect(() => {
    const under = [...document.querySelectorAll<HTMLElement>('.topbar, .sidenav')];
    under.forEach((el) => el.setAttribute('inert', ''));
    return () => under.forEach((el) => el.removeAttribute('inert'));
  }, []);

  const match = useMemo(() => {
    const v = product.trim().toUpperCase();
    if (!v) return null;
    return items.find((i) => i.code?.toUpperCase() === v) ?? items.find((i) => i.sku.toUpperCase() === v || i.barcode === product.trim()) ?? null;
  }, [items, product]);
  const buyers = useMemo(() => [...new Set(feed.map((c) => c.handle))].sort(), [feed]);
  const totals = useMemo(() => ({ claimed: items.reduce((a, i) => a + i.claimed, 0), cap: items.reduce((a, i) => a + i.cap, 0), waiting: items.reduce((a, i) => a + i.waiting, 0) }), [items]);
  const handle = buyer.trim().replace(/^@+/, '').toLowerCase();
  const knownBuyer = handle !== '' && buyers.some((b) => b.toLowerCase() === handle);

  // newest first by sequence: a claim seen again (undone, moved up from the waitlist) keeps its place
  const remember = (c: LiveClaim) => setFeed((f) => [c, ...f.filter((x) => x.id !== c.id)].sort((a, b) => b.seq - a.seq).slice(0, 50));
  const update = (i: LiveItem) => setItems((xs) => xs.map((x) => (x.productId === i.productId ? i : x)));

  async function claim(e?: FormEvent) {
    e?.preventDefault();
    if (!product.trim()) return productRef.current?.focus();
    if (!buyer.trim()) return buyerRef.current?.focus();
    const sent = { product: product.trim(), customer: buyer.trim(), qty: Number(qty) || 1 };
    const entry = JSON.stringify(sent);
    const clientKey = keyFor(entry);
    setPending((n) => n + 1);
    try {
      const r = await client.call('live.claim', { sessionId: s.id, ...sent, clientKey, waitlist });
      if (entryKey.current?.key === clientKey) entryKey.current = null;
      update(r.item);
      remember(r.claim);
      const label = r.item.code ?? r.item.sku;
      setFeedback(
        r.claim.status === 'waiting'
          ? { kind: 'wait', text: t('live.console.waitlisted', { buyer: r.claim.handle, n: r.waitPosition ?? 0, code: label }) }
          : { kind: 'ok', text: t('live.console.claimed', { buyer: r.claim.handle, qty: r.claim.qty, code: label, left: r.item.left }) },
      );
      // the entry is cleared for the next buyer, unless the next one is being typed already
      setBuyer((b) => (b.trim() === sent.customer ? '' : b));
      setQty((v) => ((Number(v) || 1) === sent.qty ? '1' : v));
      if (document.activeElement !== productRef.current) buyerRef.current?.focus();
    } catch (x) {
      setFeedback({ kind: 'error', text: errorMessage(x) });
      offAir(x);
      // the field at fault is selected, so the next scan or handle replaces it
      const field = x instanceof ApiError ? x.details?.field : undefined;
      const at = field === 'product' ? productRef.current : field === 'customer' ? buyerRef.current : field === 'qty' ? qtyRef.current : null;
      if (at && (document.activeElement === buyerRef.current || document.activeElement === productRef.current || document.activeElement === qtyRef.current)) {
        at.focus();
        at.select();
      }
    } finally {
      setPending((n) => n - 1);
    }
  }

  /** Ended or cancelled in another window: the session is loaded again, and the console gives way. */
  function offAir(x: unknown) {
    if (x instanceof ApiError && x.code === 'conflict' && x.details?.field === 'sessionId') refetch();
  }

  /** The newest standing claim of the product and buyer in the entry, for Shift+F8. */
  function typedClaim(): LiveClaim | null | undefined {
    const handle = buyer.trim().replace(/^@+/, '').toLowerCase();
    if (!match || !handle) return undefined;
    return feed.find((c) => c.productId === match.productId && c.handle.toLowerCase() === handle && (c.status === 'claimed' || c.status === 'waiting')) ?? null;
  }

  async function undo(claimId?: string): Promise<boolean> {
    if (undoing.current) return false;
    undoing.current = true;
    try {
      const r = await client.call('live.undo', { sessionId: s.id, ...(claimId ? { claimId } : {}) });
      update(r.item);
      remember(r.claim);
      for (const p of r.promoted) remember(p);
      const moved = r.promoted.map((p) => `@${p.handle}`).join(', ');
      setFeedback({ kind: 'undo', text: t('live.console.undone', { buyer: r.claim.handle, qty: r.claim.qty, code: r.item.code ?? r.item.sku }) + (moved ? ` ${t('live.console.promoted', { buyers: moved })}` : '') });
      return true;
    } catch (x) {
      setFeedback({ kind: 'error', text: errorMessage(x) });
      offAir(x);
      return false;
    } finally {
      undoing.current = false;
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
    if (e.key === 'F8' && e.shiftKey) {
      e.preventDefault();
      const c = typedClaim();
      // taken back: the buyer is cleared for the next one, the product stays
      if (c)
        void undo(c.id).then((ok) => {
          if (!ok) return;
          setBuyer('');
          buyerRef.current?.focus();
        });
      else setFeedback({ kind: 'error', text: c === undefined ? t('live.console.undoWhich') : t('live.console.undoNone', { buyer: buyer.trim().replace(/^@+/, ''), code: match?.code ?? match?.sku ?? '' }) });
    } else if (e.key === 'F8') {
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
          {elapsed ? <span className="lv-elapsed" data-testid="console-elapsed">{elapsed}</span> : null}
        </span>
        <span className="lv-console-title">
          <span className="mono">{s.number}</span> · {s.title}
          <small>{[s.platform, s.locationCode].filter(Boolean).join(' · ')}</small>
        </span>
        <span className="spacer" />
        <span className="lv-stat" data-testid="console-total" title={t('live.console.total', { claimed: totals.claimed, cap: totals.cap })}>
          <small>{t('live.console.claimedUnits')}</small>
          <b>
            {totals.claimed}
            <i> / {totals.cap}</i>
          </b>
        </span>
        <span className={`lv-stat${totals.waiting ? ' lv-stat-wait' : ''}`} data-testid="console-waiting">
          <small>{t('live.console.waitingTotal')}</small>
          <b>{totals.waiting}</b>
        </span>
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
            onChange={(e) => {
              edited();
              setProduct(e.target.value);
            }}
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
          <input ref={buyerRef} data-testid="claim-buyer" list="lv-buyers" value={buyer} onChange={(e) => {
              edited();
              setBuyer(e.target.value);
            }}
            placeholder="@handle" autoComplete="off" spellCheck={false} />
          <datalist id="lv-buyers">
            {buyers.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
          <small data-testid="claim-buyer-hint" className={knownBuyer ? '' : 'muted'}>
            {handle ? t(knownBuyer ? 'live.console.buyerKnown' : 'live.console.buyerNew') : '\u00a0'}
          </small>
        </label>
        <label className="lv-entry-field lv-entry-qty">
          <span>{t('live.console.qty')}</span>
          <input ref={qtyRef} data-testid="claim-qty" inputMode="numeric" value={qty} onChange={(e) => {
              edited();
              setQty(e.target.value.replace(/\D/g, ''));
            }} autoComplete="off" />
          <small>{'\u00a0'}</small>
        </label>
        <div className="lv-entry-actions">
          <button type="submit" className="btn btn-primary lv-claim" data-testid="claim-submit" aria-busy={pending > 0}>
            {t('live.console.claim')} <kbd>Enter</kbd>
          </button>
          <label className="lv-waitlist small">
            <input type="checkbox" data-testid="claim-waitlist" checked={waitlist} onChange={(e) => setWaitlist(e.target.checked)} /> {t('live.console.waitlist')}
          </label>
        </div>
      </form>
      <div className={`lv-feedback lv-feedback-${feedback?.kind ?? 'none'}`} data-testid="claim-feedback" data-kind={feedback?.kind ?? ''} data-answers={answers} role="status" aria-live="assertive">
        {feedback?.text ?? t('live.console.ready')}
      </div>
      <div className="lv-keys small" data-testid="console-keys">
        <span>
          <kbd>Enter</kbd> {t('live.console.keyClaim')}
        </span>
        <span>
          <kbd>F8</kbd> {t('live.console.keyUndo')}
        </span>
        <span>
          <kbd>Shift</kbd>+<kbd>F8</kbd> {t('live.console.keyUndoThis')}
        </span>
        <span>
          <kbd>Esc</kbd> {t('live.console.keyClear')}
        </span>
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
              <TilePhoto productId={i.productId} />
              <span className="lv-tile-top">
                <span className="lv-tile-code">{i.code ?? i.sku}</span>
                {i.left === 0 ? <span className="lv-tile-sold">{t('live.console.soldOut')}</span> : null}
              </span>
              <span className="lv-tile-left" data-testid="tile-left">
                {i.left}
              </span>
              <span className="lv-tile-of">{t('live.console.left', { cap: i.cap })}</span>
              <span className="lv-tile-name">{i.name}</span>
              <span className="lv-tile-foot">
                <Money minor={i.price} currency={s.currency} />
                {i.waiting ? <span className="lv-tile-wait">{t('live.console.waiting', { n: i.waiting })}</span> : null}
              </span>
            </button>
          ))}
        </div>
        <aside className="lv-feed" data-testid="claim-feed">
          <h2>{t('live.console.recent')}</h2>
          <ol>
            {feed.map((c) => (
              <li key={c.id} data-testid="feed-claim" data-seq={c.seq} data-handle={c.handle} data-status={c.status} className={`lv-feed-${c.status}`}>
                <span className="mono">#{c.seq}</span> @{c.handle} · {items.find((i) => i.productId === c.productId)?.code ?? c.sku} ×{c.qty}
                <span className="lv-feed-status">{c.status === 'claimed' && c.promotedAt ? t('live.console.movedUp') : t(`live.claim.${c.status}`)}</span>
                {c.status === 'claimed' || c.status === 'waiting' ? (
                  <button type="button" className="lv-feed-undo" data-testid="feed-undo" title={t('live.console.undoThis')} aria-label={t('live.console.undoClaim', { seq: c.seq, buyer: c.handle })} onClick={() => void undo(c.id)}>
                    ↶
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Time on air, "1:02:03" or "02:03", ticking every second. */
function useElapsed(startedAt: string | null): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!startedAt) return null;
  const secs = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  return h ? `${h}:${pad2(m)}:${pad2(secs % 60)}` : `${pad2(m)}:${pad2(secs % 60)}`;
}

/** The product's primary photo in the corner of its tile: what the host holds up on camera. */
function TilePhoto({ productId }: { productId: string }) {
  const src = useThumb(productId);
  return src ? <img className="lv-tile-photo" src={src} alt="" data-testid="tile-photo" /> : null;
}

