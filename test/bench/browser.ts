// Browser measurements: Debian's Chromium through playwright-core against the standalone host,
// i.e. the real UI over the real loopback bridge on the benchmark database.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Host } from '../../main/server/standalone';
import { stats, type Row } from './stats';

const ROW = '[data-testid="product-row"]';
const SEARCH = '[data-testid="products-search"]';
/** the products screen's search debounce, as set in the renderer (checked in uiStatus) */
export const DEFAULT_DEBOUNCE_MS = 80;

export interface UiStatus {
  ready: boolean;
  reason: string;
  debounceMs: number;
}

/** Whether the built renderer has the products page the benchmark needs (by its test ids). */
export function uiStatus(rendererDir: string, sourceDir: string): UiStatus {
  const index = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(index)) return { ready: false, reason: `no built renderer at ${rendererDir}`, debounceMs: DEFAULT_DEBOUNCE_MS };
  const js = listFiles(path.join(rendererDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
  const missing = ['product-row', 'products-search'].filter((id) => !js.includes(id));
  if (missing.length) return { ready: false, reason: `the built UI has no ${missing.map((m) => `data-testid="${m}"`).join(' or ')}`, debounceMs: DEFAULT_DEBOUNCE_MS };
  return { ready: true, reason: '', debounceMs: findDebounce(sourceDir) ?? DEFAULT_DEBOUNCE_MS };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The debounce the products page puts on its search box, read from its source. */
function findDebounce(sourceDir: string): number | null {
  for (const f of listFiles(path.join(sourceDir, 'features', 'products')).filter((f) => /\.(ts|tsx)$/.test(f))) {
    const m = /useDebounced\([^)]*search[^)]*,\s*(\d+)\)/.exec(fs.readFileSync(f, 'utf8'));
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * The products route. The renderer takes `token=…` out of the fragment and keeps what follows it
 * (renderer/api/token.ts), so `#token=SECRET&/products` opens the products screen.
 */
export function productsUrl(appUrl: string): string {
  return `${appUrl}&/products`;
}

export interface BrowserOptions {
  loads: number;
  debounceMs: number;
  /** the search strings to type, one more character at a time */
  typing: string[];
  log: (msg: string) => void;
}

export async function measureBrowser(host: Host, opts: BrowserOptions): Promise<Row[]> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CROSSDOCK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: Row[] = [];
  // Time the server's share of each call: the bridge looks dispatch() up on this object per call.
  const dispatcher = host.app.dispatcher;
  const original = dispatcher.dispatch;
  let calls: { method: string; ms: number }[] = [];
  dispatcher.dispatch = async (method, args) => {
    const t = performance.now();
    const env = await original.call(dispatcher, method, args);
    calls.push({ method, ms: performance.now() - t });
    return env;
  };
  try {
    const url = productsUrl(host.bridge.appUrl);
    // ---- 1. navigation start → first product row visible; each load in a fresh context (no HTTP cache)
    const loads: number[] = [];
    const dcl: number[] = [];
    const firstList: number[] = [];
    const callsPerLoad: string[] = [];
    let page: Page | null = null;
    for (let i = 0; i < opts.loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      // tsx compiles with keepNames, so functions passed to evaluate() call its __name helper
      await context.addInitScript('globalThis.__name = (fn) => fn');
      page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      calls = [];
      await page.goto(url, { waitUntil: 'commit' });
      try {
        // performance.now() counts from the navigation's time origin
        const t = await page.waitForFunction(
          (sel) => {
            const el = document.querySelector(sel);
            if (!el) return false;
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 ? performance.now() : false;
          },
          ROW,
          { timeout: 30_000, polling: 'raf' },
        );
        loads.push((await t.jsonValue()) as number);
        dcl.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
        firstList.push(calls.find((c) => c.method === 'products.list')?.ms ?? NaN);
        callsPerLoad.push(calls.map((c) => `${c.method} ${c.ms.toFixed(0)}`).join(', '));
      } catch (e) {
        throw new Error(`no ${ROW} became visible at ${url.replace(/token=[^&]+/, 'token=…')}: ${(e as Error).message.split('\n')[0]}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
      }
      if (i < opts.loads - 1) await context.close();
    }
    rows.push({ target: '1', label: `browser: navigation → first product row (${opts.loads} fresh loads)`, stats: stats(loads), limit: 1000 });
    opts.log(`  first row at ${loads.map((x) => x.toFixed(0)).join(', ')} ms; DOMContentLoaded at ${dcl.map((x) => x.toFixed(0)).join(', ')} ms`);
    opts.log(`  calls before the first row (server ms), first load: ${callsPerLoad[0]}`);
    rows.push({ target: '1', label: '  of which to DOMContentLoaded (same loads)', stats: stats(dcl) });
    rows.push({ target: '1', label: '  of which server time of products.list', stats: stats(firstList) });

    // ---- 2. one more character typed → the rows change
    const p = page!;
    const raw: number[] = [];
    const server: number[] = [];
    const typed: string[] = [];
    await p.focus(SEARCH);
    for (const text of opts.typing) {
      await p.fill(SEARCH, '');
      await settle(p);
      const chars = [...text];
      for (let k = 0; k < chars.length; k++) {
        const ch = chars[k]!;
        await p.evaluate(
          ({ row, search }) => {
            const w = window as unknown as { __bench: { t0: number; t1: number; before: string } };
            const rows = () => document.querySelectorAll(row);
            const sig = () => [...rows()].slice(0, 30).map((e) => e.textContent).join('\n') + '#' + rows().length;
            w.__bench = { t0: 0, t1: 0, before: sig() };
            const input = document.querySelector(search) as HTMLInputElement;
            // keydown for typed keys; input for text that arrives without one (IME, Chinese)
            const start = (e: Event) => void (w.__bench.t0 ||= e.timeStamp);
            input.addEventListener('keydown', start, { once: true, capture: true });
            input.addEventListener('input', start, { once: true, capture: true });
            // done when rows are on screen again and they are not the ones from before
            const obs = new MutationObserver(() => {
              if (w.__bench.t0 && !w.__bench.t1 && rows().length > 0 && sig() !== w.__bench.before) {
                w.__bench.t1 = performance.now();
                obs.disconnect();
              }
            });
            obs.observe(document.body, { subtree: true, childList: true, characterData: true });
          },
          { row: ROW, search: SEARCH },
        );
        calls = [];
        if (/^[\x20-\x7e]$/.test(ch)) await p.press(SEARCH, ch);
        else await p.keyboard.insertText(ch);
        const changed = await p
          .waitForFunction(() => (window as unknown as { __bench: { t1: number } }).__bench.t1 > 0, undefined, { timeout: 3000, polling: 'raf' })
          .then(() => true)
          .catch(() => false);
        const b = await p.evaluate(() => (window as unknown as { __bench: { t0: number; t1: number } }).__bench);
        // a keystroke that leaves the same rows on screen (J → JP when every J… SKU starts JP) has nothing to time
        const list = calls.filter((c) => c.method === 'products.list');
        const serverMs = list.reduce((sum, c) => sum + c.ms, 0);
        if (changed) {
          raw.push(b.t1 - b.t0);
          server.push(serverMs);
        }
        typed.push(`${JSON.stringify(chars.slice(0, k + 1).join(''))} ${changed ? `${(b.t1 - b.t0).toFixed(0)} ms (server ${serverMs.toFixed(0)} ms in ${list.length} call${list.length === 1 ? '' : 's'})` : 'same rows'}`);
        await settle(p);
      }
    }
    opts.log(`  keystrokes: ${typed.join(', ')}`);
    const s = stats(raw);
    rows.push({ target: '2', label: `browser: keystroke → rows changed (raw, incl. ${opts.debounceMs} ms debounce)`, stats: s });
    rows.push({
      target: '2',
      label: `browser: keystroke → rows changed, minus ${opts.debounceMs} ms debounce`,
      stats: { n: s.n, median: s.median - opts.debounceMs, p95: s.p95 - opts.debounceMs, max: s.max - opts.debounceMs },
      limit: 50,
    });
    rows.push({ target: '2', label: '  of which server time (products.list dispatch)', stats: stats(server) });
    rows.push({ target: '2', label: '  of which the rest (transport, React, layout)', stats: stats(raw.map((r, i) => r - opts.debounceMs - server[i]!)) });
    return rows;
  } finally {
    dispatcher.dispatch = original;
    await browser.close();
  }
}

/** Waits until the UI is quiet: the debounce has fired and the answer is on screen. */
async function settle(p: Page): Promise<void> {
  await p.waitForTimeout(400);
}
