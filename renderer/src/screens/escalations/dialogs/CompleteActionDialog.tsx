import { Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { nowToTheMinute } from '../../../format';
import type { EscalationDialogProps } from './types';

// An agreed action recorded as done: when (now, unless it was earlier), with an optional note.

type CompleteActionProps = Omit<EscalationDialogProps, 'escalation'> & { actionId: string };

export function CompleteActionDialog(props: CompleteActionProps) {
  return (
    <FormDialog title="Record the action as done" opened={props.opened} onClose={props.onClose}>
      <CompleteActionForm {...props} />
    </FormDialog>
  );
}

function CompleteActionForm({ actionId, onClose, onSaved }: CompleteActionProps) {
  const toInput = useCallback((values: { doneAt: string; note: string }) => ({ actionId, ...values }), [actionId]);
  const form = useApiForm({
    method: 'escalations.completeAction',
    draftKey: `action-done:${actionId}`,
    initial: () => ({ doneAt: nowToTheMinute(), note: '' }),
    toInput,
    onSuccess: onSaved,
  });
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Mark as done">
      <DateTimeField
        label="When it was done"
        value={form.values.doneAt}
        onChange={(iso) => form.set('doneAt', iso)}
        error={form.error('doneAt')}
      />
      <Textarea label="Note (optional)" autosize minRows={2} {...form.bind('note')} />
    </DialogForm>
  );
}
