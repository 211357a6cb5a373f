import type { Executor, ReadExecutor } from './executor';

// Drafts: what a person is typing into a form, one per person and form, replaced as they type.

export async function saveDraftContent(
  db: Executor,
  draft: { userId: string; formKey: string; content: string; at: string },
): Promise<void> {
  await db
    .insertInto('drafts')
    .values({ user_id: draft.userId, form_key: draft.formKey, content: draft.content, updated_at: draft.at })
    .onConflict((conflict) => conflict.columns(['user_id', 'form_key']).doUpdateSet({ content: draft.content, updated_at: draft.at }))
    .execute();
}

export async function findDraft(
  db: ReadExecutor,
  userId: string,
  formKey: string,
): Promise<{ content: string; updatedAt: string } | undefined> {
  return db
    .selectFrom('drafts')
    .select(['content', 'updated_at as updatedAt'])
    .where('user_id', '=', userId)
    .where('form_key', '=', formKey)
    .executeTakeFirst();
}

export async function deleteDraft(db: Executor, userId: string, formKey: string): Promise<void> {
  await db.deleteFrom('drafts').where('user_id', '=', userId).where('form_key', '=', formKey).execute();
}
