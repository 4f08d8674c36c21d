import { listLocations } from '../../db/repos/locations';
import type { Handlers } from '../context';
import { archiveLocation, createLocation, updateLocation } from './service';

export const locationHandlers = {
  'locations.list': (input, ctx) => listLocations(ctx.db, input.includeArchived),
  'locations.create': (input, ctx) => createLocation(ctx, input),
  'locations.update': (input, ctx) => updateLocation(ctx, input),
  'locations.archive': (input, ctx) => archiveLocation(ctx, input.id),
} satisfies Handlers<'locations'>;
