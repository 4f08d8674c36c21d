import type { Handlers } from '../context';
import { listCounts } from '../../db/repos/counts';
import { abc, cancelCount, countDetail, createCount, postCount, recount, scan, typeCounted } from './service';
import { countSheet } from './sheet';

export const countsHandlers = {
  'counts.abc': (input, ctx) => abc(ctx, input),
  'counts.list': (input, ctx) => listCounts(ctx.db, input),
  'counts.get': (input, ctx) => countDetail(ctx, input.id, input.reveal),
  'counts.create': (input, ctx) => createCount(ctx, input),
  'counts.scan': (input, ctx) => scan(ctx, input),
  'counts.setCounted': (input, ctx) => typeCounted(ctx, input),
  'counts.recount': (input, ctx) => recount(ctx, input),
  'counts.sheet': (input, ctx) => countSheet(ctx, input),
  'counts.post': (input, ctx) => postCount(ctx, input),
  'counts.cancel': (input, ctx) => cancelCount(ctx, input),
} satisfies Handlers<'counts'>;
