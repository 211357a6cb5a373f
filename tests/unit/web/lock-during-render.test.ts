import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessCore } from '../../../electron/core/client';
import type { DocumentRenderer } from '../../../electron/core/documents/renderer';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import type { ApiInput, ApiMethod } from '../../../shared/api';
import { tokenHeaderName } from '../../../shared/bridge';
import type { ApiResult } from '../../../shared/result';
import { childInput, FONTS_DIR, PASSPHRASE, setupInput, tempDataDir, TestClock, TEST_KDF } from '../../../scripts/fixtures/core';
import { sourceThreadRenderer } from '../../../scripts/fixtures/render-thread';

// Lock pressed while a long PDF is being made, through browser mode's HTTP transport, with the
// app's render thread. The Lock is answered at once (not after the render: it is never queued behind
// one, and the layout runs off the core's thread); the document that was being made is not kept and
// its caller is told why; nothing half-made is left in the file.

let host: WebHost;
let renderStarted: () => void = () => undefined;
const thread = sourceThreadRenderer();
const documents: DocumentRenderer = {
  render: (job) => {
    renderStarted();
    return thread.render(job);
  },
  close: () => thread.close(),
};
const clock = new TestClock();
const core = inProcessCore({ dataDir: tempDataDir('lock-render'), fontsDir: FONTS_DIR, kdfCost: TEST_KDF, clock: clock.now, documents });

async function api<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<unknown>> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { origin: host.origin, [tokenHeaderName]: host.token, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as ApiResult<unknown>;
}

async function ok<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<unknown> {
  const result = await api(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function idOf(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') return value.id;
  throw new Error('no id');
}

const long = (seed: string, words: number) =>
  Array.from({ length: words }, (_, i) => `${seed} ${['visit', 'plan', 'strategy', 'meeting', 'assessment'][i % 5]}`).join(' ');

let childId = '';

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'escalation-log-lock-render-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ core, rendererDir });
  await ok('session.setup', setupInput);
  await ok('session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  await ok('procedures.choose', { id: 'bromley' });
  childId = idOf(await ok('children.create', childInput));
  // A long chronology: a few hundred timeline entries of a few hundred words each.
  for (let e = 0; e < 1; e += 1) {
    const escalation = idOf(
      await ok('escalations.open', {
        childId,
        category: 'threshold-disagreement',
        immediateRisk: false,
        otherAgencyKind: 'childrens-social-care',
        otherAgencyName: 'Children’s Social Care Team 3',
        otherProfessional: { name: 'Grace Adeyemi', role: 'Social worker', contact: '0151 233 3700' },
        concern: long('concern', 200),
        areasOfAgreement: long('agreement', 100),
        areasOfDisagreement: long('disagreement', 100),
        riskRelevance: long('risk', 100),
        outcomeSought: long('outcome', 100),
        openedAt: '2026-11-02T09:00:00.000+00:00',
      }),
    );
    for (let i = 0; i < 50; i += 1) {
      await ok('escalations.recordEntry', {
        escalationId: escalation,
        occurredAt: `2026-11-${String(3 + (i % 18)).padStart(2, '0')}T10:00:00.000+00:00`,
        method: 'phone',
        participants: [{ name: 'Priya Raman', role: 'Designated Safeguarding Lead', agency: 'Northway Primary' }],
        summary: long(`summary ${i}`, 250),
        decision: long('decision', 60),
        rationale: long('rationale', 60),
        toldOfOutcome: [],
        originalReferrerTold: false,
      });
    }
  }
}, 120_000);

afterAll(async () => {
  await host?.close();
  await core.close();
});

describe('Lock while a long document is being made', () => {
  it('is answered at once; the document is not kept and its caller is told', async () => {
    // How long the render takes when nothing interrupts it.
    const timed = Date.now();
    const whole = await api('documents.childChronology', { childId });
    const renderMs = Date.now() - timed;
    expect(whole).toMatchObject({ ok: true });
    expect(renderMs).toBeGreaterThan(600);

    const started = new Promise<void>((resolve) => (renderStarted = resolve));
    const making = api('documents.childChronology', { childId });
    await started;
    const asked = Date.now();
    const locked = await api('session.lock', {});
    const lockMs = Date.now() - asked;
    expect(locked).toMatchObject({ ok: true, value: { state: 'locked' } });
    // Answered while the document is still being laid out: a small part of the render time.
    expect(lockMs).toBeLessThan(Math.min(300, renderMs / 3));

    expect(await making).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringContaining('locked while the document was being made') },
    });

    // Nothing half-made: only the first chronology is on the child's file.
    await ok('session.unlock', { passphrase: PASSPHRASE });
    const timeline = await ok('children.timeline', { childId });
    expect(Array.isArray(timeline) ? timeline.filter((item: { kind?: string }) => item.kind === 'document') : null).toHaveLength(1);
  }, 60_000);
});
