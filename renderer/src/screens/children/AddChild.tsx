import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useCallback } from 'react';
import { levelOfNeedLabels, levelsOfNeed, planStatusLabels, planStatuses } from '../../../../shared/schemas/children';
import { DateField } from '../../components/DateTimeField';
import { DraftNotice } from '../../components/DraftNotice';
import { FormError, PageHeader } from '../../components/Page';
import { useApiForm } from '../../api/useApiForm';
import { navigate } from '../../routing/router';

interface Values {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  classOrYear: string;
  levelOfNeed: string;
  planStatus: string;
  socialWorkerName: string;
  socialWorkerContact: string;
}

const initial: Values = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  classOrYear: '',
  levelOfNeed: '',
  planStatus: 'none',
  socialWorkerName: '',
  socialWorkerContact: '',
};

export function AddChild() {
  const toInput = useCallback(
    (values: Values) => ({
      firstName: values.firstName,
      lastName: values.lastName,
      dateOfBirth: values.dateOfBirth,
      classOrYear: values.classOrYear,
      levelOfNeed: values.levelOfNeed === '' ? undefined : Number(values.levelOfNeed),
      planStatus: values.planStatus,
      socialWorkerName: values.socialWorkerName,
      socialWorkerContact: values.socialWorkerContact,
    }),
    [],
  );
  const form = useApiForm({
    method: 'children.create',
    initial,
    toInput,
    onSuccess: (child) => navigate({ name: 'child', id: child.id }),
    // Success leaves this screen: starting afresh would only flash an empty form on the way out.
    resetOnSuccess: false,
    draftKey: 'child-new',
  });
  const text = (field: keyof Values, label: string, extra: { description?: string; required?: boolean; type?: string } = {}) => (
    <TextInput
      label={label}
      required={extra.required ?? true}
      description={extra.description}
      type={extra.type}
      value={form.values[field]}
      onChange={(event) => form.set(field, event.currentTarget.value)}
      onBlur={() => form.touch(field)}
      error={form.error(field)}
    />
  );

  return (
    <>
      <PageHeader title="Add a child" subtitle="Only what the safeguarding record needs." />
      <Paper withBorder p="lg" component="form" onSubmit={(event) => void form.submit(event)} noValidate maw={760}>
        <FormError error={form.formError} />
        <DraftNotice restoredAt={form.restoredDraftAt} onDiscard={form.discardDraft} />
        <Stack key={form.draftGeneration}>
          <SimpleGrid cols={2}>
            {text('firstName', 'First name')}
            {text('lastName', 'Last name')}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <DateField
              label="Date of birth"
              value={form.values.dateOfBirth}
              onChange={(value) => form.set('dateOfBirth', value)}
              onBlur={() => form.touch('dateOfBirth')}
              error={form.error('dateOfBirth')}
            />
            {text('classOrYear', 'Class or year group', { description: 'For example: Year 4, or Rainbow Room.' })}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="Level of need"
              required
              placeholder="Choose"
              data={levelsOfNeed.map((level) => ({ value: String(level), label: levelOfNeedLabels[level] }))}
              value={form.values.levelOfNeed || null}
              onChange={(value) => form.set('levelOfNeed', value ?? '')}
              onBlur={() => form.touch('levelOfNeed')}
              error={form.error('levelOfNeed')}
              allowDeselect={false}
            />
            <Select
              label="Plan"
              required
              data={planStatuses.map((status) => ({ value: status, label: planStatusLabels[status] }))}
              value={form.values.planStatus}
              onChange={(value) => form.set('planStatus', value ?? 'none')}
              error={form.error('planStatus')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            {text('socialWorkerName', 'Allocated social worker’s full name', { required: false, description: 'If the child has one.' })}
            {text('socialWorkerContact', 'Social worker’s contact details', { required: false, description: 'Phone or email.' })}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" component="a" href="#/children">
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save the child
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
