import { Button, Table, Text, Title } from '@mantine/core';
import type { ActionView } from '../../../../../shared/schemas/escalations';
import { DeadlineText, StateBadge } from '../../../components/Deadline';
import { ukDateTime } from '../../../format';

// The actions agreed along the way: who, by when (with the working), and whether they were done.

export function AgreedActions({
  actions,
  canComplete,
  onComplete,
}: {
  actions: readonly ActionView[];
  canComplete: boolean;
  onComplete: (actionId: string) => void;
}) {
  return (
    <>
      <Title order={2} size="h4" mb="xs">
        Agreed actions
      </Title>
      {actions.length === 0 ? (
        <Text c="dimmed" mb="lg">
          No actions agreed yet.
        </Text>
      ) : (
        <Table withTableBorder mb="lg" aria-label="Agreed actions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actions.map((action) => (
              <Table.Tr key={action.id}>
                <Table.Td>
                  {action.description}
                  <Text size="xs" c="dimmed">
                    {action.stageLabel}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {action.ownerName} ({action.ownerRole})
                </Table.Td>
                <Table.Td>
                  <DeadlineText dueAt={action.deadline.dueAt} explanation={action.deadline.explanation} prefix="By" />
                </Table.Td>
                <Table.Td>
                  <StateBadge state={action.deadline.state} />
                  {action.doneAt ? <Text size="xs">Done {ukDateTime(action.doneAt)}</Text> : null}
                </Table.Td>
                <Table.Td>
                  {!action.doneAt && canComplete ? (
                    <Button size="xs" variant="light" onClick={() => onComplete(action.id)}>
                      Mark done
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
