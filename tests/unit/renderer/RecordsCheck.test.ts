// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../shared/result';
import { termlyAudit } from '../../../shared/termly-audit/figures';
import type { RecordsCheck } from '../../../shared/termly-audit/types';
import { AuditResults } from '../../../renderer/src/screens/audit/AuditResults';
import { theme } from '../../../renderer/src/theme';

// The Audit screen shows the figures as soon as they come, and the records check (seconds on a
// large file, the first time in a session) follows in its own section: busy and saying so while it
// runs, then saying in the same live region what it found.

const core = await vi.hoisted(async () => (await import('./fake-core')).installFakeCore());

const period = { label: 'Autumn term 2026', from: '2026-09-01', to: '2026-12-31' };
const audit = termlyAudit(
  {
    now: '2027-01-20T12:00:00.000+00:00',
    settingName: 'Northway Primary and Nursery School',
    region: 'england-and-wales',
    regionLabel: 'England and Wales',
    closures: [],
    staffNames: [],
    escalations: [],
    referrals: [],
  },
  period,
  [],
);

const intact: RecordsCheck = {
  auditEntries: 438_708,
  documents: 21_728,
  findings: [],
  read: { auditEntries: 12, documents: 21_728 },
  checkedAt: '2027-01-20T12:00:05.000+00:00',
};

// Mantine's charts measure their container, which happy-dom does not lay out.
if (!('ResizeObserver' in window)) {
  Reflect.set(
    window,
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
}

let finishCheck: (result: ApiResult<unknown>) => void = () => undefined;

beforeEach(() => {
  core.reset();
  core.answer('termlyAudit.run', () => ({ ok: true, value: audit }));
  core.answer('termlyAudit.documents', () => ({ ok: true, value: [] }));
  core.answer(
    'termlyAudit.recordsCheck',
    () =>
      new Promise<ApiResult<unknown>>((resolve) => {
        finishCheck = resolve;
      }),
  );
});
afterEach(cleanup);

function renderAudit() {
  render(
    createElement(
      MantineProvider,
      { theme, env: 'test' },
      createElement(AuditResults, { period: { kind: 'term', schoolYear: 2026, term: 'autumn' } }),
    ),
  );
}

describe('the Audit screen and the records check', () => {
  it('shows the figures while the records are still being checked, then says what the check found', async () => {
    renderAudit();
    const figures = await screen.findByRole('region', { name: 'Figures' });
    expect(within(figures).getByText('Opened')).toBeTruthy();
    // The check is asked for only once the figures are there, and has not answered yet.
    await waitFor(() => expect(core.callsTo('termlyAudit.recordsCheck')).toHaveLength(1));
    expect(core.calls.findIndex((call) => call.method === 'termlyAudit.run')).toBeLessThan(
      core.calls.findIndex((call) => call.method === 'termlyAudit.recordsCheck'),
    );
    const section = screen.getByRole('region', { name: 'Records check' });
    expect(section.getAttribute('aria-busy')).toBe('true');
    const status = screen.getByRole('status');
    expect(section.contains(status)).toBe(true);
    expect(status.textContent).toBe('Checking the records…');

    finishCheck({ ok: true, value: intact });
    await waitFor(() => expect(section.getAttribute('aria-busy')).toBe('false'));
    // The same live region, so a screen reader says the result.
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toContain('the audit log’s 438708 entries are intact (hash chain)');
    expect(status.textContent).toContain('every stored document (21728) matches the fingerprint taken when it was made');
  });

  it('names what was changed outside Escalation Log', async () => {
    renderAudit();
    await waitFor(() => expect(core.callsTo('termlyAudit.recordsCheck')).toHaveLength(1));
    finishCheck({ ok: true, value: { ...intact, findings: ['Entry 3 of the audit log was changed after it was written.'] } });
    await screen.findByText('The records were changed outside Escalation Log');
    expect(screen.getByText('Entry 3 of the audit log was changed after it was written.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('signs that the records were changed outside Escalation Log');
  });
});
