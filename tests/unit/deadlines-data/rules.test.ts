import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StageRecordRow } from '../../../db/queries/escalations';
import type { DeadlineContext } from '../../../electron/core/services/deadline-context';
import { actionItem, referralItems, stageItem } from '../../../electron/core/services/deadlines/items';
import { DEADLINE_RULES_VERSION, deadlineRulesFingerprint } from '../../../electron/core/services/deadlines/rules';
import { builtInProcedures, sourceName } from '../../../shared/procedures';
import { referralCategories, referralConcerns, referralMethods } from '../../../shared/referrals/categories';
import { referralMilestones, type MilestoneEvent, type ReferralRules } from '../../../shared/referrals/milestones';

// A file keeps the deadlines worked out under the rules of the app that wrote them, and works them
// out again at unlock only when deadline_upkeep.rules differs from this app's fingerprint
// (services/deadlines/rules.ts). The data the rules read (timescales, the built-ins' local ones, bank
// holidays) is fingerprinted from itself; what code does with it is DEADLINE_RULES_VERSION. This
// test pins what the code gives for a fixed set of records — every kind of referral with and
// without its events, under no procedure and each built-in's timescales, on two calendars; every
// stage of every built-in track; an agreed action — so a change to what is owed, or when, fails here
// until the version is bumped (and the digest below updated with it): then every file works its
// deadlines out again at its next unlock. A change of words only (explanations are never stored)
// leaves the digest alone.

const PINNED = { version: 1, digest: '470645aa93be05267689637bd23cb06e' };

const calendars: DeadlineContext[] = [
  { calendar: { region: 'england-and-wales', extraClosures: ['2026-11-24', '2026-12-21'] }, now: '2026-11-23T10:00:00.000+00:00' },
  { calendar: { region: 'scotland', extraClosures: [] }, now: '2026-11-23T10:00:00.000+00:00' },
];

const eventsSamples: MilestoneEvent[][] = [
  [],
  [
    { kind: 'la-decision', happenedAt: '2026-11-24T15:00:00.000+00:00', s47Started: null },
    { kind: 'strategy-discussion', happenedAt: '2026-11-25T09:00:00.000+00:00', s47Started: true, settingAttended: true },
    { kind: 'icpc', happenedAt: '2026-12-09T10:00:00.000+00:00', s47Started: null, childProtectionPlan: true },
  ],
  [{ kind: 'closed-by-social-care', happenedAt: '2026-11-24T12:00:00.000+00:00', s47Started: null }],
];

function owedRows(): unknown[] {
  const rows: unknown[] = [];
  const rules: (ReferralRules | null)[] = [
    null,
    ...builtInProcedures.map((procedure) => ({ timescales: procedure.localTimescales, source: sourceName(procedure) })),
  ];
  for (const context of calendars) {
    for (const rule of rules) {
      for (const method of referralMethods)
        for (const concern of referralConcerns)
          for (const category of referralCategories)
            for (const events of eventsSamples) {
              const milestones = referralMilestones(
                { madeAt: '2026-11-23T09:30:00.000+00:00', method, concern, category, events },
                context.calendar,
                rule,
                context.now,
              );
              rows.push(...referralItems({ id: 'r', childId: 'c', milestones }));
            }
    }
    for (const procedure of builtInProcedures) {
      for (const track of procedure.tracks) {
        for (const stage of track.stages) {
          const record: StageRecordRow = {
            id: 's',
            escalation_id: 'e',
            stage_id: stage.id,
            sequence: 1,
            started_at: '2026-11-23T09:45:00.000+00:00',
            routing_reason: null,
            outcome: null,
            outcome_at: null,
            outcome_reason: null,
            steps_done: '[]',
            skip_rule: null,
            target_from_at: null,
            target_from_label: null,
          };
          const row = {
            id: 'e',
            child_id: 'c',
            status: 'open' as const,
            procedure_snapshot: JSON.stringify(procedure),
            track_id: track.id,
          };
          rows.push(stageItem(row, [record], context));
        }
      }
    }
    rows.push(
      actionItem(
        { id: 'e', child_id: 'c', status: 'open' },
        { id: 'a', due_date: '2026-11-27', done_at: null, withdrawn_at: null },
        context.now,
      ),
    );
  }
  return rows;
}

describe('the deadline rules’ version', () => {
  it('is bumped whenever what is owed, or when, changes', () => {
    const digest = createHash('sha256').update(JSON.stringify(owedRows())).digest('hex').slice(0, 32);
    expect(
      { version: DEADLINE_RULES_VERSION, digest },
      'What the deadline rules give has changed: bump DEADLINE_RULES_VERSION in services/deadlines/rules.ts (every file then works its deadlines out again at its next unlock) and update PINNED here.',
    ).toEqual(PINNED);
    expect(deadlineRulesFingerprint()).toMatch(new RegExp(`^v${DEADLINE_RULES_VERSION}-[0-9a-f]{24}$`));
  });
});
