import { TagsInput, Text, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useSession } from '../../../api/session';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { nowToTheMinute } from '../../../format';
import type { EscalationDialogProps } from './types';

// Resolution: the written statement of the outcome the agencies agreed, its consequent actions,
// who agreed it (the setting and the other agency to start with) and when.

interface ResolveValues {
  resolvedAt: string;
  outcomeStatement: string;
  consequentActions: string;
  agreedBy: string[];
}

export function ResolveDialog(props: EscalationDialogProps) {
  return (
    <FormDialog title="Resolve: the written statement of the outcome" opened={props.opened} onClose={props.onClose}>
      <ResolveForm {...props} />
    </FormDialog>
  );
}

function ResolveForm({ escalation, onClose, onSaved }: EscalationDialogProps) {
  const { status } = useSession();
  const toInput = useCallback((values: ResolveValues) => ({ escalationId: escalation.id, ...values }), [escalation.id]);
  const form = useApiForm({
    method: 'escalations.resolve',
    draftKey: `escalation-resolve:${escalation.id}`,
    initial: (): ResolveValues => ({
      resolvedAt: nowToTheMinute(),
      outcomeStatement: '',
      consequentActions: '',
      agreedBy: [status.settingName, escalation.otherAgency.name],
    }),
    toInput,
    onSuccess: onSaved,
  });
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Record the outcome">
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
    </DialogForm>
  );
}
