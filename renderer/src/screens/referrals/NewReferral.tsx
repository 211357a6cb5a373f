import { Group, Radio, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import {
  referralCategories,
  referralCategoryLabels,
  referralConcernLabels,
  referralConcerns,
  referralMethodLabels,
  referralMethods,
} from '../../../../shared/referrals/categories';
import { useSession } from '../../api/session';
import { ChildSelect } from '../../components/ChildSelect';
import { ForChild } from '../../components/ForChild';
import { DateTimeField } from '../../components/DateTimeField';
import { FormActions, FormFields, FormPaper } from '../../components/FormPaper';
import { PageHeader } from '../../components/Page';
import { nowToTheMinute } from '../../format';
import { useApiForm } from '../../api/useApiForm';
import { navigate } from '../../routing/router';

interface Values {
  childId: string;
  madeAt: string;
  method: string;
  concern: string;
  category: string;
  referredTo: string;
  madeByName: string;
  madeByRole: string;
  summary: string;
}

export function NewReferral({ childId }: { childId: string | null }) {
  const { status } = useSession();
  const toInput = useCallback((values: Values) => values, []);
  const form = useApiForm({
    method: 'referrals.create',
    draftKey: `referral-new:${childId ?? 'any'}`,
    // Made when the form opens, so "when the referral was made" starts at that moment.
    initial: (): Values => ({
      childId: childId ?? '',
      madeAt: nowToTheMinute(),
      method: 'phone',
      concern: 'child-protection',
      category: 'standard',
      referredTo: '',
      madeByName: status.user.fullName,
      madeByRole: 'Designated Safeguarding Lead',
      summary: '',
    }),
    toInput,
    onSuccess: (referral) => navigate({ name: 'referral', id: referral.id }),
    // Success leaves this screen: starting afresh would only flash an empty form on the way out.
    resetOnSuccess: false,
  });
  const bind = (field: keyof Values) => ({
    value: form.values[field],
    onChange: (event: { currentTarget: { value: string } }) => form.set(field, event.currentTarget.value),
    onBlur: () => form.touch(field),
    error: form.error(field),
  });
  return (
    <>
      <PageHeader
        title="Record a referral to children’s social care"
        subtitle="The statutory milestones and their due dates follow from what you record here."
      />
      <FormPaper form={form} p="lg" maw={820}>
        <FormFields form={form}>
          {/^[0-9a-f-]{36}$/i.test(form.values.childId) ? <ForChild childId={form.values.childId} /> : null}
          {childId ? null : (
            <ChildSelect
              value={form.values.childId}
              onChange={(id) => form.set('childId', id)}
              onBlur={() => form.touch('childId')}
              error={form.error('childId')}
            />
          )}
          <SimpleGrid cols={2}>
            <DateTimeField
              label="When the referral was made"
              value={form.values.madeAt}
              onChange={(iso) => form.set('madeAt', iso)}
              onBlur={() => form.touch('madeAt')}
              error={form.error('madeAt')}
            />
            <Select
              label="How it was made"
              required
              data={referralMethods.map((method) => ({ value: method, label: referralMethodLabels[method] }))}
              value={form.values.method}
              onChange={(value) => form.set('method', value ?? '')}
              error={form.error('method')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Radio.Group
            label="Kind of referral"
            required
            value={form.values.concern}
            onChange={(value) => form.set('concern', value)}
            error={form.error('concern')}
          >
            <Group mt={6}>
              {referralConcerns.map((concern) => (
                <Radio key={concern} value={concern} label={referralConcernLabels[concern]} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label="Category of concern"
            description="Sets when the strategy discussion is due."
            required
            value={form.values.category}
            onChange={(value) => form.set('category', value)}
            error={form.error('category')}
          >
            <Stack mt={6} gap={6}>
              {referralCategories.map((category) => (
                <Radio key={category} value={category} label={referralCategoryLabels[category]} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label="Made to"
            description="The team or service, e.g. Children’s Advice and Support Service (CASS) or MASH."
            required
            {...bind('referredTo')}
          />
          <SimpleGrid cols={2}>
            <TextInput label="Made by (full name)" required {...bind('madeByName')} />
            <TextInput label="Their role" required {...bind('madeByRole')} />
          </SimpleGrid>
          <Textarea label="Summary of the concern referred" required autosize minRows={4} {...bind('summary')} />
          <FormActions form={form} submitLabel="Save the referral" />
        </FormFields>
      </FormPaper>
    </>
  );
}
