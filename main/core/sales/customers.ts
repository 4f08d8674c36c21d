// Customers: who buys, with the handle they use on a live stream or in a chat.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { Customer, CustomerDetail } from '../../common/api/sales-types';
import * as repo from '../../db/repos/sales';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { definedOnly } from '../patch';

export function mustGetCustomer(ctx: Ctx, id: string, field = 'id'): Customer {
  const c = repo.getCustomer(ctx.db, id);
  if (!c) throw ApiError.field(field, 'No such customer', 'not_found');
  return c;
}

function checkHandle(ctx: Ctx, c: Customer): void {
  if (!c.handle) return;
  const other = repo.customerByHandle(ctx.db, c.handle);
  if (other && other.id !== c.id) throw ApiError.field('handle', `@${other.handle} is already ${other.name}`, 'conflict');
}

export function createCustomer(ctx: Ctx, input: Parsed<'customers.create'>): Customer {
  const c: Customer = {
    id: uuidv7(),
    name: input.name,
    handle: input.handle ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    country: input.country ?? null,
    address: input.address ?? null,
    notes: input.notes ?? null,
    status: input.status,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  checkHandle(ctx, c);
  repo.insertCustomer(ctx.db, c);
  ctx.emit('customers.changed', { ids: [c.id] });
  return c;
}

export function updateCustomer(ctx: Ctx, input: Parsed<'customers.update'>): Customer {
  const cur = mustGetCustomer(ctx, input.id);
  const next: Customer = { ...cur, ...definedOnly(input), updatedAt: ctx.now };
  checkHandle(ctx, next);
  repo.updateCustomer(ctx.db, next);
  ctx.emit('customers.changed', { ids: [cur.id] });
  return next;
}

/** The buyer behind a live-chat handle, made on first sight. */
export function customerForHandle(ctx: Ctx, handle: string): Customer {
  return repo.customerByHandle(ctx.db, handle) ?? createCustomer(ctx, { name: handle, handle, email: null, phone: null, country: null, address: null, notes: null, status: 'active' });
}

export function customerDetail(ctx: Ctx, id: string): CustomerDetail {
  const customer = mustGetCustomer(ctx, id);
  const orders = repo.listOrders(ctx.db, { customerId: id, offset: 0, limit: 100 }).rows;
  return { customer, orders, ...repo.customerTotals(ctx.db, id) };
}
