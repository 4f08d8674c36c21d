// PLACEHOLDER (being written now): replaced by the returns feature.
import { ApiError } from '../../common/api/errors';
import type { Handlers } from '../context';

const todo = () => {
  throw new ApiError('internal', 'returns: not written yet');
};
export const returnHandlers = {
  'returns.list': todo,
  'returns.get': todo,
  'returns.create': todo,
  'returns.update': todo,
  'returns.ship': todo,
  'returns.receive': todo,
  'returns.close': todo,
  'returns.cancel': todo,
} satisfies Handlers<'returns'>;
