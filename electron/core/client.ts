import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { errorCodes, type ApiResult } from '../../shared/result';
import { Dispatcher, type DispatcherOptions } from './dispatcher';

// How a transport reaches the core: the same `call(method, input)` whether the core runs in its
// worker thread (the app, browser mode) or in-process (tests).

export interface CoreClient {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  close(): Promise<void>;
  /** Called when the core locks itself (idle lock), so the window can show the unlock screen. */
  onLocked(listener: () => void): void;
}

const reply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number(), result: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.literal('locked') }),
  z.object({ type: z.literal('closed') }),
]);

/** The result as the dispatcher made it; a worker reply of the wrong shape is an internal error. */
const apiResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
      retryAfterSeconds: z.number().optional(),
    }),
  }),
]);

export function startCoreWorker(entry: URL | string, options: { dataDir: string; fontsDir: string }): CoreClient {
  const worker = new Worker(entry, { workerData: options });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  const lockedListeners: (() => void)[] = [];
  let nextId = 1;
  let closed: (() => void) | null = null;
  let failure: Error | null = null;

  const failAll = (error: Error) => {
    failure = error;
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'internal', message: 'The records engine stopped. Restart Escalation Log.' } });
    }
    pending.clear();
  };

  worker.on('message', (raw: unknown) => {
    const parsed = reply.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.type === 'result') {
      const resolve = pending.get(msg.id);
      pending.delete(msg.id);
      const result = apiResult.safeParse(msg.result);
      resolve?.(
        result.success ? result.data : { ok: false, error: { code: 'internal', message: 'The records engine gave an unreadable answer.' } },
      );
    } else if (msg.type === 'event') {
      for (const listener of lockedListeners) listener();
    } else {
      closed?.();
    }
  });
  worker.on('error', (error) => {
    console.error('[core] worker error:', error.name);
    failAll(error);
  });
  worker.on('exit', (code) => {
    failAll(new Error(`The records engine exited (${code}).`));
    closed?.();
  });

  return {
    call(method, input) {
      if (failure)
        return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The records engine stopped. Restart Escalation Log.' } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'call', id, method, input });
      });
    },
    async close() {
      if (failure) return;
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ type: 'shutdown' });
      });
      await worker.terminate();
    },
    onLocked(listener) {
      lockedListeners.push(listener);
    },
  };
}

/** The core in this thread: for tests, which need no worker to exercise the transports. */
export function inProcessCore(options: DispatcherOptions): CoreClient & { dispatcher: Dispatcher } {
  const dispatcher = new Dispatcher(options);
  return {
    dispatcher,
    call: (method, input) => dispatcher.call(method, input),
    close: () => dispatcher.shutdown(),
    onLocked: () => undefined,
  };
}
