// @vitest-environment happy-dom
import { MantineProvider, Textarea, TextInput } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useApiForm } from '../../../renderer/src/api/useApiForm';
import { theme } from '../../../renderer/src/theme';

// Issue 11, item 14 and the form messages: Enter in a one-line field never saves a whole record
// (it used to, by the browser's implicit submission); the save button and Ctrl+Enter (from any
// field, text areas too) do. A field passed over without being typed in says nothing until the form
// is sent (its message appearing shifted the unlock screen's link out from under the click). A
// form's own check (a due date already past, until confirmed) holds the record back like the
// schema's messages do. Messages are linked to their fields and announced.

const core = await vi.hoisted(async () => (await import('./fake-core')).installFakeCore());

interface Values {
  date: string;
  reason: string;
  note: string;
}

/** Holds back a reason of "later" with its own message, as AddActionDialog holds back a past due date. */
function notLater(values: Values): Record<string, string> {
  return values.reason === 'later' ? { reason: 'Say why now, not later.' } : {};
}

function ProbeForm() {
  const form = useApiForm({
    method: 'settings.addClosure',
    initial: { date: '2026-12-21', reason: '', note: '' },
    toInput: ({ date, reason }: Values) => ({ date, reason }),
    check: notLater,
  });
  return createElement(
    'form',
    { onSubmit: (event: React.FormEvent) => void form.submit(event), onKeyDown: form.onKeyDown, noValidate: true },
    createElement(TextInput, { label: 'Reason', ...form.bind('reason') }),
    createElement(Textarea, { label: 'Note', ...form.bind('note') }),
    createElement('button', { type: 'submit' }, 'Save the closure day'),
  );
}

function renderForm() {
  return render(createElement(MantineProvider, { theme, env: 'test' }, createElement(ProbeForm)));
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeEach(() => core.reset());
afterEach(cleanup);

describe('saving a record from the keyboard', () => {
  it('does nothing on Enter in a one-line field', async () => {
    renderForm();
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    fireEvent.change(reason, { target: { value: 'INSET day' } });
    // fireEvent answers false when the handler stopped the default (here: the browser's submission).
    expect(fireEvent.keyDown(reason, { key: 'Enter' })).toBe(false);
    await settle();
    expect(core.callsTo('settings.addClosure')).toEqual([]);
  });

  it('leaves Enter in a text area alone (a new line)', () => {
    renderForm();
    expect(fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), { key: 'Enter' })).toBe(true);
  });

  it('saves on Ctrl+Enter from a one-line field or a text area, and on the save button', async () => {
    renderForm();
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    fireEvent.change(reason, { target: { value: 'INSET day' } });
    expect(fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true })).toBe(false);
    await waitFor(() => expect(core.callsTo('settings.addClosure')).toHaveLength(1));
    expect(core.callsTo('settings.addClosure')[0]?.input).toEqual({ date: '2026-12-21', reason: 'INSET day' });

    fireEvent.change(screen.getByRole('textbox', { name: 'Reason' }), { target: { value: 'Snow day' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), { key: 'Enter', metaKey: true });
    await waitFor(() => expect(core.callsTo('settings.addClosure')).toHaveLength(2));

    fireEvent.change(screen.getByRole('textbox', { name: 'Reason' }), { target: { value: 'Polling station' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the closure day' }));
    await waitFor(() => expect(core.callsTo('settings.addClosure')).toHaveLength(3));
  });
});

describe('messages', () => {
  it('says nothing about a field only passed over; says it once something was typed and taken away', async () => {
    renderForm();
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    fireEvent.focus(reason);
    fireEvent.blur(reason);
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(reason, { target: { value: 'I' } });
    fireEvent.change(reason, { target: { value: '' } });
    fireEvent.blur(reason);
    await settle();
    expect(screen.getByRole('alert').textContent).toMatch(/^Enter why the setting is closed/);
  });

  it('links a message to its field and announces it', async () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Save the closure day' }));
    const alert = await screen.findByRole('alert');
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect((reason.getAttribute('aria-describedby') ?? '').split(' ')).toContain(alert.id);
    expect(core.callsTo('settings.addClosure')).toEqual([]);
  });

  it('holds the record back with the form’s own check, beside its field', async () => {
    renderForm();
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    fireEvent.change(reason, { target: { value: 'later' } });
    fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true });
    expect((await screen.findByRole('alert')).textContent).toBe('Say why now, not later.');
    await settle();
    expect(core.callsTo('settings.addClosure')).toEqual([]);
    fireEvent.change(reason, { target: { value: 'INSET day' } });
    fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(core.callsTo('settings.addClosure')).toHaveLength(1));
  });
});
