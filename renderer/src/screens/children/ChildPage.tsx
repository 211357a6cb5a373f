import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { planStatusLabels } from '../../../../shared/schemas/children';
import { useState } from 'react';
import { can } from '../../../../shared/permissions';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { useLevelOfNeedLabel } from '../../api/useLevelsOfNeed';
import { useDocumentCalls } from '../../api/useDocumentCalls';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { TimelineView } from '../../components/TimelineView';
import { ageOn, ukDate } from '../../format';
import { href } from '../../routing/router';
import { ChildRetention } from '../../components/ChildRetention';
import { EditChildDialog } from './dialogs/EditChildDialog';

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{value}</Text>
    </Stack>
  );
}

function ChronologyButton({ childId, onMade }: { childId: string; onMade: () => void }) {
  const { busy, error, setError, run } = useDocumentCalls();
  const make = async () => {
    setError(null);
    if (await run('make', () => apiBridge.call('documents.childChronology', { childId }))) onMade();
  };
  return (
    <>
      <Button variant="default" loading={busy === 'make'} onClick={() => void make()}>
        Make the escalation chronology (PDF)
      </Button>
      {error ? (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
    </>
  );
}

export function ChildPage({ id }: { id: string }) {
  const { status } = useSession();
  const role = status.user.role;
  const child = useApi('children.get', { id });
  const timeline = useApi('children.timeline', { childId: id });
  const levelLabel = useLevelOfNeedLabel();
  const [editing, setEditing] = useState(false);
  if (child.error) return <LoadError error={child.error} back={{ href: href({ name: 'children' }), label: 'Back to the children' }} />;
  if (!child.data) return <Loading what="the child’s record" />;
  const c = child.data;
  const name = `${c.firstName} ${c.lastName}`;
  return (
    <>
      <PageHeader
        title={name}
        subtitle={
          <Group gap="xs">
            <span>
              Born {ukDate(c.dateOfBirth)} ({ageOn(c.dateOfBirth)}), {c.classOrYear}
            </span>
            {c.amended ? (
              <Badge color="gray" variant="outline">
                Amended
              </Badge>
            ) : null}
          </Group>
        }
        actions={
          <>
            {can(role, 'children.amend') ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                Change details
              </Button>
            ) : null}
            {can(role, 'documents.childChronology') ? <ChronologyButton childId={id} onMade={timeline.reload} /> : null}
            {can(role, 'referrals.create') ? (
              <Button variant="default" component="a" href={href({ name: 'referral-new', childId: id })}>
                Record a referral
              </Button>
            ) : null}
            {can(role, 'escalations.open') ? (
              <Button component="a" href={href({ name: 'escalation-new', childId: id, referralId: null, milestone: null })}>
                Open an escalation
              </Button>
            ) : null}
          </>
        }
      />
      <Card withBorder mb="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Detail label="Level of need" value={levelLabel(c.levelOfNeed)} />
          <Detail label="Plan" value={planStatusLabels[c.planStatus]} />
          <Detail label="Social worker" value={c.socialWorkerName ?? 'None allocated'} />
          <Detail label="Social worker’s contact" value={c.socialWorkerContact ?? '—'} />
        </SimpleGrid>
      </Card>
      <ChildRetention childId={id} fullName={name} />
      <Title order={2} size="h3" mb="sm">
        Timeline
      </Title>
      {timeline.error ? <LoadError error={timeline.error} /> : null}
      {timeline.data && timeline.data.length === 0 ? (
        <Text c="dimmed">No referrals or escalations are recorded for {name} yet.</Text>
      ) : null}
      {timeline.data && timeline.data.length > 0 ? <TimelineView items={timeline.data} /> : null}
      {can(role, 'children.amend') ? (
        <EditChildDialog
          child={c}
          opened={editing}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            child.setData(saved);
            timeline.reload();
            setEditing(false);
          }}
        />
      ) : null}
    </>
  );
}
