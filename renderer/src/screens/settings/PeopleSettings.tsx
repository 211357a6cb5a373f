import {
  Alert,
  Badge,
  Button,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import { roleLabels, roles } from '../../../../shared/people/roles';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { FormActions, FormPaper } from '../../components/FormPaper';
import { FormError, LoadError, Loading } from '../../components/Page';
import { ukDate } from '../../format';
import { useApiForm } from '../../api/useApiForm';
import { PassphraseStrength } from '../../components/PassphraseStrength';

// The people who can unlock the records, each with their own passphrase: deputies record and make
// documents; read-only people can look. Removing someone removes their key slot and replaces the
// records' key at once, so a copy of the key file they kept opens nothing recorded afterwards.

interface NewPerson {
  fullName: string;
  role: string;
  passphrase: string;
  passphraseConfirm: string;
}

const blank: NewPerson = { fullName: '', role: 'deputy', passphrase: '', passphraseConfirm: '' };

export function PeopleSettings() {
  const { status } = useSession();
  const people = useApi('users.list', {});
  const [removing, setRemoving] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Passphrases are never kept as drafts.
  const form = useApiForm({
    method: 'users.add',
    initial: blank,
    toInput: useCallback((values: NewPerson) => values, []),
    onSuccess: (list) => {
      people.setData(list);
      setMessage('Added. Give them their passphrase in person; they can change it in Settings after they unlock.');
    },
  });
  if (people.error) return <LoadError error={people.error} />;
  if (!people.data) return <Loading what="people" />;

  const remove = async (id: string) => {
    setBusy(true);
    const result = await apiBridge.call('users.remove', { id });
    setBusy(false);
    setRemoving(null);
    if (result.ok) {
      people.setData(result.value);
      setMessage(
        "Removed. The records' key was replaced too, so a copy of the key file they may have kept opens nothing recorded from now on. Backups made before today still open with their passphrase of that time: keep them safe.",
      );
    } else setMessage(result.error.message);
  };

  return (
    <Stack maw={860}>
      {message ? <Alert color="indigo">{message}</Alert> : null}
      <Table withTableBorder aria-label="People">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th>
              <VisuallyHidden>Access</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.data.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>{person.fullName}</Table.Td>
              <Table.Td>{roleLabels[person.role]}</Table.Td>
              <Table.Td>{ukDate(person.createdAt)}</Table.Td>
              <Table.Td ta="right">
                {person.removedAt ? (
                  <Badge color="gray" variant="light">
                    Removed {ukDate(person.removedAt)}
                  </Badge>
                ) : person.id === status.user.id ? (
                  <Text size="xs" c="dimmed">
                    You
                  </Text>
                ) : removing === person.id ? (
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" color="red" loading={busy} onClick={() => void remove(person.id)}>
                      Remove {person.fullName}
                    </Button>
                    <Button size="xs" variant="default" disabled={busy} onClick={() => setRemoving(null)}>
                      Cancel
                    </Button>
                  </Group>
                ) : (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(person.id)}>
                    Remove access
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <FormPaper form={form} p="md" aria-labelledby="add-person">
        <Title order={3} size="h5" id="add-person" mb="sm">
          Add a person
        </Title>
        <FormError error={form.formError} />
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label="Full name" required {...form.bind('fullName')} />
            <Select
              label="Role"
              required
              data={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
              value={form.values.role}
              onChange={(value) => form.set('role', value ?? 'deputy')}
              error={form.error('role')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <PasswordInput
              label="Their passphrase"
              description="At least 12 characters; each person needs their own."
              required
              autoComplete="new-password"
              {...form.bind('passphrase')}
            />
            <PasswordInput label="Their passphrase again" required autoComplete="new-password" {...form.bind('passphraseConfirm')} />
          </SimpleGrid>
          <PassphraseStrength passphrase={form.values.passphrase} fieldError={form.error('passphrase')} />
          <FormActions form={form} submitLabel="Add this person" />
        </Stack>
      </FormPaper>
    </Stack>
  );
}
