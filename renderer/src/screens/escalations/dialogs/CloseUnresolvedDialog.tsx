import { Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { AboutChild } from '../../../components/ForChild';
import { nowToTheMinute } from '../../../format';
import type { EscalationDialogProps } from './types';

// Closing an escalation that was not resolved: why, and when.

export function CloseUnresolvedDialog(props: EscalationDialogProps) {
  return (
    <FormDialog title="Close without resolution" opened={props.opened} onClose={props.onClose}>
      <CloseUnresolvedForm {...props} />
    </FormDialog>
  );
}

function CloseUnresolvedForm({ escalation, onClose, onSaved }: EscalationDialogProps) {
  const toInput = useCallback(
    (values: { reason: string; closedAt: string }) => ({ escalationId: escalation.id, ...values }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.closeUnresolved',
    draftKey: `escalation-close:${escalation.id}`,
    initial: () => ({ reason: '', closedAt: nowToTheMinute() }),
    toInput,
    onSuccess: onSaved,
  });
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Close unresolved" danger>
      <AboutChild name={escalation.childName} />
      <Textarea label="Why it is being closed without resolution" required autosize minRows={3} {...form.bind('reason')} />
      <DateTimeField
        label="When"
        value={form.values.closedAt}
        onChange={(iso) => form.set('closedAt', iso)}
        error={form.error('closedAt')}
      />
    </DialogForm>
  );
}
