import { describe, expect, it } from 'vitest';
import { makeCore, ok, PASSPHRASE } from '../../../scripts/fixtures/core';
import { DEPUTY_PASSPHRASE, folderWithPeople, openAs, READER_PASSPHRASE, withoutTrigger } from './support';

// The termly audit checks the records too (the hook in services/termly-audit.ts): the audit log's
// chain, its protections, and every stored document's bytes against its fingerprint. Read-only users
// run it, so what they see there does not depend on the seal key.

const period = { kind: 'term', schoolYear: 2026, term: 'autumn' } as const;

describe('the termly audit checks the records', () => {
  it('says they are intact when nothing was changed', async () => {
    const { dataDir } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: READER_PASSPHRASE });
    const audit = await ok(core, 'termlyAudit.run', { period });
    expect(audit.recordsCheck).toMatchObject({ findings: [] });
    expect(audit.recordsCheck?.auditEntries).toBeGreaterThan(5);
  });

  it('names a stored document whose bytes no longer match its own fingerprint, and a protection removed', async () => {
    const { dataDir, child } = await folderWithPeople();
    const dsl = makeCore(dataDir);
    await ok(dsl, 'session.unlock', { passphrase: PASSPHRASE });
    const made = await ok(dsl, 'documents.childChronology', { childId: child.id });
    await ok(dsl, 'session.lock', {});
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    withoutTrigger(sqlite, 'documents_no_update', () => {
      sqlite.prepare('UPDATE documents SET content = ? WHERE id = ?').run(Buffer.from('%PDF-1.7 changed'), made.id);
    });
    sqlite.exec('DROP TRIGGER amendments_no_update');
    sqlite.close();
    const reader = makeCore(dataDir);
    await ok(reader, 'session.unlock', { passphrase: READER_PASSPHRASE });
    const audit = await ok(reader, 'termlyAudit.run', { period });
    const findings = audit.recordsCheck?.findings.join(' ') ?? '';
    expect(findings).toMatch(/Escalation chronology" made .* no longer matches its own fingerprint/);
    expect(findings).toMatch(/stops amendments being edited was removed/);
  });
});
