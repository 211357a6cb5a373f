import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { DateTime } from 'luxon';
import { useCallback } from 'react';
import { useApiForm } from '../../../api/useApiForm';
import { DateField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { AboutChild } from '../../../components/ForChild';
import type { EscalationDialogProps } from './types';

// An action agreed at the current stage: what, who (full name and role), when it was agreed (today,
// or the day of the meeting that agreed it, when it is recorded afterwards), and by when.

interface ActionValues {
  description: string;
  ownerName: string;
  ownerRole: string;
  agreedOn: string;
  dueDate: string;
}

function blankAction(): ActionValues {
  return {
    description: '',
    ownerName: '',
    ownerRole: '',
    agreedOn: DateTime.now().setZone('Europe/London').toISODate() ?? '',
    dueDate: '',
  };
}

export function AddActionDialog(props: EscalationDialogProps) {
  return (
    <FormDialog title="Agree an action" opened={props.opened} onClose={props.onClose}>
      <AddActionForm {...props} />
    </FormDialog>
  );
}

function AddActionForm({ escalation, onClose, onSaved }: EscalationDialogProps) {
  const toInput = useCallback((values: ActionValues) => ({ escalationId: escalation.id, ...values }), [escalation.id]);
  const form = useApiForm({
    method: 'escalations.addAction',
    draftKey: `escalation-action:${escalation.id}`,
    initial: blankAction,
    toInput,
    onSuccess: onSaved,
  });
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Save the action">
      <AboutChild name={escalation.childName} />
      <Textarea label="What is to be done" required autosize minRows={2} {...form.bind('description')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Who will do it (full name)" required {...form.bind('ownerName')} />
        <TextInput label="Their role" required {...form.bind('ownerRole')} />
        <DateField
          label="When it was agreed"
          description="Today, or the day of the meeting that agreed it."
          value={form.values.agreedOn}
          onChange={(value) => form.set('agreedOn', value)}
          onBlur={() => form.touch('agreedOn')}
          error={form.error('agreedOn')}
        />
        <DateField
          label="Due by"
          value={form.values.dueDate}
          onChange={(value) => form.set('dueDate', value)}
          onBlur={() => form.touch('dueDate')}
          error={form.error('dueDate')}
        />
      </SimpleGrid>
    </DialogForm>
  );
}
