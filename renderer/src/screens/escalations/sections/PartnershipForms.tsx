import { Badge, Box, Button, Group, List, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { EscalationDetail } from '../../../../../shared/schemas/escalations';
import { useSession } from '../../../api/session';
import { useApiForm } from '../../../api/useApiForm';
import { DateTimeField } from '../../../components/DateTimeField';
import { DraftNotice } from '../../../components/DraftNotice';
import { FormError } from '../../../components/Page';
import { nowToTheMinute, ukDateTime } from '../../../format';

// What the partnership's forms say, recorded while the escalation is open: the Liverpool Report to
// LSCB and the CSCP Escalation Notification Form are completed at stage 3 "whether resolved or not",
// so the lead agency (chosen: the other agency may lead), the policy or practice issues, the current
// position and the remaining issues are recorded at any stage, not only in the learning review at
// the end. Each change keeps the old words. The DSL also records each time a form was sent to the
// partnership. Shown for every escalation: the issues are the partnership's to hear whatever the
// procedure's forms.

interface Values {
  leadChoice: string;
  leadOther: string;
  policyPracticeIssues: string;
  currentPosition: string;
  remainingIssues: string;
}

const ANOTHER = 'another';

/** What is recorded for the partnership, and (for those who may) a button that opens the form to record or change it. */
function PartnershipDetails({
  escalation,
  canRecord,
  onSaved,
}: {
  escalation: EscalationDetail;
  canRecord: boolean;
  onSaved: (value: EscalationDetail) => void;
}) {
  const [editing, setEditing] = useState(false);
  const current = escalation.partnership;
  if (editing && canRecord) {
    return (
      <PartnershipEditor
        escalation={escalation}
        onCancel={() => setEditing(false)}
        onSaved={(value) => {
          setEditing(false);
          onSaved(value);
        }}
      />
    );
  }
  return (
    <Stack gap="xs">
      {current ? (
        <Stack gap={4}>
          <Text size="sm">
            <strong>Lead agency:</strong> {current.leadAgency}
          </Text>
          <Text size="sm">
            <strong>Policy or practice issues:</strong> {current.policyPracticeIssues}
          </Text>
          <Text size="sm">
            <strong>Current position:</strong> {current.currentPosition}
          </Text>
          <Text size="sm">
            <strong>Remaining issues:</strong> {current.remainingIssues}
          </Text>
          <Text size="xs" c="dimmed">
            Last recorded {ukDateTime(current.updatedAt)} by {current.updatedBy}.
            {current.amendments.length > 0 ? ` Changed ${current.amendments.length} times; the earlier words are kept.` : ''}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Nothing recorded for the partnership yet: the lead agency, the policy or practice issues, the current position and the remaining
          issues can be recorded at any stage.
        </Text>
      )}
      {canRecord ? (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)}>
            {current ? 'Change what the partnership’s form says' : 'Record what the partnership’s form says'}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The form itself: it exists only while open, so loading the escalation asks for no draft. */
function PartnershipEditor({
  escalation,
  onSaved,
  onCancel,
}: {
  escalation: EscalationDetail;
  onSaved: (value: EscalationDetail) => void;
  onCancel: () => void;
}) {
  const { status } = useSession();
  const ours = status.settingName;
  const theirs = escalation.otherAgency.name;
  const current = escalation.partnership;
  const initial = useCallback((): Values => {
    const lead = current?.leadAgency ?? ours;
    const known = lead === ours || lead === theirs;
    return {
      leadChoice: known ? lead : ANOTHER,
      leadOther: known ? '' : lead,
      policyPracticeIssues: current?.policyPracticeIssues ?? '',
      currentPosition: current?.currentPosition ?? '',
      remainingIssues: current?.remainingIssues ?? '',
    };
  }, [current, ours, theirs]);
  const toInput = useCallback(
    (values: Values) => ({
      escalationId: escalation.id,
      leadAgency: values.leadChoice === ANOTHER ? values.leadOther : values.leadChoice,
      policyPracticeIssues: values.policyPracticeIssues,
      currentPosition: values.currentPosition,
      remainingIssues: values.remainingIssues,
    }),
    [escalation.id],
  );
  const form = useApiForm({
    method: 'escalations.recordPartnership',
    draftKey: `escalation-partnership:${escalation.id}`,
    initial,
    toInput,
    onSuccess: onSaved,
    resetOnSuccess: false,
  });
  return (
    <Box component="form" onSubmit={(event) => void form.submit(event)} onKeyDown={form.onKeyDown} noValidate>
      <Stack gap="sm">
        <FormError error={form.formError} />
        <DraftNotice restoredAt={form.restoredDraftAt} onDiscard={form.discardDraft} />
        <SimpleGrid cols={2} key={form.draftGeneration}>
          <Select
            label="Lead agency"
            description="The agency leading on the partnership’s form: not always your setting."
            required
            allowDeselect={false}
            data={[
              { value: ours, label: `${ours} (your setting)` },
              ...(theirs !== ours ? [{ value: theirs, label: theirs }] : []),
              { value: ANOTHER, label: 'Another agency' },
            ]}
            value={form.values.leadChoice}
            onChange={(value) => form.set('leadChoice', value ?? ours)}
            error={form.values.leadChoice === ANOTHER ? undefined : form.error('leadAgency')}
          />
          {form.values.leadChoice === ANOTHER ? (
            <TextInput label="The lead agency’s name" required {...form.bind('leadOther', 'leadAgency')} />
          ) : (
            <div />
          )}
        </SimpleGrid>
        <Textarea
          label="Policy or practice issues identified"
          description="For the partnership: what this disagreement shows about policy or practice. Write “none yet” if none."
          required
          autosize
          minRows={2}
          {...form.bind('policyPracticeIssues')}
        />
        <SimpleGrid cols={2}>
          <Textarea label="Current position" required autosize minRows={2} {...form.bind('currentPosition')} />
          <Textarea
            label="Remaining issues"
            description="Write “none” if none."
            required
            autosize
            minRows={2}
            {...form.bind('remainingIssues')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {current ? 'Save the changes' : 'Save for the partnership'}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

interface SentValues {
  form: string;
  sentAt: string;
  note: string;
}

function RecordSent({ escalation, onSaved }: { escalation: EscalationDetail; onSaved: (value: EscalationDetail) => void }) {
  const reached = escalation.partnershipForms.filter((form) => form.reached);
  // The form is mounted before a stage calling for a partnership form may be reached: the first one
  // reached is the choice until another is chosen.
  const firstReached = escalation.partnershipForms.find((form) => form.reached)?.form ?? '';
  const escalationId = escalation.id;
  const initial = useCallback((): SentValues => ({ form: '', sentAt: nowToTheMinute(), note: '' }), []);
  const toInput = useCallback(
    (values: SentValues) => ({ escalationId, form: values.form || firstReached, sentAt: values.sentAt, note: values.note }),
    [escalationId, firstReached],
  );
  const form = useApiForm({ method: 'escalations.recordFormSent', initial, toInput, onSuccess: onSaved });
  if (reached.length === 0) return null;
  return (
    <Box
      component="form"
      onSubmit={(event) => void form.submit(event)}
      onKeyDown={form.onKeyDown}
      noValidate
      aria-label="Record a form as sent to the partnership"
    >
      <Stack gap="xs">
        <FormError error={form.formError} />
        <SimpleGrid cols={3} key={form.draftGeneration}>
          <Select
            label="Form sent"
            required
            allowDeselect={false}
            data={reached.map((item) => ({ value: item.form, label: item.title }))}
            value={form.values.form || firstReached || null}
            onChange={(value) => form.set('form', value ?? '')}
            error={form.error('form')}
          />
          <DateTimeField
            label="Sent to the partnership on"
            value={form.values.sentAt}
            onChange={(iso) => form.set('sentAt', iso)}
            onBlur={() => form.touch('sentAt')}
            error={form.error('sentAt')}
          />
          <TextInput label="Note (optional)" description="Who it went to, and how." {...form.bind('note')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={form.submitting}>
            Record it as sent
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

export function PartnershipForms({
  escalation,
  canRecord,
  onSaved,
}: {
  escalation: EscalationDetail;
  canRecord: boolean;
  onSaved: (value: EscalationDetail) => void;
}) {
  const forms = escalation.partnershipForms;
  return (
    <Paper component="section" withBorder p="md" mb="lg" aria-labelledby="partnership-heading">
      <Title order={2} size="h4" mb="xs" id="partnership-heading">
        For the partnership
      </Title>
      {forms.length > 0 ? (
        <List size="sm" mb="sm">
          {forms.map((form) => (
            <List.Item key={form.form}>
              {form.title}: from {form.fromStage}{' '}
              {form.reached ? (
                <Badge size="sm" variant="light" color="indigo">
                  Due now
                </Badge>
              ) : (
                <Badge size="sm" variant="light" color="gray">
                  Not reached yet
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          This procedure has no partnership form; what you record here is kept with the escalation for the learning review.
        </Text>
      )}
      <PartnershipDetails escalation={escalation} canRecord={canRecord} onSaved={onSaved} />
      {forms.length > 0 ? (
        <Stack gap="xs" mt="md">
          <Title order={3} size="h5">
            Sent to the partnership
          </Title>
          {escalation.sentToPartnership.length === 0 ? (
            <Text size="sm" c="dimmed">
              Not recorded as sent yet.
            </Text>
          ) : (
            <List size="sm">
              {escalation.sentToPartnership.map((sent) => (
                <List.Item key={sent.id}>
                  {sent.formTitle}: sent to the partnership on {ukDateTime(sent.sentAt)}
                  {sent.note ? ` (${sent.note})` : ''}, recorded by {sent.recordedBy}
                </List.Item>
              ))}
            </List>
          )}
          {canRecord ? <RecordSent escalation={escalation} onSaved={onSaved} /> : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
