import { Alert, Group, List, Radio, Select, SimpleGrid, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { categoryDetails, escalationCategories } from '../../../../shared/procedures';
import type { EscalationDraft } from '../../../../shared/schemas/escalations';
import { agencyKindLabels, agencyKinds } from '../../../../shared/escalations/agency-kinds';
import { milestoneKeys } from '../../../../shared/referrals/milestones';
import { apiBridge } from '../../api/client';
import { ChildSelect } from '../../components/ChildSelect';
import { ForChild } from '../../components/ForChild';
import { DateTimeField } from '../../components/DateTimeField';
import { FormActions, FormFields, FormPaper } from '../../components/FormPaper';
import { PageHeader } from '../../components/Page';
import { nowToTheMinute, ukDeadline } from '../../format';
import { useApiForm } from '../../api/useApiForm';
import { navigate } from '../../routing/router';

// Opening an escalation: what the disagreement is, with whom, where the agencies agree and
// disagree, how it bears on risk, and the outcome sought. A child at immediate risk is referred
// first: the form stops and says so, and records that referral.

interface Values {
  childId: string;
  category: string;
  immediateRisk: '' | 'yes' | 'no';
  immediateMadeAt: string;
  immediateMadeTo: string;
  otherAgencyKind: string;
  otherAgencyName: string;
  professionalName: string;
  professionalRole: string;
  professionalContact: string;
  concern: string;
  areasOfAgreement: string;
  areasOfDisagreement: string;
  riskRelevance: string;
  outcomeSought: string;
  openedAt: string;
  fromMissed: { referralId: string; milestone: (typeof milestoneKeys)[number] } | null;
}

function blank(childId: string | null): Values {
  return {
    childId: childId ?? '',
    category: '',
    immediateRisk: '',
    immediateMadeAt: '',
    immediateMadeTo: '',
    otherAgencyKind: 'childrens-social-care',
    otherAgencyName: '',
    professionalName: '',
    professionalRole: '',
    professionalContact: '',
    concern: '',
    areasOfAgreement: '',
    areasOfDisagreement: '',
    riskRelevance: '',
    outcomeSought: '',
    openedAt: nowToTheMinute(),
    fromMissed: null,
  };
}

function fromDraft(draft: EscalationDraft): Values {
  const input = draft.input;
  return {
    ...blank(input.childId),
    category: input.category,
    immediateRisk: 'no',
    otherAgencyKind: input.otherAgencyKind,
    otherAgencyName: input.otherAgencyName,
    professionalName: input.otherProfessional.name,
    professionalRole: input.otherProfessional.role,
    concern: input.concern,
    areasOfAgreement: input.areasOfAgreement,
    areasOfDisagreement: input.areasOfDisagreement,
    riskRelevance: input.riskRelevance,
    outcomeSought: input.outcomeSought,
    openedAt: input.openedAt,
    fromMissed: input.fromMissed ?? null,
  };
}

function toInput(values: Values) {
  return {
    childId: values.childId,
    category: values.category,
    immediateRisk: values.immediateRisk === '' ? undefined : values.immediateRisk === 'yes',
    ...(values.immediateRisk === 'yes' ? { immediateReferral: { madeAt: values.immediateMadeAt, madeTo: values.immediateMadeTo } } : {}),
    otherAgencyKind: values.otherAgencyKind,
    otherAgencyName: values.otherAgencyName,
    otherProfessional: { name: values.professionalName, role: values.professionalRole, contact: values.professionalContact },
    concern: values.concern,
    areasOfAgreement: values.areasOfAgreement,
    areasOfDisagreement: values.areasOfDisagreement,
    riskRelevance: values.riskRelevance,
    outcomeSought: values.outcomeSought,
    openedAt: values.openedAt,
    ...(values.fromMissed ? { fromMissed: values.fromMissed } : {}),
  };
}

export function OpenEscalation({
  childId,
  referralId,
  milestone,
}: {
  childId: string | null;
  referralId: string | null;
  milestone: string | null;
}) {
  const [initial] = useState(() => blank(childId));
  const [draft, setDraft] = useState<EscalationDraft | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const form = useApiForm({
    method: 'escalations.open',
    draftKey: referralId && milestone ? `escalation-new:missed:${referralId}:${milestone}` : `escalation-new:${childId ?? 'any'}`,
    initial,
    toInput,
    onSuccess: (escalation) => navigate({ name: 'escalation', id: escalation.id }),
    // Success leaves this screen: starting afresh would only flash an empty form on the way out.
    resetOnSuccess: false,
  });
  const { setValues } = form;

  useEffect(() => {
    const key = milestoneKeys.find((candidate) => candidate === milestone);
    if (!referralId || !key) return;
    void apiBridge.call('referrals.escalationDraft', { referralId, milestone: key }).then((result) => {
      if (result.ok) {
        setDraft(result.value);
        // A draft the person was typing (restored by the form) wins over the pre-filled answers.
        setValues((current) => (current === initial ? fromDraft(result.value) : current));
      } else {
        setDraftError(result.error.message);
      }
    });
  }, [referralId, milestone, setValues, initial]);

  // The child's allocated social worker is the professional to name when the disagreement is with
  // children's social care: filled in once the child is known, unless something is typed there already.
  const chosenChild = /^[0-9a-f-]{36}$/i.test(form.values.childId) ? form.values.childId : null;
  const [socialWorkerFor, setSocialWorkerFor] = useState<string | null>(null);
  const waitingForDraft = Boolean(referralId && milestone && !draft && !draftError);
  useEffect(() => {
    // A missed milestone's pre-filled answers come first; the social worker is added to them.
    if (!chosenChild || socialWorkerFor === chosenChild || waitingForDraft) return;
    let active = true;
    void apiBridge.call('children.get', { id: chosenChild }).then((result) => {
      if (!active || !result.ok) return;
      setSocialWorkerFor(chosenChild);
      const child = result.value;
      if (!child.socialWorkerName) return;
      setValues((current) =>
        current.otherAgencyKind === 'childrens-social-care' && !current.professionalName.trim()
          ? {
              ...current,
              professionalName: child.socialWorkerName ?? '',
              professionalRole: current.professionalRole.trim() ? current.professionalRole : 'Social worker',
              professionalContact: current.professionalContact.trim() ? current.professionalContact : (child.socialWorkerContact ?? ''),
            }
          : current,
      );
    });
    return () => {
      active = false;
    };
  }, [chosenChild, socialWorkerFor, setValues, waitingForDraft]);

  const text = (field: keyof Values, path: string, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      required={field !== 'professionalContact'}
      value={String(form.values[field] ?? '')}
      onChange={(event) => form.set(field, event.currentTarget.value)}
      onBlur={() => form.touch(path)}
      error={form.error(path)}
    />
  );
  const area = (field: keyof Values, label: string, description?: string) => (
    <Textarea
      label={label}
      description={description}
      required
      autosize
      minRows={3}
      value={String(form.values[field] ?? '')}
      onChange={(event) => form.set(field, event.currentTarget.value)}
      onBlur={() => form.touch(field)}
      error={form.error(field)}
    />
  );
  const immediate = form.values.immediateRisk === 'yes';

  return (
    <>
      <PageHeader
        title="Open an escalation"
        subtitle="A professional disagreement about a child’s safety, recorded stage by stage under your partnership’s procedure."
      />
      {draftError ? (
        <Alert color="red" mb="md" role="alert">
          {draftError}
        </Alert>
      ) : null}
      {draft ? (
        <Alert color="orange" title={`A statutory timescale was missed: ${draft.procedureName}`} mb="md">
          <Text size="sm" mb={4}>
            The form is filled in from the referral. Add the named social worker, check every answer, then open the escalation. If nothing
            changes, the steps fall due:
          </Text>
          <List size="sm">
            {draft.steps.map((step) => (
              <List.Item key={step.label}>
                <strong>{step.label}</strong>: {step.title} —{' '}
                {step.dueAt ? ukDeadline(step.dueAt) : 'when the previous step has not worked'}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <FormPaper form={form} p="lg" maw={900}>
        <FormFields form={form}>
          {/^[0-9a-f-]{36}$/i.test(form.values.childId) ? <ForChild childId={form.values.childId} /> : null}
          {childId || draft ? null : (
            <ChildSelect
              value={form.values.childId}
              onChange={(id) => form.set('childId', id)}
              onBlur={() => form.touch('childId')}
              error={form.error('childId')}
            />
          )}
          <Radio.Group
            label="Is the child at immediate risk of significant harm?"
            required
            value={form.values.immediateRisk}
            onChange={(value) => form.set('immediateRisk', value === 'yes' ? 'yes' : value === 'no' ? 'no' : '')}
            error={form.error('immediateRisk')}
          >
            <Group mt={6}>
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No" />
            </Group>
          </Radio.Group>
          {immediate ? (
            <Alert color="red" title="Refer now: do not wait for the escalation" role="alert">
              <Text size="sm" mb="sm">
                A child at immediate risk must be referred to children’s social care (or the emergency duty team) and, if needed, the police
                now. Make that referral first, then record it here.
              </Text>
              <SimpleGrid cols={2}>
                <DateTimeField
                  label="When you made the immediate referral"
                  value={form.values.immediateMadeAt}
                  onChange={(iso) => form.set('immediateMadeAt', iso)}
                  onBlur={() => form.touch('immediateReferral')}
                  error={form.error('immediateReferral.madeAt') ?? form.error('immediateReferral')}
                />
                <TextInput
                  label="Who you referred to"
                  required
                  value={form.values.immediateMadeTo}
                  onChange={(event) => form.set('immediateMadeTo', event.currentTarget.value)}
                  onBlur={() => form.touch('immediateReferral')}
                  error={form.error('immediateReferral.madeTo')}
                />
              </SimpleGrid>
            </Alert>
          ) : null}
          <Select
            label="What the disagreement is about"
            required
            searchable
            placeholder="Choose"
            data={escalationCategories.map((category) => ({ value: category, label: categoryDetails[category].label }))}
            value={form.values.category || null}
            onChange={(value) => form.set('category', value ?? '')}
            onBlur={() => form.touch('category')}
            error={form.error('category')}
            description={
              form.values.category
                ? escalationCategories
                    .filter((category) => category === form.values.category)
                    .map((category) => categoryDetails[category].description)[0]
                : undefined
            }
          />
          <Title order={2} size="h5" mt="sm">
            The other agency
          </Title>
          <SimpleGrid cols={2}>
            <Select
              label="Kind of agency"
              required
              data={agencyKinds.map((kind) => ({ value: kind, label: agencyKindLabels[kind] }))}
              value={form.values.otherAgencyKind}
              onChange={(value) => form.set('otherAgencyKind', value ?? '')}
              error={form.error('otherAgencyKind')}
              allowDeselect={false}
            />
            {text(
              'otherAgencyName',
              'otherAgencyName',
              'Agency or team',
              'For example: Liverpool Careline, or Children’s Social Care Team 3.',
            )}
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {text('professionalName', 'otherProfessional.name', 'Professional’s full name')}
            {text('professionalRole', 'otherProfessional.role', 'Their role')}
            {text('professionalContact', 'otherProfessional.contact', 'Contact details (optional)')}
          </SimpleGrid>
          <Title order={2} size="h5" mt="sm">
            The disagreement
          </Title>
          {area('concern', 'What the concern is')}
          <SimpleGrid cols={2}>
            {area('areasOfAgreement', 'Areas of agreement')}
            {area('areasOfDisagreement', 'Areas of disagreement')}
          </SimpleGrid>
          {area('riskRelevance', 'How the disagreement bears on the risk to the child')}
          {area('outcomeSought', 'The outcome you are seeking')}
          <DateTimeField
            key={draft ? 'from-draft' : 'blank'}
            label="When the disagreement was first raised"
            value={form.values.openedAt}
            onChange={(iso) => form.set('openedAt', iso)}
            onBlur={() => form.touch('openedAt')}
            error={form.error('openedAt')}
          />
          <FormActions form={form} submitLabel="Open the escalation" />
        </FormFields>
      </FormPaper>
    </>
  );
}
