// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DateTime } from 'luxon';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EscalationDetail } from '../../../shared/schemas/escalations';
import { AddActionDialog } from '../../../renderer/src/screens/escalations/dialogs/AddActionDialog';
import { theme } from '../../../renderer/src/theme';

// Issue 11, item 17: a new action's due date already past was taken silently, and the action was
// overdue the moment it was saved. Now the form says so beside the date and saves it only once the
// DSL ticks that it is already overdue (or changes the date). A due date before the day it was
// agreed is refused outright (the contract's rule).

const core = await vi.hoisted(async () => (await import('./fake-core')).installFakeCore());

const escalation = { id: '6d1f3f0e-2a4b-4c5d-9e8f-7a6b5c4d3e2f', childName: 'Zephyrine Quillfeather' } as unknown as EscalationDetail;

function ukDaysAgo(days: number): string {
  return DateTime.now().setZone('Europe/London').minus({ days }).toFormat('dd/MM/yyyy');
}

function field(label: RegExp): HTMLElement {
  return screen.getByRole('textbox', { name: label });
}

function fillAction(agreed: string, due: string) {
  fireEvent.change(field(/^What is to be done/), { target: { value: 'Visit the child at home and see them alone.' } });
  fireEvent.change(field(/^Who will do it/), { target: { value: 'Grace Adeyemi' } });
  fireEvent.change(field(/^Their role/), { target: { value: 'Social worker' } });
  fireEvent.change(field(/^When it was agreed/), { target: { value: agreed } });
  fireEvent.change(field(/^Due by/), { target: { value: due } });
}

// happy-dom has no document.fonts, which Mantine's self-sizing text areas listen to.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined } });
}

beforeEach(() => {
  core.reset();
  core.answer('drafts.get', () => ({ ok: true, value: null }));
});
afterEach(cleanup);

describe('agreeing an action with a due date already past', () => {
  it('says so beside the date and saves only once it is confirmed', async () => {
    render(
      createElement(
        MantineProvider,
        { theme, env: 'test' },
        createElement(AddActionDialog, { escalation, opened: true, onClose: () => undefined, onSaved: () => undefined }),
      ),
    );
    fillAction(ukDaysAgo(10), ukDaysAgo(3));
    fireEvent.click(screen.getByRole('button', { name: 'Save the action' }));
    const message = await screen.findByText(/^This date has passed: the action would be overdue as soon as it is saved/);
    expect(message.getAttribute('role')).toBe('alert');
    expect(field(/^Due by/).getAttribute('aria-invalid')).toBe('true');
    expect(core.callsTo('escalations.addAction')).toEqual([]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Record it with this date: it is already overdue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the action' }));
    await waitFor(() => expect(core.callsTo('escalations.addAction')).toHaveLength(1));
    const sent = core.callsTo('escalations.addAction')[0]?.input;
    // The confirmation is the form's, not the record's.
    expect(sent).not.toHaveProperty('pastDueConfirmed');
    expect(sent).toMatchObject({
      escalationId: escalation.id,
      dueDate: DateTime.now().setZone('Europe/London').minus({ days: 3 }).toISODate(),
    });
  });

  it('asks nothing for a date from today on', async () => {
    render(
      createElement(
        MantineProvider,
        { theme, env: 'test' },
        createElement(AddActionDialog, { escalation, opened: true, onClose: () => undefined, onSaved: () => undefined }),
      ),
    );
    fillAction(ukDaysAgo(0), ukDaysAgo(-7));
    expect(screen.queryByRole('checkbox', { name: /already overdue/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save the action' }));
    await waitFor(() => expect(core.callsTo('escalations.addAction')).toHaveLength(1));
  });

  it('refuses a due date before the day it was agreed, with the reason', async () => {
    render(
      createElement(
        MantineProvider,
        { theme, env: 'test' },
        createElement(AddActionDialog, { escalation, opened: true, onClose: () => undefined, onSaved: () => undefined }),
      ),
    );
    fillAction(ukDaysAgo(0), ukDaysAgo(1));
    fireEvent.click(screen.getByRole('button', { name: 'Save the action' }));
    await screen.findByText('The date it is due cannot be before the date it was agreed.');
    expect(core.callsTo('escalations.addAction')).toEqual([]);
  });
});
