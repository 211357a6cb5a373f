import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';

// A list of people (full name, role, agency): who took part, or who was told of the outcome.

export interface PersonValue {
  name: string;
  role: string;
  agency: string;
}

export const emptyPerson: PersonValue = { name: '', role: '', agency: '' };

export function PeopleEditor(props: {
  label: string;
  people: PersonValue[];
  onChange: (people: PersonValue[]) => void;
  error: (path: string) => string | undefined;
  path: string;
  addLabel: string;
}) {
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
      <Group>
        <Button size="xs" variant="light" onClick={() => props.onChange([...props.people, { ...emptyPerson }])}>
          {props.addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

export function toPeople(people: PersonValue[]) {
  return people.map((person) => ({ name: person.name, role: person.role, agency: person.agency }));
}
