import type { Handlers } from '../context';
import { demandHistory } from './history';
import { leadTime } from './lead-time';

export const reorderHandlers = {
  'reorder.history': (input, ctx) => demandHistory(ctx, input),
  'reorder.leadTime': (input, ctx) => leadTime(ctx, input.supplierId, input.productId),
} satisfies Handlers<'reorder'>;
