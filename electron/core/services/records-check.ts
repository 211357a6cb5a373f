import type { RecordsCheck } from '../../../shared/termly-audit/types';
import type { RecordsMemory } from '../session/records-memory';
import { nowIso, type ReadContext } from './context';
import { checkRecordsIntegrity } from './integrity';

// The termly audit's records check, its own API call (the Audit screen shows the figures first and
// this result when it comes) and part of the governors' PDF: the audit log's hash chain, the
// protections that keep it and stored documents permanent, and every stored document's bytes
// against its fingerprint. At a hundred times a large school's volume that is seconds of reading
// (hundreds of thousands of log entries, hundreds of megabytes of PDFs), so what one check verified
// is remembered for the rest of the unlocked session and the next check reads only what is new
// (session/records-memory.ts says what that trusts). Read-only users run it, so it does not use
// the key file or the seal key (the checks at unlock do).

/**
 * The check, reading only what `memory` has not verified (everything without one: a test's or a
 * bench's own context). What was found intact is remembered for the next check.
 */
export async function checkRecords(ctx: ReadContext, memory: RecordsMemory | null = ctx.recordsMemory ?? null): Promise<RecordsCheck> {
  // Stamped before anything is read: a commit by another connection during the check is seen next time.
  const stamp = memory?.stamp() ?? null;
  const known = stamp && memory ? memory.trusted(stamp) : undefined;
  const report = await checkRecordsIntegrity(ctx.db, { keys: null, sealKey: null, documentBytes: true, known });
  if (stamp && memory) memory.remember(stamp, report.verified);
  return {
    auditEntries: report.rows,
    documents: report.documents ?? 0,
    findings: report.findings,
    read: report.read,
    checkedAt: nowIso(ctx.clock),
  };
}
