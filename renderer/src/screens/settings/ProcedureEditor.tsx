import { Accordion, Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { timescales, type TimescaleId } from '../../../../shared/deadlines';
import type { AgencyKind, Procedure, Stage } from '../../../../shared/procedures';
import { agencyKindLabels, agencyKinds } from '../../../../shared/escalations/agency-kinds';
import type { FieldIssue } from '../../../../shared/result';
import { apiBridge } from '../../api/client';

// Editing the setting's own copy of a procedure: stage wording, who acts for each kind of agency,
// the checklist, each stage's target timescale, and the written follow-up time. Saved as a new
// version; the core validates the whole procedure before it is kept.

const timescaleOptions = [
  { value: '', label: 'No target' },
  ...Object.values(timescales).map((timescale) => ({ value: timescale.id, label: timescale.label })),
];

function isTimescaleId(value: string): value is TimescaleId {
  return Object.hasOwn(timescales, value);
}

function followUpHours(procedure: Procedure): number {
  const rule = procedure.timescaleOverrides['written-follow-up'] ?? timescales['written-follow-up'].rule;
  return rule.kind === 'hours' ? rule.hours : 24;
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
          {issues.length > 1 ? <Text size="sm">{issues.length} answers need attention.</Text> : null}
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
      <NumberInput
        label="Written follow-up of a phone referral, in hours"
        description="24 hours in Liverpool’s flow chart; 48 hours in many other areas."
        min={1}
        max={168}
        value={followUpHours(draft)}
        onChange={(value) =>
          typeof value === 'number' &&
          setDraft((current) => ({
            ...current,
            timescaleOverrides: { ...current.timescaleOverrides, 'written-follow-up': { kind: 'hours', hours: value } },
          }))
        }
        maw={320}
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
                    <Select
                      label="Target timescale"
                      data={timescaleOptions}
                      value={stage.target?.timescale ?? ''}
                      onChange={(value) =>
                        updateStage(trackIndex, stageIndex, (current) => ({
                          ...current,
                          target: value && isTimescaleId(value) ? { timescale: value } : null,
                        }))
                      }
                      allowDeselect={false}
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
