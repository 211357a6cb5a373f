import { Group, Paper, Stack, Text } from '@mantine/core';
import type { LadderRung } from '../../../../../shared/schemas/escalations';
import { DeadlineText, StateBadge } from '../../../components/Deadline';
import { ukDate } from '../../../format';

// The stage ladder: done, current (with its target date), skipped (by the procedure's routing, or
// because the DSL went straight to a later stage as the procedure allows: each says which), and
// still to come. Words carry the state as well as colour.

const stateWords: Record<LadderRung['state'], { label: string; color: string }> = {
  done: { label: 'Done', color: 'green' },
  current: { label: 'Current', color: 'indigo' },
  skipped: { label: 'Skipped', color: 'gray.7' },
  'to-come': { label: 'To come', color: 'gray.7' },
  'not-reached': { label: 'Not reached', color: 'gray.7' },
};

const outcomeWords = { resolved: 'Resolved here', escalated: 'Escalated', 'closed-unresolved': 'Closed unresolved' } as const;

export function StageLadder({ ladder }: { ladder: LadderRung[] }) {
  return (
    <ol
      aria-label="Stages"
      style={{
        listStyle: 'none',
        padding: 0,
        margin: 0,
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fill, minmax(180px, 1fr))`,
        gap: 8,
      }}
    >
      {ladder.map((rung) => {
        const words = stateWords[rung.state];
        return (
          <li key={rung.stageId} aria-current={rung.state === 'current' ? 'step' : undefined}>
            <Paper
              withBorder
              p="xs"
              h="100%"
              style={{
                borderWidth: rung.state === 'current' ? 2 : 1,
                borderColor: rung.state === 'current' ? 'var(--mantine-color-indigo-6)' : undefined,
                // Stages not reached are set back by a dashed border and a grey ground, never by fading
                // their words (faded, "To come" was 3:1 against the page).
                ...(rung.state === 'to-come' || rung.state === 'skipped' || rung.state === 'not-reached'
                  ? { borderStyle: 'dashed', background: 'var(--mantine-color-gray-0)' }
                  : {}),
              }}
            >
              <Stack gap={4}>
                <Group justify="space-between" gap={4} wrap="nowrap" align="baseline">
                  <Text fw={700} size="sm">
                    {rung.label}
                  </Text>
                  <Text size="xs" fw={700} c={words.color} style={{ whiteSpace: 'nowrap' }}>
                    {rung.state === 'done' ? '✓ ' : ''}
                    {words.label}
                  </Text>
                </Group>
                <Text size="xs">{rung.title}</Text>
                {rung.startedAt ? (
                  <Text size="xs" c="dimmed">
                    Reached {ukDate(rung.startedAt)}
                    {rung.outcome ? ` · ${outcomeWords[rung.outcome]} ${ukDate(rung.outcomeAt)}` : ''}
                  </Text>
                ) : null}
                {rung.routingReason ? (
                  <Text size="xs" fs="italic">
                    {rung.routingReason}
                  </Text>
                ) : null}
                {rung.wentStraightHere ? (
                  <Text size="xs">
                    Went straight here from {rung.wentStraightHere.fromLabel}, as the procedure allows: {rung.wentStraightHere.when}
                  </Text>
                ) : null}
                {rung.skippedBecause ? <Text size="xs">{rung.skippedBecause}</Text> : null}
                {rung.target && rung.state === 'current' ? (
                  <Group gap={4}>
                    <StateBadge state={rung.target.state} />
                    <Text size="xs">
                      <DeadlineText dueAt={rung.target.dueAt} explanation={rung.target.explanation} prefix="Target" />
                    </Text>
                  </Group>
                ) : null}
              </Stack>
            </Paper>
          </li>
        );
      })}
    </ol>
  );
}
