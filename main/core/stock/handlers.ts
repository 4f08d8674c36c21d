import * as ledger from '../../db/repos/ledger';
import type { Handlers } from '../context';
import { adjust, check, reverse, transfer } from './service';

export const stockHandlers = {
  'stock.adjust': (input, ctx) => adjust(ctx, input),
  'stock.transfer': (input, ctx) => transfer(ctx, input),
  'stock.balances': (input, ctx) => ledger.listBalances(ctx.db, input),
  'stock.movements': (input, ctx) => ledger.listMovements(ctx.db, input),
  'stock.reverse': (input, ctx) => reverse(ctx, input),
  'stock.check': (_input, ctx) => check(ctx),
} satisfies Handlers<'stock'>;
