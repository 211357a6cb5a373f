import { Alert, Badge, Button, Card, FileButton, Group, List, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FieldIssue } from '../../../../shared/result';
import type { Procedure } from '../../../../shared/procedures';
import { can } from '../../../../shared/permissions';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { LoadError, Loading } from '../../components/Page';
import { saveProcedureFile } from '../../downloads';
import { ukDate } from '../../format';
import { ProcedureEditor } from './ProcedureEditor';

// Which partnership procedure new escalations follow. A built-in can be copied and the copy edited;
// each save is a new version, and escalations keep the version they were opened under. Each names
// the document it is written from and when it was last checked against it. A procedure can be saved
// as a file, and a procedure file (a partnership's, or another school's copy) imported: checked with
// the same rules as the app's own, every problem listed by where it is, and always kept as a new
// procedure of the setting's own, so an import never replaces a version in use.

export function ProcedureSettings() {
  const { status } = useSession();
  const procedures = useApi('procedures.list', {});
  const [message, setMessage] = useState<string | null>(null);
  const [copyFrom, setCopyFrom] = useState<string | null>(null);
  const [copyName, setCopyName] = useState('');
  const [editing, setEditing] = useState<Procedure | null>(null);
  const [importProblems, setImportProblems] = useState<FieldIssue[]>([]);
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
  const exportFile = async (id: string) => {
    const result = await apiBridge.call('procedures.export', { id });
    if (result.ok) saveProcedureFile(result.value);
    else setMessage(result.error.message);
  };
  const importFile = async (file: File | null) => {
    if (!file) return;
    setImportProblems([]);
    const result = await apiBridge.call('procedures.import', { text: await file.text() });
    if (result.ok) {
      setMessage(`Imported ${result.value.name} as a procedure of your own. Choose it below for new escalations to follow it.`);
      procedures.reload();
    } else {
      setMessage(result.error.message);
      setImportProblems(result.error.issues ?? []);
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
      {message ? (
        <Alert color={importProblems.length > 0 ? 'red' : 'indigo'} role={importProblems.length > 0 ? 'alert' : undefined}>
          {message}
          {importProblems.length > 0 ? (
            <List size="sm" mt="xs" aria-label="Problems with the procedure file">
              {importProblems.map((problem, index) => (
                <List.Item key={index}>{problem.message}</List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
      ) : null}
      {!chosen ? (
        <Alert color="orange" title="No procedure chosen yet">
          Choose the procedure your safeguarding partnership uses. Escalations can’t be opened until one is chosen, including those for a
          missed statutory timescale: they follow your partnership’s own procedure.
        </Alert>
      ) : null}
      {can(role, 'procedures.import') ? (
        <Group>
          <FileButton onChange={(file) => void importFile(file)} accept="application/json,.json">
            {(props) => (
              <Button variant="default" {...props}>
                Import a procedure file
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            A procedure file your partnership (or another school) wrote: it is checked, and kept as a new procedure of your own.
          </Text>
        </Group>
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
                  description={
                    <>
                      {procedure.partnership} · version {procedure.version}
                      <br />
                      From: {procedure.source}
                      {procedure.lastChecked ? ` · last checked ${ukDate(procedure.lastChecked)}` : ' · not checked yet'}
                    </>
                  }
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
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => void exportFile(procedure.id)}
                    aria-label={`Save ${procedure.name} as a file`}
                  >
                    Save as a file
                  </Button>
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
