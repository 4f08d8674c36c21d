import type { Handlers } from '../context';
import * as repo from '../../db/repos/live';
import { report, suggest } from './report';
import { cancelSession, claim, closeSession, createSession, markPromotional, sessionDetail, startSession, undo, updateSession } from './service';

export const liveHandlers = {
  'live.list': (input, ctx) => repo.listSessions(ctx.db, input),
  'live.get': (input, ctx) => sessionDetail(ctx, input.id),
  'live.create': (input, ctx) => createSession(ctx, input),
  'live.update': (input, ctx) => updateSession(ctx, input),
  'live.markPromotional': (input, ctx) => markPromotional(ctx, input.id, input.promotional),
  'live.suggest': (input, ctx) => suggest(ctx, input.locationId, input.limit),
  'live.start': (input, ctx) => startSession(ctx, input.id),
  'live.claim': (input, ctx) => claim(ctx, input),
  'live.undo': (input, ctx) => undo(ctx, input),
  'live.close': (input, ctx) => closeSession(ctx, input.id),
  'live.cancel': (input, ctx) => cancelSession(ctx, input.id),
  'live.report': (input, ctx) => report(ctx, input.id),
} satisfies Handlers<'live'>;
