// Sandboxed preload (bundled to dist/electron/preload.cjs): exposes `window.crossdock` with
// invoke/on allow-listed from the contract, and nothing else — no ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './api';

contextBridge.exposeInMainWorld('crossdock', createPreloadApi(ipcRenderer));
