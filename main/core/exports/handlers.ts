import type { Handlers } from '../context';
import { exportList } from './service';

export const exportHandlers = {
  'exports.list': (input, ctx) => exportList(ctx, input),
} satisfies Handlers<'exports'>;
