// The Electron transport, main side: one ipcMain.handle that forwards to the dispatcher, and one
// event channel that fans the dispatcher's change events out to the app's windows.
// `import type` only, so this runs (and is contract-tested) in plain Node with a test double.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventName } from '../common/api';
import { isMethod } from '../common/api';
import type { Envelope } from '../common/api/errors';
import type { Door } from '../server/dispatch';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

export type EventTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

export interface IpcOptions {
  /** Is this frame URL our own UI? (main.ts passes isAppUrl from urls.ts) */
  isTrustedSender(frameUrl: string): boolean;
  /** The webContents that receive change events (the app's windows). */
  targets(): Iterable<EventTarget>;
  log?: (msg: string, err: unknown) => void;
}

// senderFrame is null, or throws on access, once the frame has navigated away or been disposed.
function senderUrl(event: IpcMainInvokeEvent): string {
  try {
    const url = event.senderFrame?.url;
    return typeof url === 'string' ? url : '';
  } catch {
    return '';
  }
}

/** Registers the handler and the event fan-out; returns a function that undoes both. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatcher: Door, opts: IpcOptions): () => void {
  const log = opts.log ?? ((msg, err) => console.error(msg, err));

  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<Envelope> => {
    if (!opts.isTrustedSender(senderUrl(event))) {
      return { ok: false, error: { code: 'unauthorized', message: 'This page may not call Crossdock' } };
    }
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${typeof method === 'string' ? method : typeof method}` } };
    }
    try {
      return await dispatcher.dispatch(method, args ?? {});
    } catch (e) {
      // dispatch maps its own failures to envelopes; this is only for a bug in it.
      log(`${method} failed in IPC`, e);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${method}. Nothing was saved.` } };
    }
  });

  const unsubscribe = dispatcher.subscribe((event: EventName, payload) => {
    for (const target of opts.targets()) {
      if (target.isDestroyed()) continue;
      try {
        target.send(EVENT_CHANNEL, event, payload);
      } catch (e) {
        log(`sending ${event} to a window failed`, e);
      }
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
