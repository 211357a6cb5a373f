import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { call, makeCore, ok, PASSPHRASE } from '../../../scripts/fixtures/core';
import { openOf } from '../support/open-file';
import { chain2Hash, DEPUTY_PASSPHRASE, folderWithPeople, openAs, rewriteKeyFile, withoutTrigger } from './support';

// Tampering with the audit log, each as someone holding one passphrase and the files would do it
// offline (the deputy here), and each found at the next unlock and named: which entry, what happened.
// The warning goes to whoever unlocks, and once into the audit log as an alert the DSL can read.

async function unlockWarnings(dataDir: string, passphrase = PASSPHRASE): Promise<string> {
  const status = await ok(makeCore(dataDir), 'session.unlock', { passphrase });
  return status.state === 'unlocked' ? (status.warnings ?? []).join('\n') : '';
}

interface Row {
  seq: number;
  prev_hash: string;
  hash: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: string;
  digest: string | null;
  chain: number;
}

describe('audit log tampering is found at unlock and named', () => {
  it('an entry edited (its trigger taken away and put back)', async () => {
    const { dataDir } = await folderWithPeople();
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    withoutTrigger(sqlite, 'audit_log_no_update', () => {
      sqlite.prepare(`UPDATE audit_log SET summary = 'Nothing happened' WHERE seq = 3`).run();
    });
    sqlite.close();
    expect(await unlockWarnings(dataDir)).toMatch(/Entry 3 of the audit log was changed after it was written/);
  });

  it('the last entries cut off (the chain itself still links up)', async () => {
    const { dataDir } = await folderWithPeople();
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    const last = (sqlite.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    withoutTrigger(sqlite, 'audit_log_no_delete', () => {
      sqlite.prepare('DELETE FROM audit_log WHERE seq > ?').run(last - 3);
    });
    sqlite.close();
    const warnings = await unlockWarnings(dataDir);
    expect(warnings).toMatch(
      new RegExp(
        `ends at entry ${last - 3}, but when the records were last locked it reached entry ${last}: its last 3 entries were cut off`,
      ),
    );
    expect(warnings).not.toMatch(/was changed after it was written/);
  });

  it('a protecting trigger dropped', async () => {
    const { dataDir } = await folderWithPeople();
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.exec(`DROP TRIGGER documents_no_update`);
    sqlite.exec(`CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents BEGIN SELECT 1; END`);
    sqlite.close();
    const warnings = await unlockWarnings(dataDir);
    expect(warnings).toMatch(
      /The protection that stops rows being deleted from the audit log was removed from the records file \(audit_log_no_delete\)/,
    );
    expect(warnings).toMatch(
      /The protection that stops stored documents being changed was replaced by something else \(documents_no_update\)/,
    );
  });

  it('the log rewritten with every hash recomputed: caught against the end kept in the key file', async () => {
    const { dataDir } = await folderWithPeople();
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
    withoutTrigger(sqlite, 'audit_log_no_update', () => {
      let prev = '';
      for (const row of rows) {
        const changed = { ...row, summary: row.seq === 4 ? 'Looked at nothing' : row.summary };
        if (row.seq >= 4) {
          if (row.chain !== 2) throw new Error('expected chain 2 rows');
          changed.prev_hash = prev;
          changed.hash = chain2Hash(changed);
          sqlite
            .prepare('UPDATE audit_log SET summary = ?, prev_hash = ?, hash = ? WHERE seq = ?')
            .run(changed.summary, changed.prev_hash, changed.hash, row.seq);
        }
        prev = changed.hash;
      }
    });
    sqlite.close();
    const warnings = await unlockWarnings(dataDir);
    // The chain verifies (every hash was recomputed)...
    expect(warnings).not.toMatch(/changed after it was written|no longer follows/);
    // ...but the entry at the end the key file recorded is not the one that was there.
    expect(warnings).toMatch(/is not the entry that was there when the records were last locked: the log was rewritten/);
  });

  it('the log rewritten and the key file edited to match: caught at the DSL’s unlock by the end a DSL signed', async () => {
    const { dataDir } = await folderWithPeople();
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
    let prev = '';
    let head = { seq: 0, hash: '' };
    withoutTrigger(sqlite, 'audit_log_no_update', () => {
      for (const row of rows) {
        const changed = { ...row, summary: row.seq === 4 ? 'Looked at nothing' : row.summary };
        if (row.seq >= 4) {
          changed.prev_hash = prev;
          changed.hash = chain2Hash(changed);
          sqlite
            .prepare('UPDATE audit_log SET summary = ?, prev_hash = ?, hash = ? WHERE seq = ?')
            .run(changed.summary, changed.prev_hash, changed.hash, row.seq);
        }
        prev = changed.hash;
        head = { seq: row.seq, hash: changed.hash };
      }
    });
    sqlite.close();
    rewriteKeyFile(dataDir, (file) => ({ ...file, auditHead: head }));
    // The deputy unlocking sees nothing wrong (she can't check the DSL's signature)...
    expect(await unlockWarnings(dataDir, DEPUTY_PASSPHRASE)).not.toMatch(/rewritten/);
    // ...the DSL does.
    expect(await unlockWarnings(dataDir)).toMatch(/is not the entry a Designated Safeguarding Lead last left there: the log was rewritten/);
  });

  it('a stored document swapped together with its stored hash', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const made = await ok(core, 'documents.childChronology', { childId: child.id });
    await ok(core, 'session.lock', {});
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    const forged = Buffer.from('%PDF-1.7 a different letter');
    withoutTrigger(sqlite, 'documents_no_update', () => {
      sqlite
        .prepare('UPDATE documents SET content = ?, sha256 = ? WHERE id = ?')
        .run(forged, createHash('sha256').update(forged).digest('hex'), made.id);
    });
    sqlite.close();
    const fresh = makeCore(dataDir);
    const status = await ok(fresh, 'session.unlock', { passphrase: PASSPHRASE });
    expect(JSON.stringify(status)).toMatch(
      /The stored document \\"Escalation chronology\\" made .* does not match the fingerprint the audit log recorded when it was made: it was replaced/,
    );
    // Opening it still "works" (its bytes match the forged hash): the chain is what catches it.
    expect(await call(fresh, 'documents.get', { id: made.id })).toMatchObject({ ok: true });
  });

  it('documents cannot be changed or deleted through SQL while the triggers stand', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const made = await ok(core, 'documents.childChronology', { childId: child.id });
    const { sqlite } = openOf(core);
    expect(() => sqlite.prepare(`UPDATE documents SET title = 'x' WHERE id = ?`).run(made.id)).toThrow(/stored documents are permanent/);
    expect(() => sqlite.prepare('DELETE FROM documents WHERE id = ?').run(made.id)).toThrow(/stored documents are permanent/);
  });

  it('is written once into the audit log as an alert, not again at every unlock while it stays the same', async () => {
    const { dataDir } = await folderWithPeople();
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.close();
    await unlockWarnings(dataDir);
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const page = await ok(core, 'auditLog.list', {});
    const alerts = page.entries.filter((entry) => entry.action === 'integrity.alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.summary).toMatch(/audit_log_no_delete/);
  });

  it('an untouched file unlocks with no warning', async () => {
    const { dataDir } = await folderWithPeople();
    expect(await unlockWarnings(dataDir)).toBe('');
    expect(await unlockWarnings(dataDir, DEPUTY_PASSPHRASE)).toBe('');
  });
});
