import { randomUUID } from 'node:crypto';
import { insertAmendments } from '../../../db/queries/amendments';
import type { Executor } from '../../../db/queries/executor';
import type { ServiceContext } from './context';

// A change to a saved record is kept as amendments, one per field: the old and new values (as JSON,
// see amended-value.ts), why, who and when. The record's own row changes too; these say how it was.

export interface FieldChange {
  /** What changed, as the timeline names it ('classOrYear', 'summary', 'Lead agency'). */
  field: string;
  from: unknown;
  to: unknown;
}

export async function keepAmendments(
  db: Executor,
  ctx: Pick<ServiceContext, 'user'>,
  entity: { type: string; id: string },
  changes: readonly FieldChange[],
  why: { reason: string; at: string },
): Promise<void> {
  await insertAmendments(
    db,
    changes.map((change) => ({
      id: randomUUID(),
      entity_type: entity.type,
      entity_id: entity.id,
      field: change.field,
      old_value: JSON.stringify(change.from),
      new_value: JSON.stringify(change.to),
      reason: why.reason,
      amended_by: ctx.user.id,
      amended_at: why.at,
    })),
  );
}
