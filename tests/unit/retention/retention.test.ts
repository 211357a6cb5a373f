import { describe, expect, it } from 'vitest';
import { call, childInput, ok, setUpCore, TestClock } from '../../../scripts/fixtures/core';
import { openOf } from '../support/open-file';

// Retention (IRMS toolkit): kept until date of birth + 25 years; nothing deleted before then or
// under a legal hold; after it the DSL may delete with a reason, and the audit log keeps only
// what kind of records went, when, by whom and why.

const ADULT = { ...childInput, firstName: 'Bartholomew', lastName: 'Ingleby-Frost', dateOfBirth: '2016-05-01' };

async function withRecords() {
  const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
  const { core } = await setUpCore(undefined, clock);
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  const young = await ok(core, 'children.create', { ...childInput, dateOfBirth: '2024-01-10', classOrYear: 'Nursery' });
  const old = await ok(core, 'children.create', ADULT);
  // Years pass: it is now 2043, after Bartholomew's review date (2041) and before the younger child's (2049).
  clock.time = new Date('2043-01-05T10:00:00Z');
  await ok(core, 'children.amend', { id: old.id, changes: { classOrYear: 'Left in 2016' }, reason: 'Left the school' });
  await ok(core, 'drafts.save', { formKey: `referral-new:${old.id}`, content: { summary: 'Draft about Bartholomew' } });
  return { core, clock, young, old };
}

describe('retention', () => {
  it("shows each child's review date (date of birth plus 25 years) and refuses deletion before it", async () => {
    const { core, young } = await withRecords();
    const retention = await ok(core, 'retention.forChild', { childId: young.id });
    expect(retention).toMatchObject({ reviewDate: '2049-01-10', pastReview: false, canDelete: false, hold: null });
    expect(retention.reason).toMatch(/Kept until the review date, 10\/01\/2049/);
    const refused = await call(core, 'retention.deleteChild', {
      childId: young.id,
      reason: 'Tidying up',
      confirmName: 'Zephyrine Quillfeather',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/cannot be deleted/) } });
    expect(await ok(core, 'children.get', { id: young.id })).toMatchObject({ firstName: 'Zephyrine' });
  });

  it('lists records past their review date for the DSL', async () => {
    const { core, old } = await withRecords();
    expect(await ok(core, 'retention.list', {})).toEqual([
      { childId: old.id, fullName: 'Bartholomew Ingleby-Frost', dateOfBirth: '2016-05-01', reviewDate: '2041-05-01', hold: null },
    ]);
  });

  it('a legal hold blocks deletion until it is lifted', async () => {
    const { core, old } = await withRecords();
    const held = await ok(core, 'retention.placeHold', {
      childId: old.id,
      reason: 'Independent Inquiry instruction of 01/11/2026: keep all records',
    });
    expect(held).toMatchObject({ canDelete: false, hold: { reason: expect.stringMatching(/Inquiry/), placedBy: 'Priya Raman' } });
    expect(await ok(core, 'retention.list', {})).toMatchObject([{ hold: expect.stringMatching(/Inquiry/) }]);
    const refused = await call(core, 'retention.deleteChild', {
      childId: old.id,
      reason: 'Reviewed',
      confirmName: 'Bartholomew Ingleby-Frost',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/legal hold/) } });
    // Even around the service, the file itself refuses.
    await expect(openOf(core).db.deleteFrom('children').where('id', '=', old.id).execute()).rejects.toThrow(/legal hold/);
    const lifted = await ok(core, 'retention.liftHold', { childId: old.id, reason: 'The inquiry has closed' });
    expect(lifted).toMatchObject({ canDelete: true, hold: null });
  });

  it('after the review date the DSL deletes everything held about the child with a reason; the log keeps only metadata', async () => {
    const { core, old, young } = await withRecords();
    const wrongName = await call(core, 'retention.deleteChild', { childId: old.id, reason: 'Reviewed', confirmName: 'Bartholomew' });
    expect(wrongName).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['confirmName'] }] } });
    const done = await ok(core, 'retention.deleteChild', {
      childId: old.id,
      reason: 'Reviewed at the end of the retention period; nothing to keep',
      confirmName: 'bartholomew  ingleby-frost',
    });
    expect(done.deleted).toMatchObject({ 'child records': 1, amendments: 1, drafts: 1 });
    expect(await call(core, 'children.get', { id: old.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ok(core, 'children.get', { id: young.id })).toMatchObject({ firstName: 'Zephyrine' });

    const sqlite = openOf(core).sqlite;
    const entry = sqlite.prepare("SELECT * FROM audit_log WHERE action = 'retention.deleted'").get() as Record<string, string>;
    expect(entry).toMatchObject({ entity_type: 'child', entity_id: old.id, actor_id: openOf(core).user.id });
    expect(entry.summary).toMatch(/^Deleted a child's records after their review date: .*1 child records.*Reason: Reviewed at the end/);
    // Nothing of the content anywhere in the file any more, the log included.
    const everything = JSON.stringify(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(({ name }) =>
        sqlite.prepare(`SELECT * FROM "${name}"`).all(),
      ),
    );
    for (const word of ['Bartholomew', 'Ingleby', '2016-05-01', 'Left in 2016']) expect(everything).not.toContain(word);
    // The audit chain still verifies: deletion appends, never rewrites.
    const { verifyAuditChain } = await import('../../../db/queries/audit-log');
    expect(await verifyAuditChain(openOf(core).db)).toMatchObject({ intact: true });
  });

  it('is the DSL\u2019s alone', async () => {
    const { core, old } = await withRecords();
    const deputy = 'Deputy passphrase, long enough';
    await ok(core, 'users.add', { fullName: 'Tom Brennan', role: 'deputy', passphrase: deputy, passphraseConfirm: deputy });
    await ok(core, 'session.lock', {});
    await ok(core, 'session.unlock', { passphrase: deputy });
    expect(await ok(core, 'retention.forChild', { childId: old.id })).toMatchObject({ pastReview: true });
    for (const [method, input] of [
      ['retention.list', {}],
      ['retention.placeHold', { childId: old.id, reason: 'x' }],
      ['retention.deleteChild', { childId: old.id, reason: 'x', confirmName: 'Bartholomew Ingleby-Frost' }],
    ] as const) {
      expect(await call(core, method, input as never)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
