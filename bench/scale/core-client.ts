import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api';

// The scale bench's side of the core thread (core-thread.ts): the core in a worker thread, as the
// app runs it, called as the transports call it, and asked for the few things measured beneath the
// API; with the table's row and the median every row reports.

const BOOT = new URL('../../scripts/fixtures/ts-worker.mjs', import.meta.url);
const ENTRY = new URL('./core-thread.ts', import.meta.url).href;
const FONTS_DIR = resolve('resources/fonts');

export interface Row {
  group: string;
  name: string;
  runs: number;
  median: number;
  /** Plaintext copy, same read, warm. */
  plain?: number;
  target?: string;
  holds?: boolean;
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const workerAnswer = z.object({ id: z.number(), ok: z.boolean(), value: z.unknown().optional(), error: z.string().optional() });
const callAnswer = z.object({
  result: z.object({
    ok: z.boolean(),
    value: z.unknown().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  }),
  ms: z.number(),
});

export class CoreThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(dataDir: string, now: string, plainPath: string) {
    this.worker = new Worker(BOOT, { workerData: { entry: ENTRY, dataDir, fontsDir: FONTS_DIR, now, plainPath } });
    this.worker.on('message', (raw: unknown) => {
      const message = workerAnswer.parse(raw);
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
    });
  }

  request(kind: string, input?: unknown, method?: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, kind, method, input });
    });
  }

  /** An API call through the dispatcher: its answer and the core's time for it. */
  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<{ value: ApiOutput<M>; ms: number }> {
    const answer = callAnswer.parse(await this.request('call', input, method));
    if (!answer.result.ok) throw new Error(`${method}: ${answer.result.error?.code ?? ''} ${answer.result.error?.message ?? ''}`);
    return { value: answer.result.value as ApiOutput<M>, ms: answer.ms };
  }

  async close(): Promise<void> {
    await this.request('shutdown');
    await this.worker.terminate();
  }
}
