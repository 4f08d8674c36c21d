import type { Handlers } from '../context';
import { addEvents, importTracking } from './events';
import { create, get, list, update } from './service';

export const shipmentHandlers = {
  'shipments.list': (input, ctx) => list(ctx, input),
  'shipments.get': (input, ctx) => get(ctx, input.id),
  'shipments.create': (input, ctx) => create(ctx, input),
  'shipments.update': (input, ctx) => update(ctx, input),
  'shipments.addEvents': (input, ctx) => addEvents(ctx, input),
  'shipments.importTracking': (input, ctx) => importTracking(ctx, input),
} satisfies Handlers<'shipments'>;
