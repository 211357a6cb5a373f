import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatUkDateTime } from '../../../shared/deadlines';
import type { AuditLogEntry, IntegrityCheckView } from '../../../shared/schemas/security';
import { dataTable, detailsTable, heading, paragraph, withPageLayout } from './layout';

// The audit log as a PDF, for the DSL to keep or hand to a data protection officer or an inquiry:
// the filters it was made with, what the integrity checks last found, and the entries newest first
// (when, who, what, which record). Entries carry what the app wrote at the time; a summary may name a
// child, so the document is kept inside the encrypted file like every other and its file name is neutral.

export const AUDIT_LOG_TITLE = 'Audit log';

/** The most entries one PDF holds (about 300 pages): a longer log is narrowed with the filters. */
export const MAX_AUDIT_LOG_ROWS = 5000;

export interface AuditLogDocumentInput {
  settingName: string;
  entries: AuditLogEntry[];
  /** How many entries the filters match (more than `entries` when the PDF's limit was reached). */
  total: number;
  filters: string[];
  check: IntegrityCheckView | null;
  author: { name: string; role: string };
  generatedAt: string;
}

function record(entry: AuditLogEntry): string {
  return entry.entityType ? `${entry.entityType}${entry.entityId ? ` ${entry.entityId.slice(0, 8)}` : ''}` : '';
}

export function auditLogDocument(input: AuditLogDocumentInput): TDocumentDefinitions {
  const shown = input.entries.length;
  const checkWords = input.check
    ? input.check.findings.length === 0
      ? `Checked ${formatUkDateTime(input.check.at)}: all ${input.check.auditEntries} entries' hash chain intact, the log's end as recorded in the key file, every protection in place and every stored document matching its fingerprint.`
      : `Checked ${formatUkDateTime(input.check.at)}: ${input.check.findings.join(' ')}`
    : 'Not checked in this session.';
  return withPageLayout(
    { settingName: input.settingName, title: AUDIT_LOG_TITLE, generatedBy: input.author, generatedAt: input.generatedAt },
    [
      detailsTable([
        ['Entries', shown === input.total ? String(input.total) : `${shown} newest of ${input.total} (narrow the filters for the rest)`],
        ['Filters', input.filters.length > 0 ? input.filters.join('; ') : 'None: every entry'],
        ['Integrity', checkWords],
      ]),
      paragraph(
        'Every change, unlock, document and export is written to this log as it happens. Each entry is hash-chained to the one before it, so an entry changed or removed later is detected.',
      ),
      heading('Entries, newest first'),
      dataTable(
        ['No.', 'When', 'Who', 'What', 'Record'],
        input.entries.map((entry) => [String(entry.seq), formatUkDateTime(entry.at), entry.person ?? '—', entry.summary, record(entry)]),
        [34, 78, 80, '*', 62],
      ),
    ],
  );
}
