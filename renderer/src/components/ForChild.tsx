import { Group, Paper, Text } from '@mantine/core';
import type { Child } from '../../../shared/schemas/children';
import { useApi } from '../api/useApi';
import { ageOn, ukDate } from '../format';

// Every referral and escalation form says at its top which child it is for, so a record is never
// made against the wrong child: by name, date of birth and class, with their social worker.

export function ChildLine({
  child,
}: {
  child: Pick<Child, 'firstName' | 'lastName' | 'dateOfBirth' | 'classOrYear' | 'socialWorkerName'>;
}) {
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="form-child">
      <Group gap="xs" wrap="wrap">
        <Text size="sm">For</Text>
        <Text size="sm" fw={700}>
          {child.firstName} {child.lastName}
        </Text>
        <Text size="sm">
          born {ukDate(child.dateOfBirth)} ({ageOn(child.dateOfBirth)}), {child.classOrYear}
          {child.socialWorkerName ? `. Social worker: ${child.socialWorkerName}` : '. No social worker allocated'}
        </Text>
      </Group>
    </Paper>
  );
}

/** The child a form is for, looked up by id (the line appears once the record has loaded). */
export function ForChild({ childId }: { childId: string }) {
  const child = useApi('children.get', { id: childId });
  return child.data ? <ChildLine child={child.data} /> : null;
}

/** The child an escalation's dialog is about, by the name the escalation carries. */
export function AboutChild({ name }: { name: string }) {
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="form-child">
      <Text size="sm">
        About <strong>{name}</strong>
      </Text>
    </Paper>
  );
}
