import { describe, expect, it } from 'vitest';
import { jsonProblem } from '../../../shared/json-limits';
import { DRAFT_LIMITS } from '../../../shared/schemas/drafts';
import { call, childInput, ok, setUpCore } from '../../../scripts/fixtures/core';

// Limits on what any call may carry, each tried with the input that used to get through: nesting
// deep enough to overflow a recursive parser (an exception that escaped the schema), a number JSON
// turns into Infinity, __proto__ keys, megabytes of text in a field with no maximum, and a draft
// nested or sized past what a form holds. Each is answered invalid_input, and the core goes on.

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

describe('the input guard before every schema', () => {
  it('refuses nesting that would overflow a recursive parser, and the core goes on', async () => {
    const { core } = await setUpCore();
    for (const input of [nested(200_000), nestedArray(200_000), { formKey: 'child-new', content: nested(50_000) }]) {
      for (const method of ['children.create', 'drafts.save', 'procedures.save', 'session.unlock']) {
        expect(await core.call(method, input), method).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', message: 'That is nested too deeply to keep.' },
        });
      }
    }
    expect((await ok(core, 'children.list', {})).items).toEqual([]);
  });

  it('refuses what JSON cannot carry and keys that reach a prototype', async () => {
    const { core } = await setUpCore();
    const withProto = JSON.parse(`{"search":"a","__proto__":{"admin":true}}`) as unknown;
    for (const [input, message] of [
      [{ search: Number.POSITIVE_INFINITY }, 'That holds something that is not text, a number, yes/no or a list.'],
      [JSON.parse('{"levelOfNeed": 1e309}') as unknown, 'That holds something that is not text, a number, yes/no or a list.'],
      [withProto, 'That holds a name this app does not use (such as __proto__).'],
      [{ search: 'a', constructor: { prototype: {} } }, 'That holds a name this app does not use (such as __proto__).'],
      // eslint-disable-next-line no-sparse-arrays
      [[1, , 3], 'That holds something that is not text, a number, yes/no or a list.'],
      [{ search: 'a', at: new Date() }, 'That holds something that is not text, a number, yes/no or a list.'],
    ] as const) {
      expect(await core.call('children.list', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message },
      });
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses megabytes in any one call', async () => {
    const { core } = await setUpCore();
    // Answered by the guard, before any schema reads it (IPC has no body limit).
    const tooMuch = { code: 'invalid_input', message: 'That is too much to send at once.' };
    const many = Array.from({ length: 30_000 }, () => ({ name: 'Daniel Okafor', role: 'Social worker' }));
    expect(await core.call('escalations.recordEntry', { participants: many })).toMatchObject({ ok: false, error: tooMuch });
    expect(await core.call('children.create', { ...childInput, classOrYear: 'x'.repeat(3_000_000) })).toMatchObject({
      ok: false,
      error: tooMuch,
    });
  });
});

describe('a schema that throws', () => {
  it('is answered invalid_input, not as an internal error (found by the fuzz tests: terms.save with school year 0)', async () => {
    const { core } = await setUpCore();
    const input = {
      schoolYear: 0,
      terms: [
        { term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
        { term: 'spring', startsOn: '2027-01-05', endsOn: '2027-03-26' },
        { term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
      ],
    };
    expect(await core.call('terms.save', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'unlocked' });
  });
});

describe('fields that had no maximum', () => {
  it('refuse a long value: the escalation category, passphrase confirmations, dates and times', async () => {
    const { core } = await setUpCore();
    const child = await ok(core, 'children.create', childInput);
    const long = 'x'.repeat(100_000);
    const category = await core.call('escalations.open', { childId: child.id, category: long });
    expect(category).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([{ path: ['category'], message: 'That is not one of the categories.' }]),
      },
    });
    const confirm = await core.call('session.changePassphrase', {
      currentPassphrase: 'correct horse battery staple',
      newPassphrase: 'quiet orchard silver kettle',
      newPassphraseConfirm: long,
    });
    expect(confirm).toMatchObject({
      ok: false,
      error: {
        issues: expect.arrayContaining([{ path: ['newPassphraseConfirm'], message: 'The passphrase must be 200 characters or fewer.' }]),
      },
    });
    const when = await core.call('referrals.recordEvent', {
      referralId: child.id,
      kind: 'decision',
      happenedAt: `2026-11-23T09:00:00${long}Z`,
    });
    expect(when).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([{ path: ['happenedAt'], message: 'When it happened is too long to be a date and time.' }]),
      },
    });
  });
});

describe('what IPC carries that JSON would not', () => {
  it('takes a property set to undefined as absent (the forms send optional fields that way)', async () => {
    const { core } = await setUpCore();
    const child = await ok(core, 'children.create', { ...childInput, socialWorkerName: undefined, socialWorkerContact: undefined });
    expect(child).toMatchObject({ firstName: 'Zephyrine' });
    expect(await core.call('children.list', [undefined])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('a draft', () => {
  it('is kept when it is a form’s worth of plain JSON', async () => {
    const { core } = await setUpCore();
    const content = {
      fields: { summary: 'What was said', people: [{ name: 'Grace Adeyemi', role: 'Social worker' }] },
      step: 2,
      done: false,
    };
    await ok(core, 'drafts.save', { formKey: 'escalation-entry:new', content });
    expect(await ok(core, 'drafts.get', { formKey: 'escalation-entry:new' })).toMatchObject({ content });
  });

  it('is refused past its depth or size, or with a prototype key, and nothing is kept', async () => {
    const { core } = await setUpCore();
    for (const content of [
      nested(DRAFT_LIMITS.maxDepth + 1),
      { notes: 'x'.repeat(DRAFT_LIMITS.maxChars) },
      { rows: Array.from({ length: DRAFT_LIMITS.maxNodes }, () => 1) },
      JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    ]) {
      expect(await call(core, 'drafts.save', { formKey: 'child-new', content: content as never })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await ok(core, 'drafts.get', { formKey: 'child-new' })).toBeNull();
  });

  it('limits are checked without recursion, whatever the nesting', () => {
    expect(jsonProblem(nested(1_000_000), DRAFT_LIMITS)).toBe('too-deep');
    expect(jsonProblem(nested(DRAFT_LIMITS.maxDepth - 1), DRAFT_LIMITS)).toBeNull();
  });
});
