import { Alert, Anchor, Button, Checkbox, List, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { levelOfNeedLabels, type ChildSummary } from '../../../../shared/schemas/children';
import { apiBridge } from '../../api/client';
import { ukDate } from '../../format';
import { DateField } from '../../components/DateTimeField';
import { FormActions, FormFields, FormPaper } from '../../components/FormPaper';
import { PageHeader } from '../../components/Page';
import { useApiForm } from '../../api/useApiForm';
import { href, navigate } from '../../routing/router';
import { childTextLabels, levelOfNeedChoices, planChoices, type ChildDetailValues, type ChildTextField } from './child-values';

interface Values extends ChildDetailValues {
  confirmedNotDuplicate: boolean;
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
  confirmedNotDuplicate: false,
};

/**
 * Children already on the register with the name and date of birth typed so far (accents, case and
 * apostrophes aside): asked for once all three are filled in, a moment after typing stops.
 */
function useDuplicates(values: Pick<Values, 'firstName' | 'lastName' | 'dateOfBirth'>): ChildSummary[] {
  const [identity] = useDebouncedValue(`${values.firstName.trim()}\u0000${values.lastName.trim()}\u0000${values.dateOfBirth}`, 300);
  const [found, setFound] = useState<{ identity: string; children: ChildSummary[] }>({ identity: '', children: [] });
  useEffect(() => {
    const [firstName = '', lastName = '', dateOfBirth = ''] = identity.split('\u0000');
    if (!firstName || !lastName || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return;
    let active = true;
    void apiBridge.call('children.duplicates', { firstName, lastName, dateOfBirth }).then((result) => {
      if (active && result.ok) setFound({ identity, children: result.value });
    });
    return () => {
      active = false;
    };
  }, [identity]);
  return found.identity === identity ? found.children : [];
}

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
      ...(values.confirmedNotDuplicate ? { confirmedNotDuplicate: true } : {}),
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
  const duplicates = useDuplicates(form.values);
  const duplicateError = form.error('confirmedNotDuplicate');
  const text = (field: ChildTextField, extra: { description?: string; required?: boolean } = {}) => (
    <TextInput
      label={childTextLabels[field]}
      required={extra.required ?? true}
      description={extra.description}
      value={form.values[field]}
      onChange={(event) => form.set(field, event.currentTarget.value)}
      onBlur={() => form.touch(field)}
      error={form.error(field)}
    />
  );

  return (
    <>
      <PageHeader title="Add a child" subtitle="Only what the safeguarding record needs." />
      <FormPaper form={form} p="lg" maw={760}>
        <FormFields form={form}>
          <SimpleGrid cols={2}>
            {text('firstName')}
            {text('lastName')}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <DateField
              label="Date of birth"
              value={form.values.dateOfBirth}
              onChange={(value) => form.set('dateOfBirth', value)}
              onBlur={() => form.touch('dateOfBirth')}
              error={form.error('dateOfBirth')}
            />
            {text('classOrYear', { description: 'For example: Year 4, or Rainbow Room.' })}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="Level of need"
              required
              placeholder="Choose"
              data={levelOfNeedChoices((level) => levelOfNeedLabels[level])}
              value={form.values.levelOfNeed || null}
              onChange={(value) => form.set('levelOfNeed', value ?? '')}
              onBlur={() => form.touch('levelOfNeed')}
              error={form.error('levelOfNeed')}
              allowDeselect={false}
            />
            <Select
              label="Plan"
              required
              data={planChoices}
              value={form.values.planStatus}
              onChange={(value) => form.set('planStatus', value ?? 'none')}
              error={form.error('planStatus')}
              allowDeselect={false}
            />
          </SimpleGrid>
          {duplicates.length > 0 || duplicateError ? (
            <Alert color="orange" title="This child may already be on the register" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  A child with the same name and date of birth is already recorded. Open their record to add to it, rather than starting a
                  second record for the same child.
                </Text>
                <List size="sm">
                  {duplicates.map((child) => (
                    <List.Item key={child.id}>
                      <Anchor href={href({ name: 'child', id: child.id })}>
                        Open {child.firstName} {child.lastName}’s record
                      </Anchor>{' '}
                      (born {ukDate(child.dateOfBirth)}, {child.classOrYear})
                    </List.Item>
                  ))}
                </List>
                <Checkbox
                  label="This is a different child with the same name and date of birth"
                  checked={form.values.confirmedNotDuplicate}
                  onChange={(event) => form.set('confirmedNotDuplicate', event.currentTarget.checked)}
                  error={duplicateError}
                />
              </Stack>
            </Alert>
          ) : null}
          <SimpleGrid cols={2}>
            {text('socialWorkerName', { required: false, description: 'If the child has one.' })}
            {text('socialWorkerContact', { required: false, description: 'Phone or email.' })}
          </SimpleGrid>
          <FormActions form={form} submitLabel="Save the child">
            <Button variant="default" component="a" href="#/children">
              Cancel
            </Button>
          </FormActions>
        </FormFields>
      </FormPaper>
    </>
  );
}
