import type { Handlers } from '../context';
import { createCustomer, customerDetail, updateCustomer } from './customers';
import { importOrders } from './import';
import { cancelOrder, completeOrder, confirmOrder, createOrder, orderDetail, payOrder, releaseExpired, updateOrder } from './orders';
import { picklist, summary } from './reports';
import { shipOrder } from './ship';
import * as repo from '../../db/repos/sales';

export const customerHandlers = {
  'customers.list': (input, ctx) => repo.listCustomers(ctx.db, input),
  'customers.get': (input, ctx) => customerDetail(ctx, input.id),
  'customers.create': (input, ctx) => createCustomer(ctx, input),
  'customers.update': (input, ctx) => updateCustomer(ctx, input),
} satisfies Handlers<'customers'>;

export const salesHandlers = {
  'sales.list': (input, ctx) => repo.listOrders(ctx.db, input),
  'sales.get': (input, ctx) => orderDetail(ctx, input.id),
  'sales.create': (input, ctx) => createOrder(ctx, input),
  'sales.update': (input, ctx) => updateOrder(ctx, input),
  'sales.confirm': (input, ctx) => confirmOrder(ctx, input.id),
  'sales.cancel': (input, ctx) => cancelOrder(ctx, input.id, input.reason),
  'sales.pay': (input, ctx) => payOrder(ctx, input),
  'sales.ship': (input, ctx) => shipOrder(ctx, input),
  'sales.complete': (input, ctx) => completeOrder(ctx, input.id, input.note),
  'sales.picklist': (input, ctx) => picklist(ctx, input.ids),
  'sales.summary': (input, ctx) => summary(ctx, input),
  'sales.releaseExpired': (_input, ctx) => ({ released: releaseExpired(ctx) }),
  'sales.import': (input, ctx) => importOrders(ctx, input),
} satisfies Handlers<'sales'>;
