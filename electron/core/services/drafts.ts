import type { z } from 'zod';
import type { draftKeyInput, saveDraftInput, Draft } from '../../../shared/schemas/drafts';
import { nowIso, type ServiceContext } from './context';

// Drafts are private to the person typing and are not records: they are replaced as the person types,
// removed when the form is saved, and not written to the audit log (which would fill with keystrokes).

export async function saveDraft(ctx: ServiceContext, input: z.output<typeof saveDraftInput>): Promise<{ savedAt: string }> {
  const savedAt = nowIso(ctx.clock);
  const content = JSON.stringify(input.content);
  await ctx.db
    .insertInto('drafts')
    .values({ user_id: ctx.user.id, form_key: input.formKey, content, updated_at: savedAt })
    .onConflict((conflict) => conflict.columns(['user_id', 'form_key']).doUpdateSet({ content, updated_at: savedAt }))
    .execute();
  return { savedAt };
}

export async function getDraft(ctx: ServiceContext, input: z.output<typeof draftKeyInput>): Promise<Draft | null> {
  const row = await ctx.db
    .selectFrom('drafts')
    .select(['content', 'updated_at'])
    .where('user_id', '=', ctx.user.id)
    .where('form_key', '=', input.formKey)
    .executeTakeFirst();
  return row ? { content: JSON.parse(row.content), updatedAt: row.updated_at } : null;
}

export async function discardDraft(ctx: ServiceContext, input: z.output<typeof draftKeyInput>): Promise<{ discarded: true }> {
  await ctx.db.deleteFrom('drafts').where('user_id', '=', ctx.user.id).where('form_key', '=', input.formKey).execute();
  return { discarded: true };
}
