// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChildSelect } from '../../../renderer/src/components/ChildSelect';
import { DateTimeField } from '../../../renderer/src/components/DateTimeField';
import { theme } from '../../../renderer/src/theme';

// Issue 11: a field's message is announced and belongs to its field, including the date-and-time
// pair (two boxes under one label); an optional date is not marked required (the learning review's
// "when reported" was); the child picker's message says "Choose the child." when none is chosen,
// not the contract's "This record could not be identified."

const core = await vi.hoisted(async () => (await import('./fake-core')).installFakeCore());

function inTheme(child: ReactNode) {
  return render(createElement(MantineProvider, { theme, env: 'test' }, child));
}

afterEach(cleanup);

describe('the date and time field', () => {
  it('links its message to both boxes and announces it', () => {
    inTheme(createElement(DateTimeField, { label: 'When', value: '', onChange: () => undefined, error: 'Enter when it happened.' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Enter when it happened.');
    for (const box of [screen.getByRole('textbox', { name: 'When: date' }), screen.getByRole('textbox', { name: 'When: time' })]) {
      expect(box.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (box.getAttribute('aria-describedby') ?? '').split(' ');
      expect(describedBy).toContain(alert.id);
      // And the hint on how to type it.
      expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('dd/mm/yyyy and 24-hour time, UK time');
    }
  });

  it('is marked required unless it is optional', () => {
    const view = inTheme(createElement(DateTimeField, { label: 'When it was agreed', value: '', onChange: () => undefined }));
    expect(view.container.querySelector('.mantine-InputWrapper-required')).not.toBeNull();
    cleanup();
    const optional = inTheme(
      createElement(DateTimeField, {
        label: 'When they were reported to the partnership (if they have been)',
        value: '',
        onChange: () => undefined,
        required: false,
      }),
    );
    expect(optional.container.querySelector('.mantine-InputWrapper-required')).toBeNull();
  });
});

describe('the child picker', () => {
  it('says "Choose the child." when none is chosen', async () => {
    core.answer('children.list', () => ({ ok: true, value: { items: [], total: 0, nextCursor: null } }));
    inTheme(createElement(ChildSelect, { value: '', onChange: () => undefined, error: 'This record could not be identified.' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose the child.');
  });

  it('passes any other message on as it is', async () => {
    const id = '3f0c6a8e-1d2b-4c5d-8e9f-0a1b2c3d4e5f';
    core.answer('children.list', () => ({ ok: true, value: { items: [], total: 0, nextCursor: null } }));
    core.answer('children.get', () => ({ ok: true, value: { id, firstName: 'Amelia', lastName: 'Clarke', classOrYear: 'Year 4' } }));
    inTheme(
      createElement(ChildSelect, {
        value: id,
        onChange: () => undefined,
        error: 'That child’s record is closed.',
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe('That child’s record is closed.');
    // The chosen child is named in the box, read from the core (the register is never loaded whole).
    expect(await screen.findByDisplayValue('Amelia Clarke (Year 4)')).toBeDefined();
  });
});
