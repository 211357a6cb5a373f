import { procedureSnapshotOf } from '../../../../db/queries/lists';
import type { ReadExecutor } from '../../../../db/queries/executor';

// The procedure snapshots a page of escalations names, each read once. A list row comes from a
// covering index without its snapshot (reading it walks up to 40 KB of overflow pages a row); which
// snapshot it has is told by its procedure, version and size, as the termly audit tells them apart
// (a version in use is never changed in place; the size guards against one that was). The same few
// snapshots serve every page, so their text is kept (one per procedure version in use) and reused:
// the escalation model parses each text once (model.ts).

const MAX_KEPT = 64;
const texts = new Map<string, string>();

interface SnapshotKey {
  id: string;
  procedure_id: string;
  procedure_version: number;
  snapshot_bytes: number;
}

function keyOf(row: SnapshotKey): string {
  return `${row.procedure_id}@${row.procedure_version}/${row.snapshot_bytes}`;
}

/** The rows with their procedure snapshot's text. */
export async function withSnapshots<R extends SnapshotKey>(
  db: ReadExecutor,
  rows: readonly R[],
): Promise<(R & { procedure_snapshot: string })[]> {
  const page = new Map<string, string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (page.has(key)) continue;
    let text = texts.get(key);
    if (text === undefined) {
      text = await procedureSnapshotOf(db, row.id);
      if (text === undefined) throw new Error(`Escalation ${row.id} has no procedure snapshot.`);
      if (texts.size >= MAX_KEPT) texts.clear();
      texts.set(key, text);
    }
    page.set(key, text);
  }
  return rows.map((row) => ({ ...row, procedure_snapshot: page.get(keyOf(row)) ?? '' }));
}
