import { Checkbox, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { contactMethodLabels, contactMethods } from '../../../../../shared/escalations/contact-methods';
import { roleLabels } from '../../../../../shared/people/roles';
import { useSession } from '../../../api/session';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { AboutChild } from '../../../components/ForChild';
import { nowToTheMinute } from '../../../format';
import { PeopleEditor, peopleInvolved, toPeople, type PersonValue } from './PeopleEditor';
import type { EscalationDialogProps } from './types';

// A conversation or decision at the current stage: when, how, who took part (full names and roles),
// what was said, the decision and why, and who was told of the outcome.

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

/**
 * A new record starts now, with only the person recording it (the signed-in DSL, with their role) as
 * having taken part: who else was there is chosen from the people already involved, or typed. Later
 * stages are with other people (a manager, a chair), so nobody is assumed.
 */
function blankEntry(me: PersonValue): EntryValues {
  return {
    occurredAt: nowToTheMinute(),
    method: 'phone',
    participants: [me],
    summary: '',
    decision: '',
    rationale: '',
    toldOfOutcome: [],
    originalReferrerTold: false,
  };
}

export function RecordEntryDialog(props: EscalationDialogProps) {
  return (
    <FormDialog
      title={`Record a conversation or decision (${props.escalation.current?.label ?? ''})`}
      opened={props.opened}
      onClose={props.onClose}
    >
      <RecordEntryForm {...props} />
    </FormDialog>
  );
}

function RecordEntryForm({ escalation, onClose, onSaved }: EscalationDialogProps) {
  const { status } = useSession();
  const toInput = useCallback(
    (values: EntryValues) => ({
      escalationId: escalation.id,
      occurredAt: values.occurredAt,
      method: values.method,
      participants: toPeople(values.participants),
      summary: values.summary,
      decision: values.decision,
      rationale: values.rationale,
      // A row added and left empty is no one; a row half-filled is sent, and the schema says what is missing.
      toldOfOutcome: toPeople(values.toldOfOutcome.filter((person) => person.name || person.role)),
      originalReferrerTold: values.originalReferrerTold,
    }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.recordEntry',
    draftKey: `escalation-entry:${escalation.id}`,
    initial: () => blankEntry({ name: status.user.fullName, role: roleLabels[status.user.role], agency: status.settingName }),
    toInput,
    onSuccess: onSaved,
  });
  const involved = peopleInvolved(escalation);
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Save the record">
      <AboutChild name={escalation.childName} />
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
        suggestions={involved}
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
        suggestions={involved}
      />
      <Checkbox
        label="The original referrer has been told of the outcome"
        checked={form.values.originalReferrerTold}
        onChange={(event) => form.set('originalReferrerTold', event.currentTarget.checked)}
      />
    </DialogForm>
  );
}
