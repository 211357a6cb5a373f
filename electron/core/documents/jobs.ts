import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { EscalationDocumentKind } from '../../../shared/schemas/documents';
import { childChronology, type ChronologyInput } from './chronology';
import {
  cscpEscalationNotification,
  liverpoolReportToLscb,
  outcomeStatement,
  writtenConcern,
  type EscalationDocumentInput,
} from './escalation-documents';
import { recoverySheet, type RecoverySheetInput } from './recovery-sheet';
import { termlyAuditDocument, type TermlyAuditDocumentInput } from './termly-audit';
import { auditLogDocument, type AuditLogDocumentInput } from './audit-log';

// A document to make, as plain data: which document, and the record it is made from. Plain data
// can cross into the render thread (a pdfmake definition can't: its headers and footers are
// functions), so the definition is built where it is rendered.

export type DocumentJob =
  | { document: EscalationDocumentKind; input: EscalationDocumentInput }
  | { document: 'chronology'; input: ChronologyInput }
  | { document: 'recovery-sheet'; input: RecoverySheetInput }
  | { document: 'termly-audit'; input: TermlyAuditDocumentInput }
  | { document: 'audit-log'; input: AuditLogDocumentInput };

const escalationDocuments: Record<EscalationDocumentKind, (input: EscalationDocumentInput) => TDocumentDefinitions> = {
  'written-concern': writtenConcern,
  'written-statement-of-outcome': outcomeStatement,
  'liverpool-report-to-lscb': liverpoolReportToLscb,
  'cscp-escalation-notification': cscpEscalationNotification,
};

/** The pdfmake definition of a job: made fresh for every render, because pdfmake changes what it is given. */
export function buildDocument(job: DocumentJob): TDocumentDefinitions {
  switch (job.document) {
    case 'chronology':
      return childChronology(job.input);
    case 'recovery-sheet':
      return recoverySheet(job.input);
    case 'termly-audit':
      return termlyAuditDocument(job.input);
    case 'audit-log':
      return auditLogDocument(job.input);
    default:
      return escalationDocuments[job.document](job.input);
  }
}
