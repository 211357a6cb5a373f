// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useApiForm, type ApiFormOptions } from '../../../renderer/src/api/useApiForm';

// The one form hook every screen uses: after a save it starts afresh (fresh starting values, no
// messages, the draft gone); the core's field issues land beside their fields and anything else at
// the top; a kept draft is restored once per sitting, and the last words typed are kept if the
// form closes before the draft delay.

const core = await vi.hoisted(async () => (await import('./fake-core')).installFakeCore());

interface Closure {
  date: string;
  reason: string;
  /** Which making of the starting values this is: shows the maker is called again for a fresh start. */
  made: number;
}

function closureForm(overrides: Partial<ApiFormOptions<Closure, 'settings.addClosure'>> = {}) {
  let made = 0;
  const options: ApiFormOptions<Closure, 'settings.addClosure'> = {
    method: 'settings.addClosure',
    initial: () => ({ date: '', reason: '', made: ++made }),
    toInput: ({ date, reason }) => ({ date, reason }),
    draftKey: 'closure-test',
    ...overrides,
  };
  return renderHook(() => useApiForm(options));
}

const saved = { ok: true, value: { extraClosures: [{ date: '2026-10-23', reason: 'INSET day' }] } } as const;

beforeEach(() => {
  core.reset();
  core.answer('settings.addClosure', () => saved);
});
afterEach(() => vi.useRealTimers());

describe('useApiForm after a successful save', () => {
  it('starts afresh: new starting values, no messages, the draft discarded, then onSuccess', async () => {
    const onSuccess = vi.fn();
    const { result } = closureForm({ onSuccess });
    await waitFor(() => expect(core.callsTo('drafts.get')).toHaveLength(1));
    expect(result.current.values.made).toBe(1);
    const generation = result.current.draftGeneration;

    act(() => {
      result.current.set('date', '2026-10-23');
      result.current.set('reason', 'INSET day');
    });
    await act(() => result.current.submit());

    expect(core.callsTo('settings.addClosure')).toEqual([
      { method: 'settings.addClosure', input: { date: '2026-10-23', reason: 'INSET day' } },
    ]);
    expect(onSuccess).toHaveBeenCalledWith(saved.value);
    expect(result.current.values).toEqual({ date: '', reason: '', made: 2 });
    // Submitted once, yet the emptied form shows no messages until the next attempt.
    expect(result.current.error('date')).toBeUndefined();
    expect(result.current.error('reason')).toBeUndefined();
    expect(result.current.formError).toBeNull();
    expect(result.current.draftGeneration).toBeGreaterThan(generation);
    expect(core.callsTo('drafts.discard')).toEqual([{ method: 'drafts.discard', input: { formKey: 'closure-test' } }]);
  });

  it('keeps what was saved on show when asked to (a form whose success leaves the screen)', async () => {
    const { result } = closureForm({ resetOnSuccess: false });
    act(() => {
      result.current.set('date', '2026-10-23');
      result.current.set('reason', 'INSET day');
    });
    await act(() => result.current.submit());
    expect(result.current.values).toEqual({ date: '2026-10-23', reason: 'INSET day', made: 1 });
  });

  it('keeps no draft of a saved form when it closes straight after', async () => {
    const { result, unmount } = closureForm();
    act(() => {
      result.current.set('date', '2026-10-23');
      result.current.set('reason', 'INSET day');
    });
    await act(() => result.current.submit());
    unmount();
    expect(core.callsTo('drafts.save')).toEqual([]);
  });
});

describe('useApiForm errors', () => {
  it('checks the contract’s schema first: nothing is sent, and messages show only once submitted or touched', async () => {
    const { result } = closureForm();
    expect(result.current.error('reason')).toBeUndefined();
    act(() => result.current.touch('reason'));
    expect(result.current.error('reason')).toMatch(/why the setting is closed/);
    expect(result.current.error('date')).toBeUndefined();
    expect(await act(() => result.current.submit())).toBeNull();
    expect(result.current.error('date')).toBeTruthy();
    expect(core.callsTo('settings.addClosure')).toEqual([]);
  });

  it('puts the core’s field issues beside their fields, an issue with no field at the top, and keeps what was typed', async () => {
    core.answer('settings.addClosure', () => ({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'That day is already a closure day.',
        issues: [
          { path: ['date'], message: 'That day is already a closure day.' },
          { path: [], message: 'Nothing was saved.' },
        ],
      },
    }));
    const { result } = closureForm();
    act(() => {
      result.current.set('date', '2026-10-23');
      result.current.set('reason', 'INSET day');
    });
    await act(() => result.current.submit());
    expect(result.current.error('date')).toBe('That day is already a closure day.');
    expect(result.current.error('reason')).toBeUndefined();
    expect(result.current.formError?.code).toBe('invalid_input');
    expect(result.current.values).toEqual({ date: '2026-10-23', reason: 'INSET day', made: 1 });

    // Changing the field takes its server message away.
    act(() => result.current.set('date', '2026-10-26'));
    expect(result.current.error('date')).toBeUndefined();
  });

  it('shows any other failure at the top, with no field messages', async () => {
    core.answer('settings.addClosure', () => ({
      ok: false,
      error: { code: 'forbidden', message: 'Your role does not allow this. Ask the Designated Safeguarding Lead.' },
    }));
    const { result } = closureForm();
    act(() => {
      result.current.set('date', '2026-10-23');
      result.current.set('reason', 'INSET day');
    });
    expect(await act(() => result.current.submit())).toBeNull();
    expect(result.current.formError).toEqual({
      code: 'forbidden',
      message: 'Your role does not allow this. Ask the Designated Safeguarding Lead.',
    });
    expect(result.current.error('date')).toBeUndefined();
    expect(result.current.values.reason).toBe('INSET day');
  });
});

describe('useApiForm drafts', () => {
  it('restores a kept draft once per sitting, where its values fit the form', async () => {
    core.answer('drafts.get', () => ({
      ok: true,
      value: { content: { date: '2026-10-23', reason: 42, made: 7, stray: 'x' }, updatedAt: '2026-10-20T09:15:00.000+01:00' },
    }));
    const first = closureForm();
    await waitFor(() => expect(first.result.current.restoredDraftAt).toBe('2026-10-20T09:15:00.000+01:00'));
    // The date fits; a number where text belongs does not, and neither does a field the form lacks.
    expect(first.result.current.values).toEqual({ date: '2026-10-23', reason: '', made: 7 });
    first.rerender();
    first.rerender();
    expect(core.callsTo('drafts.get')).toEqual([{ method: 'drafts.get', input: { formKey: 'closure-test' } }]);

    first.unmount();
    const second = closureForm();
    await waitFor(() => expect(second.result.current.restoredDraftAt).not.toBeNull());
    expect(core.callsTo('drafts.get')).toHaveLength(2);
  });

  it('discards a restored draft: the starting values come back and the core forgets the draft', async () => {
    core.answer('drafts.get', () => ({ ok: true, value: { content: { reason: 'Snow day' }, updatedAt: '2026-10-20T09:15:00.000+01:00' } }));
    const { result } = closureForm();
    await waitFor(() => expect(result.current.values.reason).toBe('Snow day'));
    act(() => result.current.discardDraft());
    expect(result.current.values).toEqual({ date: '', reason: '', made: 1 });
    expect(result.current.restoredDraftAt).toBeNull();
    expect(core.callsTo('drafts.discard')).toHaveLength(1);
  });

  it('keeps what is typed a moment after typing stops', async () => {
    vi.useFakeTimers();
    const { result } = closureForm();
    act(() => result.current.set('reason', 'Polling station'));
    expect(core.callsTo('drafts.save')).toEqual([]);
    act(() => vi.advanceTimersByTime(700));
    expect(core.callsTo('drafts.save')).toEqual([
      { method: 'drafts.save', input: { formKey: 'closure-test', content: { date: '', reason: 'Polling station', made: 1 } } },
    ]);
  });

  it('keeps the last words typed when the form closes before that moment', () => {
    const { result, unmount } = closureForm();
    act(() => result.current.set('reason', 'Polling st'));
    unmount();
    expect(core.callsTo('drafts.save')).toEqual([
      { method: 'drafts.save', input: { formKey: 'closure-test', content: { date: '', reason: 'Polling st', made: 1 } } },
    ]);
  });

  it('asks for no draft and keeps none without a draft key', async () => {
    const { result, unmount } = closureForm({ draftKey: undefined });
    act(() => result.current.set('reason', 'INSET day'));
    unmount();
    await Promise.resolve();
    expect(core.callsTo('drafts.get')).toEqual([]);
    expect(core.callsTo('drafts.save')).toEqual([]);
  });
});
