// Calls a function with arguments its static types forbid. The calculator checks its input at run
// time because values arrive from IPC, settings and forms; these tests prove those checks.
export function callUnchecked(fn: (...args: never[]) => unknown, ...args: unknown[]): unknown {
  const result: unknown = Reflect.apply(fn, undefined, args);
  return result;
}
