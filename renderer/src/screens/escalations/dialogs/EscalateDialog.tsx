import { Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { AboutChild } from '../../../components/ForChild';
import { DialogForm, FormDialog } from '../../../components/FormDialog';
import { nowToTheMinute } from '../../../format';
import type { EscalationDialogProps } from './types';

// Escalating: to the stage the procedure's routing names next, or — where the procedure allows it,
// in the policy's own words — straight to a later stage, past the ones between. Either way with the
// reason and when; going straight on also says which of the procedure's reasons applies. The core
// checks the choice against the escalation's own procedure and records it as such.

interface Values {
  to: 'next' | 'later';
  stageId: string;
  ruleId: string;
  reason: string;
  escalatedAt: string;
}

type EscalateProps = EscalationDialogProps & { straightToLater?: boolean };

export function EscalateDialog(props: EscalateProps) {
  const next = props.escalation.current?.next;
  const title = props.straightToLater ? 'Go straight to a later stage' : next ? `Escalate to ${next.label}: ${next.title}` : 'Escalate';
  return (
    <FormDialog title={title} opened={props.opened} onClose={props.onClose}>
      <EscalateForm {...props} />
    </FormDialog>
  );
}

function EscalateForm({ escalation, onClose, onSaved, straightToLater = false }: EscalateProps) {
  const next = escalation.current?.next;
  const later = escalation.current?.skipTo ?? [];
  const toInput = useCallback(
    (values: Values) => ({
      escalationId: escalation.id,
      reason: values.reason,
      escalatedAt: values.escalatedAt,
      ...(values.to === 'later' ? { skipTo: { stageId: values.stageId, ruleId: values.ruleId } } : {}),
    }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.escalate',
    draftKey: `escalation-escalate:${escalation.id}`,
    initial: (): Values => ({
      to: straightToLater && later.length > 0 ? 'later' : 'next',
      stageId: '',
      ruleId: '',
      reason: '',
      escalatedAt: nowToTheMinute(),
    }),
    toInput,
    onSuccess: onSaved,
  });
  const target = later.find((stage) => stage.stageId === form.values.stageId);
  const goingStraight = form.values.to === 'later';
  const submitLabel = goingStraight
    ? target
      ? `Go straight to ${target.label}`
      : 'Go straight there'
    : next
      ? `Escalate to ${next.label}`
      : 'Escalate';
  return (
    <DialogForm form={form} onCancel={onClose} submitLabel={submitLabel}>
      <AboutChild name={escalation.childName} />
      {later.length > 0 ? (
        <Radio.Group label="Where to" value={form.values.to} onChange={(value) => form.set('to', value === 'later' ? 'later' : 'next')}>
          <Stack gap={6} mt={6}>
            {next ? <Radio value="next" label={`The next stage: ${next.label}, ${next.title}`} /> : null}
            <Radio value="later" label="Straight to a later stage, as the procedure allows" />
          </Stack>
        </Radio.Group>
      ) : null}
      {!goingStraight && next?.reason ? (
        <Text size="sm" fs="italic">
          The procedure routes this disagreement: {next.reason}
        </Text>
      ) : null}
      {goingStraight ? (
        <>
          <Select
            label="Which stage"
            required
            placeholder="Choose"
            data={later.map((stage) => ({ value: stage.stageId, label: `${stage.label}: ${stage.title}` }))}
            value={form.values.stageId || null}
            onChange={(value) => {
              form.set('stageId', value ?? '');
              const rules = later.find((stage) => stage.stageId === value)?.rules ?? [];
              form.set('ruleId', rules.length === 1 ? (rules[0]?.id ?? '') : '');
            }}
            error={form.error('skipTo.stageId')}
            allowDeselect={false}
          />
          {target ? (
            <Radio.Group
              label="Which of the procedure’s reasons applies"
              required
              value={form.values.ruleId}
              onChange={(value) => form.set('ruleId', value)}
              error={form.error('skipTo.ruleId')}
            >
              <Stack gap="sm" mt={6}>
                {target.rules.map((rule) => (
                  <Radio
                    key={rule.id}
                    value={rule.id}
                    label={rule.when}
                    description={`${escalation.procedure.name} says: “${rule.source}”`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ) : null}
        </>
      ) : null}
      <Textarea
        label={goingStraight ? 'Why it is going straight there' : 'Why it is being escalated'}
        required
        autosize
        minRows={3}
        {...form.bind('reason')}
      />
      <DateTimeField
        label="When"
        value={form.values.escalatedAt}
        onChange={(iso) => form.set('escalatedAt', iso)}
        error={form.error('escalatedAt')}
      />
    </DialogForm>
  );
}
