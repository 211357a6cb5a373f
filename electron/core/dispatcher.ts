import type { z } from 'zod';
import { api, isApiMethod, type Access, type ApiMethod, type ApiOutput, type ApiParsedInput } from '../../shared/api';
import { allowedRoles, callableLocked } from '../../shared/permissions';
import { ApiFailure, type ApiResult, type FieldIssue } from '../../shared/result';
import { Session, type OpenFile, type SessionOptions } from './session/session';
import { audit, type SessionContext } from './services/context';
import { settingCalendar } from './services/deadline-context';
import { handlers, type Handlers } from './handlers';
import { storageFailure } from './storage-errors';
import { automaticBackupIfDue, lastBackupHint } from './services/backups';
import { lock } from './session/unlock';
import { checkpoint } from '../../db/queries/integrity';
import { InTurns, OutsideQueue, type Deferred } from './outside-queue';
import { jsonProblem, jsonProblemMessages, type JsonLimits } from '../../shared/json-limits';
import { inThreadRenderer, type DocumentRenderer } from './documents/renderer';

// The one dispatcher both transports call: a queue and a session. Every call waits its turn, so
// writes are applied in the order they were asked for and a lock never lands in the middle of one.
// The one exception is work that needs neither the database nor the session (rendering a PDF): a
// handler hands it back as OutsideQueue, it runs while other calls (a Lock) go ahead, and its last
// step (storing the document) queues again, only if the same sitting is still open.
// For each call it checks who may call the method (before reading the input), parses the input
// with the contract's zod schema, hands the service the context its access level allows, and
// turns every failure into a typed error: never a crash, never a half-written record.

/**
 * The contract seen method by method: indexing this mapped type with a generic method name keeps
 * the link between that method's schema and its handler, which indexing `api` directly loses.
 */
type TypedApi = { [M in ApiMethod]: { input: z.ZodType<ApiParsedInput<M>>; access: Access } };
const typedApi: TypedApi = api;

/** Every API input: far past the largest real one (a whole procedure, a long stage record). */
const INPUT_LIMITS: JsonLimits = { maxDepth: 24, maxNodes: 20_000, maxChars: 2_500_000 };

const LOCKED_WHILE_MAKING = 'Escalation Log was locked while the document was being made, so it was not kept. Unlock and make it again.';

const INTERNAL_MESSAGE =
  'Something went wrong and nothing was saved. Try again; if it keeps happening, note what you did and tell your IT support.';

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}

const UNREADABLE = 'Some of these answers could not be read. Check them and try again.';

/**
 * The schema's verdict. A refinement can throw on an input the earlier checks had already refused
 * (it runs anyway, with a bad value): that input is refused too, never answered as an internal error.
 */
function parseInput<T>(
  method: string,
  schema: z.ZodType<T>,
  input: unknown,
): ReturnType<z.ZodType<T>['safeParse']> | { success: false; error: null } {
  try {
    return schema.safeParse(input);
  } catch (error) {
    console.error(`[core] ${method}: the input's schema threw:`, error instanceof Error ? error.name : 'unknown error');
    return { success: false, error: null };
  }
}

/** Everything a signed-in call may use; each handler's type narrows it to what its access level allows. */
function callContext(session: Session, documents: DocumentRenderer): SessionContext {
  const file = session.requireOpen();
  let calendar: ReturnType<SessionContext['calendar']> | null = null;
  const context: SessionContext = {
    db: file.db,
    user: file.user,
    clock: session.clock,
    fontsDir: session.fontsDir,
    renderDocument: (job) => documents.render(job),
    session,
    calendar: () => (calendar ??= settingCalendar(file.db)),
    recordsMemory: file.recordsMemory,
    recordsCheckPortion: session.recordsCheckPortion,
    logAccess: (action, entity, summary) => file.db.transaction().execute((trx) => audit(trx, context, action, entity, summary)),
  };
  return context;
}

export interface DispatcherOptions extends SessionOptions {
  /** Where documents are rendered: the app passes a render thread; by default, this thread. */
  documents?: DocumentRenderer;
}

export class Dispatcher {
  readonly session: Session;
  private readonly documents: DocumentRenderer;
  private queue: Promise<unknown> = Promise.resolve();
  /** A call that may have written has been answered, and its write-ahead log not yet folded into the file. */
  private walToFold = false;

  constructor(options: DispatcherOptions) {
    this.session = new Session(options);
    this.documents = options.documents ?? inThreadRenderer(options.fontsDir);
  }

  /** A call by name, as it arrives from a transport. */
  async call(method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no action called "${method}".` } };
    }
    return this.callMethod(method, rawInput);
  }

  async callMethod<M extends ApiMethod>(method: M, rawInput: unknown): Promise<ApiResult<ApiOutput<M>>> {
    try {
      const first = await this.serialise(() => this.run(method, rawInput));
      const value =
        first.result instanceof OutsideQueue
          ? await this.finishOutside(first.result, first.sitting)
          : first.result instanceof InTurns
            ? await this.finishInTurns(first.result, first.sitting)
            : first.result;
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, error: error.toApiError() };
      // The disk or the file: named, never "Something went wrong". A damaged file is closed at once,
      // so nothing more is written to it and nothing more is shown from it.
      const storage = storageFailure(error, () => lastBackupHint(this.session.paths));
      if (storage) {
        if (storage.code === 'damaged_file') await this.serialise(() => this.session.close()).catch(() => undefined);
        return { ok: false, error: storage.toApiError() };
      }
      // Unexpected: log the kind of error (never record content) and answer plainly.
      console.error(`[core] ${method} failed:`, error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
      return { ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } };
    }
  }

  /**
   * Locks if nothing has been asked of the session for the idle period (with the automatic backup a
   * lock makes, if one is due); otherwise makes the daily automatic backup if it is due. Called by
   * the worker's timer every few seconds; a backup that fails is recorded, and shown on the dashboard.
   */
  lockIfIdle(): Promise<boolean> {
    return this.serialise(async () => {
      if (!this.session.idleExpired()) {
        await automaticBackupIfDue(this.session, 'daily').catch(() => null);
        return false;
      }
      await lock(this.session, 'lock');
      return true;
    });
  }

  /** Closes the file once every call already asked for has finished, and stops the render thread. */
  shutdown(): Promise<void> {
    return this.serialise(async () => {
      await lock(this.session, 'quit');
    }).finally(() => this.documents.close());
  }

  /**
   * Work handed back by a handler: done outside the queue, then its last step queued again, and
   * run only if the sitting that asked for it is still the open one.
   */
  private async finishOutside<T>(pending: OutsideQueue<T>, sitting: OpenFile | null): Promise<T> {
    const inside = await pending.work();
    return this.serialise(async () => {
      if (sitting === null || this.session.current !== sitting) throw new ApiFailure('locked', LOCKED_WHILE_MAKING);
      const stored = await inside(() => callContext(this.session, this.documents));
      this.foldAfterAnswer();
      return stored;
    });
  }

  /**
   * A long read handed back in portions: each portion queues again as a turn of its own (so calls
   * asked for meanwhile, a Lock above all, go ahead between two portions), and runs only if the
   * sitting that asked for it is still the open one.
   */
  private async finishInTurns<T>(pending: InTurns<T>, sitting: OpenFile | null): Promise<T> {
    for (;;) {
      const turn = await this.serialise(async () => {
        if (sitting === null || this.session.current !== sitting) throw new ApiFailure('locked', pending.lockedMessage);
        return pending.turn(() => callContext(this.session, this.documents));
      });
      if (turn.done) return turn.value;
    }
  }

  /**
   * Resolves once every call asked for so far has finished and the write-ahead log has been folded
   * into the records file (for the host's shutdown path and for tests of that protection).
   */
  settled(): Promise<void> {
    return this.serialise(() => Promise.resolve());
  }

  /** Runs calls one at a time, in arrival order; a fold owed by the call before runs first. */
  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = (): Promise<T> => {
      this.foldWal();
      return task();
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async run<M extends ApiMethod>(
    method: M,
    rawInput: unknown,
  ): Promise<{ result: ApiOutput<M> | Deferred<ApiOutput<M>>; sitting: OpenFile | null }> {
    const definition = typedApi[method];
    // Who may call comes first: a caller who may not use a method learns nothing from its schema.
    // Methods callable while locked need no session; while the records are open, `public-or-dsl`
    // ones are still the DSL's only.
    const { access } = definition;
    const open = callableLocked(access) ? this.session.current : this.session.requireOpen();
    if (open && access !== 'public' && !allowedRoles[access].includes(open.user.role)) {
      throw new ApiFailure('forbidden', 'Your role does not allow this. Ask the Designated Safeguarding Lead.');
    }
    // Plain, bounded JSON before the schema reads it: no nesting deep enough to overflow a parser's
    // stack, no megabytes through IPC (which has no body limit), no Infinity, no __proto__ keys.
    const input = rawInput === undefined ? {} : rawInput;
    const shape = jsonProblem(input, INPUT_LIMITS);
    if (shape)
      throw new ApiFailure('invalid_input', jsonProblemMessages[shape], { issues: [{ path: [], message: jsonProblemMessages[shape] }] });
    const parsed = parseInput(method, definition.input, input);
    if (!parsed.success) {
      const issues = parsed.error ? issuesOf(parsed.error) : [{ path: [], message: UNREADABLE }];
      throw new ApiFailure('invalid_input', issues[0]?.message ?? 'Some answers need attention.', { issues });
    }
    if (!callableLocked(access)) this.session.touch();
    const handler: Handlers[M] = handlers[method];
    const sitting = this.session.current;
    const result = await handler.run({ session: this.session, context: () => callContext(this.session, this.documents) }, parsed.data);
    if (access !== 'read') this.foldAfterAnswer();
    return { result, sitting };
  }

  /**
   * After a call that may have written, the write-ahead log is folded into the records file (a
   * checkpoint) straight after the answer has gone back, and always before the next call runs, so an
   * acknowledged write lives only in the -wal file for the few milliseconds the fold takes (a damaged
   * or deleted -wal then loses nothing acknowledged before that), and never while anything else
   * happens in the app.
   * Why after the answer, not before it (measured, issue 12): a write is acknowledged once its commit
   * is durable — synchronous=FULL makes SQLite flush the -wal to the disk at every commit, so an
   * acknowledged record survives a power cut — and the checkpoint is a second flush, of the records
   * file, as long again (about 8 ms each on this machine's disk, 13 ms a write together on a 107 MB
   * file). Folding after answering takes it off the time the DSL waits without dropping it: the
   * only difference is a crash in those milliseconds *and* a damaged or deleted -wal at once. The
   * other protections stay as they were: backups read through the -wal (VACUUM INTO), closing the
   * file (Lock, quit) folds it, and the per-call fold is still made for every write.
   */
  private foldAfterAnswer(): void {
    this.walToFold = true;
    setImmediate(() => {
      void this.settled();
    });
  }

  /**
   * The fold itself (PASSIVE: it never waits for, or blocks, anything). A failed checkpoint loses
   * nothing: the write is already durable in the log, and the next checkpoint folds it in.
   */
  private foldWal(): void {
    if (!this.walToFold) return;
    this.walToFold = false;
    const file = this.session.current;
    if (!file) return;
    try {
      checkpoint(file.sqlite);
    } catch {
      // See above.
    }
  }
}
