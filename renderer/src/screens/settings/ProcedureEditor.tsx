import {
  Accordion,
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Rule } from '../../../../shared/deadlines';
import type { AgencyKind, Contact, LocalTimescale, Procedure, Stage, StageTarget, TargetStart } from '../../../../shared/procedures';
import { placeInWords } from '../../../../shared/procedures/file';
import { referralCategoryLabels, referralCategories } from '../../../../shared/referrals/categories';
import { agencyKindLabels, agencyKinds } from '../../../../shared/escalations/agency-kinds';
import type { FieldIssue } from '../../../../shared/result';
import { apiBridge } from '../../api/client';
import { DateField } from '../../components/DateTimeField';

// Editing the setting's own copy of a procedure: where it comes from (the document, its year, when
// it was last checked against it), its local contacts (kept here once, shown with the stages that
// name them), its own referral timescales (the written follow-up, the strategy discussion by
// category, the minutes: each may be none), and each stage's wording, who acts, checklist and target
// (how long, counted from when). Saved as a new version; the core validates the whole procedure
// before it is kept, and every problem is listed by where it is.

type RuleKind = Rule['kind'] | 'none';

const ruleKinds: { value: RuleKind; label: string }[] = [
  { value: 'none', label: 'None set' },
  { value: 'same-day', label: 'The same day' },
  { value: 'hours', label: 'Hours' },
  { value: 'working-days', label: 'Working days' },
  { value: 'working-weeks', label: 'Working weeks' },
  { value: 'months', label: 'Months' },
];

function isRuleKind(value: string | null): value is RuleKind {
  return ruleKinds.some((kind) => kind.value === value);
}

function ruleCount(rule: Rule): number | null {
  switch (rule.kind) {
    case 'same-day':
      return null;
    case 'hours':
      return rule.hours;
    case 'working-days':
      return rule.days;
    case 'working-weeks':
      return rule.weeks;
    case 'months':
      return rule.months;
  }
}

function makeRule(kind: Exclude<RuleKind, 'none'>, count: number): Rule {
  switch (kind) {
    case 'same-day':
      return { kind: 'same-day' };
    case 'hours':
      return { kind: 'hours', hours: count };
    case 'working-days':
      return { kind: 'working-days', days: count };
    case 'working-weeks':
      return { kind: 'working-weeks', weeks: count };
    case 'months':
      return { kind: 'months', months: count };
  }
}

const defaultCounts: Record<Exclude<RuleKind, 'none' | 'same-day'>, number> = {
  hours: 24,
  'working-days': 1,
  'working-weeks': 1,
  months: 3,
};

/** How long a timescale is: none, the same day, or a number of hours, working days, working weeks or months. */
function RuleInput({ label, rule, onChange }: { label: string; rule: Rule | null; onChange: (rule: Rule | null) => void }) {
  const count = rule ? ruleCount(rule) : null;
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label={label}
        data={ruleKinds}
        value={rule?.kind ?? 'none'}
        allowDeselect={false}
        onChange={(value) => {
          if (!isRuleKind(value)) return;
          if (value === 'none') onChange(null);
          else onChange(makeRule(value, value === 'same-day' ? 0 : (count ?? defaultCounts[value])));
        }}
        w={220}
      />
      {rule && count !== null ? (
        <NumberInput
          label={`How many ${ruleKinds.find((kind) => kind.value === rule.kind)?.label.toLowerCase() ?? ''}`}
          min={0}
          allowDecimal={false}
          value={count}
          onChange={(value) => typeof value === 'number' && rule.kind !== 'same-day' && onChange(makeRule(rule.kind, value))}
          w={200}
        />
      ) : null}
    </Group>
  );
}

/** A local timescale: how long, and the policy's own words for it (or, in a copy, why the setting set it). */
function LocalTimescaleInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: LocalTimescale | null;
  onChange: (value: LocalTimescale | null) => void;
}) {
  return (
    <Stack gap={4}>
      <RuleInput
        label={label}
        rule={value?.rule ?? null}
        onChange={(rule) => onChange(rule ? { rule, source: value?.source ?? 'Set in this copy of the procedure.' } : null)}
      />
      {value ? (
        <TextInput
          label={`${label}: where it comes from`}
          description="The policy’s own words, or why your setting set it."
          value={value.source}
          onChange={(event) => onChange({ ...value, source: event.currentTarget.value })}
        />
      ) : null}
    </Stack>
  );
}

const targetStartLabels: Record<TargetStart, string> = {
  'stage-start': 'When this stage starts',
  'escalation-start': 'When the disagreement was first raised (a time for the whole disagreement)',
  'timescale-missed': 'When the missed timescale fell due',
  'previous-target': 'When the stage before’s target fell due',
};

function isTargetStart(value: string | null): value is TargetStart {
  return Object.hasOwn(targetStartLabels, value ?? '');
}

function TargetInput({ target, onChange }: { target: StageTarget | null; onChange: (target: StageTarget | null) => void }) {
  return (
    <Stack gap={4}>
      <RuleInput
        label="Target: how long this stage has"
        rule={target?.rule ?? null}
        onChange={(rule) =>
          onChange(
            rule ? { rule, from: target?.from ?? 'stage-start', source: target?.source ?? 'Set in this copy of the procedure.' } : null,
          )
        }
      />
      {target ? (
        <SimpleGrid cols={2}>
          <Select
            label="Counted from"
            data={Object.entries(targetStartLabels).map(([value, label]) => ({ value, label }))}
            value={target.from}
            allowDeselect={false}
            onChange={(value) => isTargetStart(value) && onChange({ ...target, from: value })}
          />
          <TextInput
            label="Target: where it comes from"
            value={target.source}
            onChange={(event) => onChange({ ...target, source: event.currentTarget.value })}
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

function ContactsEditor({ contacts, onChange }: { contacts: Contact[]; onChange: (contacts: Contact[]) => void }) {
  const update = (index: number, change: Partial<Contact>) =>
    onChange(contacts.map((contact, at) => (at === index ? { ...contact, ...change } : contact)));
  const optional = (text: string) => (text.trim() === '' ? undefined : text);
  return (
    <Stack gap="sm">
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No local contacts.
        </Text>
      ) : null}
      {contacts.map((contact, index) => (
        <Paper key={contact.id} withBorder p="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={`Contact ${index + 1}: who or what`}
              value={contact.role}
              onChange={(event) => update(index, { role: event.currentTarget.value })}
            />
            <TextInput
              label={`Contact ${index + 1}: name`}
              value={contact.name ?? ''}
              onChange={(event) => update(index, { name: optional(event.currentTarget.value) })}
            />
            <TextInput
              label={`Contact ${index + 1}: email`}
              value={contact.email ?? ''}
              onChange={(event) => update(index, { email: optional(event.currentTarget.value) })}
            />
            <TextInput
              label={`Contact ${index + 1}: phone`}
              value={contact.phone ?? ''}
              onChange={(event) => update(index, { phone: optional(event.currentTarget.value) })}
            />
          </SimpleGrid>
          <TextInput
            mt="xs"
            label={`Contact ${index + 1}: note`}
            value={contact.note ?? ''}
            onChange={(event) => update(index, { note: optional(event.currentTarget.value) })}
          />
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...contacts, { id: `contact-${Date.now().toString(36)}`, role: 'New contact' }])}
        >
          Add a contact
        </Button>
      </Group>
    </Stack>
  );
}

export function ProcedureEditor({ procedure, onDone }: { procedure: Procedure; onDone: (saved: Procedure | null) => void }) {
  const [draft, setDraft] = useState<Procedure>(procedure);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const updateStage = (trackIndex: number, stageIndex: number, change: (stage: Stage) => Stage) =>
    setDraft((current) => ({
      ...current,
      tracks: current.tracks.map((track, t) =>
        t === trackIndex ? { ...track, stages: track.stages.map((stage, s) => (s === stageIndex ? change(stage) : stage)) } : track,
      ),
    }));
  const setSource = (change: Partial<Procedure['source']>) =>
    setDraft((current) => ({ ...current, source: { ...current.source, ...change } }));
  const setLocal = (change: (local: Procedure['localTimescales']) => Procedure['localTimescales']) =>
    setDraft((current) => ({ ...current, localTimescales: change(current.localTimescales) }));

  const save = async () => {
    setSaving(true);
    setError(null);
    const result = await apiBridge.call('procedures.save', { procedure: draft });
    setSaving(false);
    if (result.ok) onDone(result.value);
    else {
      setIssues(result.error.issues ?? []);
      setError(result.error.message);
    }
  };

  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Editing {draft.name} (version {draft.version})
        </Title>
        <Group>
          <Button variant="default" onClick={() => onDone(null)}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            Save as version {draft.version + 1}
          </Button>
        </Group>
      </Group>
      {error ? (
        <Alert color="red" title="Not saved" role="alert">
          {error}
          {issues.length > 0 ? (
            <List size="sm" mt="xs">
              {issues.map((issue, index) => (
                <List.Item key={index}>
                  {issue.path[0] === 'procedure' ? `${placeInWords(issue.path.slice(1), draft)}: ${issue.message}` : issue.message}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
      ) : null}
      <SimpleGrid cols={2}>
        <TextInput
          label="Name"
          value={draft.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            setDraft((current) => ({ ...current, name }));
          }}
        />
        <TextInput
          label="Partnership"
          value={draft.partnership}
          onChange={(event) => {
            const partnership = event.currentTarget.value;
            setDraft((current) => ({ ...current, partnership }));
          }}
        />
      </SimpleGrid>

      <Title order={3} size="h5">
        Where it comes from
      </Title>
      <SimpleGrid cols={2}>
        <TextInput
          label="Document title"
          value={draft.source.title}
          onChange={(event) => setSource({ title: event.currentTarget.value })}
        />
        <TextInput
          label="Published by"
          value={draft.source.publisher}
          onChange={(event) => setSource({ publisher: event.currentTarget.value })}
        />
        <TextInput label="Year" value={draft.source.year} onChange={(event) => setSource({ year: event.currentTarget.value })} />
        <DateField
          label="Last checked against the partnership’s current document"
          description="dd/mm/yyyy: the day someone last compared this procedure with the partnership’s own"
          required={false}
          value={draft.source.lastChecked ?? ''}
          onChange={(value) => setSource({ lastChecked: value === '' ? null : value })}
        />
      </SimpleGrid>

      <Title order={3} size="h5">
        Local contacts
      </Title>
      <Text size="sm" c="dimmed">
        Named people, mailboxes and phone numbers the procedure gives. Kept here once: each stage that names a contact shows it as it is
        here.
      </Text>
      <ContactsEditor contacts={draft.contacts} onChange={(contacts) => setDraft((current) => ({ ...current, contacts }))} />

      <Title order={3} size="h5">
        Your partnership’s own referral timescales
      </Title>
      <Text size="sm" c="dimmed">
        The national timescales (Working Together 2023) always apply and are not set here. Leave one as “None set” where your partnership’s
        procedure sets none: a strategy discussion is then shown as something to record, with no due date.
      </Text>
      <LocalTimescaleInput
        label="Written follow-up of a phone referral"
        value={draft.localTimescales['written-follow-up']}
        onChange={(value) => setLocal((local) => ({ ...local, 'written-follow-up': value }))}
      />
      {referralCategories.map((category) => (
        <LocalTimescaleInput
          key={category}
          label={`Strategy discussion: ${referralCategoryLabels[category].split(' (')[0]?.toLowerCase() ?? category}`}
          value={draft.localTimescales['strategy-discussion'][category]}
          onChange={(value) =>
            setLocal((local) => ({ ...local, 'strategy-discussion': { ...local['strategy-discussion'], [category]: value } }))
          }
        />
      ))}
      <LocalTimescaleInput
        label="Strategy discussion minutes (owed only when your setting took part)"
        value={draft.localTimescales['strategy-minutes']}
        onChange={(value) => setLocal((local) => ({ ...local, 'strategy-minutes': value }))}
      />

      {draft.tracks.map((track, trackIndex) => (
        <Stack key={track.id} gap="xs">
          <Title order={3} size="h5">
            {track.title}
          </Title>
          <Accordion variant="separated">
            {track.stages.map((stage, stageIndex) => (
              <Accordion.Item key={stage.id} value={stage.id}>
                <Accordion.Control>
                  {stage.label}: {stage.title}
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack>
                    <TextInput
                      label="Title"
                      value={stage.title}
                      onChange={(event) => {
                        const title = event.currentTarget.value;
                        updateStage(trackIndex, stageIndex, (current) => ({ ...current, title }));
                      }}
                    />
                    <Textarea
                      label="Summary"
                      autosize
                      minRows={2}
                      value={stage.summary}
                      onChange={(event) => {
                        const summary = event.currentTarget.value;
                        updateStage(trackIndex, stageIndex, (current) => ({ ...current, summary }));
                      }}
                    />
                    <TargetInput
                      target={stage.target}
                      onChange={(target) => updateStage(trackIndex, stageIndex, (current) => ({ ...current, target }))}
                    />
                    <Textarea
                      label="Steps (one per line)"
                      autosize
                      minRows={3}
                      value={stage.steps.map((step) => step.text).join('\n')}
                      onChange={(event) => {
                        const lines = event.currentTarget.value.split('\n');
                        updateStage(trackIndex, stageIndex, (current) => ({
                          ...current,
                          steps: lines.map((text, index) => ({ id: current.steps[index]?.id ?? `${current.id}-step-${index + 1}`, text })),
                        }));
                      }}
                    />
                    <SimpleGrid cols={2}>
                      {agencyKinds.map((kind: AgencyKind) => (
                        <TextInput
                          key={kind}
                          label={`Who acts: ${agencyKindLabels[kind].replace(/^An? /, '').toLowerCase()}`}
                          value={stage.whoActs[kind]}
                          onChange={(event) => {
                            const text = event.currentTarget.value;
                            updateStage(trackIndex, stageIndex, (current) => ({
                              ...current,
                              whoActs: { ...current.whoActs, [kind]: text },
                            }));
                          }}
                        />
                      ))}
                    </SimpleGrid>
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      ))}
    </Stack>
  );
}
