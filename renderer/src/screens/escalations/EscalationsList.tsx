import { Anchor, Button, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { escalationStatusLabels, type EscalationStatus } from '../../../../shared/escalations/statuses';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { DeadlineText, StateBadge } from '../../components/Deadline';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { ukDate } from '../../format';
import { href } from '../../routing/router';

export function EscalationsList() {
  const { status: session } = useSession();
  const [status, setStatus] = useState<EscalationStatus | 'all'>('open');
  const escalations = useApi('escalations.list', status === 'all' ? {} : { status });
  return (
    <>
      <PageHeader
        title="Escalations"
        subtitle="Professional disagreements about children’s safety, stage by stage."
        actions={
          can(session.user.role, 'escalations.open') ? (
            <Button component="a" href={href({ name: 'escalation-new', childId: null, referralId: null, milestone: null })}>
              Open an escalation
            </Button>
          ) : null
        }
      />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(value) => setStatus(value === 'open' || value === 'resolved' || value === 'closed-unresolved' ? value : 'all')}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'resolved', label: 'Resolved' },
          { value: 'closed-unresolved', label: 'Closed unresolved' },
          { value: 'all', label: 'All' },
        ]}
        aria-label="Which escalations"
      />
      {escalations.error ? <LoadError error={escalations.error} /> : null}
      {!escalations.data && !escalations.error ? <Loading what="escalations" /> : null}
      {escalations.data && escalations.data.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No escalations here. Open one from a child’s page, or from a missed timescale on the dashboard.</Text>
        </Paper>
      ) : null}
      {escalations.data && escalations.data.length > 0 ? (
        <Table withTableBorder striped aria-label="Escalations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Child</Table.Th>
              <Table.Th>With</Table.Th>
              <Table.Th>About</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Target</Table.Th>
              <Table.Th>Opened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {escalations.data.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Anchor href={href({ name: 'escalation', id: row.id })} fw={600}>
                    {row.childName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{row.otherAgencyName}</Table.Td>
                <Table.Td>{row.categoryLabel}</Table.Td>
                <Table.Td>{row.status === 'open' ? `${row.stageLabel}: ${row.stageTitle}` : escalationStatusLabels[row.status]}</Table.Td>
                <Table.Td>
                  {row.target ? (
                    <>
                      <StateBadge state={row.target.state} />{' '}
                      <DeadlineText dueAt={row.target.dueAt} explanation={row.target.explanation} prefix="By" />
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{ukDate(row.openedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}
