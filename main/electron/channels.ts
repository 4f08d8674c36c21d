// The two IPC channels between the preload and the main process. Shared by preload/api.ts and
// ipc.ts; nothing else crosses IPC.
export const INVOKE_CHANNEL = 'crossdock:invoke';
export const EVENT_CHANNEL = 'crossdock:event';
