import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, FONTS_DIR, ok, PASSPHRASE, TEST_KDF, TestClock } from '../../../scripts/fixtures/core';
import { Dispatcher } from '../../../electron/core/dispatcher';
import { RecordsMemory } from '../../../electron/core/session/records-memory';
import { checkRecords, RecordsCheckRun, type CheckPortion } from '../../../electron/core/services/records-check';
import type { ReadContext } from '../../../electron/core/services/context';
import { DEPUTY_PASSPHRASE, folderWithPeople, openAs, withoutTrigger } from './support';

// The records check as an API call reads in bounded portions, each its own turn on the dispatcher's
// queue (services/records-check.ts), so a Lock pressed during a long first check is answered
// between two portions, and the check stops without remembering anything. These tests make the
// portions tiny (two log entries, one document) so a small folder takes many turns.

const TINY: CheckPortion = { auditRows: 2, documentBytes: 1 };

function coreWith(dataDir: string, portion: CheckPortion): Dispatcher {
  return new Dispatcher({ dataDir, fontsDir: FONTS_DIR, clock: new TestClock().now, kdfCost: TEST_KDF, recordsCheckPortion: portion });
}

/** The read context a `read` handler gets, for driving a check turn by turn. */
function readContext(core: Dispatcher): ReadContext {
  const file = core.session.requireOpen();
  return {
    db: file.db,
    user: file.user,
    clock: core.session.clock,
    fontsDir: FONTS_DIR,
    renderDocument: () => Promise.reject(new Error('No documents here.')),
    calendar: () => Promise.reject(new Error('No calendar here.')),
    recordsMemory: file.recordsMemory,
    logAccess: () => Promise.resolve(),
  };
}

/** A folder with three stored documents, locked again: the next session's first check reads them all. */
async function folderWithDocuments(core: Dispatcher, childId: string): Promise<string[]> {
  await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
  const ids: string[] = [];
  for (let n = 0; n < 3; n += 1) ids.push((await ok(core, 'documents.childChronology', { childId })).id);
  await ok(core, 'session.lock', {});
  return ids;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the records check gives way to a Lock', () => {
  it('answers a Lock pressed during a first check before the check, which answers locked and remembers nothing', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = coreWith(dataDir, TINY);
    await folderWithDocuments(core, child.id);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });

    // Each turn of the check begins by stamping the file (data_version); at the third, Lock is pressed.
    const stamp = RecordsMemory.prototype.stamp;
    const remember = vi.spyOn(RecordsMemory.prototype, 'remember');
    const answers: string[] = [];
    let turns = 0;
    let locking: Promise<unknown> = Promise.resolve();
    vi.spyOn(RecordsMemory.prototype, 'stamp').mockImplementation(function (this: RecordsMemory) {
      turns += 1;
      if (turns === 3) {
        locking = call(core, 'session.lock', {}).then((answer) => {
          answers.push(`lock ${answer.ok ? 'ok' : answer.error.code}`);
        });
      }
      return stamp.call(this);
    });

    const checked = await call(core, 'termlyAudit.recordsCheck', {});
    answers.push(`check ${checked.ok ? 'ok' : checked.error.code}`);
    await locking;

    expect(answers).toEqual(['lock ok', 'check locked']);
    expect(turns).toBe(3);
    expect(core.session.current).toBeNull();
    expect(remember).not.toHaveBeenCalled();
    expect((await ok(core, 'session.status', {})).state).toBe('locked');

    // Unlocked again, the check runs to the end in its turns and reads every document.
    vi.restoreAllMocks();
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const check = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(check).toMatchObject({ findings: [], documents: 3, read: { documents: 3 } });
  });

  it('lets another call go ahead between two portions', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = coreWith(dataDir, TINY);
    await folderWithDocuments(core, child.id);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const answers: string[] = [];
    const checking = call(core, 'termlyAudit.recordsCheck', {}).then((answer) => answers.push(answer.ok ? 'check' : answer.error.code));
    const status = call(core, 'session.status', {}).then(() => answers.push('status'));
    await Promise.all([checking, status]);
    expect(answers).toEqual(['status', 'check']);
  });
});

describe('the records check in portions', () => {
  it('reads at most one portion a turn, in many turns, with the same answer as in one go', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = coreWith(dataDir, TINY);
    await folderWithDocuments(core, child.id);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const ctx = readContext(core);

    const run = new RecordsCheckRun(null, TINY);
    let turns = 0;
    let before = run.read;
    for (;;) {
      const turn = await run.turn(ctx);
      turns += 1;
      const now = run.read;
      expect(now.auditEntries - before.auditEntries).toBeLessThanOrEqual(TINY.auditRows);
      expect(now.documents - before.documents).toBeLessThanOrEqual(1);
      before = now;
      if (turn.done) {
        const whole = await checkRecords(ctx, null);
        expect({ ...turn.value, checkedAt: '' }).toEqual({ ...whole, checkedAt: '' });
        expect(turn.value).toMatchObject({ findings: [], documents: 3, read: { documents: 3 } });
        expect(turns).toBeGreaterThan(turn.value.auditEntries / TINY.auditRows + 3);
        break;
      }
    }
  });

  it('finds a changed document and a changed log entry, reading in portions', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = coreWith(dataDir, TINY);
    const [, changed] = await folderWithDocuments(core, child.id);
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    withoutTrigger(sqlite, 'documents_no_update', () => {
      sqlite.prepare('UPDATE documents SET content = ? WHERE id = ?').run(Buffer.from('%PDF-1.7 changed'), changed);
    });
    withoutTrigger(sqlite, 'audit_log_no_update', () => {
      sqlite.prepare('UPDATE audit_log SET summary = ? WHERE seq = 3').run('Nothing happened here.');
    });
    sqlite.close();

    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const check = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(check.findings).toContain('Entry 3 of the audit log was changed after it was written.');
    expect(check.findings.join(' ')).toMatch(/Escalation chronology" made .* no longer matches its own fingerprint/);
    expect(check.read).toEqual({ auditEntries: check.auditEntries, documents: 3 });
  });

  it('starts over when another connection commits between two portions', async () => {
    const { dataDir, child } = await folderWithPeople();
    const core = coreWith(dataDir, TINY);
    const [changed] = await folderWithDocuments(core, child.id);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const ctx = readContext(core);
    const memory = core.session.requireOpen().recordsMemory;
    const run = new RecordsCheckRun(memory, TINY);

    // Read until the first document has been read and found intact.
    while (run.read.documents < 1) expect((await run.turn(ctx)).done).toBe(false);
    const { sqlite } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    withoutTrigger(sqlite, 'documents_no_update', () => {
      sqlite.prepare('UPDATE documents SET content = ? WHERE id = ?').run(Buffer.from('%PDF-1.7 changed'), changed);
    });
    sqlite.close();

    for (;;) {
      const turn = await run.turn(ctx);
      if (!turn.done) continue;
      expect(turn.value.findings.join(' ')).toMatch(/no longer matches its own fingerprint/);
      // Read again from the start: the whole chain and every document.
      expect(turn.value.read).toEqual({ auditEntries: turn.value.auditEntries, documents: 3 });
      break;
    }
    const again = await ok(core, 'termlyAudit.recordsCheck', {});
    expect(again.findings).toHaveLength(1);
    expect(again.read.documents).toBe(1);
  });
});
