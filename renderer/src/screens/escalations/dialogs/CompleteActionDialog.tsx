import { Text, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import type { ActionView } from '../../../../../shared/schemas/escalations';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { AboutChild } from '../../../components/ForChild';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { nowToTheMinute, ukDate, ukDateTime } from '../../../format';
import type { EscalationDialogProps } from './types';

// An agreed action recorded as done, at the time it was really done: now, or earlier — even before
// the action itself was recorded (a visit made before anyone wrote the action down), then with the
// reason it is recorded after the event. Done by its date is met, however late it is recorded.

type CompleteActionProps = Omit<EscalationDialogProps, 'escalation'> & {
  action: Pick<ActionView, 'id' | 'description' | 'ownerName' | 'agreedOn' | 'dueDate' | 'recordedAt'>;
  childName: string;
};

interface Values {
  doneAt: string;
  note: string;
  backdatedReason: string;
}

export function CompleteActionDialog(props: CompleteActionProps) {
  return (
    <FormDialog title="Record the action as done" opened={props.opened} onClose={props.onClose}>
      <CompleteActionForm {...props} />
    </FormDialog>
  );
}

function CompleteActionForm({ action, childName, onClose, onSaved }: CompleteActionProps) {
  const toInput = useCallback(
    (values: Values) => ({
      actionId: action.id,
      doneAt: values.doneAt,
      note: values.note,
      ...(values.backdatedReason.trim() ? { backdatedReason: values.backdatedReason } : {}),
    }),
    [action.id],
  );
  const form = useApiForm({
    method: 'escalations.completeAction',
    draftKey: `action-done:${action.id}`,
    initial: (): Values => ({ doneAt: nowToTheMinute(), note: '', backdatedReason: '' }),
    toInput,
    onSuccess: onSaved,
  });
  const backdated = form.values.doneAt !== '' && Date.parse(form.values.doneAt) < Date.parse(action.recordedAt);
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Mark as done">
      <AboutChild name={childName} />
      <Text size="sm">
        <strong>{action.description}</strong> ({action.ownerName}), agreed {ukDate(action.agreedOn)}, due by the end of{' '}
        {ukDate(action.dueDate)}.
      </Text>
      <DateTimeField
        label="When it was done"
        value={form.values.doneAt}
        onChange={(iso) => form.set('doneAt', iso)}
        onBlur={() => form.touch('doneAt')}
        error={form.error('doneAt')}
      />
      {backdated || form.error('backdatedReason') ? (
        <Textarea
          label="Why it is recorded after it was done"
          description={`This is before the action was recorded (${ukDateTime(action.recordedAt)}). For example: the visit was made before the meeting notes came in.`}
          required
          autosize
          minRows={2}
          {...form.bind('backdatedReason')}
        />
      ) : null}
      <Textarea label="Note (optional)" autosize minRows={2} {...form.bind('note')} />
    </DialogForm>
  );
}
