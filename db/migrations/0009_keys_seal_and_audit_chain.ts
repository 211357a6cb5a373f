import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Security hardening (issue 10):
// - key_state: the data key's generation (the key file keeps its own copy; after a crash during a
//   rotation the two are matched to tell which key applies), when it was last replaced, and a
//   rotation owed but not yet made (a removal whose rotation was interrupted is finished at the
//   next unlock).
// - access_seals: the list of who may open the file (people, roles, the key slots issued), signed
//   with the seal key that only a DSL's slots and the recovery slot hold. Append-only.
// - audit_log.chain and audit_log.digest: rows from now on are hashed with their own sequence
//   number (chain 2), so no row can be renumbered, and may carry a digest (a stored document's
//   SHA-256, a seal's MAC) that the chain then covers. Existing rows keep chain 1 and their hashes.
// - documents can no longer be changed, or deleted except by a reviewed disposal of their child
//   (the same marker as amendments), and every document already stored gets a chain-2 row with its
//   SHA-256, so a document swapped with a matching hash is caught against the chain.
// - indexes for reading the audit log by person, by record and by date.

/** Chain 2's row hash. A frozen copy of db/queries/audit-log.ts's, so this file means the same thing however that one changes. */
function chain2Hash(row: {
  seq: number;
  prevHash: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
  digest: string | null;
}): string {
  const canonical = JSON.stringify([
    'chain-2',
    row.seq,
    row.prevHash,
    row.at,
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.summary,
    row.digest,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('key_state')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('generation', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('rotated_at', 'text')
    .addColumn('rotation_due', 'text')
    .execute();
  await sql`INSERT INTO key_state (id, generation) VALUES (1, 1)`.execute(db);

  await db.schema
    .createTable('access_seals')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('made_at', 'text', (col) => col.notNull())
    .addColumn('made_by', 'text')
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .addColumn('mac', 'text', (col) => col.notNull())
    .execute();
  await sql`CREATE TRIGGER access_seals_no_update BEFORE UPDATE ON access_seals BEGIN SELECT RAISE(ABORT, 'seals are permanent'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER access_seals_no_delete BEFORE DELETE ON access_seals BEGIN SELECT RAISE(ABORT, 'seals are permanent'); END`.execute(
    db,
  );

  await db.schema
    .alterTable('audit_log')
    .addColumn('chain', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('audit_log').addColumn('digest', 'text').execute();
  await db.schema.createIndex('audit_log_by_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_by_entity').on('audit_log').columns(['entity_type', 'entity_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_by_time').on('audit_log').columns(['at']).execute();

  await sql`CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents BEGIN SELECT RAISE(ABORT, 'stored documents are permanent'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents WHEN NOT EXISTS (SELECT 1 FROM disposal_in_progress) BEGIN SELECT RAISE(ABORT, 'stored documents are permanent'); END`.execute(
    db,
  );

  // Every document already stored: its fingerprint into the chain.
  const documents = await sql<{ id: string; sha256: string }>`SELECT id, sha256 FROM documents ORDER BY created_at, id`.execute(db);
  if (documents.rows.length === 0) return;
  const last = await sql<{ seq: number; hash: string }>`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`.execute(db);
  let seq = last.rows[0]?.seq ?? 0;
  let prevHash = last.rows[0]?.hash ?? '0'.repeat(64);
  const at = new Date().toISOString();
  for (const document of documents.rows) {
    seq += 1;
    const row = {
      seq,
      prevHash,
      at,
      actorId: null,
      action: 'document.fingerprint',
      entityType: 'document',
      entityId: document.id,
      summary: 'Recorded the fingerprint of a document stored before fingerprints were kept in the audit log',
      digest: document.sha256,
    };
    const hash = chain2Hash(row);
    await sql`INSERT INTO audit_log (seq, at, actor_id, action, entity_type, entity_id, summary, prev_hash, hash, chain, digest)
      VALUES (${seq}, ${at}, NULL, ${row.action}, ${row.entityType}, ${row.entityId}, ${row.summary}, ${prevHash}, ${hash}, 2, ${row.digest})`.execute(
      db,
    );
    prevHash = hash;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER documents_no_delete`.execute(db);
  await sql`DROP TRIGGER documents_no_update`.execute(db);
  await db.schema.dropIndex('audit_log_by_time').execute();
  await db.schema.dropIndex('audit_log_by_entity').execute();
  await db.schema.dropIndex('audit_log_by_actor').execute();
  // The audit log is append-only, so its new columns stay (SQLite would rebuild the table to drop them).
  await db.schema.dropTable('access_seals').execute();
  await db.schema.dropTable('key_state').execute();
}
