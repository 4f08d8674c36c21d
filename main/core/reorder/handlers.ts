import type { Handlers } from '../context';
import { demandHistory } from './history';

export const reorderHandlers = {
  'reorder.history': (input, ctx) => demandHistory(ctx, input),
} satisfies Handlers<'reorder'>;
