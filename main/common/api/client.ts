// A typed client over any transport. The renderer, the CLI and the tests all call the API through
// this one object; only the transport differs (IPC via preload, WebSocket/HTTP bridge, in-process).
import { ApiError, type Envelope } from './errors';
import type { EventName, Events, Input, Method, Result } from './index';

export interface Transport {
  invoke(method: string, args: unknown): Promise<Envelope>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

export interface Client {
  call<M extends Method>(method: M, ...args: {} extends Input<M> ? [Input<M>?] : [Input<M>]): Promise<Result<M>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    async call(method, ...args) {
      const env = await transport.invoke(method, args[0] ?? {});
      if (env.ok) return env.result as never;
      throw new ApiError(env.error.code, env.error.message, env.error.details);
    },
    on(event, cb) {
      return transport.on(event, cb as (p: unknown) => void);
    },
  };
}
