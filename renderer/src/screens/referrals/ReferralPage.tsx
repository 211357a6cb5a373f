import {
  Anchor,
  Button,
  Card,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useCallback } from 'react';
import type { Referral } from '../../../../shared/schemas/referrals';
import type { ReferralEventKind } from '../../../../shared/referrals/events';
import { referralCategoryLabels, referralConcernLabels, referralMethodLabels } from '../../../../shared/referrals/categories';
import { referralEventKinds, referralEventLabels } from '../../../../shared/referrals/events';
import { owedBySetting } from '../../../../shared/referrals/milestones';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { DeadlineText, StateBadge } from '../../components/Deadline';
import { DateTimeField } from '../../components/DateTimeField';
import { DraftNotice } from '../../components/DraftNotice';
import { MissedMilestoneAction } from '../../components/MissedMilestoneAction';
import { FormError, LoadError, Loading, PageHeader } from '../../components/Page';
import { nowToTheMinute, ukDateTime } from '../../format';
import { useApiForm } from '../../api/useApiForm';
import { href } from '../../routing/router';

interface EventValues {
  kind: string;
  happenedAt: string;
  s47Started: boolean | null;
  note: string;
}

function blankEvent(): EventValues {
  return { kind: '', happenedAt: nowToTheMinute(), s47Started: null, note: '' };
}

function RecordEvent({ referral, onSaved }: { referral: Referral; onSaved: (referral: Referral) => void }) {
  const toInput = useCallback(
    (values: EventValues) => ({
      referralId: referral.id,
      kind: values.kind,
      happenedAt: values.happenedAt,
      ...(values.kind === 'strategy-discussion' ? { s47Started: values.s47Started ?? undefined } : {}),
      note: values.note,
    }),
    [referral.id],
  );
  const form = useApiForm({
    method: 'referrals.recordEvent',
    draftKey: `referral-event:${referral.id}`,
    // A function, so each fresh start after a save is "now" again.
    initial: blankEvent,
    toInput,
    onSuccess: onSaved,
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(event) => void form.submit(event)}
      onKeyDown={form.onKeyDown}
      noValidate
      aria-labelledby="record-what-happened"
    >
      <Title order={2} size="h5" mb="sm" id="record-what-happened">
        Record what happened
      </Title>
      <FormError error={form.formError} />
      <DraftNotice restoredAt={form.restoredDraftAt} onDiscard={form.discardDraft} />
      <Stack key={form.draftGeneration}>
        <SimpleGrid cols={2}>
          <Select
            label="What happened"
            required
            placeholder="Choose"
            data={referralEventKinds.map((kind: ReferralEventKind) => ({ value: kind, label: referralEventLabels[kind] }))}
            value={form.values.kind || null}
            onChange={(value) => form.set('kind', value ?? '')}
            onBlur={() => form.touch('kind')}
            error={form.error('kind')}
          />
          <DateTimeField
            label="When"
            value={form.values.happenedAt}
            onChange={(iso) => form.set('happenedAt', iso)}
            onBlur={() => form.touch('happenedAt')}
            error={form.error('happenedAt')}
          />
        </SimpleGrid>
        {form.values.kind === 'strategy-discussion' ? (
          // One question, one answer: nothing chosen until the DSL says which (an enquiry started
          // sets when the initial child protection conference is due).
          <Radio.Group
            label="Was a section 47 enquiry started at this strategy discussion?"
            required
            value={form.values.s47Started === null ? null : form.values.s47Started ? 'yes' : 'no'}
            onChange={(value) => form.set('s47Started', value === 'yes' ? true : value === 'no' ? false : null)}
            error={form.error('s47Started')}
          >
            <Group mt={6}>
              <Radio value="yes" label="Yes, a section 47 enquiry was started" />
              <Radio value="no" label="No section 47 enquiry was started" />
            </Group>
          </Radio.Group>
        ) : null}
        <Textarea label="Note" autosize minRows={2} {...form.bind('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ReferralPage({ id }: { id: string }) {
  const { status } = useSession();
  const role = status.user.role;
  const referral = useApi('referrals.get', { id });
  if (referral.error) return <LoadError error={referral.error} back={{ href: href({ name: 'referrals' }), label: 'Back to referrals' }} />;
  if (!referral.data) return <Loading what="the referral" />;
  const r = referral.data;
  /** The escalation opened about this missed milestone, if there is one (not just any of the referral's). */
  const escalationAbout = (key: string) => r.escalations.find((escalation) => escalation.missedMilestone === key)?.id ?? null;
  return (
    <>
      <PageHeader
        title={`Referral for ${r.childName}`}
        subtitle={
          <>
            Made {ukDateTime(r.madeAt)} to {r.referredTo} by {r.madeByName} ({r.madeByRole}), {referralMethodLabels[r.method].toLowerCase()}
            . <Anchor href={href({ name: 'child', id: r.childId })}>Open {r.childName}’s record</Anchor>
          </>
        }
      />
      <Card withBorder mb="lg">
        <Text size="sm" fw={600}>
          {referralConcernLabels[r.concern]} · {referralCategoryLabels[r.category]}
        </Text>
        <Text size="sm" className="prewrap" mt={4}>
          {r.summary}
        </Text>
      </Card>
      <Title order={2} size="h3" mb="sm">
        Statutory milestones
      </Title>
      <Table withTableBorder mb="lg" aria-label="Statutory milestones">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Milestone</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Happened</Table.Th>
            <Table.Th>
              <VisuallyHidden>What to do</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.milestones.map((milestone) => (
            <Table.Tr key={milestone.id}>
              <Table.Td>
                {milestone.label}
                <Text size="xs" c="dimmed">
                  {milestone.source}
                </Text>
              </Table.Td>
              <Table.Td>
                <DeadlineText dueAt={milestone.dueAt} explanation={milestone.explanation} prefix="By" />
              </Table.Td>
              <Table.Td>
                <StateBadge state={milestone.state} />
              </Table.Td>
              <Table.Td>{milestone.metAt ? ukDateTime(milestone.metAt) : '—'}</Table.Td>
              <Table.Td>
                {milestone.state !== 'overdue' ? null : owedBySetting(milestone.key) ? (
                  <Text size="xs">Send it now, then record it below.</Text>
                ) : (
                  <MissedMilestoneAction
                    missed={{ referralId: r.id, milestone: milestone.key, escalationId: escalationAbout(milestone.key) }}
                    childId={r.childId}
                    role={role}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {can(role, 'referrals.recordEvent') ? <RecordEvent referral={r} onSaved={referral.setData} /> : null}
        <Stack gap="xs">
          <Title order={3} size="h5">
            Recorded so far
          </Title>
          {r.events.length === 0 ? <Text c="dimmed">Nothing recorded since the referral.</Text> : null}
          {r.events.map((event) => (
            <Paper key={event.id} withBorder p="xs">
              <Text size="sm" fw={600}>
                {referralEventLabels[event.kind]}
                {event.kind === 'strategy-discussion'
                  ? event.s47Started
                    ? ' (section 47 enquiry started)'
                    : ' (no section 47 enquiry)'
                  : ''}
              </Text>
              <Text size="xs" c="dimmed">
                {ukDateTime(event.happenedAt)}
              </Text>
              {event.note ? <Text size="sm">{event.note}</Text> : null}
            </Paper>
          ))}
        </Stack>
      </SimpleGrid>
    </>
  );
}
