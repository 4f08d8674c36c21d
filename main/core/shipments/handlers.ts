import type { Handlers } from '../context';
import { addEvents, importTracking } from './events';
import { dispatch, receive } from './flow';
import { landCost, setCosts, setCustoms } from './costs';
import { papers } from './papers';
import { create, get, list, update } from './service';

export const shipmentHandlers = {
  'shipments.list': (input, ctx) => list(ctx, input),
  'shipments.get': (input, ctx) => get(ctx, input.id),
  'shipments.create': (input, ctx) => create(ctx, input),
  'shipments.update': (input, ctx) => update(ctx, input),
  'shipments.addEvents': (input, ctx) => addEvents(ctx, input),
  'shipments.importTracking': (input, ctx) => importTracking(ctx, input),
  'shipments.dispatch': (input, ctx) => dispatch(ctx, input),
  'shipments.receive': (input, ctx) => receive(ctx, input),
  'shipments.setCustoms': (input, ctx) => setCustoms(ctx, input),
  'shipments.setCosts': (input, ctx) => setCosts(ctx, input),
  'shipments.landCost': (input, ctx) => landCost(ctx, input),
  'shipments.papers': (input, ctx) => papers(ctx, input),
} satisfies Handlers<'shipments'>;
