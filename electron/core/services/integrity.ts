import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { ReadExecutor } from '../../../db/queries/executor';
import type { KeySlotFile } from '../../../db/keyslots';
import {
  accessSnapshot,
  describeAccessChanges,
  sameAccess,
  sealedHeadVerifies,
  snapshotText,
  verifiedSnapshot,
  type AccessSnapshot,
} from '../../../db/access-seal';
import {
  alteredTriggers,
  auditRowHash,
  checkStoredDocuments,
  documentsNotInChain,
  lastAuditOf,
  verifyAuditChain,
  type ChainBreak,
  type ChainPoint,
  type DocumentNamed,
} from '../../../db/queries/audit-log';
import { listSeals, peopleForSeal } from '../../../db/queries/key-state';
import { formatUkDateTime } from '../../../shared/deadlines/uk-format';
import { audit, type Clock } from './context';
import type { SessionUser } from '../../../shared/schemas/session';
import type { VerifiedRecords } from '../session/records-memory';

// What is checked at every unlock (and again by the termly audit's records check, with every stored
// document's bytes too): that nothing was changed in the records file or the key file outside
// Escalation Log.
// - the audit log's hash chain, row by row;
// - the chain's end against the one kept in the key file at the last lock (a cut-off tail, or a log
//   rewritten with fresh hashes, no longer reaches it), and against the one a DSL's session signed
//   with the seal key (which no one else can make);
// - the triggers that keep the audit log, amendments, documents and seals permanent;
// - every stored document's hash against the one the chain recorded when it was made;
// - at a DSL's unlock, the seal over who may open the records (db/access-seal.ts).
// Each finding is said in words, with where it is, and goes once into the audit log as an alert.

export interface IntegrityReport {
  /** What was found, one sentence each; empty when everything checked out. */
  findings: string[];
  rows: number;
  /** What this check read itself; the rest was verified earlier in the session (`known`). */
  read: { auditEntries: number; documents: number };
  /** How many documents are stored, when their bytes were checked (each now, or earlier in the session); else null. */
  documents: number | null;
  /**
   * What was found intact, for the session to remember: the chain up to its head (null if it is
   * broken), and the documents read now whose bytes and fingerprint matched (only when their bytes
   * were read).
   */
  verified: { chain: ChainPoint | null; documents: string[] };
  /** How long the checks took, in milliseconds (said in the README and the hand-over). */
  ms: number;
  /** The seal over who may open the records: checked (a DSL's unlock), not checked, or none made yet. */
  access: 'verified' | 'changed' | 'not-checked' | 'unsealed';
  /** Slots whose person is not in the records (an adding of someone that never finished): to be removed. */
  orphanSlots: string[];
}

const TRIGGER_WORDS: Record<string, string> = {
  audit_log_no_update: 'stops the audit log being edited',
  audit_log_no_delete: 'stops rows being deleted from the audit log',
  amendments_no_update: 'stops amendments being edited',
  amendments_no_delete: 'stops amendments being deleted',
  documents_no_update: 'stops stored documents being changed',
  documents_no_delete: 'stops stored documents being deleted',
  access_seals_no_update: 'stops the seals over who may open the records being edited',
  access_seals_no_delete: 'stops the seals over who may open the records being deleted',
};

export function breakWords(found: ChainBreak): string {
  switch (found.kind) {
    case 'changed':
      return `Entry ${found.seq} of the audit log was changed after it was written.`;
    case 'relinked':
      return `Entry ${found.seq} of the audit log no longer follows the entry before it (one before it was removed or replaced).`;
    case 'missing':
      return `${found.count === 1 ? 'One entry is' : `${found.count ?? 'Some'} entries are`} missing from the audit log before entry ${found.seq}.`;
    case 'downgraded':
      return `Entry ${found.seq} of the audit log is written the old way, after the new way began (the log was rewritten).`;
  }
}

export async function checkRecordsIntegrity(
  db: ReadExecutor,
  input: {
    /** The key file in use: the audit log's end it recorded. Null where it is not at hand (the termly audit). */
    keys: KeySlotFile | null;
    /** The seal key of a DSL's (or the recovery key's) session; null for anyone else. */
    sealKey: Buffer | null;
    /** Also read every stored document and check its bytes against its stored hash (the termly audit). */
    documentBytes?: boolean;
    /**
     * Verified earlier in this session and trusted unchanged (session/records-memory.ts says why):
     * the chain is walked from its remembered row on, and those documents are not read again.
     */
    known?: VerifiedRecords;
  },
): Promise<IntegrityReport> {
  const started = performance.now();
  const findings: string[] = [];
  const chain = await verifyAuditChain(db, input.known?.chain ?? undefined);
  if (!chain.intact) findings.push(...chain.breaks.map(breakWords));

  // The chain's end as the key file last recorded it: the log must still reach it, with the same row there.
  const recorded = input.keys?.auditHead;
  if (recorded && recorded.seq > 0) {
    if (chain.head.seq < recorded.seq) {
      const lost = recorded.seq - chain.head.seq;
      findings.push(
        `The audit log ends at entry ${chain.head.seq}, but when the records were last locked it reached entry ${recorded.seq}: its last ${lost === 1 ? 'entry was' : `${lost} entries were`} cut off.`,
      );
    } else if ((await auditRowHash(db, recorded.seq)) !== recorded.hash) {
      findings.push(
        `Entry ${recorded.seq} of the audit log is not the entry that was there when the records were last locked: the log was rewritten.`,
      );
    }
  }
  // The same, as a DSL's session signed it (only the seal key makes this, so the key file can't be edited to match).
  const sealed = input.keys?.sealedAuditHead;
  if (input.keys && input.sealKey && sealed) {
    if (!sealedHeadVerifies(input.sealKey, input.keys.fileId, sealed)) {
      findings.push(
        'The end of the audit log as a Designated Safeguarding Lead last left it, recorded in the key file, has been altered outside Escalation Log.',
      );
    } else if (chain.head.seq < sealed.seq) {
      findings.push(
        `The audit log ends at entry ${chain.head.seq}, but a Designated Safeguarding Lead last left it at entry ${sealed.seq}: entries were cut off.`,
      );
    } else if ((await auditRowHash(db, sealed.seq)) !== sealed.hash) {
      findings.push(
        `Entry ${sealed.seq} of the audit log is not the entry a Designated Safeguarding Lead last left there: the log was rewritten.`,
      );
    }
  }

  for (const trigger of await alteredTriggers(db)) findings.push(triggerWords(trigger));

  // Each stored document's hash against the one the chain recorded; with their bytes, also the bytes
  // against that hash (and then only the documents not verified earlier in the session).
  const documents = input.documentBytes
    ? await checkStoredDocuments(db, input.known?.documents ?? new Set())
    : { notInChain: await documentsNotInChain(db), notMatching: [], verified: [], read: 0, total: null };
  for (const document of documents.notInChain) findings.push(notInChainWords(document));
  for (const document of documents.notMatching) findings.push(notMatchingWords(document));

  let access: IntegrityReport['access'] = 'not-checked';
  let orphanSlots: string[] = [];
  if (input.sealKey && input.keys) {
    const result = await checkAccessSeal(db, input.sealKey, input.keys);
    access = result.state;
    orphanSlots = result.orphanSlots;
    findings.push(...result.findings);
  }
  return {
    findings,
    rows: chain.rows,
    read: { auditEntries: chain.hashed, documents: documents.read },
    documents: documents.total,
    verified: { chain: chain.intact ? chain.head : null, documents: documents.verified },
    ms: Math.round(performance.now() - started),
    access,
    orphanSlots,
  };
}

export function triggerWords(trigger: { name: string; problem: 'missing' | 'changed' }): string {
  const what = TRIGGER_WORDS[trigger.name] ?? trigger.name;
  return trigger.problem === 'missing'
    ? `The protection that ${what} was removed from the records file (${trigger.name}).`
    : `The protection that ${what} was replaced by something else (${trigger.name}).`;
}

export function notInChainWords(document: DocumentNamed): string {
  return `The stored document "${document.title}" made ${formatUkDateTime(document.created_at)} does not match the fingerprint the audit log recorded when it was made: it was replaced.`;
}

export function notMatchingWords(document: DocumentNamed): string {
  return `The stored document "${document.title}" made ${formatUkDateTime(document.created_at)} no longer matches its own fingerprint: it is damaged or was changed.`;
}

/**
 * The seal over who may open the records, checked with the seal key: the newest seal that verifies
 * is compared with the people and key slots as they are now, and every difference named. A newest
 * seal that does not verify was made by someone without the seal key.
 *
 * A change of slots is sealed before the key file is written, so a crash in between leaves the key
 * file as the seal before said: the slots may match the newest seal or the one before it. A slot
 * whose person is not in the records at all was left by an adding of someone that never finished
 * (it can't sign anyone in): it is set aside, and returned for the caller to remove.
 */
async function checkAccessSeal(
  db: ReadExecutor,
  sealKey: Buffer,
  keys: KeySlotFile,
): Promise<{ state: 'verified' | 'changed' | 'unsealed'; findings: string[]; orphanSlots: string[] }> {
  const seals = await listSeals(db);
  const people = await peopleForSeal(db);
  const known = new Set(people.map((person) => person.id));
  const orphanSlots = keys.slots.filter((slot) => slot.userId !== null && !known.has(slot.userId)).map((slot) => slot.id);
  if (seals.length === 0) return { state: 'unsealed', findings: [], orphanSlots };
  const now = accessSnapshot(
    keys.fileId,
    people,
    keys.slots.filter((slot) => !orphanSlots.includes(slot.id)),
  );
  const findings: string[] = [];
  const authentic: AccessSnapshot[] = [];
  for (const [index, seal] of seals.entries()) {
    const verified = verifiedSnapshot(sealKey, seal);
    if (!verified) continue;
    if (authentic.length === 0 && index > 0) {
      findings.push(
        `The list of who may open the records was sealed again by someone without a Designated Safeguarding Lead's key (${index === 1 ? 'the latest seal does' : `the latest ${index} seals do`} not verify).`,
      );
    }
    authentic.push(verified);
    if (authentic.length === 2) break;
  }
  const [newest, before] = authentic;
  if (!newest) {
    findings.push(
      "No seal over the list of who may open the records verifies with a Designated Safeguarding Lead's key: it was replaced outside Escalation Log. Check every person and role in Settings, People.",
    );
    return { state: 'changed', findings, orphanSlots };
  }
  if (newest.fileId !== keys.fileId) findings.push('The seal over who may open the records belongs to another records file.');
  // The key file as the seal before said (a change sealed, then interrupted before the key file was written) is not tampering.
  const interrupted = before !== undefined && snapshotText({ ...before, people: [] }) === snapshotText({ ...now, people: [] });
  const expected = interrupted ? { ...newest, slots: now.slots } : newest;
  if (!sameAccess(expected, now)) findings.push(...describeAccessChanges(expected, now));
  return { state: findings.length > 0 ? 'changed' : 'verified', findings, orphanSlots };
}

/** The findings said once in the audit log (not again at every unlock while they stay the same). */
export async function recordFindings(
  db: Kysely<DB>,
  ctx: { user: SessionUser | null; clock: Clock },
  findings: string[],
): Promise<boolean> {
  if (findings.length === 0) return false;
  const text = findings.join(' ');
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  const last = await lastAuditOf(db, 'integrity.alert');
  if (last?.digest === digest) return false;
  const summary = `Found signs that the records were changed outside Escalation Log: ${text}`;
  await db.transaction().execute((trx) => audit(trx, ctx, 'integrity.alert', null, summary.slice(0, 4000), digest));
  return true;
}
