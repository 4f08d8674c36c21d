import type { Handlers } from '../context';
import { cancel, close, create, get, list, receive, ship, update } from './service';

export const returnHandlers = {
  'returns.list': (input, ctx) => list(ctx, input),
  'returns.get': (input, ctx) => get(ctx, input.id),
  'returns.create': (input, ctx) => create(ctx, input),
  'returns.update': (input, ctx) => update(ctx, input),
  'returns.ship': (input, ctx) => ship(ctx, input),
  'returns.receive': (input, ctx) => receive(ctx, input),
  'returns.close': (input, ctx) => close(ctx, input),
  'returns.cancel': (input, ctx) => cancel(ctx, input.id),
} satisfies Handlers<'returns'>;
