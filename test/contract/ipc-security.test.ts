// What the Electron IPC path refuses, and how its events behave, beyond the shared contract suite.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../main/common/api/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../main/electron/channels';
import { registerIpc } from '../../main/electron/ipc';
import { isAppUrl } from '../../main/electron/urls';
import type { Door as Dispatcher } from '../../main/server/dispatch';
import { openApp, type App } from '../../main/server/app';
import { createPreloadApi } from '../../preload/api';
import { fakeIpc, type FakeIpc } from '../helpers/fake-electron-ipc';
import { tempDir } from '../helpers/temp-app';

describe('Electron IPC', () => {
  let dir: string;
  let app: App;
  let ipc: FakeIpc;
  let api: ReturnType<typeof createPreloadApi>;
  let unregister: () => void;
  let dispatch: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    dir = tempDir();
    app = openApp(path.join(dir, 'crossdock.sqlite'), { actor: 'tester' });
    dispatch = vi.spyOn(app.dispatcher, 'dispatch');
    ipc = fakeIpc();
    unregister = registerIpc(ipc.ipcMain, app.dispatcher, { isTrustedSender: isAppUrl, targets: () => [ipc.webContents] });
    api = createPreloadApi(ipc.ipcRenderer);
  });
  afterEach(() => {
    unregister();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const productCount = async () => ((await api.invoke('products.list', { status: 'all' })) as Envelope<{ total: number }> & { ok: true }).result.total;

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a local file', 'file:///tmp/evil.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike host', 'app://crossdock.evil/index.html'],
    ['credentials in the URL', 'app://crossdock@evil/index.html'],
    ['a destroyed frame', null],
  ])('refuses a sender from %s without reaching the dispatcher', async (_name, url) => {
    ipc.frameUrl = url;
    const env = await api.invoke('products.create', { sku: 'EVIL', name: 'Evil' });
    expect(env).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(dispatch).not.toHaveBeenCalled();
    ipc.frameUrl = 'app://crossdock/index.html';
    expect(await productCount()).toBe(0);
  });

  it('accepts our UI on any route', async () => {
    ipc.frameUrl = 'app://crossdock/products/123?tab=stock#x';
    expect(await api.invoke('settings.get', {})).toMatchObject({ ok: true });
  });

  it('refuses unknown methods in the preload, without touching IPC', async () => {
    for (const name of ['stock.delete_everything', '__proto__', 'constructor', 'toString', '', 42, null]) {
      expect(await api.invoke(name as string, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(ipc.invoked).toEqual([]);
  });

  it('refuses unknown methods in the main process too (a caller that skips the preload)', async () => {
    for (const name of ['stock.delete_everything', '__proto__', 7, { toString: 'x' }]) {
      const env = (await ipc.ipcRenderer.invoke(INVOKE_CHANNEL, name, {})) as Envelope;
      expect(env).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('bad input gives an invalid_input envelope naming the field, and writes nothing', async () => {
    const env = await api.invoke('products.create', { sku: 'HAS SPACE', name: 'X' });
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'sku' } } });
    const junk = await api.invoke('locations.create', 'not an object');
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await productCount()).toBe(0);
  });

  it('delivers an event after a write, payload only, until unsubscribed', async () => {
    const got: unknown[][] = [];
    const off = api.on('products.changed', (...args: unknown[]) => void got.push(args));
    const created = (await api.invoke('products.create', { sku: 'TEA-1', name: 'Tea' })) as Envelope<{ id: string }> & { ok: true };
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toEqual([{ ids: [created.result.id] }]);

    off();
    off(); // idempotent
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
    await api.invoke('products.create', { sku: 'TEA-2', name: 'Tea 2' });
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toHaveLength(1);
  });

  it('shares one IPC listener among subscriptions and routes by event name', async () => {
    const products: unknown[] = [];
    const locations: unknown[] = [];
    const offs = [
      api.on('products.changed', (p) => products.push(p)),
      api.on('products.changed', (p) => products.push(p)),
      api.on('locations.changed', (p) => locations.push(p)),
    ];
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(1);
    await api.invoke('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
    await vi.waitFor(() => expect(locations).toHaveLength(1));
    expect(products).toEqual([]);
    offs.forEach((off) => off());
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('a throwing subscriber does not stop the others', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const got: unknown[] = [];
    api.on('products.changed', () => {
      throw new Error('boom');
    });
    api.on('products.changed', (p) => got.push(p));
    await api.invoke('products.create', { sku: 'A', name: 'A' });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('refuses to subscribe to unknown events', () => {
    expect(() => api.on('stock.everything', () => undefined)).toThrow(TypeError);
    expect(() => api.on('products.changed', 'nope' as never)).toThrow(TypeError);
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('registers exactly one handler and removes it again', () => {
    expect(ipc.handlerCount()).toBe(1);
    expect(() => registerIpc(ipc.ipcMain, app.dispatcher, { isTrustedSender: isAppUrl, targets: () => [] })).toThrow(/second handler/);
    unregister();
    expect(ipc.handlerCount()).toBe(0);
    unregister = () => undefined;
  });
});

describe('Electron IPC against a misbehaving dispatcher or window', () => {
  it('a dispatcher that throws gives an internal envelope, not a rejected invoke', async () => {
    const ipc = fakeIpc();
    const log = vi.fn();
    const broken: Dispatcher = { dispatch: () => Promise.reject(new Error('bug')), subscribe: () => () => true };
    registerIpc(ipc.ipcMain, broken, { isTrustedSender: isAppUrl, targets: () => [], log });
    const env = await createPreloadApi(ipc.ipcRenderer).invoke('settings.get', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log).toHaveBeenCalled();
  });

  it('treats a disposed sender frame (senderFrame throws) as untrusted', async () => {
    let handler: ((event: unknown, ...args: unknown[]) => Promise<unknown>) | null = null;
    const ipcMain = { handle: (_ch: string, h: typeof handler) => void (handler = h), removeHandler: () => undefined };
    const dispatcher: Dispatcher = { dispatch: vi.fn(), subscribe: () => () => true };
    registerIpc(ipcMain as never, dispatcher, { isTrustedSender: isAppUrl, targets: () => [] });
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handler!(disposed, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it('skips destroyed windows and survives a failing send', () => {
    let emit: Parameters<Dispatcher['subscribe']>[0] = () => undefined;
    const dispatcher: Dispatcher = { dispatch: async () => ({ ok: true, result: null }), subscribe: (l) => ((emit = l), () => true) };
    const sent: unknown[][] = [];
    const log = vi.fn();
    const targets = [
      { isDestroyed: () => true, send: () => sent.push(['destroyed']) },
      { isDestroyed: () => false, send: () => { throw new Error('gone'); } },
      { isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) },
    ];
    registerIpc(fakeIpc().ipcMain, dispatcher, { isTrustedSender: isAppUrl, targets: () => targets, log });
    emit('settings.changed', {});
    expect(sent).toEqual([[EVENT_CHANNEL, 'settings.changed', {}]]);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
