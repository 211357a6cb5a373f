import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useCallback, type ReactNode } from 'react';
import type { ApiMethod } from '../../../../shared/api';
import { contactMethodLabels, contactMethods, type EscalationDetail } from '../../../../shared/schemas/escalations';
import { DateField, DateTimeField } from '../../components/DateTimeField';
import { FormError } from '../../components/Page';
import { DraftNotice } from '../../components/DraftNotice';
import { nowToTheMinute } from '../../format';
import { useApiForm, type ApiForm } from '../../api/useApiForm';
import { PeopleEditor, toPeople, type PersonValue } from './PeopleEditor';

// The forms that change an escalation, each in a dialog. Every one returns the updated
// escalation, which replaces what the page shows.

type Done = (escalation: EscalationDetail) => void;

/** What every escalation dialog is given: the escalation, whether it is open, and what to do after. */
interface DialogProps {
  escalation: EscalationDetail;
  opened: boolean;
  onClose: () => void;
  onDone: Done;
}

function Dialog<V, M extends ApiMethod>(props: {
  title: string;
  opened: boolean;
  onClose: () => void;
  form: ApiForm<V, M>;
  submitLabel: string;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="xl" centered={false}>
      <form onSubmit={(event) => void props.form.submit(event)} noValidate>
        <FormError error={props.form.formError} />
        <DraftNotice restoredAt={props.form.restoredDraftAt} onDiscard={props.form.discardDraft} />
        <Stack key={props.form.draftGeneration}>
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={props.form.submitting} color={props.danger ? 'red' : undefined}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** After a successful save: show the updated escalation and close the dialog. */
function closeWith(onDone: Done, onClose: () => void): Done {
  return (value) => {
    onDone(value);
    onClose();
  };
}

function now(): string {
  return nowToTheMinute();
}

interface EntryValues {
  occurredAt: string;
  method: string;
  participants: PersonValue[];
  summary: string;
  decision: string;
  rationale: string;
  toldOfOutcome: PersonValue[];
  originalReferrerTold: boolean;
}

function blankEntry(escalation: EscalationDetail, me: PersonValue): EntryValues {
  return {
    occurredAt: now(),
    method: 'phone',
    participants: [
      me,
      { name: escalation.otherProfessional.name, role: escalation.otherProfessional.role, agency: escalation.otherAgency.name },
    ],
    summary: '',
    decision: '',
    rationale: '',
    toldOfOutcome: [],
    originalReferrerTold: false,
  };
}

export function EntryDialog({
  escalation,
  me,
  opened,
  onClose,
  onDone,
}: {
  escalation: EscalationDetail;
  me: PersonValue;
  opened: boolean;
  onClose: () => void;
  onDone: Done;
}) {
  const toInput = useCallback(
    (values: EntryValues) => ({
      escalationId: escalation.id,
      occurredAt: values.occurredAt,
      method: values.method,
      participants: toPeople(values.participants),
      summary: values.summary,
      decision: values.decision,
      rationale: values.rationale,
      toldOfOutcome: toPeople(values.toldOfOutcome.filter((person) => person.name || person.role)),
      originalReferrerTold: values.originalReferrerTold,
    }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.recordEntry',
    draftKey: `escalation-entry:${escalation.id}`,
    initial: blankEntry(escalation, me),
    toInput,
    onSuccess: closeWith(onDone, onClose),
  });
  return (
    <Dialog
      title={`Record a conversation or decision (${escalation.current?.label ?? ''})`}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel="Save the record"
    >
      <SimpleGrid cols={2}>
        <DateTimeField
          label="When"
          value={form.values.occurredAt}
          onChange={(iso) => form.set('occurredAt', iso)}
          onBlur={() => form.touch('occurredAt')}
          error={form.error('occurredAt')}
        />
        <Select
          label="How"
          required
          data={contactMethods.map((method) => ({ value: method, label: contactMethodLabels[method] }))}
          value={form.values.method}
          onChange={(value) => form.set('method', value ?? '')}
          error={form.error('method')}
          allowDeselect={false}
        />
      </SimpleGrid>
      <PeopleEditor
        label="Who took part (full names and roles, no initials)"
        people={form.values.participants}
        onChange={(people) => form.set('participants', people)}
        error={form.error}
        path="participants"
        addLabel="Add a person"
      />
      <Textarea label="What was said" required autosize minRows={4} {...form.bind('summary')} />
      <Textarea label="Decision" required autosize minRows={2} {...form.bind('decision')} />
      <Textarea
        label="Rationale for the decision"
        description="Why this decision was reached: required by the procedure."
        required
        autosize
        minRows={2}
        {...form.bind('rationale')}
      />
      <PeopleEditor
        label="Who was told of the outcome"
        people={form.values.toldOfOutcome}
        onChange={(people) => form.set('toldOfOutcome', people)}
        error={form.error}
        path="toldOfOutcome"
        addLabel="Add someone who was told"
      />
      <Checkbox
        label="The original referrer has been told of the outcome"
        checked={form.values.originalReferrerTold}
        onChange={(event) => form.set('originalReferrerTold', event.currentTarget.checked)}
      />
    </Dialog>
  );
}

export function ActionDialog({ escalation, opened, onClose, onDone }: DialogProps) {
  const toInput = useCallback(
    (values: { description: string; ownerName: string; ownerRole: string; dueDate: string }) => ({
      escalationId: escalation.id,
      ...values,
    }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.addAction',
    draftKey: `escalation-action:${escalation.id}`,
    initial: { description: '', ownerName: '', ownerRole: '', dueDate: '' },
    toInput,
    onSuccess: closeWith(onDone, onClose),
  });
  return (
    <Dialog title="Agree an action" opened={opened} onClose={onClose} form={form} submitLabel="Save the action">
      <Textarea label="What is to be done" required autosize minRows={2} {...form.bind('description')} />
      <SimpleGrid cols={3}>
        <TextInput label="Who will do it (full name)" required {...form.bind('ownerName')} />
        <TextInput label="Their role" required {...form.bind('ownerRole')} />
        <DateField
          label="Due by"
          value={form.values.dueDate}
          onChange={(value) => form.set('dueDate', value)}
          onBlur={() => form.touch('dueDate')}
          error={form.error('dueDate')}
        />
      </SimpleGrid>
    </Dialog>
  );
}

export function CompleteActionDialog({
  actionId,
  opened,
  onClose,
  onDone,
}: {
  actionId: string;
  opened: boolean;
  onClose: () => void;
  onDone: Done;
}) {
  const toInput = useCallback((values: { doneAt: string; note: string }) => ({ actionId, ...values }), [actionId]);
  const form = useApiForm({
    method: 'escalations.completeAction',
    draftKey: `action-done:${actionId}`,
    initial: { doneAt: now(), note: '' },
    toInput,
    onSuccess: closeWith(onDone, onClose),
  });
  return (
    <Dialog title="Record the action as done" opened={opened} onClose={onClose} form={form} submitLabel="Mark as done">
      <DateTimeField
        label="When it was done"
        value={form.values.doneAt}
        onChange={(iso) => form.set('doneAt', iso)}
        error={form.error('doneAt')}
      />
      <Textarea label="Note (optional)" autosize minRows={2} {...form.bind('note')} />
    </Dialog>
  );
}

export function EscalateDialog({ escalation, opened, onClose, onDone }: DialogProps) {
  const toInput = useCallback(
    (values: { reason: string; escalatedAt: string }) => ({ escalationId: escalation.id, ...values }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.escalate',
    draftKey: `escalation-escalate:${escalation.id}`,
    initial: { reason: '', escalatedAt: now() },
    toInput,
    onSuccess: closeWith(onDone, onClose),
  });
  const next = escalation.current?.next;
  return (
    <Dialog
      title={next ? `Escalate to ${next.label}: ${next.title}` : 'Escalate'}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={next ? `Escalate to ${next.label}` : 'Escalate'}
    >
      {next?.reason ? (
        <Text size="sm" fs="italic">
          The procedure routes this disagreement: {next.reason}
        </Text>
      ) : null}
      <Textarea label="Why it is being escalated" required autosize minRows={3} {...form.bind('reason')} />
      <DateTimeField
        label="When"
        value={form.values.escalatedAt}
        onChange={(iso) => form.set('escalatedAt', iso)}
        error={form.error('escalatedAt')}
      />
    </Dialog>
  );
}

export function ResolveDialog({
  escalation,
  opened,
  onClose,
  onDone,
  settingName,
}: {
  escalation: EscalationDetail;
  opened: boolean;
  onClose: () => void;
  onDone: Done;
  settingName: string;
}) {
  const toInput = useCallback(
    (values: { resolvedAt: string; outcomeStatement: string; consequentActions: string; agreedBy: string[] }) => ({
      escalationId: escalation.id,
      ...values,
    }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.resolve',
    draftKey: `escalation-resolve:${escalation.id}`,
    initial: { resolvedAt: now(), outcomeStatement: '', consequentActions: '', agreedBy: [settingName, escalation.otherAgency.name] },
    toInput,
    onSuccess: closeWith(onDone, onClose),
  });
  return (
    <Dialog
      title="Resolve: the written statement of the outcome"
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel="Record the outcome"
    >
      <Text size="sm">
        When the disagreement is resolved, the agencies agree a written statement of the outcome, including any consequent action. Each
        agency places a copy on the child’s record.
      </Text>
      <Textarea label="Written statement of the outcome" required autosize minRows={5} {...form.bind('outcomeStatement')} />
      <Textarea label="Consequent actions" required autosize minRows={2} {...form.bind('consequentActions')} />
      <TagsInput
        label="Agencies that agreed the statement"
        description="Press Enter after each agency."
        required
        value={form.values.agreedBy}
        onChange={(value) => form.set('agreedBy', value)}
        error={form.error('agreedBy')}
      />
      <DateTimeField
        label="When it was agreed"
        value={form.values.resolvedAt}
        onChange={(iso) => form.set('resolvedAt', iso)}
        error={form.error('resolvedAt')}
      />
    </Dialog>
  );
}

export function CloseDialog({ escalation, opened, onClose, onDone }: DialogProps) {
  const toInput = useCallback(
    (values: { reason: string; closedAt: string }) => ({ escalationId: escalation.id, ...values }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.closeUnresolved',
    draftKey: `escalation-close:${escalation.id}`,
    initial: { reason: '', closedAt: now() },
    toInput,
    onSuccess: closeWith(onDone, onClose),
  });
  return (
    <Dialog title="Close without resolution" opened={opened} onClose={onClose} form={form} submitLabel="Close unresolved" danger>
      <Textarea label="Why it is being closed without resolution" required autosize minRows={3} {...form.bind('reason')} />
      <DateTimeField
        label="When"
        value={form.values.closedAt}
        onChange={(iso) => form.set('closedAt', iso)}
        error={form.error('closedAt')}
      />
    </Dialog>
  );
}

export function LearningReviewDialog({ escalation, opened, onClose, onDone }: DialogProps) {
  const toInput = useCallback(
    (values: { wentWell: string; wentBadly: string; issuesForPartnership: string; reportedAt: string }) => ({
      escalationId: escalation.id,
      wentWell: values.wentWell,
      wentBadly: values.wentBadly,
      issuesForPartnership: values.issuesForPartnership,
      ...(values.reportedAt ? { reportedToPartnershipAt: values.reportedAt } : {}),
    }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.learningReview',
    draftKey: `escalation-review:${escalation.id}`,
    initial: { wentWell: '', wentBadly: '', issuesForPartnership: '', reportedAt: '' },
    toInput,
    onSuccess: closeWith(onDone, onClose),
  });
  return (
    <Dialog title="Learning review" opened={opened} onClose={onClose} form={form} submitLabel="Save the learning review">
      <Textarea label="What went well" required autosize minRows={2} {...form.bind('wentWell')} />
      <Textarea label="What did not go well" required autosize minRows={2} {...form.bind('wentBadly')} />
      <Textarea
        label="Policy or practice issues to raise with the partnership"
        required
        autosize
        minRows={2}
        {...form.bind('issuesForPartnership')}
      />
      <DateTimeField
        label="When they were reported to the partnership (if they have been)"
        description="Leave empty if not reported yet."
        value={form.values.reportedAt}
        onChange={(iso) => form.set('reportedAt', iso)}
        error={form.error('reportedToPartnershipAt')}
      />
    </Dialog>
  );
}

export function AmendDialog({
  entryId,
  current,
  opened,
  onClose,
  onDone,
}: {
  entryId: string;
  current: { summary: string; decision: string; rationale: string };
  opened: boolean;
  onClose: () => void;
  onDone: Done;
}) {
  const toInput = useCallback(
    (values: { summary: string; decision: string; rationale: string; reason: string }) => {
      const changes: { summary?: string; decision?: string; rationale?: string } = {};
      if (values.summary !== current.summary) changes.summary = values.summary;
      if (values.decision !== current.decision) changes.decision = values.decision;
      if (values.rationale !== current.rationale) changes.rationale = values.rationale;
      return { entryId, changes, reason: values.reason };
    },
    [entryId, current],
  );
  const form = useApiForm({
    method: 'escalations.amendEntry',
    draftKey: `entry-amend:${entryId}`,
    initial: { ...current, reason: '' },
    toInput,
    onSuccess: closeWith(onDone, onClose),
  });
  return (
    <Dialog title="Amend this record" opened={opened} onClose={onClose} form={form} submitLabel="Save the amendment">
      <Text size="sm">The original wording is kept, with who amended it, when and why.</Text>
      {form.error('changes') ? (
        <Text c="red" size="sm" role="alert">
          {form.error('changes')}
        </Text>
      ) : null}
      <Textarea
        label="What was said"
        autosize
        minRows={3}
        value={form.values.summary}
        onChange={(event) => form.set('summary', event.currentTarget.value)}
        error={form.error('changes.summary')}
      />
      <Textarea
        label="Decision"
        autosize
        minRows={2}
        value={form.values.decision}
        onChange={(event) => form.set('decision', event.currentTarget.value)}
        error={form.error('changes.decision')}
      />
      <Textarea
        label="Rationale"
        autosize
        minRows={2}
        value={form.values.rationale}
        onChange={(event) => form.set('rationale', event.currentTarget.value)}
        error={form.error('changes.rationale')}
      />
      <Textarea label="Why it is being amended" required autosize minRows={2} {...form.bind('reason')} />
    </Dialog>
  );
}
