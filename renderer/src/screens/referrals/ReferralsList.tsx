import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { referralCategoryLabels, referralConcernLabels } from '../../../../shared/referrals/categories';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { DeadlineText, StateBadge } from '../../components/Deadline';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { ukDateTime } from '../../format';
import { href } from '../../routing/router';

export function ReferralsList() {
  const { status } = useSession();
  const referrals = useApi('referrals.list', {});
  return (
    <>
      <PageHeader
        title="Referrals"
        subtitle="Referrals to children’s social care and their statutory milestones."
        actions={
          can(status.user.role, 'referrals.create') ? (
            <Button component="a" href={href({ name: 'referral-new', childId: null })}>
              Record a referral
            </Button>
          ) : null
        }
      />
      {referrals.error ? <LoadError error={referrals.error} /> : null}
      {!referrals.data && !referrals.error ? <Loading what="referrals" /> : null}
      {referrals.data && referrals.data.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No referrals recorded yet. Record one from a child’s page or with the button above.</Text>
        </Paper>
      ) : null}
      {referrals.data && referrals.data.length > 0 ? (
        <Table withTableBorder striped aria-label="Referrals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Child</Table.Th>
              <Table.Th>Made</Table.Th>
              <Table.Th>Concern</Table.Th>
              <Table.Th>Next milestone</Table.Th>
              <Table.Th>Overdue</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {referrals.data.map((referral) => (
              <Table.Tr key={referral.id}>
                <Table.Td>
                  <Anchor href={href({ name: 'referral', id: referral.id })} fw={600}>
                    {referral.childName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{ukDateTime(referral.madeAt)}</Table.Td>
                <Table.Td>
                  {referralConcernLabels[referral.concern]}
                  <Text size="xs" c="dimmed">
                    {referralCategoryLabels[referral.category]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {referral.nextDue ? (
                    <>
                      {referral.nextDue.label}
                      <Text size="xs">
                        <DeadlineText dueAt={referral.nextDue.dueAt} explanation={referral.nextDue.explanation} />
                      </Text>
                    </>
                  ) : (
                    'None outstanding'
                  )}
                </Table.Td>
                <Table.Td>{referral.overdue > 0 ? <StateBadge state="overdue" /> : 'No'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}
