// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useApiForm } from '../../../renderer/src/api/useApiForm';
import { FormDialog } from '../../../renderer/src/components/FormDialog';

// The fix for dialogs that kept the last record's text: a dialog's form lives inside the Modal, so
// it exists only while the dialog is open. Closed, it holds nothing and asks the core for nothing;
// each opening is a new sitting with its own starting values and one drafts.get.

const core = await vi.hoisted(async () => (await import('./fake-core')).installFakeCore());

let openings = 0;

/** A form as the escalation dialogs write theirs: values made when it mounts, a draft key. */
function ProbeForm() {
  const form = useApiForm({
    method: 'settings.addClosure',
    initial: () => ({ date: '', reason: '', opening: ++openings }),
    toInput: ({ date, reason }: { date: string; reason: string }) => ({ date, reason }),
    draftKey: 'probe-form',
  });
  return createElement('p', null, `Opening ${form.values.opening}: “${form.values.reason}”`);
}

function dialog(opened: boolean): ReactNode {
  // env="test": Mantine's transitions end at once, so a closed Modal's content goes straight away.
  return createElement(
    MantineProvider,
    { env: 'test' },
    createElement(FormDialog, { title: 'Probe', opened, onClose: () => undefined, children: createElement(ProbeForm) }),
  );
}

beforeEach(() => {
  core.reset();
  openings = 0;
});
afterEach(cleanup);

describe('FormDialog', () => {
  it('mounts its form only while open: no drafts.get while closed, one per opening, fresh values each time', async () => {
    const view = render(dialog(false));
    await act(async () => {});
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(openings).toBe(0);
    expect(core.callsTo('drafts.get')).toEqual([]);

    view.rerender(dialog(true));
    await screen.findByText('Opening 1: “”');
    await waitFor(() => expect(core.callsTo('drafts.get')).toHaveLength(1));

    view.rerender(dialog(false));
    await waitFor(() => expect(screen.queryByText(/^Opening/)).toBeNull());

    view.rerender(dialog(true));
    await screen.findByText('Opening 2: “”');
    await waitFor(() => expect(core.callsTo('drafts.get')).toHaveLength(2));
  });
});
