// An in-memory stand-in for Electron's IPC, so the real main/electron/ipc.ts and preload/api.ts
// are driven in plain Node. It mimics what matters for the contract: ipcMain.handle allows one
// handler per channel; invoke passes (event, ...args) with event.senderFrame.url set, and both
// arguments and results are structured-cloned (IPC serialisation: no functions, no prototypes);
// a handler that throws rejects invoke with "Error invoking remote method"; messages are
// delivered asynchronously and in order; webContents.send reaches the renderer's listeners.
import type { registerIpc } from '../../main/electron/ipc';
import type { createPreloadApi } from '../../preload/api';

type MainSide = Parameters<typeof registerIpc>[0];
type RendererSide = Parameters<typeof createPreloadApi>[0];
type Target = ReturnType<Parameters<typeof registerIpc>[2]['targets']> extends Iterable<infer T> ? T : never;
type Listener = (event: unknown, ...args: unknown[]) => void;
type Handler = (event: unknown, ...args: unknown[]) => unknown;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface FakeIpc {
  ipcMain: MainSide;
  ipcRenderer: RendererSide;
  /** the window's webContents, as targets() would return it */
  webContents: Target;
  /** URL of the frame that sends invoke calls (what event.senderFrame.url reports) */
  frameUrl: string | null;
  /** invoke calls that reached the IPC layer, per channel */
  invoked: { channel: string; args: unknown[] }[];
  /** listeners currently attached per channel on the renderer side */
  listenerCount(channel: string): number;
  handlerCount(): number;
}

export function fakeIpc(frameUrl: string | null = 'app://crossdock/index.html'): FakeIpc {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Listener[]>();

  const fake: FakeIpc = {
    frameUrl,
    invoked: [],
    ipcMain: {
      handle(channel: string, handler: Handler) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      },
      removeHandler(channel: string) {
        handlers.delete(channel);
      },
    } as MainSide,
    ipcRenderer: {
      async invoke(channel: string, ...args: unknown[]) {
        fake.invoked.push({ channel, args });
        const sent = structuredClone(args);
        await tick();
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
        const event = { senderFrame: fake.frameUrl === null ? null : { url: fake.frameUrl }, sender: {}, processId: 1, frameId: 1 };
        let result: unknown;
        try {
          result = await handler(event, ...sent);
        } catch (e) {
          throw new Error(`Error invoking remote method '${channel}': ${String(e)}`);
        }
        const reply = structuredClone(result);
        await tick();
        return reply;
      },
      on(channel: string, listener: Listener) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
        return this;
      },
      removeListener(channel: string, listener: Listener) {
        const list = listeners.get(channel) ?? [];
        const i = list.indexOf(listener);
        if (i >= 0) list.splice(i, 1);
        return this;
      },
    } as unknown as RendererSide,
    webContents: {
      send(channel: string, ...args: unknown[]) {
        const sent = structuredClone(args);
        setImmediate(() => {
          for (const l of [...(listeners.get(channel) ?? [])]) l({ sender: null, senderId: 0 }, ...structuredClone(sent));
        });
      },
      isDestroyed: () => false,
    } as Target,
    listenerCount: (channel) => (listeners.get(channel) ?? []).length,
    handlerCount: () => handlers.size,
  };
  return fake;
}
