import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { EscalationDetail } from '../../../../../shared/schemas/escalations';

// A list of people (full name, role, agency): who took part, or who was told of the outcome. The
// people already involved in the escalation are offered as one-click choices, so a later meeting is
// recorded with whoever was really there, never with a name carried over from an earlier one.

export interface PersonValue {
  name: string;
  role: string;
  agency: string;
}

const emptyPerson: PersonValue = { name: '', role: '', agency: '' };

export function PeopleEditor(props: {
  label: string;
  people: PersonValue[];
  onChange: (people: PersonValue[]) => void;
  error: (path: string) => string | undefined;
  path: string;
  addLabel: string;
  /** People already involved in this escalation, offered to add with one click (those already listed are left out). */
  suggestions?: readonly PersonValue[];
}) {
  const listed = (person: PersonValue) =>
    props.people.some((existing) => sameName(existing.name, person.name) && sameName(existing.role, person.role));
  const offered = (props.suggestions ?? []).filter((person) => !listed(person));
  const update = (index: number, field: keyof PersonValue, value: string) =>
    props.onChange(props.people.map((person, i) => (i === index ? { ...person, [field]: value } : person)));
  return (
    <Stack gap={6} role="group" aria-label={props.label}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      {props.error(props.path) ? (
        <Text c="red" size="sm" role="alert">
          {props.error(props.path)}
        </Text>
      ) : null}
      {props.people.map((person, index) => (
        <Group key={index} align="flex-start" grow wrap="nowrap">
          <TextInput
            aria-label={`${props.label}: full name ${index + 1}`}
            placeholder="Full name"
            value={person.name}
            onChange={(event) => update(index, 'name', event.currentTarget.value)}
            error={props.error(`${props.path}.${index}.name`)}
          />
          <TextInput
            aria-label={`${props.label}: role ${index + 1}`}
            placeholder="Role"
            value={person.role}
            onChange={(event) => update(index, 'role', event.currentTarget.value)}
            error={props.error(`${props.path}.${index}.role`)}
          />
          <TextInput
            aria-label={`${props.label}: agency ${index + 1}`}
            placeholder="Agency (optional)"
            value={person.agency}
            onChange={(event) => update(index, 'agency', event.currentTarget.value)}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove person ${index + 1}`}
            onClick={() => props.onChange(props.people.filter((_, i) => i !== index))}
            style={{ flexGrow: 0 }}
            mt={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {offered.length > 0 ? (
        <Group gap={6} role="group" aria-label={`${props.label}: people already involved`}>
          <Text size="xs">Already involved:</Text>
          {offered.map((person) => (
            <Button
              key={`${person.name}/${person.role}`}
              size="compact-xs"
              variant="default"
              onClick={() => props.onChange([...props.people.filter((existing) => existing.name || existing.role), { ...person }])}
            >
              Add {person.name} ({person.role})
            </Button>
          ))}
        </Group>
      ) : null}
      <Group>
        <Button size="xs" variant="light" onClick={() => props.onChange([...props.people, { ...emptyPerson }])}>
          {props.addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
}

/**
 * Everyone already involved in an escalation, once each: the other professional, then whoever took
 * part in or was told of each conversation, most recent first.
 */
export function peopleInvolved(escalation: EscalationDetail): PersonValue[] {
  const people: PersonValue[] = [
    { name: escalation.otherProfessional.name, role: escalation.otherProfessional.role, agency: escalation.otherAgency.name },
  ];
  for (const entry of [...escalation.entries].reverse()) {
    for (const person of [...entry.participants, ...entry.toldOfOutcome]) {
      people.push({ name: person.name, role: person.role, agency: person.agency ?? '' });
    }
  }
  return people.filter(
    (person, index) => people.findIndex((other) => sameName(other.name, person.name) && sameName(other.role, person.role)) === index,
  );
}

export function toPeople(people: PersonValue[]) {
  return people.map((person) => ({ name: person.name, role: person.role, agency: person.agency }));
}
