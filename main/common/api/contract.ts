// The shape of one API method: its zod input schema, whether it writes, and (as a phantom type)
// what it returns. The table of all methods lives in ./index.ts.
import type { z } from 'zod';

export type Mode = 'read' | 'write';

export interface MethodDef<I extends z.ZodType, R> {
  input: I;
  mode: Mode;
  /** never read at run time: carries the result type */
  readonly _result?: R;
}

export function read<R>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, R> => ({ input, mode: 'read' });
}

export function write<R>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, R> => ({ input, mode: 'write' });
}
