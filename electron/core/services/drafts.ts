import type { z } from 'zod';
import type { draftKeyInput, saveDraftInput, Draft } from '../../../shared/schemas/drafts';
import { deleteDraft, findDraft, saveDraftContent } from '../../../db/queries/drafts';
import { nowIso, type ServiceContext } from './context';

// Drafts are private to the person typing and are not records: they are replaced as the person types,
// removed when the form is saved, and not written to the audit log (which would fill with keystrokes).

export async function saveDraft(ctx: ServiceContext, input: z.output<typeof saveDraftInput>): Promise<{ savedAt: string }> {
  const savedAt = nowIso(ctx.clock);
  await saveDraftContent(ctx.db, { userId: ctx.user.id, formKey: input.formKey, content: JSON.stringify(input.content), at: savedAt });
  return { savedAt };
}

export async function getDraft(ctx: ServiceContext, input: z.output<typeof draftKeyInput>): Promise<Draft | null> {
  const row = await findDraft(ctx.db, ctx.user.id, input.formKey);
  return row ? { content: JSON.parse(row.content), updatedAt: row.updatedAt } : null;
}

export async function discardDraft(ctx: ServiceContext, input: z.output<typeof draftKeyInput>): Promise<{ discarded: true }> {
  await deleteDraft(ctx.db, ctx.user.id, input.formKey);
  return { discarded: true };
}
