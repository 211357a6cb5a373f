import { Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { AboutChild } from '../../../components/ForChild';
import type { EscalationDialogProps } from './types';

// The learning review once an escalation has ended: what went well, what did not, and the policy or
// practice issues for the partnership (with when they were reported, if they have been).

interface ReviewValues {
  wentWell: string;
  wentBadly: string;
  issuesForPartnership: string;
  reportedAt: string;
}

const blankReview: ReviewValues = { wentWell: '', wentBadly: '', issuesForPartnership: '', reportedAt: '' };

export function LearningReviewDialog(props: EscalationDialogProps) {
  return (
    <FormDialog title="Learning review" opened={props.opened} onClose={props.onClose}>
      <LearningReviewForm {...props} />
    </FormDialog>
  );
}

function LearningReviewForm({ escalation, onClose, onSaved }: EscalationDialogProps) {
  const toInput = useCallback(
    (values: ReviewValues) => ({
      escalationId: escalation.id,
      wentWell: values.wentWell,
      wentBadly: values.wentBadly,
      issuesForPartnership: values.issuesForPartnership,
      ...(values.reportedAt ? { reportedToPartnershipAt: values.reportedAt } : {}),
    }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.learningReview',
    draftKey: `escalation-review:${escalation.id}`,
    initial: blankReview,
    toInput,
    onSuccess: onSaved,
  });
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Save the learning review">
      <AboutChild name={escalation.childName} />
      <Textarea label="What went well" required autosize minRows={2} {...form.bind('wentWell')} />
      <Textarea label="What did not go well" required autosize minRows={2} {...form.bind('wentBadly')} />
      <Textarea
        label="Policy or practice issues to raise with the partnership"
        required
        autosize
        minRows={2}
        {...form.bind('issuesForPartnership')}
      />
      <DateTimeField
        label="When they were reported to the partnership (if they have been)"
        description="Leave empty if not reported yet."
        required={false}
        value={form.values.reportedAt}
        onChange={(iso) => form.set('reportedAt', iso)}
        error={form.error('reportedToPartnershipAt')}
      />
    </DialogForm>
  );
}
