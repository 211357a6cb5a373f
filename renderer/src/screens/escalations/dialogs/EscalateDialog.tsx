import { Text, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { nowToTheMinute } from '../../../format';
import type { EscalationDialogProps } from './types';

// Moving to the stage the procedure's routing names next, with the reason and when.

export function EscalateDialog(props: EscalationDialogProps) {
  const next = props.escalation.current?.next;
  return (
    <FormDialog title={next ? `Escalate to ${next.label}: ${next.title}` : 'Escalate'} opened={props.opened} onClose={props.onClose}>
      <EscalateForm {...props} />
    </FormDialog>
  );
}

function EscalateForm({ escalation, onClose, onSaved }: EscalationDialogProps) {
  const toInput = useCallback(
    (values: { reason: string; escalatedAt: string }) => ({ escalationId: escalation.id, ...values }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.escalate',
    draftKey: `escalation-escalate:${escalation.id}`,
    initial: () => ({ reason: '', escalatedAt: nowToTheMinute() }),
    toInput,
    onSuccess: onSaved,
  });
  const next = escalation.current?.next;
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel={next ? `Escalate to ${next.label}` : 'Escalate'}>
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
    </DialogForm>
  );
}
