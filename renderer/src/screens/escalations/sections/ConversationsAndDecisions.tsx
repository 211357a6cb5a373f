import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { StageEntryView } from '../../../../../shared/schemas/escalations';
import { contactMethodLabels } from '../../../../../shared/escalations/contact-methods';
import { ukDateTime } from '../../../format';
import { Field } from './Field';

// Every conversation and decision recorded, with who took part, who was told of the outcome, and
// each amendment beside the wording it replaced.

export function ConversationsAndDecisions({
  entries,
  canAmend,
  onAmend,
}: {
  entries: readonly StageEntryView[];
  canAmend: boolean;
  onAmend: (entryId: string) => void;
}) {
  return (
    <>
      <Title order={2} size="h4" mb="xs">
        Conversations and decisions
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed" mb="lg">
          Nothing recorded yet. Record every conversation and decision, with full names and roles.
        </Text>
      ) : null}
      <Stack gap="sm" mb="lg">
        {entries.map((entry) => (
          <Paper key={entry.id} withBorder p="sm" component="article" aria-label={`Record of ${ukDateTime(entry.occurredAt)}`}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge variant="outline" size="sm">
                    {entry.stageLabel}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {contactMethodLabels[entry.method]}, {ukDateTime(entry.occurredAt)}
                  </Text>
                  {entry.amendments.length > 0 ? (
                    <Badge color="gray" variant="outline" size="sm">
                      Amended
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  With{' '}
                  {entry.participants
                    .map((person) => `${person.name} (${person.role}${person.agency ? `, ${person.agency}` : ''})`)
                    .join('; ')}
                </Text>
              </Stack>
              {canAmend ? (
                <Button size="xs" variant="subtle" onClick={() => onAmend(entry.id)}>
                  Amend
                </Button>
              ) : null}
            </Group>
            <SimpleGrid cols={3} mt="xs">
              <Field label="What was said" value={entry.summary} />
              <Field label="Decision" value={entry.decision} />
              <Field label="Rationale" value={entry.rationale} />
            </SimpleGrid>
            <Text size="xs" mt="xs">
              Told of the outcome:{' '}
              {entry.toldOfOutcome.length > 0
                ? entry.toldOfOutcome.map((person) => `${person.name} (${person.role})`).join('; ')
                : 'nobody recorded'}
              . {entry.originalReferrerTold ? 'The original referrer was told.' : 'The original referrer has not been told.'} Recorded by{' '}
              {entry.createdBy}.
            </Text>
            {entry.amendments.map((amendment, index) => (
              <Text key={index} size="xs" c="dimmed" mt={4}>
                Amended by {amendment.amendedBy} on {ukDateTime(amendment.amendedAt)} ({amendment.field}): was “{amendment.oldValue}”.
                Reason: {amendment.reason}
              </Text>
            ))}
          </Paper>
        ))}
      </Stack>
    </>
  );
}
