import { Alert, Card, Checkbox, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { EscalationDetail } from '../../../../../shared/schemas/escalations';
import { apiBridge } from '../../../api/client';
import { DeadlineText, StateBadge } from '../../../components/Deadline';

// The stage the escalation is at: its target date, who to contact at the other agency (with the
// procedure's local contacts for the stage, as the setting's procedure now has them) and who acts for
// the setting, the procedure's checklist (ticked as it is done), the forms it calls for, names the
// policy uses that have since changed, and what comes next if it does not resolve.

export function CurrentStage({
  escalation,
  onChange,
  canTickSteps,
}: {
  escalation: EscalationDetail;
  onChange: (value: EscalationDetail) => void;
  canTickSteps: boolean;
}) {
  const current = escalation.current;
  const [stepError, setStepError] = useState<string | null>(null);
  if (!current) return null;
  const toggle = async (stepId: string, done: boolean) => {
    const result = await apiBridge.call('escalations.setStepDone', { escalationId: escalation.id, stageId: current.stageId, stepId, done });
    if (result.ok) onChange(result.value);
    else setStepError(result.error.message);
  };
  return (
    <Card withBorder mb="lg" aria-labelledby="current-stage-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id="current-stage-title">
              {current.label}: {current.title}
            </Title>
            <Text size="sm">{current.summary}</Text>
          </Stack>
          {current.target ? (
            <Stack gap={2} align="flex-end">
              <StateBadge state={current.target.state} />
              <Text size="sm">
                <DeadlineText dueAt={current.target.dueAt} explanation={current.target.explanation} prefix="Target" />
              </Text>
            </Stack>
          ) : (
            <Text size="xs" c="dimmed" maw={220} ta="right">
              The procedure sets no timescale for this stage.
            </Text>
          )}
        </Group>
        <SimpleGrid cols={2}>
          <Paper withBorder p="sm" bg="var(--mantine-color-indigo-0)">
            <Text size="xs" fw={700} tt="uppercase">
              Who to contact at {escalation.otherAgency.name}
            </Text>
            <Text size="sm">{current.whoToContact}</Text>
            {current.contacts.length > 0 ? (
              <Stack gap={4} mt="xs" role="group" aria-label="Contact details">
                {current.contacts.map((contact) => (
                  <Text size="sm" key={`${contact.role}/${contact.email ?? ''}/${contact.phone ?? ''}`}>
                    <strong>{contact.name ? `${contact.name}, ${contact.role}` : contact.role}</strong>
                    {contact.email ? `: ${contact.email}` : ''}
                    {contact.phone ? `${contact.email ? ', ' : ': '}${contact.phone}` : ''}
                    {contact.note ? ` (${contact.note})` : ''}
                  </Text>
                ))}
              </Stack>
            ) : null}
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" fw={700} tt="uppercase">
              Who acts for your setting
            </Text>
            <Text size="sm">{current.whoActsForUs}</Text>
          </Paper>
        </SimpleGrid>
        <Stack gap={4} role="group" aria-label="The procedure’s steps at this stage">
          <Text size="sm" fw={600}>
            The procedure’s steps at this stage
          </Text>
          {current.steps.map((step) => (
            <Checkbox
              key={step.id}
              label={step.text}
              checked={step.done}
              disabled={!canTickSteps}
              onChange={(event) => void toggle(step.id, event.currentTarget.checked)}
            />
          ))}
          {stepError ? (
            <Text c="red" size="sm" role="alert">
              {stepError}
            </Text>
          ) : null}
        </Stack>
        {current.forms.length > 0 ? (
          <Alert color="indigo" variant="light" title="Forms this stage calls for">
            <List size="sm">
              {current.forms.map((form) => (
                <List.Item key={form.form}>{form.instruction}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {current.currentNames.length > 0 ? (
          <Text size="sm" c="dimmed">
            Names that have changed since the policy was written: {current.currentNames.join(' ')}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {current.next
            ? `If this stage does not resolve it, the next is ${current.next.label}: ${current.next.title}.${current.next.reason ? ` ${current.next.reason}` : ''}`
            : 'This is the last stage of the procedure.'}
        </Text>
      </Stack>
    </Card>
  );
}
