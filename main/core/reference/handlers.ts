import type { Handlers } from '../context';

export const referenceHandlers = {
  'reference.hs': ({ q, limit }, ctx) => ctx.hs.search(q, limit),
} satisfies Handlers<'reference'>;
