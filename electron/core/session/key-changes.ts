import { createKysely, openEncryptedDatabase, type SqliteDatabase } from '../../../db/connection';
import { accessSnapshot, sealAuditHead, signSnapshot, snapshotText, verifiedSnapshot } from '../../../db/access-seal';
import { isLegacySlot, type KeySlot } from '../../../db/keyslots';
import { costFor, loadKeySlots, needsUpgrade, prepareSlot, putSlots, recordAuditHead, type OpenedSlot } from '../../../db/vault';
import { rotateDataKey } from '../../../db/rotation';
import { auditChainHead } from '../../../db/queries/audit-log';
import { insertSeal, listSeals, peopleForSeal, setRotationDue } from '../../../db/queries/key-state';
import { setJournalMode } from '../../../db/queries/integrity';
import type { Executor } from '../../../db/queries/executor';
import { roleLabels } from '../../../shared/people/roles';
import { ApiFailure } from '../../../shared/result';
import type { SessionUser } from '../../../shared/schemas/session';
import { audit, nowIso, type Clock } from '../services/context';
import { storageFailure } from '../storage-errors';
import type { OpenFile, Session } from './session';

// Changes to who can open the records, made by the open session:
// - sealing the list of people and key slots with the seal key (a DSL's session);
// - replacing the data key (rotation): when someone is removed, when the recovery key is replaced,
//   and when the DSL asks ("I think a copy of the file was taken"). A rotation owed is written into
//   the records file first, so one interrupted by a crash is made at the next unlock, by anyone;
// - upgrading a slot at its owner's unlock (an older kind of slot, or a cheaper scrypt cost than this
//   computer's calibrated one);
// - the audit log's end written into the key file at unlock and lock.

interface Actor {
  user: SessionUser | null;
  clock: Clock;
}

/**
 * Seals the people and key slots as they are (or, for a change about to be made, as they will be)
 * with the seal key, unless the newest seal already says exactly that. The seal's MAC goes into the
 * audit chain too. Returns whether a new seal was made.
 */
export async function sealAccessNow(
  db: Executor,
  sealKey: Buffer,
  fileId: string,
  slots: readonly (Pick<KeySlot, 'id' | 'kind' | 'userId'> & { publicKey?: string })[],
  actor: Actor,
): Promise<boolean> {
  const people = await peopleForSeal(db);
  const snapshot = accessSnapshot(fileId, people, slots);
  const latest = (await listSeals(db))[0];
  if (latest && latest.snapshot === snapshotText(snapshot) && verifiedSnapshot(sealKey, latest)) return false;
  const signed = signSnapshot(sealKey, snapshot);
  await insertSeal(db, { made_at: nowIso(actor.clock), made_by: actor.user?.id ?? null, snapshot: signed.snapshot, mac: signed.mac });
  const active = snapshot.people.filter((person) => person.active);
  const words = active.map((person) => `${person.name} (${roleLabels[person.role]})`).join(', ');
  await audit(
    db,
    actor,
    'access.sealed',
    null,
    `Sealed the list of who may open the records: ${words}; ${slots.length} key slots`,
    signed.mac,
  );
  return true;
}

/** What a rotation says to the person who asked for it. */
export interface RotationDone {
  generation: number;
  /** Seconds the whole rotation took (copy, re-encryption, swap). */
  seconds: number;
  /** People whose slots, from an older key file, could not be carried over (they must be added again). */
  notCarried: string[];
}

/**
 * Replaces the data key of the open records file: everyone who still has access keeps it (the new
 * key sealed to their public key), the removed people's slots are left out, and older copies of the
 * key file open nothing new. The connection is swapped for one under the new key; the session stays
 * open. See db/rotation.ts for how it is crash-safe.
 */
export async function rotateOpenFile(session: Session, why: { summary: string }): Promise<RotationDone> {
  const open = session.requireOpen();
  const actor: Actor = { user: open.user, clock: session.clock };
  const keys = loadKeySlots(session.paths).file;
  const people = await peopleForSeal(open.db);
  const removed = people.filter((person) => person.disabled_at !== null).map((person) => person.id);
  const names = new Map(people.map((person) => [person.id, person.full_name]));
  const started = performance.now();
  let closed = false;
  let result;
  try {
    result = await rotateDataKey({
      paths: session.paths,
      live: open.sqlite,
      oldKey: open.dataKey,
      keys,
      removeUsers: removed,
      now: nowIso(session.clock),
      closeLive: async () => {
        // The journal to DELETE first: the write-ahead log is folded in and removed, so no -wal is left to meet the new file.
        setJournalMode(open.sqlite, 'delete');
        closed = true;
        await open.db.destroy();
      },
      inCopy: async (trx, generation, kept) => {
        await audit(
          trx,
          actor,
          'keys.rotated',
          null,
          `${why.summary} The records' key was replaced (key generation ${generation}): copies of the key file from before now open nothing added after this.`,
        );
        if (open.sealKey) await sealAccessNow(trx, open.sealKey, open.fileId, kept, actor);
      },
      ...(open.sealKey ? { sealHead: (head) => sealAuditHead(open.sealKey as Buffer, open.fileId, head) } : {}),
    });
  } catch (error) {
    if (closed) await reopenUnder(session, open, open.dataKey);
    throw storageFailure(error, () => null) ?? error;
  }
  const oldKey = open.dataKey;
  await reopenUnder(session, open, result.dataKey);
  oldKey.fill(0);
  open.generation = result.generation;
  return {
    generation: result.generation,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    notCarried: result.droppedLegacySlots.map((slot) =>
      slot.userId === null ? 'the recovery key' : (names.get(slot.userId) ?? 'someone'),
    ),
  };
}

/** Puts a new connection under `key` into the open session (after a rotation, or after one failed past closing the old connection). */
async function reopenUnder(session: Session, open: OpenFile, key: Buffer): Promise<void> {
  let sqlite: SqliteDatabase;
  try {
    sqlite = openEncryptedDatabase(session.paths.database, key, { create: false });
  } catch (error) {
    // The records can't be reopened: lock, so the person unlocks again (which settles the key files).
    await session.close().catch(() => undefined);
    throw storageFailure(error, () => null) ?? new ApiFailure('locked', 'Escalation Log locked while replacing the key. Unlock again.');
  }
  open.sqlite = sqlite;
  open.dataKey = key;
  open.db = createKysely(sqlite);
}

/** A rotation owed is recorded first, inside the transaction that makes it owed, so a crash before it is made is finished later. */
export async function owe(db: Executor, reason: string): Promise<void> {
  await setRotationDue(db, reason);
}

/**
 * Upgrades the slot just used to unlock, if it is an older kind or cheaper than this computer's
 * calibrated cost: the same person, the same key pair (so the seal does not change), a new salt and
 * the full cost. Costs one more key derivation, once. Returns whether it was upgraded.
 */
export async function upgradeSlotAtUnlock(session: Session, opened: OpenedSlot, text: string, sealKey: Buffer | null): Promise<boolean> {
  const open = session.requireOpen();
  const keys = loadKeySlots(session.paths);
  const slot = keys.file.slots.find((candidate) => candidate.id === opened.slot.id);
  if (!slot || !needsUpgrade(slot, keys.file, session.kdfCost)) return false;
  const prepared = await prepareSlot({
    dataKey: open.dataKey,
    text,
    kind: slot.kind,
    userId: slot.userId,
    fileId: keys.file.fileId,
    now: nowIso(session.clock),
    cost: costFor(keys.file, session.kdfCost),
    sealKey,
    ...(opened.secret && !isLegacySlot(slot) ? { keep: { id: slot.id, secret: opened.secret } } : { id: slot.id }),
  });
  putSlots(session.paths, { dataKey: open.dataKey, now: nowIso(session.clock), fileId: keys.file.fileId, add: [prepared] });
  return true;
}

/** The audit log's end into the key file (signed too, in a DSL's session). Never fails the caller: the next write tries again. */
export async function recordHeadInKeyFile(session: Session): Promise<void> {
  const open = session.current;
  if (!open) return;
  try {
    const head = await auditChainHead(open.db);
    const sealed = open.sealKey ? sealAuditHead(open.sealKey, open.fileId, head) : null;
    recordAuditHead(session.paths, head, sealed, nowIso(session.clock));
  } catch {
    // A read-only folder or a full disk: said elsewhere; the head is recorded at the next chance.
  }
}
