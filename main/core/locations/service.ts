import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { Location } from '../../common/api/types';
import * as repo from '../../db/repos/locations';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { definedOnly } from '../patch';

function ensureCodeFree(ctx: Ctx, code: string, selfId?: string): void {
  const other = repo.findLocationByCode(ctx.db, code);
  if (other && other.id !== selfId) throw ApiError.field('code', `Location code ${other.code} is already used by "${other.name}"`, 'conflict');
}

function mustGet(ctx: Ctx, id: string): Location {
  const l = repo.getLocation(ctx.db, id);
  if (!l) throw ApiError.field('id', 'No such location', 'not_found');
  return l;
}

export function createLocation(ctx: Ctx, input: Parsed<'locations.create'>): Location {
  ensureCodeFree(ctx, input.code);
  const l: Location = { id: uuidv7(), ...input, status: 'active', createdAt: ctx.now, updatedAt: ctx.now };
  repo.insertLocation(ctx.db, l);
  ctx.emit('locations.changed', { ids: [l.id] });
  return l;
}

export function updateLocation(ctx: Ctx, input: Parsed<'locations.update'>): Location {
  const cur = mustGet(ctx, input.id);
  const next: Location = { ...cur, ...definedOnly(input), updatedAt: ctx.now };
  if (next.code !== cur.code) ensureCodeFree(ctx, next.code, cur.id);
  repo.updateLocation(ctx.db, next);
  ctx.emit('locations.changed', { ids: [cur.id] });
  return next;
}

export function archiveLocation(ctx: Ctx, id: string): Location {
  const cur = mustGet(ctx, id);
  const units = repo.locationUnits(ctx.db, id);
  if (units !== 0) throw ApiError.field('id', `${cur.code} still holds ${units} units; transfer them out first`, 'conflict');
  const next: Location = { ...cur, status: 'archived', updatedAt: ctx.now };
  repo.updateLocation(ctx.db, next);
  ctx.emit('locations.changed', { ids: [id] });
  return next;
}
