import { Text, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import type { ActionView } from '../../../../../shared/schemas/escalations';
import { useApiForm } from '../../../api/useApiForm';
import { AboutChild } from '../../../components/ForChild';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { ukDate } from '../../../format';
import type { EscalationDialogProps } from './types';

// An agreed action no longer wanted: withdrawn with why. It stays on the record, marked withdrawn,
// and is no longer due (off the dashboard, never overdue, not counted in the termly audit).

type WithdrawActionProps = Omit<EscalationDialogProps, 'escalation'> & {
  action: Pick<ActionView, 'id' | 'description' | 'ownerName' | 'agreedOn'>;
  childName: string;
};

export function WithdrawActionDialog(props: WithdrawActionProps) {
  return (
    <FormDialog title="Withdraw the action" opened={props.opened} onClose={props.onClose}>
      <WithdrawActionForm {...props} />
    </FormDialog>
  );
}

function WithdrawActionForm({ action, childName, onClose, onSaved }: WithdrawActionProps) {
  const toInput = useCallback((values: { reason: string }) => ({ actionId: action.id, reason: values.reason }), [action.id]);
  const form = useApiForm({
    method: 'escalations.withdrawAction',
    draftKey: `action-withdraw:${action.id}`,
    initial: { reason: '' },
    toInput,
    onSuccess: onSaved,
  });
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Withdraw the action" danger>
      <AboutChild name={childName} />
      <Text size="sm">
        <strong>{action.description}</strong> ({action.ownerName}), agreed {ukDate(action.agreedOn)}. It stays on the record, marked
        withdrawn with your reason, and is no longer due.
      </Text>
      <Textarea label="Why it is withdrawn" required autosize minRows={2} {...form.bind('reason')} />
    </DialogForm>
  );
}
