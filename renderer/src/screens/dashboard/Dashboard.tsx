import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { DashboardEscalation, DashboardItem } from '../../../../shared/schemas/dashboard';
import type { DueWindow } from '../../../../shared/deadlines';
import type { Role } from '../../../../shared/people/roles';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { DeadlineText, StateBadge } from '../../components/Deadline';
import { MissedMilestoneAction } from '../../components/MissedMilestoneAction';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { ukDateTime } from '../../format';
import { href } from '../../routing/router';
import { DashboardBackupLine } from '../../components/BackupStatusLine';
import { SessionWarnings } from '../../components/SessionWarnings';

// The home screen: overdue, due today, due this week, across every child; and beside them every
// open escalation with the stage it is at and its next target.

const sections: { window: DueWindow; title: string; empty: string; badge: 'overdue' | 'today' | 'this-week' }[] = [
  { window: 'overdue', title: 'Overdue', empty: 'Nothing is overdue.', badge: 'overdue' },
  { window: 'today', title: 'Due today', empty: 'Nothing is due today.', badge: 'today' },
  { window: 'this-week', title: 'Due this week', empty: 'Nothing else is due in the next seven days.', badge: 'this-week' },
];

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function recordLink(item: DashboardItem): string {
  return item.link.type === 'referral' ? href({ name: 'referral', id: item.link.id }) : href({ name: 'escalation', id: item.link.id });
}

function Item({ item, badge, role }: { item: DashboardItem; badge: 'overdue' | 'today' | 'this-week'; role: Role }) {
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor href={href({ name: 'child', id: item.childId })} fw={700} size="sm">
            {item.childName}
          </Anchor>
          <StateBadge state={badge} />
        </Group>
        <Anchor href={recordLink(item)} size="sm" fw={600}>
          {item.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {item.context}
        </Text>
        <Text size="sm">
          <DeadlineText dueAt={item.dueAt} explanation={item.explanation} />
        </Text>
        {item.missed ? <MissedMilestoneAction missed={item.missed} childId={item.childId} role={role} /> : null}
      </Stack>
    </Paper>
  );
}

export function Dashboard() {
  const { status } = useSession();
  const role = status.user.role;
  const dashboard = useApi('dashboard.get', {});
  if (dashboard.error) return <LoadError error={dashboard.error} />;
  if (!dashboard.data) return <Loading what="the dashboard" />;
  const data = dashboard.data;
  const lists: Record<DueWindow, DashboardItem[]> = { overdue: data.overdue, today: data.today, 'this-week': data.thisWeek };
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={`Deadlines across all children, worked out at ${ukDateTime(data.generatedAt)}. ${plural(data.counts.openEscalations, 'open escalation')}; ${plural(data.counts.openReferrals, 'referral')} with milestones outstanding.`}
        actions={
          <>
            {can(role, 'referrals.create') ? (
              <Button variant="default" component="a" href={href({ name: 'referral-new', childId: null })}>
                Record a referral
              </Button>
            ) : null}
            {can(role, 'escalations.open') ? (
              <Button component="a" href={href({ name: 'escalation-new', childId: null, referralId: null, milestone: null })}>
                Open an escalation
              </Button>
            ) : null}
          </>
        }
      />
      <SessionWarnings />
      <Stack mb="lg">
        <DashboardBackupLine />
      </Stack>
      {!data.procedureChosen ? (
        <Alert color="orange" title="Choose your partnership’s escalation procedure" mb="lg">
          Escalations follow the stages of your safeguarding partnership’s procedure.{' '}
          <Anchor href={href({ name: 'settings' })}>Choose it in Settings</Anchor>.
        </Alert>
      ) : null}
      {data.counts.children === 0 ? (
        <Alert color="indigo" title="Start here" mb="lg">
          Add the children you hold safeguarding records for, then record referrals and escalations.{' '}
          <Anchor href={href({ name: 'child-new' })}>Add a child</Anchor>.
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        {sections.map((section) => (
          <section key={section.window} aria-labelledby={`dash-${section.window}`}>
            <Title order={2} size="h4" mb="sm" id={`dash-${section.window}`}>
              {section.title} ({lists[section.window].length})
            </Title>
            {lists[section.window].length === 0 ? (
              <Text c="dimmed" size="sm">
                {section.empty}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0}>
                {lists[section.window].map((item) => (
                  <Item key={item.id} item={item} badge={section.badge} role={role} />
                ))}
              </Stack>
            )}
          </section>
        ))}
      </SimpleGrid>
      <OpenEscalations escalations={data.openEscalations} />
    </>
  );
}

/** Every open escalation: the child, with whom, the stage it is at and what is due next. */
function OpenEscalations({ escalations }: { escalations: readonly DashboardEscalation[] }) {
  return (
    <section aria-labelledby="dash-open-escalations">
      <Title order={2} size="h4" mt="xl" mb="sm" id="dash-open-escalations">
        Open escalations ({escalations.length})
      </Title>
      {escalations.length === 0 ? (
        <Text c="dimmed" size="sm">
          No escalations are open. When you disagree with another agency about a child’s safety, open one from the child’s record.
        </Text>
      ) : (
        <Table withTableBorder striped aria-labelledby="dash-open-escalations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Child</Table.Th>
              <Table.Th>With</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Next target</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {escalations.map((escalation) => (
              <Table.Tr key={escalation.id}>
                <Table.Td>
                  <Anchor href={href({ name: 'child', id: escalation.childId })} fw={700} size="sm">
                    {escalation.childName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor href={href({ name: 'escalation', id: escalation.id })} size="sm">
                    {escalation.otherAgencyName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {escalation.categoryLabel}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {escalation.stageLabel}
                  </Text>
                  <Text size="xs">{escalation.stageTitle}</Text>
                </Table.Td>
                <Table.Td>
                  {escalation.nextTarget ? (
                    <Stack gap={2}>
                      <Group gap={6} wrap="nowrap">
                        <StateBadge state={escalation.nextTarget.state} />
                        <Text size="sm">
                          <DeadlineText dueAt={escalation.nextTarget.dueAt} explanation={escalation.nextTarget.explanation} />
                        </Text>
                      </Group>
                      <Text size="xs">{escalation.nextTarget.what}</Text>
                    </Stack>
                  ) : (
                    <Text size="xs">No date: the procedure sets no timescale for this stage, and no action is due.</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
