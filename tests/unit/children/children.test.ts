import { describe, expect, it } from 'vitest';
import { amendmentsFor } from '../../../db/queries/amendments';
import { verifyAuditChain } from '../../../db/queries/audit-log';
import { call, childInput, ok, PASSPHRASE, setUpCore } from '../../../scripts/fixtures/core';

describe('the children register', () => {
  it('adds, lists in surname order, searches by any part of the name, and opens a child', async () => {
    const { core } = await setUpCore();
    const zeph = await ok(core, 'children.create', childInput);
    await ok(core, 'children.create', {
      ...childInput,
      firstName: 'Amara',
      lastName: 'Bello',
      socialWorkerName: undefined,
      socialWorkerContact: '',
    });
    const list = (await ok(core, 'children.list', {})).items;
    expect(list.map((child) => `${child.lastName}, ${child.firstName}`)).toEqual(['Bello, Amara', 'Quillfeather, Zephyrine']);
    expect((await ok(core, 'children.list', { search: 'quill' })).items.map((c) => c.id)).toEqual([zeph.id]);
    expect((await ok(core, 'children.list', { search: 'zeph quill' })).items.map((c) => c.id)).toEqual([zeph.id]);
    expect(await ok(core, 'children.list', { search: '100%' })).toEqual({ items: [], total: 0, nextCursor: null });
    const opened = await ok(core, 'children.get', { id: zeph.id });
    expect(opened).toMatchObject({ ...childInput, amended: false, createdBy: core.session.current?.user.id });
    const amara = list[0];
    expect(amara && (await ok(core, 'children.get', { id: amara.id }))).toMatchObject({
      socialWorkerName: null,
      socialWorkerContact: null,
    });
  });

  it('says when a child does not exist', async () => {
    const { core } = await setUpCore();
    expect(await call(core, 'children.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('amends rather than overwrites: the old value, who, when and why are kept', async () => {
    const { core, clock } = await setUpCore();
    const child = await ok(core, 'children.create', childInput);
    clock.advance(3600);
    const amended = await ok(core, 'children.amend', {
      id: child.id,
      changes: { levelOfNeed: 3, classOrYear: 'Year 5' },
      reason: 'Stepped down after the review conference',
    });
    expect(amended).toMatchObject({ levelOfNeed: 3, classOrYear: 'Year 5', amended: true });
    const db = core.session.current?.db;
    if (!db) throw new Error('not open');
    const history = await amendmentsFor(db, 'child', child.id);
    expect(history.map((row) => [row.field, JSON.parse(row.old_value), JSON.parse(row.new_value), row.reason]).sort()).toEqual(
      [
        ['classOrYear', 'Year 4', 'Year 5', 'Stepped down after the review conference'],
        ['levelOfNeed', 4, 3, 'Stepped down after the review conference'],
      ].sort(),
    );
    expect(history.every((row) => row.amended_by === core.session.current?.user.id && row.amended_at.startsWith('2026-11-23T10:00'))).toBe(
      true,
    );
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('refuses writes from a read-only role', async () => {
    const { core } = await setUpCore();
    const open = core.session.current;
    if (!open) throw new Error('not open');
    open.user = { ...open.user, role: 'read-only' };
    expect(await call(core, 'children.create', childInput)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(core, 'children.list', {})).toMatchObject({ ok: true });
  });
});

describe('the child’s timeline', () => {
  it('shows an amendment with the old and new values and the reason', async () => {
    const { core } = await setUpCore();
    const child = await ok(core, 'children.create', childInput);
    await ok(core, 'children.amend', { id: child.id, changes: { classOrYear: 'Year 5' }, reason: 'Moved up a year' });
    const timeline = await ok(core, 'children.timeline', { childId: child.id });
    expect(timeline.find((item) => item.kind === 'amendment')).toMatchObject({
      title: 'Amended by Priya Raman: class or year',
      detail: 'Was Year 4; now Year 5. Reason: Moved up a year',
    });
  });
});

describe('drafts', () => {
  it('keep what was typed across a lock, per person and form, until discarded', async () => {
    const { core } = await setUpCore();
    await ok(core, 'drafts.save', { formKey: 'child-new', content: { firstName: 'Zeph', lastName: '' } });
    await ok(core, 'drafts.save', { formKey: 'child-new', content: { firstName: 'Zephyrine', lastName: 'Quill' } });
    await ok(core, 'session.lock', {});
    expect(await call(core, 'drafts.get', { formKey: 'child-new' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect(await ok(core, 'drafts.get', { formKey: 'child-new' })).toMatchObject({
      content: { firstName: 'Zephyrine', lastName: 'Quill' },
    });
    await ok(core, 'drafts.discard', { formKey: 'child-new' });
    expect(await ok(core, 'drafts.get', { formKey: 'child-new' })).toBeNull();
  });
});
