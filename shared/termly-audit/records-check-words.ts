import type { RecordsCheck } from './types';

// The records check in words, the same on the Audit screen and in the governors' PDF.

/** What an intact check found: 'the audit log's 13 entries are intact, …, and every stored document (2) matches …'. */
export function recordsIntactWords(check: Pick<RecordsCheck, 'auditEntries' | 'documents'>): string {
  const entries = check.auditEntries === 1 ? 'one entry is' : `${check.auditEntries} entries are`;
  const documents =
    check.documents === 0
      ? 'there are no stored documents to check'
      : check.documents === 1
        ? 'the one stored document matches the fingerprint taken when it was made'
        : `every stored document (${check.documents}) matches the fingerprint taken when it was made`;
  return `the audit log’s ${entries} intact (hash chain), its protections are in place, and ${documents}`;
}
