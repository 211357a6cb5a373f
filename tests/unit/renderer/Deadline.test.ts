// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Explanation } from '../../../renderer/src/components/Deadline';
import { theme } from '../../../renderer/src/theme';

// Issue 11, item 11: one pop-up pattern for "how this date was worked out". It opens on hover and
// on focus; a click keeps open one that hover opened (it used to close it); a second click closes
// it; Esc closes it, however it was opened (ones opened from the keyboard ignored Esc); only one is
// ever open (they stacked over the table); the working is the date's description for screen readers.

const due = ['Referral made Monday 23/11/2026 at 09:30.', '1 working day → due by end of Tuesday 24/11/2026.'];
const target = ['Stage started Monday 23/11/2026.', '5 working days → due by end of Monday 30/11/2026.'];

function dates() {
  return render(
    createElement(
      MantineProvider,
      { theme, env: 'test' },
      createElement(
        'div',
        null,
        createElement(Explanation, { lines: due, label: 'Due by Tue 24/11/2026' }),
        createElement(Explanation, { lines: target, label: 'Target Mon 30/11/2026' }),
      ),
    ),
  );
}

function trigger(label: string): HTMLElement {
  return screen.getByRole('button', { name: `How ${label} was worked out` });
}

/** The pop-ups open now (Mantine's dropdowns, each a dialog named by its heading). */
function openPopups(): HTMLElement[] {
  return screen.queryAllByRole('dialog');
}

async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

afterEach(cleanup);

describe('how a date was worked out', () => {
  it('opens on hover, stays open when clicked, and a second click closes it', async () => {
    dates();
    const date = trigger('Due by Tue 24/11/2026');
    expect(openPopups()).toHaveLength(0);
    fireEvent.mouseEnter(date);
    await settle();
    expect(openPopups()).toHaveLength(1);
    expect(openPopups()[0]?.textContent).toContain('1 working day → due by end of Tuesday 24/11/2026.');
    expect(date.getAttribute('aria-expanded')).toBe('true');
    // The click that follows the hover keeps it open (it used to toggle it shut)...
    fireEvent.click(date);
    await settle();
    expect(openPopups()).toHaveLength(1);
    // ...even when the pointer then leaves.
    fireEvent.mouseLeave(date);
    await settle(250);
    expect(openPopups()).toHaveLength(1);
    fireEvent.click(date);
    await settle();
    expect(openPopups()).toHaveLength(0);
  });

  it('closes when the pointer leaves one that hover opened', async () => {
    dates();
    const date = trigger('Due by Tue 24/11/2026');
    fireEvent.mouseEnter(date);
    await settle();
    expect(openPopups()).toHaveLength(1);
    fireEvent.mouseLeave(date);
    await settle(250);
    expect(openPopups()).toHaveLength(0);
  });

  it('opens on keyboard focus, and Esc closes it whether it was focused, hovered or clicked open', async () => {
    dates();
    const date = trigger('Target Mon 30/11/2026');
    fireEvent.focus(date);
    await settle();
    expect(openPopups()).toHaveLength(1);
    fireEvent.keyDown(date, { key: 'Escape' });
    await settle();
    expect(openPopups()).toHaveLength(0);

    fireEvent.click(date);
    await settle();
    expect(openPopups()).toHaveLength(1);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await settle();
    expect(openPopups()).toHaveLength(0);
  });

  it('never stacks: opening one closes the other', async () => {
    dates();
    fireEvent.click(trigger('Due by Tue 24/11/2026'));
    await settle();
    fireEvent.focus(trigger('Target Mon 30/11/2026'));
    await settle();
    expect(openPopups()).toHaveLength(1);
    expect(openPopups()[0]?.textContent).toContain('5 working days → due by end of Monday 30/11/2026.');
    fireEvent.mouseEnter(trigger('Due by Tue 24/11/2026'));
    await settle();
    expect(openPopups()).toHaveLength(1);
    expect(openPopups()[0]?.textContent).toContain('1 working day → due by end of Tuesday 24/11/2026.');
  });

  it('gives the working as the date’s description, for a screen reader on reaching it', () => {
    dates();
    const date = trigger('Due by Tue 24/11/2026');
    const description = document.getElementById(date.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(due.join(' '));
    // The date itself is in the button's name, so what is seen is what is said.
    expect(date.getAttribute('aria-label')).toContain('Due by Tue 24/11/2026');
  });
});
