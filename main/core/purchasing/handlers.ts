import { ApiError } from '../../common/api/errors';
import { poIdByNumber } from '../../db/repos/purchasing';
import type { Handlers } from '../context';
import { receiptsOf } from '../../db/repos/receipts';
import { receive, reverseReceipt } from './receive';
import { create, detail, list, transition, update } from './service';

export const purchasingHandlers = {
  'purchasing.list': (input, ctx) => list(ctx, input),
  'purchasing.get': (input, ctx) => detail(ctx, input.id),
  'purchasing.byNumber': (input, ctx) => {
    const id = poIdByNumber(ctx.db, input.number);
    if (!id) throw ApiError.field('number', `No purchase order ${input.number}`, 'not_found');
    return detail(ctx, id);
  },
  'purchasing.create': (input, ctx) => create(ctx, input),
  'purchasing.update': (input, ctx) => update(ctx, input),
  'purchasing.receive': (input, ctx) => receive(ctx, input),
  'purchasing.receipts': (input, ctx) => receiptsOf(ctx.db, input.poId),
  'purchasing.reverseReceipt': (input, ctx) => reverseReceipt(ctx, input),
  'purchasing.send': (input, ctx) => transition(ctx, input.id, 'send'),
  'purchasing.cancel': (input, ctx) => transition(ctx, input.id, 'cancel'),
  'purchasing.close': (input, ctx) => transition(ctx, input.id, 'close', input.reason),
} satisfies Handlers<'purchasing'>;
