import { createHash } from 'node:crypto';
import type { Executor, ReadExecutor } from './executor';

// The append-only audit log. Each row's hash covers the previous row's hash and its own content,
// so removing, reordering or editing a row breaks the chain from that point on. Triggers in the
// file refuse UPDATE and DELETE as well.

const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
}

function rowHash(prevHash: string, entry: AuditEntry): string {
  const canonical = JSON.stringify([prevHash, entry.at, entry.actorId, entry.action, entry.entityType, entry.entityId, entry.summary]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export async function appendAudit(db: Executor, entry: AuditEntry): Promise<void> {
  const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      summary: entry.summary,
      prev_hash: prevHash,
      hash: rowHash(prevHash, entry),
    })
    .execute();
}

export type ChainCheck = { intact: true; rows: number } | { intact: false; rows: number; brokenAtSeq: number };

export async function verifyAuditChain(db: ReadExecutor): Promise<ChainCheck> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute();
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const expected = rowHash(prevHash, {
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      summary: row.summary,
    });
    if (row.prev_hash !== prevHash || row.hash !== expected) return { intact: false, rows: rows.length, brokenAtSeq: row.seq };
    prevHash = row.hash;
  }
  return { intact: true, rows: rows.length };
}
