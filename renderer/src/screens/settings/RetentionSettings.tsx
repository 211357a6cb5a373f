import { Alert, Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useApi } from '../../api/useApi';
import { LoadError, Loading } from '../../components/Page';
import { ukDate } from '../../format';
import { href } from '../../routing/router';

// Settings, Retention: the children whose records have reached their review date (date of birth
// plus 25 years, from the IRMS toolkit for schools). Each is reviewed on the child's page, where
// the Designated Safeguarding Lead can delete the records or place a legal hold.

export function RetentionSettings() {
  const list = useApi('retention.list', {});
  if (list.error && !list.data) return <LoadError error={list.error} />;
  if (!list.data) return <Loading what="records past their review date" />;
  return (
    <Stack maw={760}>
      <Text size="sm">
        A child protection file is kept until the child&apos;s date of birth plus 25 years (the IRMS toolkit for schools), then reviewed.
        Nothing can be deleted before then, or while a legal hold is in force. Open a record to review it.
      </Text>
      {list.data.length === 0 ? (
        <Alert color="green" role="status">
          No records have reached their review date.
        </Alert>
      ) : (
        <Table withTableBorder verticalSpacing="xs" aria-label="Records past their review date">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Child</Table.Th>
              <Table.Th>Date of birth</Table.Th>
              <Table.Th>Review date</Table.Th>
              <Table.Th>Legal hold</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((item) => (
              <Table.Tr key={item.childId}>
                <Table.Td>
                  <Anchor href={href({ name: 'child', id: item.childId })}>{item.fullName}</Anchor>
                </Table.Td>
                <Table.Td>{ukDate(item.dateOfBirth)}</Table.Td>
                <Table.Td>{ukDate(item.reviewDate)}</Table.Td>
                <Table.Td>
                  {item.hold ? (
                    <Badge color="red" variant="light" title={item.hold}>
                      Legal hold
                    </Badge>
                  ) : (
                    'None'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
