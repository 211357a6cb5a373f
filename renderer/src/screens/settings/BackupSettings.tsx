import { Alert, Button, Checkbox, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { backupReasonLabels, type BackupMade, type BackupStatus } from '../../../../shared/schemas/backups';
import type { ApiError } from '../../../../shared/result';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { useApiForm } from '../../api/useApiForm';
import { FormError, LoadError, Loading } from '../../components/Page';
import { ukDateTime } from '../../format';
import { RestorePanel } from '../restore/RestorePanel';
import { BackupStatusLine } from '../../components/BackupStatusLine';

// Settings, Backups: where backups go (typed as a full path: browser mode has no folder picker),
// how many to keep, whether they are made automatically; "Back up now"; the recent backups; and
// restoring one. Only the Designated Safeguarding Lead sees this tab.

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function SettingsForm({ status, onSaved }: { status: BackupStatus; onSaved: (status: BackupStatus) => void }) {
  const toInput = useCallback(
    (values: { folder: string; keep: number | string; automatic: boolean }) => ({ ...values, keep: Number(values.keep) }),
    [],
  );
  const form = useApiForm({
    method: 'backups.updateSettings',
    initial: { folder: status.folder ?? '', keep: status.keep as number | string, automatic: status.automatic },
    toInput,
    onSuccess: onSaved,
    resetOnSuccess: false,
  });
  const [saved, setSaved] = useState(false);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(event) => {
        setSaved(false);
        void form.submit(event).then((result) => setSaved(result !== null));
      }}
      noValidate
      aria-labelledby="backup-settings"
    >
      <Title order={3} size="h5" id="backup-settings" mb="sm">
        Where backups go
      </Title>
      {saved ? (
        <Alert color="green" mb="sm" role="status">
          Backup settings saved.
        </Alert>
      ) : null}
      <FormError error={form.formError} />
      <Stack>
        <TextInput
          label="Backup folder"
          description="The full path of a folder on a USB stick or a network drive, for example E:\Escalation Log backups. Not a folder on this computer's own disk: a backup there is lost with the computer."
          required
          spellCheck={false}
          {...form.bind('folder')}
        />
        <NumberInput
          label="Backups to keep"
          description="The oldest are removed from the folder when there are more than this."
          min={1}
          max={100}
          value={form.values.keep}
          onChange={(value) => form.set('keep', value)}
          onBlur={() => form.touch('keep')}
          error={form.error('keep')}
          w={220}
        />
        <Checkbox
          label="Back up automatically: when Escalation Log locks or closes (if anything has changed), and once a day while it is open"
          checked={form.values.automatic}
          onChange={(event) => form.set('automatic', event.currentTarget.checked)}
        />
        <Button type="submit" loading={form.submitting} w="fit-content">
          Save backup settings
        </Button>
      </Stack>
    </Paper>
  );
}

export function BackupSettings() {
  const { refresh } = useSession();
  const status = useApi('backups.status', {});
  const [made, setMade] = useState<BackupMade | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const backUpNow = async () => {
    setBusy(true);
    setMade(null);
    setFailure(null);
    const result = await apiBridge.call('backups.run', {});
    setBusy(false);
    if (result.ok) setMade(result.value);
    else setFailure(result.error);
    status.reload();
  };

  if (status.error && !status.data) return <LoadError error={status.error} />;
  if (!status.data) return <Loading what="backups" />;
  const data = status.data;
  return (
    <Stack maw={760}>
      <BackupStatusLine status={data} />
      <SettingsForm status={data} onSaved={(value) => status.setData(value)} />
      <Paper withBorder p="md" aria-labelledby="backup-now">
        <Title order={3} size="h5" id="backup-now" mb="xs">
          Back up now
        </Title>
        <Text size="sm" mb="sm">
          Makes an encrypted copy of all the records, with the key file that unlocks them, in the backup folder. It opens only with a
          passphrase or the recovery key, like the records themselves.
        </Text>
        {made ? (
          <Alert color="green" mb="sm" role="status" title="Backed up">
            The backup &quot;{made.setName}&quot; ({megabytes(made.bytes)}) is in {made.folder}.
            {made.removed.length > 0
              ? ` ${made.removed.length} older ${made.removed.length === 1 ? 'backup was' : 'backups were'} removed.`
              : ''}
          </Alert>
        ) : null}
        {failure ? (
          <Alert color="red" mb="sm" role="alert" title="Not backed up">
            {failure.message}
          </Alert>
        ) : null}
        <Button onClick={() => void backUpNow()} loading={busy} disabled={!data.folder}>
          Back up now
        </Button>
        {!data.folder ? (
          <Text size="sm" c="dimmed" mt="xs">
            Choose the backup folder first.
          </Text>
        ) : null}
      </Paper>
      {data.recent.length > 0 ? (
        <Paper withBorder p="md" aria-labelledby="recent-backups">
          <Title order={3} size="h5" id="recent-backups" mb="xs">
            Recent backups
          </Title>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>How</Table.Th>
                <Table.Th>Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.recent.map((run) => (
                <Table.Tr key={`${run.at}-${run.setName ?? ''}`}>
                  <Table.Td>{ukDateTime(run.at)}</Table.Td>
                  <Table.Td>{backupReasonLabels[run.reason]}</Table.Td>
                  <Table.Td>{run.ok ? `Backed up: "${run.setName ?? ''}" in ${run.folder}` : `Failed: ${run.message ?? ''}`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      <Paper withBorder p="md" aria-labelledby="restore-backup">
        <Title order={3} size="h5" id="restore-backup" mb="xs">
          Restore a backup
        </Title>
        {restoring ? (
          <RestorePanel initialFolder={data.folder ?? ''} onRestored={() => void refresh()} />
        ) : (
          <Stack gap="xs">
            <Text size="sm">
              Puts a backup in place of the records on this computer, after checking it. The records on this computer now are kept aside,
              not deleted. Escalation Log locks afterwards.
            </Text>
            <Button variant="light" w="fit-content" onClick={() => setRestoring(true)}>
              Restore from a backup
            </Button>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
