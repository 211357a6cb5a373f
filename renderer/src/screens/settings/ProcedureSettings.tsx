import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Procedure } from '../../../../shared/procedures';
import { can } from '../../../../shared/permissions';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { LoadError, Loading } from '../../components/Page';
import { ProcedureEditor } from './ProcedureEditor';

// Which partnership procedure new escalations follow. A built-in can be copied and the copy edited;
// each save is a new version, and escalations keep the version they were opened under.

export function ProcedureSettings() {
  const { status } = useSession();
  const procedures = useApi('procedures.list', {});
  const [message, setMessage] = useState<string | null>(null);
  const [copyFrom, setCopyFrom] = useState<string | null>(null);
  const [copyName, setCopyName] = useState('');
  const [editing, setEditing] = useState<Procedure | null>(null);
  const role = status.user.role;
  if (procedures.error) return <LoadError error={procedures.error} />;
  if (!procedures.data) return <Loading what="procedures" />;
  const chosen = procedures.data.find((procedure) => procedure.chosen);

  const choose = async (id: string) => {
    const result = await apiBridge.call('procedures.choose', { id });
    setMessage(result.ok ? `New escalations will follow ${result.value.name}.` : result.error.message);
    procedures.reload();
  };
  const copy = async () => {
    if (!copyFrom) return;
    const result = await apiBridge.call('procedures.copy', { fromId: copyFrom, name: copyName });
    if (result.ok) {
      setCopyFrom(null);
      setCopyName('');
      setEditing(result.value);
      procedures.reload();
    } else {
      setMessage(result.error.message);
    }
  };
  const edit = async (id: string) => {
    const result = await apiBridge.call('procedures.get', { id });
    if (result.ok) setEditing(result.value);
    else setMessage(result.error.message);
  };

  if (editing) {
    return (
      <ProcedureEditor
        procedure={editing}
        onDone={(saved) => {
          setEditing(null);
          setMessage(saved ? `Saved version ${saved.version} of ${saved.name}.` : null);
          procedures.reload();
        }}
      />
    );
  }

  return (
    <Stack maw={900}>
      {message ? <Alert color="indigo">{message}</Alert> : null}
      {!chosen ? (
        <Alert color="orange" title="No procedure chosen yet">
          Choose the procedure your safeguarding partnership uses. Escalations can’t be opened until one is chosen (except for missed
          statutory timescales, which follow Berkshire West’s steps).
        </Alert>
      ) : null}
      <Radio.Group
        label="The procedure new escalations follow"
        value={chosen?.id ?? null}
        onChange={(id) => can(role, 'procedures.choose') && void choose(id)}
      >
        <Stack mt="sm" gap="sm">
          {procedures.data.map((procedure) => (
            <Card key={procedure.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Radio
                  value={procedure.id}
                  disabled={!can(role, 'procedures.choose')}
                  label={<Text fw={600}>{procedure.name}</Text>}
                  description={`${procedure.partnership} · version ${procedure.version}`}
                />
                <Group gap="xs" wrap="nowrap">
                  {procedure.builtIn ? (
                    <Badge variant="light">Built in</Badge>
                  ) : (
                    <Badge variant="light" color="grape">
                      Your copy
                    </Badge>
                  )}
                  {procedure.builtIn && can(role, 'procedures.copy') ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => {
                        setCopyFrom(procedure.id);
                        setCopyName(`${procedure.name} (our copy)`);
                      }}
                    >
                      Copy to edit
                    </Button>
                  ) : null}
                  {!procedure.builtIn && can(role, 'procedures.save') ? (
                    <Button size="xs" variant="subtle" onClick={() => void edit(procedure.id)}>
                      Edit
                    </Button>
                  ) : null}
                </Group>
              </Group>
              {copyFrom === procedure.id ? (
                <Group mt="sm" align="flex-end">
                  <TextInput
                    label="Name for the copy"
                    value={copyName}
                    onChange={(event) => setCopyName(event.currentTarget.value)}
                    style={{ flex: 1 }}
                  />
                  <Button onClick={() => void copy()}>Make the copy</Button>
                  <Button variant="default" onClick={() => setCopyFrom(null)}>
                    Cancel
                  </Button>
                </Group>
              ) : null}
            </Card>
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
