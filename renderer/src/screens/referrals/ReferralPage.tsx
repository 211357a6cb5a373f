import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
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
import { useCallback, useState } from 'react';
import type { Referral } from '../../../../shared/schemas/referrals';
import type { ReferralEventKind } from '../../../../shared/referrals/events';
import { referralCategoryLabels, referralConcernLabels, referralMethodLabels } from '../../../../shared/referrals/categories';
import { recordableEventKinds, referralEventLabels } from '../../../../shared/referrals/events';
import { owedBySetting } from '../../../../shared/referrals/milestones';
import { can } from '../../../../shared/permissions';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { DeadlineText, StateBadge } from '../../components/Deadline';
import { DateTimeField } from '../../components/DateTimeField';
import { FormActions, FormFields, FormPaper } from '../../components/FormPaper';
import { MissedMilestoneAction } from '../../components/MissedMilestoneAction';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { nowToTheMinute, ukDateTime } from '../../format';
import { useApiForm } from '../../api/useApiForm';
import { href } from '../../routing/router';

interface EventValues {
  kind: string;
  happenedAt: string;
  s47Started: boolean | null;
  settingAttended: boolean | null;
  childProtectionPlan: boolean | null;
  note: string;
}

function blankEvent(): EventValues {
  return { kind: '', happenedAt: nowToTheMinute(), s47Started: null, settingAttended: null, childProtectionPlan: null, note: '' };
}

/** A yes-or-no question with nothing chosen until it is answered (each answer changes what is owed). */
function YesNo(props: {
  label: string;
  yes: string;
  no: string;
  value: boolean | null;
  onChange: (value: boolean | null) => void;
  error: string | undefined;
}) {
  return (
    <Radio.Group
      label={props.label}
      required
      value={props.value === null ? null : props.value ? 'yes' : 'no'}
      onChange={(value) => props.onChange(value === 'yes' ? true : value === 'no' ? false : null)}
      error={props.error}
    >
      <Group mt={6}>
        <Radio value="yes" label={props.yes} />
        <Radio value="no" label={props.no} />
      </Group>
    </Radio.Group>
  );
}

function RecordEvent({ referral, onSaved }: { referral: Referral; onSaved: (referral: Referral) => void }) {
  const toInput = useCallback(
    (values: EventValues) => ({
      referralId: referral.id,
      kind: values.kind,
      happenedAt: values.happenedAt,
      ...(values.kind === 'strategy-discussion'
        ? { s47Started: values.s47Started ?? undefined, settingAttended: values.settingAttended ?? undefined }
        : {}),
      ...(values.kind === 'icpc' ? { childProtectionPlan: values.childProtectionPlan ?? undefined } : {}),
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
    <FormPaper form={form} p="md" aria-labelledby="record-what-happened">
      <Title order={2} size="h5" mb="sm" id="record-what-happened">
        Record what happened
      </Title>
      <FormFields form={form}>
        <SimpleGrid cols={2}>
          <Select
            label="What happened"
            required
            placeholder="Choose"
            data={recordableEventKinds.map((kind: ReferralEventKind) => ({ value: kind, label: referralEventLabels[kind] }))}
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
          // sets when the initial child protection conference is due; minutes are owed to the
          // setting only when it took part).
          <>
            <YesNo
              label="Was a section 47 enquiry started at this strategy discussion?"
              yes="Yes, a section 47 enquiry was started"
              no="No section 47 enquiry was started"
              value={form.values.s47Started}
              onChange={(value) => form.set('s47Started', value)}
              error={form.error('s47Started')}
            />
            <YesNo
              label="Did your setting take part in the strategy discussion?"
              yes="Yes, we took part"
              no="No, we did not take part"
              value={form.values.settingAttended}
              onChange={(value) => form.set('settingAttended', value)}
              error={form.error('settingAttended')}
            />
          </>
        ) : null}
        {form.values.kind === 'icpc' ? (
          // A core group and review conferences are owed only when the conference made a plan.
          <YesNo
            label="Did the conference make a child protection plan?"
            yes="Yes, a child protection plan was made"
            no="No child protection plan was made"
            value={form.values.childProtectionPlan}
            onChange={(value) => form.set('childProtectionPlan', value)}
            error={form.error('childProtectionPlan')}
          />
        ) : null}
        <Textarea label="Note" autosize minRows={2} {...form.bind('note')} />
        <FormActions form={form} submitLabel="Save" />
      </FormFields>
    </FormPaper>
  );
}

/** Answers recorded events lack (an ICPC recorded before its outcome was asked): asked here, once. */
function Unanswered({ referral, canAnswer, onSaved }: { referral: Referral; canAnswer: boolean; onSaved: (referral: Referral) => void }) {
  const [error, setError] = useState<string | null>(null);
  if (referral.unanswered.length === 0) return null;
  const answer = async (question: Referral['unanswered'][number], value: boolean) => {
    const result = await apiBridge.call('referrals.completeEvent', {
      referralId: referral.id,
      eventId: question.eventId,
      ...(question.field === 'childProtectionPlan' ? { childProtectionPlan: value } : { settingAttended: value }),
    });
    if (result.ok) onSaved(result.value);
    else setError(result.error.message);
  };
  return (
    <Alert color="orange" title="Please record what is missing" mb="lg" role="region" aria-label="Please record what is missing">
      <Stack gap="xs">
        {referral.unanswered.map((question) => {
          const event = referral.events.find((candidate) => candidate.id === question.eventId);
          return (
            <Group key={`${question.eventId}/${question.field}`} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {event ? `${referralEventLabels[event.kind]}, ${ukDateTime(event.happenedAt)}. ` : ''}
                {question.question}
              </Text>
              {canAnswer ? (
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="light" onClick={() => void answer(question, true)}>
                    Yes
                  </Button>
                  <Button size="xs" variant="light" onClick={() => void answer(question, false)}>
                    No
                  </Button>
                </Group>
              ) : null}
            </Group>
          );
        })}
        {error ? (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Alert>
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
      <Unanswered referral={r} canAnswer={can(role, 'referrals.completeEvent')} onSaved={referral.setData} />
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
                  {milestone.owedBy === 'setting' ? 'Your setting’s to do' : 'Children’s social care’s to do'}. Source: {milestone.source}
                </Text>
                <Text size="xs" c="dimmed" fs="italic">
                  {milestone.sourceWords}
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
      {r.expected.length > 0 ? (
        <Paper withBorder p="sm" mb="lg" aria-labelledby="to-record-heading">
          <Title order={3} size="h5" id="to-record-heading">
            To record when it happens (no due date)
          </Title>
          <List size="sm">
            {r.expected.map((expected) => (
              <List.Item key={expected.key}>
                <strong>{expected.label}</strong>: {expected.why}
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
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
                  ? `${event.s47Started ? ' (section 47 enquiry started' : ' (no section 47 enquiry'}${
                      event.settingAttended === true ? '; we took part)' : event.settingAttended === false ? '; we did not take part)' : ')'
                    }`
                  : ''}
                {event.kind === 'icpc'
                  ? event.childProtectionPlan === true
                    ? ' (a child protection plan was made)'
                    : event.childProtectionPlan === false
                      ? ' (no child protection plan)'
                      : ' (outcome not recorded)'
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
