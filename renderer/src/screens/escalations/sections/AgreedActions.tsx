import { Badge, Button, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ActionView } from '../../../../../shared/schemas/escalations';
import { DeadlineText, StateBadge } from '../../../components/Deadline';
import { ukDate, ukDateTime } from '../../../format';

// The actions agreed along the way: who, when agreed, by when (with the working), and whether they
// were done (when, and why it was recorded afterwards if it was) or withdrawn (kept, with why).

export function AgreedActions({
  actions,
  canComplete,
  onComplete,
  canWithdraw,
  onWithdraw,
}: {
  actions: readonly ActionView[];
  canComplete: boolean;
  onComplete: (actionId: string) => void;
  canWithdraw: boolean;
  onWithdraw: (actionId: string) => void;
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
              <Table.Th>
                <VisuallyHidden>Record it done</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actions.map((action) => (
              <Table.Tr key={action.id}>
                <Table.Td>
                  {action.withdrawn ? <s>{action.description}</s> : action.description}
                  <Text size="xs" c="dimmed">
                    {action.stageLabel}, agreed {ukDate(action.agreedOn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {action.ownerName} ({action.ownerRole})
                </Table.Td>
                <Table.Td>
                  <DeadlineText dueAt={action.deadline.dueAt} explanation={action.deadline.explanation} prefix="By" />
                </Table.Td>
                <Table.Td>
                  {action.withdrawn ? (
                    <>
                      <Badge color="gray" variant="outline">
                        Withdrawn
                      </Badge>
                      <Text size="xs">
                        {ukDateTime(action.withdrawn.at)} by {action.withdrawn.by}: {action.withdrawn.reason}
                      </Text>
                    </>
                  ) : (
                    <StateBadge state={action.deadline.state} />
                  )}
                  {action.doneAt ? <Text size="xs">Done {ukDateTime(action.doneAt)}</Text> : null}
                  {action.doneBackdatedReason ? <Text size="xs">Recorded afterwards: {action.doneBackdatedReason}</Text> : null}
                </Table.Td>
                <Table.Td>
                  {!action.doneAt && !action.withdrawn ? (
                    <Group gap={6} wrap="wrap">
                      {canComplete ? (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => onComplete(action.id)}
                          aria-label={`Mark done: ${action.description}`}
                        >
                          Mark done
                        </Button>
                      ) : null}
                      {canWithdraw ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          onClick={() => onWithdraw(action.id)}
                          aria-label={`Withdraw: ${action.description}`}
                        >
                          Withdraw
                        </Button>
                      ) : null}
                    </Group>
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
