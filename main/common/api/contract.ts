// The shape of one API method: its zod input schema, its mode and (as a phantom type) what it
// returns. The table of all methods lives in ./index.ts.
//   read   runs in a read transaction (a consistent view)
//   write  runs in an IMMEDIATE transaction, one at a time
//   task   runs outside any transaction and may take a while (talking to a supplier): it
//          commits its own small steps and reports progress by events; a task may also hold
//          one long write transaction (a big import) while every other call waits
// An import is a write that brings in many records at once: the app backs the data up first
// (unless it is a dry run), so a wrong file can be undone by restoring.
import type { z } from 'zod';

export type Mode = 'read' | 'write' | 'task';

export interface MethodDef<I extends z.ZodType, R, Mo extends Mode = Mode> {
  input: I;
  mode: Mo;
  /** back the data up before running it (imports), unless the input says `dryRun: true` */
  backupFirst?: boolean;
  /** answered at once, even while a long write holds the data: it touches no data, it only signals (a cancel) */
  immediate?: boolean;
  /** never read at run time: carries the result type */
  readonly _result?: R;
}

export function read<R>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, R, 'read'> => ({ input, mode: 'read' });
}

export function write<R>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, R, 'write'> => ({ input, mode: 'write' });
}

export function task<R>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, R, 'task'> => ({ input, mode: 'task' });
}

export function signal<R>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, R, 'task'> => ({ input, mode: 'task', immediate: true });
}

export function imports<R>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, R, 'write'> => ({ input, mode: 'write', backupFirst: true });
}
