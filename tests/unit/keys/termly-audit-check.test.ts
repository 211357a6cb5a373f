import { describe, expect, it } from 'vitest';
import { makeCore, ok, PASSPHRASE } from '../../../scripts/fixtures/core';
import { DEPUTY_PASSPHRASE, folderWithPeople, openAs, READER_PASSPHRASE, withoutTrigger } from './support';

// The termly audit's records check (services/records-check.ts, its own API call): the audit log's
// chain, its protections, and every stored document's bytes against its fingerprint. Read-only
// users run it, so what they see there does not depend on the seal key. Within an unlocked session
// it reads only what is new since the last check (session/records-memory.ts), unless another
// connection committed to the file since, or the session is a new one.

const period = { kind: 'term', schoolYear: 2026, term: 'autumn' } as const;

describe('the termly audit checks the records', () => {
  it('says they are intact when nothing was changed, and the figures no longer include it', async () => {
    const { dataDir } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: READER_PASSPHRASE });
    const check = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(check.findings).toEqual([]);
    expect(check.auditEntries).toBeGreaterThan(5);
    expect(await ok(core, 'termlyAudit.run', { period })).not.toHaveProperty('recordsCheck');
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
    const findings = (await ok(reader, 'termlyAudit.recordsCheck', {})).findings.join(' ');
    expect(findings).toMatch(/Escalation chronology" made .* no longer matches its own fingerprint/);
    expect(findings).toMatch(/stops amendments being edited was removed/);
  });
});

describe('what the records check remembers within a session', () => {
  it('reads only what is new at the second check, and nothing at a third with nothing new', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'documents.childChronology', { childId: child.id });

    const first = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(first.findings).toEqual([]);
    // Unlock walked the whole chain, so even the first check starts from where that walk ended: it
    // hashes only what was written since (the unlock's own entries, the document's).
    expect(first.read.auditEntries).toBeGreaterThan(0);
    expect(first.read.auditEntries).toBeLessThan(first.auditEntries);
    // Unlock reads no document's bytes: the first check reads them all.
    expect(first.documents).toBe(1);
    expect(first.read.documents).toBe(1);

    await ok(core, 'children.create', {
      firstName: 'Ottilie',
      lastName: 'Marchbanks',
      dateOfBirth: '2017-03-14',
      classOrYear: 'Year 4',
      levelOfNeed: 2,
      planStatus: 'none',
    });
    await ok(core, 'documents.childChronology', { childId: child.id });
    const second = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(second.findings).toEqual([]);
    expect(second.auditEntries).toBeGreaterThan(first.auditEntries);
    expect(second.read.auditEntries).toBe(second.auditEntries - first.auditEntries);
    expect(second).toMatchObject({ documents: 2, read: { documents: 1 } });

    const third = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(third).toMatchObject({ findings: [], auditEntries: second.auditEntries, documents: 2, read: { auditEntries: 0, documents: 0 } });
  });

  it('still finds a document changed by another connection between two checks, reading everything again', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const made = await ok(core, 'documents.childChronology', { childId: child.id });
    const before = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(before.findings).toEqual([]);

    // Someone with a passphrase opens the file in another program while Escalation Log has it open,
    // and swaps the document's bytes: that connection's commit changes what data_version says.
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    withoutTrigger(sqlite, 'documents_no_update', () => {
      sqlite.prepare('UPDATE documents SET content = ? WHERE id = ?').run(Buffer.from('%PDF-1.7 changed'), made.id);
    });
    sqlite.close();

    const after = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(after.findings.join(' ')).toMatch(/Escalation chronology" made .* no longer matches its own fingerprint/);
    expect(after.read).toEqual({ auditEntries: after.auditEntries, documents: 1 });
    // A document found changed is never remembered as verified: the next check says so again.
    const again = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(again.findings).toEqual(after.findings);
  });

  it('checks everything at the first check after unlocking, finding a change made while locked', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const made = await ok(core, 'documents.childChronology', { childId: child.id });
    expect((await ok(core, 'termlyAudit.recordsCheck', {})).findings).toEqual([]);
    await ok(core, 'session.lock', {});

    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    withoutTrigger(sqlite, 'documents_no_update', () => {
      sqlite.prepare('UPDATE documents SET content = ? WHERE id = ?').run(Buffer.from('%PDF-1.7 changed'), made.id);
    });
    sqlite.close();

    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const check = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(check.findings.join(' ')).toMatch(/Escalation chronology" made .* no longer matches its own fingerprint/);
    expect(check.read.documents).toBe(1);
  });

  it('walks the whole chain after unlocking when an entry was changed while locked', async () => {
    const { dataDir } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect((await ok(core, 'termlyAudit.recordsCheck', {})).findings).toEqual([]);
    await ok(core, 'session.lock', {});

    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    withoutTrigger(sqlite, 'audit_log_no_update', () => {
      sqlite.prepare('UPDATE audit_log SET summary = ? WHERE seq = 3').run('Nothing happened here.');
    });
    sqlite.close();

    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const check = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(check.findings).toContain('Entry 3 of the audit log was changed after it was written.');
    expect(check.read.auditEntries).toBe(check.auditEntries);
  });

  it('checks everything again once the records key is replaced (the file is reopened: a new connection)', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'documents.childChronology', { childId: child.id });
    expect((await ok(core, 'termlyAudit.recordsCheck', {})).read.documents).toBe(1);
    expect((await ok(core, 'termlyAudit.recordsCheck', {})).read.documents).toBe(0);
    await ok(core, 'security.rotateKey', { confirmed: true, why: 'routine' });
    const check = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(check).toMatchObject({ findings: [], documents: 1, read: { documents: 1, auditEntries: check.auditEntries } });
  });
});
