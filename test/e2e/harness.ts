// Starts the real backend (standalone host on a temp SQLite file) and Debian's Chromium through
// playwright-core, and records every console error, uncaught exception and CSP violation so a
// test can fail on them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createClient, type Client } from '../../main/common/api/client';
import { inProcessTransport } from '../../main/server/in-process';
import { startHost, type Host } from '../../main/server/standalone';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = path.join(root, 'test-results', 'screenshots');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface E2E {
  host: Host;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** the same backend, called directly: to seed data and to check what was (not) saved */
  api: Client;
  /** console errors, page errors and CSP violations seen so far */
  problems: string[];
  screenshot(name: string): Promise<void>;
  /** run this when the suite closes (before the host) */
  defer(fn: () => Promise<unknown>): void;
  close(): Promise<void>;
}

/** Reports CSP violations from inside the page (they would otherwise only block silently). */
const CSP_WATCH = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});`;

export function watch(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
}

export async function startE2E(opts: { seed?: (api: Client) => Promise<unknown> } = {}): Promise<E2E> {
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` before the e2e tests');
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-e2e-'));
  const host = await startHost({ file: path.join(dir, 'crossdock.sqlite'), actor: 'e2e' });
  const api = createClient(inProcessTransport(host.app.dispatcher));
  let browser: Browser | undefined;
  try {
    if (opts.seed) await opts.seed(api);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    await context.addInitScript(CSP_WATCH);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(host.bridge.appUrl);
    await page.getByTestId('nav-dashboard').waitFor();
    const b = browser;
    const deferred: (() => Promise<unknown>)[] = [];
    return {
      host,
      browser: b,
      context,
      page,
      api,
      problems,
      async screenshot(name) {
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
      },
      defer(fn) {
        deferred.push(fn);
      },
      async close() {
        await b.close().catch(() => undefined);
        for (const fn of deferred.reverse()) await fn().catch(() => undefined);
        await host.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
