import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useApiForm } from '../../../api/useApiForm';
import { DateField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import type { EscalationDialogProps } from './types';

// An action agreed at the current stage: what, who (full name and role), and by when.

interface ActionValues {
  description: string;
  ownerName: string;
  ownerRole: string;
  dueDate: string;
}

const blankAction: ActionValues = { description: '', ownerName: '', ownerRole: '', dueDate: '' };

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
    </DialogForm>
  );
}
