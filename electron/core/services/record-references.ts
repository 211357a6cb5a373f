import { londonDateOf } from '../../../shared/deadlines';
import { initialsOf } from '../../../shared/termly-audit/names';
import { childrenOfDocumentsStarting, recordsMadeBetween } from '../../../db/queries/lists';
import type { ReadExecutor } from '../../../db/queries/executor';

// Finding a child by a record's reference, as the DSL may be handed one: a governor asking about
// 'E-2026-09-14-ZQ' in the termly audit's pack (names left out: an escalation opened that day for a
// child with those initials; 'R-…' a referral made that day), or a letter's 'ref 3F2A9C1B' (the
// stored document's reference, the start of its id: services/documents.ts). Typed in the register's
// search or Find a child; answered from indexes (escalations_newest, referrals_newest, the documents'
// primary key).

export type RecordReference = { kind: 'E' | 'R'; date: string; initials: string } | { kind: 'document'; prefix: string };

const AUDIT_REFERENCE = /^([ER])-(\d{4}-\d{2}-\d{2})-(\p{L}{1,2})(?:-\d+)?$/iu;
const DOCUMENT_REFERENCE = /^(ref\s*)?([0-9a-f]{8})$/i;

/** A reference, if that is what was typed; a document's needs 'ref' or a digit, so a name is never taken for one. */
export function parseRecordReference(text: string): RecordReference | null {
  const typed = text.trim();
  const audit = AUDIT_REFERENCE.exec(typed);
  if (audit?.[1] && audit[2] && audit[3] && !Number.isNaN(Date.parse(`${audit[2]}T12:00:00Z`))) {
    return { kind: audit[1].toUpperCase() === 'E' ? 'E' : 'R', date: audit[2], initials: audit[3].toLocaleUpperCase('en-GB') };
  }
  const document = DOCUMENT_REFERENCE.exec(typed);
  if (document?.[2] && (document[1] !== undefined || /\d/.test(document[2])))
    return { kind: 'document', prefix: document[2].toLowerCase() };
  return null;
}

function dayAround(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The children a reference names (none, one, or more where initials and a day are shared). */
export async function childrenWithReference(db: ReadExecutor, reference: RecordReference): Promise<string[]> {
  if (reference.kind === 'document') return [...new Set(await childrenOfDocumentsStarting(db, reference.prefix))];
  // Stored times carry their offset: a day either side, then exactly the London day.
  const records = await recordsMadeBetween(db, reference.kind, { from: dayAround(reference.date, -1), to: dayAround(reference.date, 2) });
  return [
    ...new Set(
      records
        .filter(
          (record) => londonDateOf(record.at) === reference.date && initialsOf(record.first_name, record.last_name) === reference.initials,
        )
        .map((record) => record.child_id),
    ),
  ];
}
