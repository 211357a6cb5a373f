import type { z } from 'zod';
import type { DocumentFile } from '../../../shared/api';
import { roleLabels } from '../../../shared/people/roles';
import { termlyAudit } from '../../../shared/termly-audit/figures';
import { comparisonPeriods, resolvePeriod, type AuditPeriod } from '../../../shared/termly-audit/periods';
import type { runTermlyAuditInput, termlyAuditDocumentInput, TermlyAuditDocumentSummary } from '../../../shared/termly-audit/schemas';
import type { TermlyAudit } from '../../../shared/termly-audit/types';
import { termlyAuditDocuments } from '../../../db/queries/termly-audit';
import { TERMLY_AUDIT_TITLE } from '../documents/termly-audit';
import type { OutsideQueue } from '../outside-queue';
import { nowIso, type ReadContext } from './context';
import { renderAndStore } from './documents';
import { termsOfSetting } from './term-dates';
import { checkRecords } from './records-check';
import { auditWindow, readAuditFacts } from './termly-audit-facts';

// The termly audit: the records that can matter to the period (and the three it is compared with)
// are read with their deadlines worked out (termly-audit-facts.ts), and the figures are a pure
// function of those facts (shared/termly-audit/figures.ts). A `read` method: read-only users (a
// head teacher, a governor) can run it and make its PDF, which is kept with its fingerprint and logged.
// The records check is not part of the figures: its own call (records-check.ts), so the screen shows
// the figures without waiting for it; the PDF runs it, reading only what is new since the last one.

async function buildAudit(ctx: ReadContext, period: AuditPeriod): Promise<TermlyAudit> {
  const termsOf = await termsOfSetting(ctx.db);
  const resolved = resolvePeriod(period, termsOf);
  const comparisons = comparisonPeriods(period, termsOf);
  const window = await auditWindow(ctx.db, [resolved, ...comparisons]);
  return termlyAudit(await readAuditFacts(ctx, window, resolved), resolved, comparisons);
}

export async function runTermlyAudit(ctx: ReadContext, input: z.output<typeof runTermlyAuditInput>): Promise<TermlyAudit> {
  return buildAudit(ctx, input.period);
}

/**
 * The PDF for the governing body. The audit is worked out inside the dispatcher's queue; the PDF is
 * rendered outside it (it can take seconds, and a Lock must not wait); the last step, queued again
 * only if the same sitting is still open, keeps it in the file with its fingerprint and logs that it
 * was made, as for every document. Read-only users may make it: what they made is kept too.
 */
export async function makeTermlyAuditDocument(
  ctx: ReadContext,
  input: z.output<typeof termlyAuditDocumentInput>,
): Promise<OutsideQueue<DocumentFile & { id: string }>> {
  const audit = await buildAudit(ctx, input.period);
  // The records checked as of now, for the governors: only what is new since the check the Audit
  // screen made (or everything, if another program changed the file since, or none was made).
  const recordsCheck = await checkRecords(ctx);
  const generatedAt = nowIso(ctx.clock);
  const job = {
    document: 'termly-audit' as const,
    input: {
      audit,
      recordsCheck,
      leaveOutNames: input.leaveOutNames,
      author: { name: ctx.user.fullName, role: roleLabels[ctx.user.role] },
      generatedAt,
    },
  };
  return renderAndStore(ctx, job, {
    childId: null,
    entity: { type: 'termly-audit', id: `${audit.period.from}/${audit.period.to}` },
    kind: 'termly-audit',
    title: `${TERMLY_AUDIT_TITLE}: ${audit.period.label}${input.leaveOutNames ? ' (children’s names left out)' : ''}`,
    nameTitle: `Termly audit ${audit.period.label}`,
    at: generatedAt,
  });
}

/** The termly-audit PDFs made so far (newest first), to open again exactly as they were made. */
export async function listTermlyAuditDocuments(ctx: ReadContext): Promise<TermlyAuditDocumentSummary[]> {
  return termlyAuditDocuments(ctx.db, 50);
}
