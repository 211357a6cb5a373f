import { Text, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import type { StageEntryView } from '../../../../../shared/schemas/escalations';
import { useApiForm } from '../../../api/useApiForm';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { AboutChild } from '../../../components/ForChild';
import type { EscalationDialogProps } from './types';

// Amending a record: only what changed is sent, with why. The core keeps the original wording, who
// amended it and when.

type AmendEntryProps = Omit<EscalationDialogProps, 'escalation'> & {
  entry: Pick<StageEntryView, 'id' | 'summary' | 'decision' | 'rationale'>;
  childName: string;
};

export function AmendEntryDialog(props: AmendEntryProps) {
  return (
    <FormDialog title="Amend this record" opened={props.opened} onClose={props.onClose}>
      <AmendEntryForm {...props} />
    </FormDialog>
  );
}

function AmendEntryForm({ entry, childName, onClose, onSaved }: AmendEntryProps) {
  const toInput = useCallback(
    (values: { summary: string; decision: string; rationale: string; reason: string }) => {
      const changes: { summary?: string; decision?: string; rationale?: string } = {};
      if (values.summary !== entry.summary) changes.summary = values.summary;
      if (values.decision !== entry.decision) changes.decision = values.decision;
      if (values.rationale !== entry.rationale) changes.rationale = values.rationale;
      return { entryId: entry.id, changes, reason: values.reason };
    },
    [entry],
  );
  const form = useApiForm({
    method: 'escalations.amendEntry',
    draftKey: `entry-amend:${entry.id}`,
    initial: () => ({ summary: entry.summary, decision: entry.decision, rationale: entry.rationale, reason: '' }),
    toInput,
    onSuccess: onSaved,
  });
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel="Save the amendment">
      <AboutChild name={childName} />
      <Text size="sm">The original wording is kept, with who amended it, when and why.</Text>
      {form.error('changes') ? (
        <Text c="red" size="sm" role="alert">
          {form.error('changes')}
        </Text>
      ) : null}
      <Textarea
        label="What was said"
        autosize
        minRows={3}
        value={form.values.summary}
        onChange={(event) => form.set('summary', event.currentTarget.value)}
        error={form.error('changes.summary')}
      />
      <Textarea
        label="Decision"
        autosize
        minRows={2}
        value={form.values.decision}
        onChange={(event) => form.set('decision', event.currentTarget.value)}
        error={form.error('changes.decision')}
      />
      <Textarea
        label="Rationale"
        autosize
        minRows={2}
        value={form.values.rationale}
        onChange={(event) => form.set('rationale', event.currentTarget.value)}
        error={form.error('changes.rationale')}
      />
      <Textarea label="Why it is being amended" required autosize minRows={2} {...form.bind('reason')} />
    </DialogForm>
  );
}
