// The search box in the top bar. "/" focuses it from anywhere; typing searches as you go. A
// barcode scanner types digits then Enter: Enter on an exact barcode hit opens that product.
// Digits typed while no field has focus are caught here too, so scanning works from any screen
// (except one with its own scan box, marked data-scan-target: a count takes its scans itself).
// A barcode that no product has is offered as a product's barcode; one that is both a product's
// barcode and another's SKU opens the list, so the merchant picks.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../main/common/api';
import { client } from '../api/client';
import { AssignCode } from '../components/AssignCode';
import { Panel } from '../components/Panel';
import { useDebounced } from '../api/hooks';
import { isMessageKey, useT } from '../i18n';
import { isEditable } from './keys';
import { navigate, paths } from './router';

/** the products whose barcode or SKU is exactly what was typed or scanned */
const exactHits = (hits: SearchHit[]) => hits.filter((h) => h.kind === 'product' && h.match !== 'text');
const looksLikeBarcode = (q: string) => /^\d{8,14}$/.test(q);

export function GlobalSearch() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [hi, setHi] = useState(-1);
  const [assign, setAssign] = useState<string | null>(null);
  const q = useDebounced(text.trim(), 100);
  const latest = useRef(0);
  // Closing on blur waits a moment (so a click on a hit lands); focusing again cancels it.
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancelClose = () => clearTimeout(blurTimer.current);

  const search = async (query: string): Promise<SearchHit[]> => {
    const mine = ++latest.current;
    const res = query ? await client.call('search.global', { q: query, limit: 12 }).catch(() => [] as SearchHit[]) : [];
    if (mine === latest.current) setHits(res);
    return res;
  };

  useEffect(() => {
    void search(q);
  }, [q]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isEditable(document.activeElement) || document.querySelector('.panel, [data-scan-target]')) return;
      if (e.key === '/') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      } else if (/^\d$/.test(e.key)) {
        e.preventDefault();
        setText(e.key);
        setOpen(true);
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const go = (hit: SearchHit) => {
    navigate(hit.kind === 'product' ? paths.product(hit.id) : paths.stock(hit.id));
    setOpen(false);
    setText('');
    setHits([]);
    input.current?.blur();
  };

  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setHi((h) => Math.min(hits.length - 1, h + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setHi((h) => Math.max(-1, h - 1));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setHi(-1);
      input.current?.blur();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = hi >= 0 ? hits[hi] : undefined;
      if (chosen) return go(chosen);
      // A scanner's Enter can beat the debounce: search the exact text now.
      const query = text.trim();
      if (!query) return;
      const fresh = await search(query);
      const exact = exactHits(fresh);
      if (exact.length === 1) go(exact[0]!);
      else if (fresh.length === 1) go(fresh[0]!);
      else if (fresh.length === 0 && looksLikeBarcode(query)) {
        setOpen(false);
        setAssign(query);
      } else setOpen(true);
    }
  };

  const showList = open && text.trim() !== '';
  return (
    <div className="gsearch">
      {assign ? (
        <Panel title={t('scan.assign', { code: assign })} onClose={() => setAssign(null)} testId="search-assign-panel">
          <div className="panel-body">
            <AssignCode
              code={assign}
              onDone={(product) => {
                setAssign(null);
                setText('');
                if (product) navigate(paths.product(product.id));
              }}
            />
          </div>
        </Panel>
      ) : null}
      <span className="gsearch-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={input}
        data-testid="global-search"
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls="gsearch-list"
        aria-label={t('common.search')}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          cancelClose();
          setText(e.target.value);
          setOpen(true);
          setHi(-1);
        }}
        onFocus={() => {
          cancelClose();
          setOpen(true);
        }}
        onBlur={() => {
          blurTimer.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={(e) => void onKeyDown(e)}
      />
      {showList ? (
        <ul className="gsearch-list" id="gsearch-list" role="listbox" data-testid="global-search-results">
          {hits.length === 0 && q === text.trim() ? <li className="suggest-empty">{t('search.none', { q: text.trim() })}</li> : null}
          {hits.length === 0 && q === text.trim() && looksLikeBarcode(q) ? (
            <li
              role="option"
              aria-selected={false}
              data-testid="search-assign"
              onMouseDown={(e) => {
                e.preventDefault();
                setOpen(false);
                setAssign(q);
              }}
            >
              {t('scan.assign', { code: q })}
            </li>
          ) : null}
          {hits.map((h, i) => (
            <li
              key={`${h.kind}-${h.id}`}
              role="option"
              aria-selected={i === hi}
              className={i === hi ? 'hi' : ''}
              data-testid="search-hit"
              onMouseDown={(e) => {
                e.preventDefault();
                go(h);
              }}
              onMouseEnter={() => setHi(i)}
            >
              <span className={`badge badge-${h.kind}`}>{h.kind === 'product' ? t('search.product') : t('search.location')}</span>
              <span className="suggest-title">{h.title}</span>
              {h.subtitle ? <span className="suggest-sub">{h.kind === 'location' && isMessageKey(`lkind.${h.subtitle}`) ? t(`lkind.${h.subtitle}` as 'lkind.own') : h.subtitle}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
