// The in-process transport: the CLI and tests call the dispatcher directly, through the same
// typed client and the same JSON round trip as the other transports (so nothing passes that
// could not cross a wire).
import type { Transport } from '../common/api/client';
import type { Door } from './dispatch';

export function inProcessTransport(dispatcher: Door): Transport {
  return {
    async invoke(method, args) {
      const env = await dispatcher.dispatch(method, JSON.parse(JSON.stringify(args ?? {})));
      return JSON.parse(JSON.stringify(env));
    },
    on(event, cb) {
      return dispatcher.subscribe((name, payload) => {
        if (name === event) cb(JSON.parse(JSON.stringify(payload)));
      });
    },
  };
}
