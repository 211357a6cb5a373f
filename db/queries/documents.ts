import type { Insertable } from 'kysely';
import type { DocumentsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// Every document made, kept with its SHA-256 so the copy sent can be shown again exactly.

export async function insertDocument(db: Executor, row: Insertable<DocumentsTable>): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

/** A stored document's bytes and the fingerprint taken when it was made. */
export async function findDocumentContent(
  db: ReadExecutor,
  id: string,
): Promise<{ file_name: string; content: Buffer; sha256: string } | undefined> {
  return db.selectFrom('documents').select(['file_name', 'content', 'sha256']).where('id', '=', id).executeTakeFirst();
}

/** Documents made for one record (e.g. an escalation), newest first, with who made them. */
export async function documentsAbout(
  db: ReadExecutor,
  entity: { type: string; id: string },
): Promise<{ id: string; kind: string; title: string; createdAt: string; createdBy: string }[]> {
  return db
    .selectFrom('documents')
    .innerJoin('users', 'users.id', 'documents.created_by')
    .select(['documents.id', 'documents.kind', 'documents.title', 'documents.created_at as createdAt', 'users.full_name as createdBy'])
    .where('documents.entity_type', '=', entity.type)
    .where('documents.entity_id', '=', entity.id)
    .orderBy('documents.created_at', 'desc')
    .execute();
}

/** Every document on a child's file, whatever record it was made for. */
export async function documentsForChild(db: ReadExecutor, childId: string): Promise<{ id: string; title: string; created_at: string }[]> {
  return db.selectFrom('documents').select(['id', 'title', 'created_at']).where('child_id', '=', childId).execute();
}
