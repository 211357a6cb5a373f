import { createHash, hash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ReadExecutor, Executor } from './executor';

/** SQLite's own catalogue, typed for the one query that reads it. */
interface SqliteMaster {
  sqlite_master: { type: string; name: string; sql: string | null };
}

// The append-only audit log. Each row's hash covers the previous row's hash and its own content,
// so removing, reordering or editing a row breaks the chain from that point on. Triggers in the
// file refuse UPDATE and DELETE as well. Since migration 0009 each row's hash also covers its own
// sequence number and an optional digest (chain 2: a stored document's SHA-256, a seal's MAC), so
// rows can't be renumbered and a document swapped together with its stored hash is caught.
// What the chain cannot catch on its own — the last rows cut off, or the whole log rewritten with
// fresh hashes — is caught against the chain's end kept outside the file (the key file, backup
// manifests): see electron/core/services/integrity.ts.

const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
  /** A digest the chain covers (a stored document's SHA-256). */
  digest?: string | null;
}

interface StoredRow {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
  chain?: number | null;
  digest?: string | null;
}

/**
 * The SHA-256 of a row's text (UTF-8), in hex. The one-shot hash: the chain is checked row by row at
 * every unlock and in the termly audit, hundreds of thousands of rows, and a hash object per row
 * costs more than the hashing.
 */
function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Chain 1 (rows written before migration 0009): the previous hash and the row's content. */
function chain1Hash(prevHash: string, row: StoredRow): string {
  const canonical = JSON.stringify([prevHash, row.at, row.actor_id, row.action, row.entity_type, row.entity_id, row.summary]);
  return sha256Hex(canonical);
}

/** Chain 2: also the row's own sequence number and digest (migration 0009 has a frozen copy). */
function chain2Hash(prevHash: string, row: Omit<StoredRow, 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([
    'chain-2',
    row.seq,
    prevHash,
    row.at,
    row.actor_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.summary,
    row.digest ?? null,
  ]);
  return sha256Hex(canonical);
}

export async function appendAudit(db: Executor, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    actor_id: entry.actorId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    summary: entry.summary,
    digest: entry.digest ?? null,
  };
  const hash = chain2Hash(prevHash, row);
  await db
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash, chain: 2 })
    .execute();
  return { seq: row.seq, hash };
}

/** One thing wrong with the chain, at the row where it shows. */
export interface ChainBreak {
  seq: number;
  kind: 'changed' | 'relinked' | 'missing' | 'downgraded';
  /** For `missing`: how many rows are gone before this one. */
  count?: number;
}

/** A row of the chain, by its sequence number and hash: where a walk ended, or resumes from. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * `rows`: the entries the chain holds up to its head (those walked now, plus those before the point
 * it resumed from). `hashed`: the rows this walk read and hashed. `resumed`: whether it started
 * after a point verified earlier (see verifyAuditChain).
 */
export type ChainCheck = { rows: number; hashed: number; resumed: boolean; head: ChainPoint } & (
  { intact: true } | { intact: false; brokenAtSeq: number; breaks: ChainBreak[] }
);

/** At most this many breaks are listed (a rewritten log would otherwise list every row). */
export const MAX_BREAKS = 50;

/**
 * Walks the chain in order, row by row (streamed, so a long log is never all in memory), and
 * lists where it breaks: a row whose content no longer matches its hash (`changed`), a row that no
 * longer follows the one before it (`relinked`: one before it was removed or replaced), rows missing
 * from the sequence (`missing`), and a chain-1 row after chain 2 began (`downgraded`). Works on files
 * from before migration 0009 too (restoring an old backup).
 *
 * From the start, unless `after` is given: a point the caller verified earlier and trusts has not
 * been changed since (the termly audit's records check, within a session: see
 * electron/core/session/records-memory.ts). Then only the rows after it are read, the first of them
 * must follow its hash, and the point's own row must still be there with that hash; if it is not,
 * the whole chain is walked after all.
 */
export async function verifyAuditChain(db: ReadExecutor, after?: ChainPoint, limit?: number): Promise<ChainCheck> {
  const resumeAt =
    after && after.seq > 0
      ? await db.selectFrom('audit_log').select(['hash', 'chain']).where('seq', '=', after.seq).executeTakeFirst()
      : undefined;
  const resumed = after !== undefined && resumeAt !== undefined && resumeAt.hash === after.hash;
  let prevHash = resumed ? after.hash : GENESIS_HASH;
  let prevSeq = resumed ? after.seq : 0;
  let hashed = 0;
  // A chain-1 row after a chain-2 one is a break, so the row resumed from tells whether chain 2 had begun.
  let sawChain2 = resumed && resumeAt.chain === 2;
  const breaks: ChainBreak[] = [];
  const note = (found: ChainBreak) => {
    if (breaks.length < MAX_BREAKS) breaks.push(found);
  };
  const rows = db.selectFrom('audit_log').selectAll().where('seq', '>', prevSeq).orderBy('seq', 'asc');
  // A limit walks one portion: the next portion resumes from this one's head (the records check gives way between them).
  const stream = (limit === undefined ? rows : rows.limit(limit)).stream(500);
  for await (const found of stream) {
    const row = found as unknown as StoredRow;
    hashed += 1;
    const chain = row.chain ?? 1;
    if (row.seq !== prevSeq + 1) note({ seq: row.seq, kind: 'missing', count: row.seq - prevSeq - 1 });
    if (row.prev_hash !== prevHash) note({ seq: row.seq, kind: 'relinked' });
    if (chain === 2) sawChain2 = true;
    else if (sawChain2) note({ seq: row.seq, kind: 'downgraded' });
    const expected = chain === 2 ? chain2Hash(row.prev_hash, row) : chain1Hash(row.prev_hash, row);
    if (row.hash !== expected) note({ seq: row.seq, kind: 'changed' });
    prevHash = row.hash;
    prevSeq = row.seq;
  }
  const head = { seq: prevSeq, hash: prevHash };
  const total = (resumed ? after.seq : 0) + hashed;
  const first = breaks[0];
  return first
    ? { intact: false, rows: total, hashed, resumed, brokenAtSeq: first.seq, breaks, head }
    : { intact: true, rows: total, hashed, resumed, head };
}

/** The hash of one row of the chain, or null if there is no row with that sequence number. */
export async function auditRowHash(db: ReadExecutor, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? null;
}

/** The chain's last row (sequence 0 and the genesis hash for an empty log). */
export async function auditChainHead(db: ReadExecutor): Promise<{ seq: number; hash: string }> {
  const row = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Stored documents whose SHA-256 is not one the chain recorded for them: a document (and its stored
 * hash) swapped after it was made. Each document's own bytes are checked against its stored hash
 * whenever it is opened, and in full by the termly audit's records check (checkStoredDocuments).
 */
export async function documentsNotInChain(db: ReadExecutor): Promise<{ id: string; title: string; created_at: string }[]> {
  return db
    .selectFrom('documents')
    .select(['documents.id', 'documents.title', 'documents.created_at'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('audit_log')
            .select('audit_log.seq')
            .where('audit_log.entity_type', '=', 'document')
            .whereRef('audit_log.entity_id', '=', 'documents.id')
            .whereRef('audit_log.digest', '=', 'documents.sha256'),
        ),
      ),
    )
    .orderBy('documents.created_at')
    .limit(50)
    .execute();
}

/** A stored document as a finding names it. */
export interface DocumentNamed {
  id: string;
  title: string;
  created_at: string;
}

export interface DocumentsCheck {
  /** Documents whose stored hash is not one the chain recorded for them (documentsNotInChain's finding). */
  notInChain: DocumentNamed[];
  /** Documents whose bytes no longer match the hash stored beside them. */
  notMatching: DocumentNamed[];
  /** The documents read now that passed both. */
  verified: string[];
  /** How many documents' bytes were read now. */
  read: number;
  /** How many documents are stored (each read now, or known). */
  total: number;
}

const byCreated = (a: DocumentNamed, b: DocumentNamed) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0);

/**
 * Every stored document not in `known`, read in full: its bytes against the SHA-256 stored beside
 * them, and that SHA-256 against the digests the chain recorded for it (the termly audit's check).
 * `known` holds documents verified earlier that the caller trusts have not changed since (within a
 * session: electron/core/session/records-memory.ts); their bytes are not read again. With nothing
 * known, one pass over the table in its own order, streamed so only a few documents are in memory
 * at a time (hundreds of megabytes of PDFs read as they lie in the file rather than one look-up per
 * document); otherwise the ids come from the primary key's index alone (no document page is read)
 * and only the others are read, a few hundred ids to a statement.
 */
export async function checkStoredDocuments(db: ReadExecutor, known: ReadonlySet<string>): Promise<DocumentsCheck> {
  const result: DocumentsCheck = { notInChain: [], notMatching: [], verified: [], read: 0, total: 0 };
  const check = (ids: readonly string[] | null) => checkDocumentBytes(db, ids, result);
  if (known.size === 0) {
    await check(null);
    result.total = result.read;
  } else {
    const ids = await db.selectFrom('documents').select('id').execute();
    result.total = ids.length;
    const unknown = ids.map((row) => row.id).filter((id) => !known.has(id));
    for (let start = 0; start < unknown.length; start += DOCUMENT_CHUNK) await check(unknown.slice(start, start + DOCUMENT_CHUNK));
  }
  result.notInChain.sort(byCreated);
  result.notMatching.sort(byCreated);
  return result;
}

/** At most this many ids to a statement (`IN (...)`). */
export const DOCUMENT_CHUNK = 500;

/**
 * Reads the documents of `ids` (every document if null) and adds what was found to `result`: each
 * one's bytes against its stored hash, and that hash against the digests the chain recorded for it.
 */
export async function checkDocumentBytes(
  db: ReadExecutor,
  ids: readonly string[] | null,
  result: Omit<DocumentsCheck, 'total'>,
): Promise<void> {
  if (ids !== null && ids.length === 0) return;
  let query = db.selectFrom('documents').select(['id', 'title', 'created_at', 'sha256', 'content']);
  if (ids) query = query.where('id', 'in', ids);
  const chained = await chainDigests(db, ids);
  for await (const document of query.stream(16)) {
    result.read += 1;
    const named = { id: document.id, title: document.title, created_at: document.created_at };
    const inChain = chained.get(document.id)?.has(document.sha256) ?? false;
    const matches = createHash('sha256').update(document.content).digest('hex') === document.sha256;
    if (!inChain) result.notInChain.push(named);
    if (!matches) result.notMatching.push(named);
    if (inChain && matches) result.verified.push(document.id);
  }
}

/**
 * Every stored document's id and size in bytes, so a check can read them a few megabytes at a time.
 * `length()` of a blob is taken from the record's header: the document's own pages are not read.
 */
export async function storedDocumentSizes(db: ReadExecutor): Promise<{ id: string; bytes: number }[]> {
  return db
    .selectFrom('documents')
    .select(['id', sql<number>`length(content)`.as('bytes')])
    .execute();
}

/** Oldest first, as findings name documents. */
export function sortByCreated(documents: DocumentNamed[]): void {
  documents.sort(byCreated);
}

/** The digests the chain recorded for each document (all of them, or those of `ids`), from the index on the log's records. */
async function chainDigests(db: ReadExecutor, ids: readonly string[] | null): Promise<Map<string, Set<string>>> {
  let query = db
    .selectFrom('audit_log')
    .select(['entity_id', 'digest'])
    .where('entity_type', '=', 'document')
    .where('digest', 'is not', null);
  if (ids) query = query.where('entity_id', 'in', ids);
  const digests = new Map<string, Set<string>>();
  for (const row of await query.execute()) {
    if (row.entity_id === null || row.digest === null) continue;
    const set = digests.get(row.entity_id) ?? new Set<string>();
    set.add(row.digest);
    digests.set(row.entity_id, set);
  }
  return digests;
}

/**
 * The triggers that keep history permanent, exactly as the migrations made them. A trigger dropped,
 * or replaced by one of the same name that does nothing, is found by comparing the file's own text.
 */
const PROTECTING_TRIGGERS: Record<string, string> = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
  amendments_no_update: `CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments BEGIN SELECT RAISE(ABORT, 'amendments are permanent'); END`,
  amendments_no_delete: `CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments WHEN NOT EXISTS (SELECT 1 FROM disposal_in_progress) BEGIN SELECT RAISE(ABORT, 'amendments are permanent'); END`,
  documents_no_update: `CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents BEGIN SELECT RAISE(ABORT, 'stored documents are permanent'); END`,
  documents_no_delete: `CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents WHEN NOT EXISTS (SELECT 1 FROM disposal_in_progress) BEGIN SELECT RAISE(ABORT, 'stored documents are permanent'); END`,
  access_seals_no_update: `CREATE TRIGGER access_seals_no_update BEFORE UPDATE ON access_seals BEGIN SELECT RAISE(ABORT, 'seals are permanent'); END`,
  access_seals_no_delete: `CREATE TRIGGER access_seals_no_delete BEFORE DELETE ON access_seals BEGIN SELECT RAISE(ABORT, 'seals are permanent'); END`,
};

/** The protecting triggers that are missing or not as the migrations made them. */
export async function alteredTriggers(db: ReadExecutor): Promise<{ name: string; problem: 'missing' | 'changed' }[]> {
  const catalogue = db as unknown as Pick<Kysely<SqliteMaster>, 'selectFrom'>;
  const found = await catalogue.selectFrom('sqlite_master').select(['name', 'sql']).where('type', '=', 'trigger').execute();
  const byName = new Map(found.map((row) => [row.name, row.sql]));
  const problems: { name: string; problem: 'missing' | 'changed' }[] = [];
  for (const [name, expected] of Object.entries(PROTECTING_TRIGGERS)) {
    const text = byName.get(name);
    if (text === undefined || text === null) problems.push({ name, problem: 'missing' });
    else if (text.replace(/\s+/g, ' ').trim() !== expected) problems.push({ name, problem: 'changed' });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Reading the log (the DSL's audit log screen and its PDF)

export interface AuditFilter {
  actorId?: string | null;
  entity?: { type: string; id: string };
  /** Inclusive bounds on the time, as ISO strings compared by their date (the stored times carry the London offset). */
  from?: string;
  to?: string;
  /** Keyset paging: rows older than this sequence number. */
  before?: number;
}

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
  digest: string | null;
}

/** A page of the log, newest first, filtered in SQL (indexes on person, record and time, migration 0009). */
export async function listAuditRows(db: ReadExecutor, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.actor_id as actorId',
      'users.full_name as actorName',
      'audit_log.action',
      'audit_log.entity_type as entityType',
      'audit_log.entity_id as entityId',
      'audit_log.summary',
      'audit_log.digest',
    ]);
  if (filter.actorId !== undefined) {
    query =
      filter.actorId === null ? query.where('audit_log.actor_id', 'is', null) : query.where('audit_log.actor_id', '=', filter.actorId);
  }
  if (filter.entity)
    query = query.where('audit_log.entity_type', '=', filter.entity.type).where('audit_log.entity_id', '=', filter.entity.id);
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.at', '<', filter.to);
  if (filter.before !== undefined) query = query.where('audit_log.seq', '<', filter.before);
  return query.orderBy('audit_log.seq', 'desc').limit(limit).execute();
}

/** How many rows the filter matches (for "showing 50 of 1,234"). */
export async function countAuditRows(db: ReadExecutor, filter: Omit<AuditFilter, 'before'>): Promise<number> {
  let query = db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.actorId !== undefined) {
    query =
      filter.actorId === null ? query.where('audit_log.actor_id', 'is', null) : query.where('audit_log.actor_id', '=', filter.actorId);
  }
  if (filter.entity)
    query = query.where('audit_log.entity_type', '=', filter.entity.type).where('audit_log.entity_id', '=', filter.entity.id);
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.at', '<', filter.to);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The most recent entry of an action (e.g. the last integrity alert), newest first. */
export async function lastAuditOf(db: ReadExecutor, action: string): Promise<{ seq: number; digest: string | null; at: string } | null> {
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'digest', 'at'])
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}
