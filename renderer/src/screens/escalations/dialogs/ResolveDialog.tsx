import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useSession } from '../../../api/session';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { AboutChild } from '../../../components/ForChild';
import { nowToTheMinute } from '../../../format';
import type { EscalationDialogProps } from './types';

// Resolution: the written statement of the outcome the agencies agreed, its consequent actions,
// who agreed it (the setting and the other agency to start with) and when. Each agency is its own
// field: an agency's name may hold a comma ("Liverpool Children's Services, North Team"), so names
// are never split on commas, and they are kept as a list of names from here to the printed statement.

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
      <AboutChild name={escalation.childName} />
      <Text size="sm">
        When the disagreement is resolved, the agencies agree a written statement of the outcome, including any consequent action. Each
        agency places a copy on the child’s record.
      </Text>
      <Textarea label="Written statement of the outcome" required autosize minRows={5} {...form.bind('outcomeStatement')} />
      <Textarea label="Consequent actions" required autosize minRows={2} {...form.bind('consequentActions')} />
      <AgencyList agencies={form.values.agreedBy} onChange={(agencies) => form.set('agreedBy', agencies)} error={form.error} />
      <DateTimeField
        label="When it was agreed"
        value={form.values.resolvedAt}
        onChange={(iso) => form.set('resolvedAt', iso)}
        error={form.error('resolvedAt')}
      />
    </DialogForm>
  );
}

/** The agencies that agreed the statement: one field each, added and removed one at a time. */
function AgencyList(props: { agencies: string[]; onChange: (agencies: string[]) => void; error: (path: string) => string | undefined }) {
  const { agencies, onChange, error } = props;
  return (
    <Stack gap={6} role="group" aria-label="Agencies that agreed the statement">
      <Text size="sm" fw={500}>
        Agencies that agreed the statement
      </Text>
      {error('agreedBy') ? (
        <Text c="red.9" size="sm" role="alert">
          {error('agreedBy')}
        </Text>
      ) : null}
      {agencies.map((agency, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`Agency ${index + 1}`}
            value={agency}
            onChange={(event) => {
              const text = event.currentTarget.value;
              onChange(agencies.map((existing, i) => (i === index ? text : existing)));
            }}
            error={error(`agreedBy.${index}`)}
            style={{ flexGrow: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove agency ${index + 1}`}
            onClick={() => onChange(agencies.filter((_, i) => i !== index))}
            mt={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...agencies, ''])}>
          Add another agency
        </Button>
      </Group>
    </Stack>
  );
}
