import { Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import type { Child } from '../../../../../shared/schemas/children';
import { useLevelOfNeedLabel } from '../../../api/useLevelsOfNeed';
import { useApiForm } from '../../../api/useApiForm';
import { DateField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { childTextLabels, levelOfNeedChoices, planChoices, type ChildDetailValues, type ChildTextField } from '../child-values';

// Changing a child's details (a new class, a plan made or ended, a new social worker): an amendment,
// never an overwrite. Only what changed is sent, with the reason; the core keeps the old value, who,
// when and why, and the timeline shows it.

interface Values extends ChildDetailValues {
  reason: string;
}

function fromChild(child: Child): Values {
  return {
    firstName: child.firstName,
    lastName: child.lastName,
    dateOfBirth: child.dateOfBirth,
    classOrYear: child.classOrYear,
    levelOfNeed: String(child.levelOfNeed),
    planStatus: child.planStatus,
    socialWorkerName: child.socialWorkerName ?? '',
    socialWorkerContact: child.socialWorkerContact ?? '',
    reason: '',
  };
}

/** The details that differ from the saved record (text compared as saved: trimmed, empty is none). */
function changesFrom(child: Child, values: Values): Record<string, unknown> {
  const saved = fromChild(child);
  const changes: Record<string, unknown> = {};
  for (const field of [
    'firstName',
    'lastName',
    'dateOfBirth',
    'classOrYear',
    'planStatus',
    'socialWorkerName',
    'socialWorkerContact',
  ] as const) {
    if (values[field].trim() !== saved[field].trim()) changes[field] = values[field];
  }
  if (values.levelOfNeed !== saved.levelOfNeed) changes.levelOfNeed = Number(values.levelOfNeed);
  return changes;
}

export function EditChildDialog(props: { child: Child; opened: boolean; onClose: () => void; onSaved: (child: Child) => void }) {
  return (
    <FormDialog title={`Change ${props.child.firstName} ${props.child.lastName}’s details`} opened={props.opened} onClose={props.onClose}>
      <EditChildForm {...props} />
    </FormDialog>
  );
}

function EditChildForm({ child, onClose, onSaved }: { child: Child; onClose: () => void; onSaved: (child: Child) => void }) {
  const toInput = useCallback((values: Values) => ({ id: child.id, changes: changesFrom(child, values), reason: values.reason }), [child]);
  const levelLabel = useLevelOfNeedLabel();
  const form = useApiForm({
    method: 'children.amend',
    draftKey: `child-amend:${child.id}`,
    initial: () => fromChild(child),
    toInput,
    onSuccess: onSaved,
  });
  const text = (field: ChildTextField, required = true) => (
    <TextInput label={childTextLabels[field]} required={required} {...form.bind(field, `changes.${field}`)} />
  );
  const nothingChanged = form.error('changes');
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Save the changes">
      <Text size="sm">
        The record is amended, not overwritten: the old details, who changed them, when and why are kept and shown on the timeline.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('firstName')}
        {text('lastName')}
        <DateField
          label="Date of birth"
          value={form.values.dateOfBirth}
          onChange={(value) => form.set('dateOfBirth', value)}
          onBlur={() => form.touch('changes.dateOfBirth')}
          error={form.error('changes.dateOfBirth')}
        />
        {text('classOrYear')}
        <Select
          label="Level of need"
          required
          data={levelOfNeedChoices(levelLabel)}
          value={form.values.levelOfNeed}
          onChange={(value) => form.set('levelOfNeed', value ?? form.values.levelOfNeed)}
          error={form.error('changes.levelOfNeed')}
          allowDeselect={false}
        />
        <Select
          label="Plan"
          required
          data={planChoices}
          value={form.values.planStatus}
          onChange={(value) => form.set('planStatus', value ?? form.values.planStatus)}
          error={form.error('changes.planStatus')}
          allowDeselect={false}
        />
        {text('socialWorkerName', false)}
        {text('socialWorkerContact', false)}
      </SimpleGrid>
      <Textarea
        label="Why the record is being changed"
        description="For example: moved up a year; child protection plan made at the conference on 12/11/2026."
        required
        autosize
        minRows={2}
        {...form.bind('reason')}
      />
      {nothingChanged ? (
        <Text c="red.9" size="sm" role="alert">
          {nothingChanged}
        </Text>
      ) : null}
    </DialogForm>
  );
}
