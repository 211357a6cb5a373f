import type { SessionContext } from './services/context';

// Work a handler hands back to be done outside the dispatcher's queue. The dispatcher runs calls one
// at a time so that writes land in order and a Lock never lands in the middle of one; but making a
// PDF takes seconds and touches neither the database nor the session, and a Lock queued behind it
// would wait all that time. So a document handler gathers what it needs inside the queue, returns
// OutsideQueue with the rendering, and the rendering returns the last step (storing the document),
// which the dispatcher queues again, only if the same sitting is still open: if the file was locked
// meanwhile, nothing is stored and the caller is told.

/** The step that runs inside the queue again, with the signed-in context of the same sitting. */
export type InsideQueue<T> = (context: () => SessionContext) => Promise<T>;

export class OutsideQueue<T> {
  constructor(readonly work: () => Promise<InsideQueue<T>>) {}
}

/** Runs `work` outside the queue; what it returns runs inside the queue again. */
export function outsideQueue<T>(work: () => Promise<InsideQueue<T>>): OutsideQueue<T> {
  return new OutsideQueue(work);
}

/** One turn's outcome: the answer, or more to do in a later turn. */
export type Turn<T> = { done: true; value: T } | { done: false };

/**
 * A long read done in bounded portions, each its own turn on the queue, so a Lock (or any call)
 * asked for meanwhile goes ahead between two portions instead of waiting for the whole read. Each
 * turn runs inside the queue like any call, and only while the sitting that asked is still the open
 * one: after a lock the next turn is never run and the caller is told `lockedMessage`. A turn must
 * leave nothing half-done: the work keeps its progress itself, and records it only in its last turn.
 */
export class InTurns<T> {
  constructor(
    readonly lockedMessage: string,
    readonly turn: (context: () => SessionContext) => Promise<Turn<T>>,
  ) {}
}

/** What a handler may hand back instead of its answer: work outside the queue, or in turns on it. */
export type Deferred<T> = OutsideQueue<T> | InTurns<T>;
