import { Checkbox, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { DateTime } from 'luxon';
import { useCallback } from 'react';
import { useApiForm } from '../../../api/useApiForm';
import { DateField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { AboutChild } from '../../../components/ForChild';
import type { EscalationDialogProps } from './types';

// An action agreed at the current stage: what, who (full name and role), when it was agreed (today,
// or the day of the meeting that agreed it, when it is recorded afterwards), and by when. A due
// date already past is not taken silently: the action would be overdue the moment it is saved, so
// the form says so and saves it only once the DSL ticks that this is what they mean.

interface ActionValues {
  description: string;
  ownerName: string;
  ownerRole: string;
  agreedOn: string;
  dueDate: string;
  /** The DSL has confirmed a due date before today (the action is overdue as soon as it is saved). */
  pastDueConfirmed: boolean;
}

function todayInLondon(): string {
  return DateTime.now().setZone('Europe/London').toISODate() ?? '';
}

/** A due date typed in full and before today. */
function isPastDue(dueDate: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && dueDate < todayInLondon();
}

function pastDueCheck(values: ActionValues): Record<string, string> {
  return isPastDue(values.dueDate) && !values.pastDueConfirmed
    ? {
        dueDate:
          'This date has passed: the action would be overdue as soon as it is saved. Change the date, or tick below to record it as already overdue.',
      }
    : {};
}

function blankAction(): ActionValues {
  return {
    description: '',
    ownerName: '',
    ownerRole: '',
    agreedOn: todayInLondon(),
    dueDate: '',
    pastDueConfirmed: false,
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
  const toInput = useCallback(
    ({ pastDueConfirmed: _confirmed, ...values }: ActionValues) => ({ escalationId: escalation.id, ...values }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.addAction',
    draftKey: `escalation-action:${escalation.id}`,
    initial: blankAction,
    toInput,
    check: pastDueCheck,
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
      {isPastDue(form.values.dueDate) ? (
        <Checkbox
          label="Record it with this date: it is already overdue"
          checked={form.values.pastDueConfirmed}
          onChange={(event) => form.set('pastDueConfirmed', event.currentTarget.checked)}
        />
      ) : null}
    </DialogForm>
  );
}
