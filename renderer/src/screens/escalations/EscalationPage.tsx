import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { roleLabels } from '../../../../shared/schemas/session';
import { contactMethodLabels, escalationStatusLabels, type EscalationDetail } from '../../../../shared/schemas/escalations';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { DeadlineText, StateBadge } from '../../components/Deadline';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { ukDate, ukDateTime } from '../../format';
import { href } from '../../routing/router';
import {
  ActionDialog,
  AmendDialog,
  CloseDialog,
  CompleteActionDialog,
  EntryDialog,
  EscalateDialog,
  LearningReviewDialog,
  ResolveDialog,
} from './EscalationForms';
import { StageLadder } from './StageLadder';
import { DocumentsPanel } from './DocumentsPanel';

type DialogName = 'entry' | 'action' | 'escalate' | 'resolve' | 'close' | 'review' | { complete: string } | { amend: string } | null;

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="prewrap">
        {value}
      </Text>
    </Stack>
  );
}

function CurrentStage({
  escalation,
  onChange,
  canWrite,
}: {
  escalation: EscalationDetail;
  onChange: (value: EscalationDetail) => void;
  canWrite: boolean;
}) {
  const current = escalation.current;
  const [stepError, setStepError] = useState<string | null>(null);
  if (!current) return null;
  const toggle = async (stepId: string, done: boolean) => {
    const result = await apiBridge.call('escalations.setStepDone', { escalationId: escalation.id, stageId: current.stageId, stepId, done });
    if (result.ok) onChange(result.value);
    else setStepError(result.error.message);
  };
  return (
    <Card withBorder mb="lg" aria-labelledby="current-stage-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id="current-stage-title">
              {current.label}: {current.title}
            </Title>
            <Text size="sm">{current.summary}</Text>
          </Stack>
          {current.target ? (
            <Stack gap={2} align="flex-end">
              <StateBadge state={current.target.state} />
              <Text size="sm">
                <DeadlineText dueAt={current.target.dueAt} explanation={current.target.explanation} prefix="Target" />
              </Text>
            </Stack>
          ) : (
            <Text size="xs" c="dimmed" maw={220} ta="right">
              The procedure sets no timescale for this stage.
            </Text>
          )}
        </Group>
        <SimpleGrid cols={2}>
          <Paper withBorder p="sm" bg="var(--mantine-color-indigo-0)">
            <Text size="xs" fw={700} tt="uppercase">
              Who to contact at {escalation.otherAgency.name}
            </Text>
            <Text size="sm">{current.whoToContact}</Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" fw={700} tt="uppercase">
              Who acts for your setting
            </Text>
            <Text size="sm">{current.whoActsForUs}</Text>
          </Paper>
        </SimpleGrid>
        <Stack gap={4} role="group" aria-label="The procedure’s steps at this stage">
          <Text size="sm" fw={600}>
            The procedure’s steps at this stage
          </Text>
          {current.steps.map((step) => (
            <Checkbox
              key={step.id}
              label={step.text}
              checked={step.done}
              disabled={!canWrite}
              onChange={(event) => void toggle(step.id, event.currentTarget.checked)}
            />
          ))}
          {stepError ? (
            <Text c="red" size="sm" role="alert">
              {stepError}
            </Text>
          ) : null}
        </Stack>
        {current.forms.length > 0 ? (
          <Alert color="indigo" variant="light" title="Forms this stage calls for">
            <List size="sm">
              {current.forms.map((form) => (
                <List.Item key={form.form}>{form.instruction}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {current.next
            ? `If this stage does not resolve it, the next is ${current.next.label}: ${current.next.title}.${current.next.reason ? ` ${current.next.reason}` : ''}`
            : 'This is the last stage of the procedure.'}
        </Text>
      </Stack>
    </Card>
  );
}

export function EscalationPage({ id }: { id: string }) {
  const { status } = useSession();
  const escalation = useApi('escalations.get', { id });
  const [dialog, setDialog] = useState<DialogName>(null);
  if (escalation.error)
    return <LoadError error={escalation.error} back={{ href: href({ name: 'escalations' }), label: 'Back to escalations' }} />;
  if (!escalation.data) return <Loading what="the escalation" />;
  const e = escalation.data;
  const canWrite = status.user.role !== 'read-only';
  const open = e.status === 'open';
  const close = () => setDialog(null);
  const done = escalation.setData;
  const amendTarget =
    dialog && typeof dialog === 'object' && 'amend' in dialog ? e.entries.find((entry) => entry.id === dialog.amend) : undefined;
  const completeTarget = dialog && typeof dialog === 'object' && 'complete' in dialog ? dialog.complete : null;

  return (
    <>
      <PageHeader
        title={`Escalation: ${e.childName}`}
        subtitle={
          <>
            With {e.otherAgency.name} ({e.otherProfessional.name}, {e.otherProfessional.role}) · {e.categoryLabel} · {e.procedure.name},
            version {e.procedure.version}. <Anchor href={href({ name: 'child', id: e.childId })}>Open {e.childName}’s record</Anchor>
          </>
        }
        actions={
          <Badge size="lg" color={open ? 'indigo' : e.status === 'resolved' ? 'green' : 'gray'} variant="light">
            {escalationStatusLabels[e.status]}
          </Badge>
        }
      />
      {e.immediateRisk && e.immediateReferral ? (
        <Alert color="red" mb="md" title="Immediate risk">
          Referred to {e.immediateReferral.madeTo} at {ukDateTime(e.immediateReferral.madeAt)} before this escalation was opened.
        </Alert>
      ) : null}
      {e.referralId ? (
        <Alert color="orange" mb="md" title="A statutory timescale was missed">
          Opened because a milestone of <Anchor href={href({ name: 'referral', id: e.referralId })}>the referral</Anchor> was missed.
        </Alert>
      ) : null}
      <Title order={2} size="h4" mb="xs">
        {e.track.title}
      </Title>
      <StageLadder ladder={e.ladder} />
      <div style={{ height: 16 }} />
      {open ? <CurrentStage escalation={e} onChange={done} canWrite={canWrite} /> : null}
      {open && canWrite ? (
        <Group mb="lg">
          <Button onClick={() => setDialog('entry')}>Record a conversation or decision</Button>
          <Button variant="light" onClick={() => setDialog('action')}>
            Agree an action
          </Button>
          {e.current?.next ? (
            <Button variant="light" color="orange" onClick={() => setDialog('escalate')}>
              Escalate to {e.current.next.label}
            </Button>
          ) : null}
          <Button variant="light" color="green" onClick={() => setDialog('resolve')}>
            Resolve with a written statement of the outcome
          </Button>
          <Button variant="subtle" color="red" onClick={() => setDialog('close')}>
            Close without resolution
          </Button>
        </Group>
      ) : null}
      {e.resolution ? (
        <Card withBorder mb="lg" bg="var(--mantine-color-green-0)">
          <Title order={2} size="h4" mb="xs">
            Written statement of the outcome
          </Title>
          <Text className="prewrap">{e.resolution.outcomeStatement}</Text>
          <Text size="sm" mt="xs">
            <strong>Consequent actions:</strong> {e.resolution.consequentActions}
          </Text>
          <Text size="sm">
            <strong>Agreed by:</strong> {e.resolution.agreedBy.join(', ')} on {ukDateTime(e.resolution.resolvedAt)} (recorded by{' '}
            {e.resolution.recordedBy})
          </Text>
        </Card>
      ) : null}
      {e.status === 'closed-unresolved' ? (
        <Alert color="gray" mb="lg" title="Closed without resolution">
          {e.closedReason} ({ukDateTime(e.closedAt)})
        </Alert>
      ) : null}
      {!open && !e.learningReview && canWrite ? (
        <Alert color="indigo" mb="lg" title="Learning review">
          <Text size="sm" mb="xs">
            Review what went well and what did not, and any policy or practice issues to raise with the partnership.
          </Text>
          <Button size="xs" onClick={() => setDialog('review')}>
            Record the learning review
          </Button>
        </Alert>
      ) : null}
      {e.learningReview ? (
        <Card withBorder mb="lg">
          <Title order={2} size="h4" mb="xs">
            Learning review
          </Title>
          <SimpleGrid cols={3}>
            <Field label="What went well" value={e.learningReview.wentWell} />
            <Field label="What did not go well" value={e.learningReview.wentBadly} />
            <Field label="Issues for the partnership" value={e.learningReview.issuesForPartnership} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            Reviewed by {e.learningReview.reviewedBy} on {ukDate(e.learningReview.reviewedAt)}
            {e.learningReview.reportedToPartnershipAt
              ? `; reported to the partnership ${ukDate(e.learningReview.reportedToPartnershipAt)}`
              : '; not yet reported to the partnership'}
          </Text>
        </Card>
      ) : null}

      <DocumentsPanel escalation={e} canWrite={canWrite} onMade={escalation.reload} />

      <Title order={2} size="h4" mb="xs">
        Conversations and decisions
      </Title>
      {e.entries.length === 0 ? (
        <Text c="dimmed" mb="lg">
          Nothing recorded yet. Record every conversation and decision, with full names and roles.
        </Text>
      ) : null}
      <Stack gap="sm" mb="lg">
        {e.entries.map((entry) => (
          <Paper key={entry.id} withBorder p="sm" component="article" aria-label={`Record of ${ukDateTime(entry.occurredAt)}`}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge variant="outline" size="sm">
                    {entry.stageLabel}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {contactMethodLabels[entry.method]}, {ukDateTime(entry.occurredAt)}
                  </Text>
                  {entry.amendments.length > 0 ? (
                    <Badge color="gray" variant="outline" size="sm">
                      Amended
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  With{' '}
                  {entry.participants
                    .map((person) => `${person.name} (${person.role}${person.agency ? `, ${person.agency}` : ''})`)
                    .join('; ')}
                </Text>
              </Stack>
              {canWrite ? (
                <Button size="xs" variant="subtle" onClick={() => setDialog({ amend: entry.id })}>
                  Amend
                </Button>
              ) : null}
            </Group>
            <SimpleGrid cols={3} mt="xs">
              <Field label="What was said" value={entry.summary} />
              <Field label="Decision" value={entry.decision} />
              <Field label="Rationale" value={entry.rationale} />
            </SimpleGrid>
            <Text size="xs" mt="xs">
              Told of the outcome:{' '}
              {entry.toldOfOutcome.length > 0
                ? entry.toldOfOutcome.map((person) => `${person.name} (${person.role})`).join('; ')
                : 'nobody recorded'}
              . {entry.originalReferrerTold ? 'The original referrer was told.' : 'The original referrer has not been told.'} Recorded by{' '}
              {entry.createdBy}.
            </Text>
            {entry.amendments.map((amendment, index) => (
              <Text key={index} size="xs" c="dimmed" mt={4}>
                Amended by {amendment.amendedBy} on {ukDateTime(amendment.amendedAt)} ({amendment.field}): was “{amendment.oldValue}”.
                Reason: {amendment.reason}
              </Text>
            ))}
          </Paper>
        ))}
      </Stack>

      <Title order={2} size="h4" mb="xs">
        Agreed actions
      </Title>
      {e.actions.length === 0 ? (
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
            {e.actions.map((action) => (
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
                  {!action.doneAt && canWrite ? (
                    <Button size="xs" variant="light" onClick={() => setDialog({ complete: action.id })}>
                      Mark done
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={2} size="h4" mb="xs">
        The disagreement
      </Title>
      <Card withBorder mb="lg">
        <SimpleGrid cols={2} spacing="md">
          <Field label="The concern" value={e.concern} />
          <Field label="How it bears on the risk to the child" value={e.riskRelevance} />
          <Field label="Areas of agreement" value={e.areasOfAgreement} />
          <Field label="Areas of disagreement" value={e.areasOfDisagreement} />
          <Field label="Outcome sought" value={e.outcomeSought} />
          <Field label="Opened" value={`${ukDateTime(e.openedAt)} by ${e.openedBy}`} />
        </SimpleGrid>
      </Card>

      {open ? (
        <>
          <EntryDialog
            escalation={e}
            me={{ name: status.user.fullName, role: roleLabels[status.user.role], agency: status.settingName }}
            opened={dialog === 'entry'}
            onClose={close}
            onDone={done}
          />
          <ActionDialog escalation={e} opened={dialog === 'action'} onClose={close} onDone={done} />
          <EscalateDialog escalation={e} opened={dialog === 'escalate'} onClose={close} onDone={done} />
          <ResolveDialog escalation={e} opened={dialog === 'resolve'} onClose={close} onDone={done} settingName={status.settingName} />
          <CloseDialog escalation={e} opened={dialog === 'close'} onClose={close} onDone={done} />
        </>
      ) : (
        <LearningReviewDialog escalation={e} opened={dialog === 'review'} onClose={close} onDone={done} />
      )}
      {completeTarget ? <CompleteActionDialog actionId={completeTarget} opened onClose={close} onDone={done} /> : null}
      {amendTarget ? (
        <AmendDialog
          entryId={amendTarget.id}
          current={{ summary: amendTarget.summary, decision: amendTarget.decision, rationale: amendTarget.rationale }}
          opened
          onClose={close}
          onDone={done}
        />
      ) : null}
    </>
  );
}
