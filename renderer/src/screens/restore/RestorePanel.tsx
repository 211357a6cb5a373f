import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  PasswordInput,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import type { BackupSetList, BackupSetSummary, RestoreDone, RestorePreview } from '../../../../shared/schemas/backups';
import { backupReasonLabels } from '../../../../shared/schemas/backups';
import type { ApiError } from '../../../../shared/result';
import { apiBridge } from '../../api/client';
import { useApiForm } from '../../api/useApiForm';
import { FormError } from '../../components/Page';
import { ukDateTime } from '../../format';

// Restoring a backup, in three steps: the folder and the set; the set unlocked with the DSL's
// passphrase (as it was when the set was made) or the recovery key, and checked by the core (every
// file's fingerprint, SQLite's integrity check, the audit chain), which shows what the set holds;
// then the DSL confirms, the records on this computer are kept aside (never deleted) and the set
// takes their place. Used from Settings, from the unlock screen, from set-up (a new computer) and
// when the records file is damaged.

function describeCounts(counts: BackupSetSummary['counts']): string {
  if (!counts) return '';
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    part(counts.children, 'child', 'children'),
    part(counts.escalations, 'escalation', 'escalations'),
    part(counts.referrals, 'referral', 'referrals'),
    part(counts.documents, 'stored document', 'stored documents'),
  ].join(', ');
}

function ChooseSet({ initialFolder, onChosen }: { initialFolder: string; onChosen: (folder: string, set: BackupSetSummary) => void }) {
  const [folder, setFolder] = useState(initialFolder);
  const [listing, setListing] = useState<BackupSetList | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const look = async () => {
    setBusy(true);
    const result = await apiBridge.call('backups.listSets', { folder });
    setBusy(false);
    if (result.ok) {
      setListing(result.value);
      setError(null);
      setChosen(result.value.sets.find((set) => set.problem === null && set.ours !== false)?.name ?? null);
    } else {
      setListing(null);
      setError(result.error);
    }
  };
  const folderError = error?.issues?.find((issue) => issue.path[0] === 'folder')?.message;
  const usable = listing?.sets.filter((set) => set.problem === null && set.ours !== false) ?? [];
  return (
    <Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void look();
        }}
        noValidate
      >
        <Group align="flex-end">
          <TextInput
            label="Folder that holds the backups"
            description="The full path, for example E:\Escalation Log backups (a USB stick) or \\office-server\safeguarding\backups"
            value={folder}
            onChange={(event) => setFolder(event.currentTarget.value)}
            error={folderError}
            style={{ flexGrow: 1 }}
            spellCheck={false}
          />
          <Button type="submit" loading={busy} variant="light">
            Show backups
          </Button>
        </Group>
      </form>
      {error && !folderError ? <FormError error={error} /> : null}
      {listing ? (
        listing.sets.length === 0 ? (
          <Alert color="orange" role="status">
            There are no Escalation Log backups in {listing.folder}.
          </Alert>
        ) : (
          <Radio.Group value={chosen} onChange={setChosen} label="Choose a backup" aria-label="Choose a backup">
            <Table withTableBorder mt="xs" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Backup</Table.Th>
                  <Table.Th>Made</Table.Th>
                  <Table.Th>Holds</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {listing.sets.map((set) => {
                  const problem =
                    set.problem ??
                    (set.ours === false ? "Another setting's records: it cannot replace the records on this computer." : null);
                  return (
                    <Table.Tr key={set.name}>
                      <Table.Td>
                        <Radio value={set.name} label={set.name} disabled={problem !== null} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{set.madeAt ? ukDateTime(set.madeAt) : 'Unknown'}</Text>
                        {set.reason ? (
                          <Text size="xs" c="dimmed">
                            {backupReasonLabels[set.reason]}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {problem ? (
                          <Badge color="red" variant="light">
                            Cannot be used
                          </Badge>
                        ) : null}
                        <Text size="sm">{problem ?? describeCounts(set.counts)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Radio.Group>
        )
      ) : null}
      {listing && usable.length > 0 ? (
        <Button
          w="fit-content"
          disabled={chosen === null}
          onClick={() => {
            const set = listing.sets.find((candidate) => candidate.name === chosen);
            if (set) onChosen(listing.folder, set);
          }}
        >
          Use this backup
        </Button>
      ) : null}
    </Stack>
  );
}

function UnlockSet({
  folder,
  set,
  onChecked,
  onBack,
}: {
  folder: string;
  set: BackupSetSummary;
  onChecked: (preview: RestorePreview) => void;
  onBack: () => void;
}) {
  const [how, setHow] = useState<'passphrase' | 'recovery'>('passphrase');
  const toInput = useCallback(
    (values: { passphrase: string; recoveryKey: string }) =>
      how === 'passphrase'
        ? { folder, setName: set.name, passphrase: values.passphrase }
        : { folder, setName: set.name, recoveryKey: values.recoveryKey },
    [folder, set.name, how],
  );
  const form = useApiForm({
    method: 'backups.openSet',
    initial: { passphrase: '', recoveryKey: '' },
    toInput,
    onSuccess: onChecked,
    resetOnSuccess: false,
  });
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack>
        <Text size="sm">
          The backup made {set.madeAt ? ukDateTime(set.madeAt) : ''} is encrypted. Open it with the Designated Safeguarding Lead&apos;s
          passphrase as it was when the backup was made, or with the recovery key from the printed recovery sheet.
        </Text>
        <SegmentedControl
          value={how}
          onChange={(value) => setHow(value === 'recovery' ? 'recovery' : 'passphrase')}
          data={[
            { value: 'passphrase', label: 'Passphrase' },
            { value: 'recovery', label: 'Recovery key' },
          ]}
          aria-label="Open the backup with"
          w="fit-content"
        />
        <FormError error={form.formError} />
        {how === 'passphrase' ? (
          <PasswordInput
            label="Designated Safeguarding Lead's passphrase"
            required
            autoFocus
            {...form.bind('passphrase')}
            autoComplete="off"
          />
        ) : (
          <TextInput label="Recovery key" required autoFocus {...form.bind('recoveryKey')} autoComplete="off" spellCheck={false} />
        )}
        <Group>
          <Button type="submit" loading={form.submitting}>
            Open and check this backup
          </Button>
          <Button variant="subtle" onClick={onBack}>
            Choose another backup
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What a restore did: the whole set put in place, or only its key file put back beside the records kept. */
export type RestoreOutcome = RestoreDone & { keyFileOnly?: boolean };

function KeyFileOnly({ preview, onDone }: { preview: RestorePreview; onDone: (done: RestoreOutcome) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const recover = async () => {
    setBusy(true);
    const result = await apiBridge.call('backups.recoverKeyFile', { confirmed: true });
    setBusy(false);
    if (result.ok) onDone({ restoredFrom: result.value.recoveredFrom, keptAsideIn: null, keyFileOnly: true });
    else setError(result.error);
  };
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        Only the key file is lost: keep the records on this computer
      </Title>
      <Text size="sm" mb="sm">
        The records file on this computer is whole, and the key file in this backup opens it. Put back just the key file, and every record
        on this computer is kept, including those made after {ukDateTime(preview.madeAt)}. Passphrases will be as they were when the backup
        was made.
      </Text>
      <FormError error={error} />
      <Button loading={busy} onClick={() => void recover()}>
        Put back the key file only
      </Button>
    </Paper>
  );
}

function ConfirmRestore({
  preview,
  onDone,
  onCancel,
}: {
  preview: RestorePreview;
  onDone: (done: RestoreOutcome) => void;
  onCancel: () => void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    setBusy(true);
    const result = await apiBridge.call('backups.restore', { confirmed: true });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };
  const counts = preview.counts;
  return (
    <Stack>
      <Alert color="green" title="This backup is whole" role="status">
        <List size="sm">
          {preview.checks.map((check) => (
            <List.Item key={check}>{check}</List.Item>
          ))}
        </List>
      </Alert>
      {preview.canRecoverKeyFileOnly ? <KeyFileOnly preview={preview} onDone={onDone} /> : null}
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          What this backup holds
        </Title>
        <Text size="sm">Setting: {preview.settingName ?? 'Not recorded'}</Text>
        <Text size="sm">Made: {ukDateTime(preview.madeAt)}</Text>
        <Text size="sm">Newest record: {preview.newestRecordAt ? ukDateTime(preview.newestRecordAt) : 'None'}</Text>
        <Text size="sm">
          {describeCounts(counts)}, and {counts.auditEntries} entries in the audit log.
        </Text>
      </Paper>
      <Text size="sm">
        {preview.replaces === 'live-records'
          ? 'Restoring replaces the records on this computer with this backup. Anything recorded after the backup was made will not be in the restored records. The records on this computer now are not deleted: they are kept in a folder named "Replaced by restore" and the date, inside the data folder.'
          : 'There are no records on this computer yet: restoring puts this backup in place.'}
      </Text>
      <FormError error={error} />
      <Checkbox
        checked={confirmed}
        onChange={(event) => setConfirmed(event.currentTarget.checked)}
        label={
          preview.replaces === 'live-records'
            ? 'I understand the records on this computer will be replaced by this backup'
            : 'Put this backup in place'
        }
      />
      <Group>
        <Button color="red" disabled={!confirmed} loading={busy} onClick={() => void restore()}>
          Restore this backup
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

export function RestorePanel({ initialFolder, onRestored }: { initialFolder: string; onRestored: (done: RestoreOutcome) => void }) {
  const [step, setStep] = useState<
    { kind: 'choose' } | { kind: 'unlock'; folder: string; set: BackupSetSummary } | { kind: 'confirm'; preview: RestorePreview }
  >({
    kind: 'choose',
  });
  const [lastFolder, setLastFolder] = useState(initialFolder);
  const cancel = async () => {
    await apiBridge.call('backups.cancelRestore', {});
    setStep({ kind: 'choose' });
  };
  switch (step.kind) {
    case 'choose':
      return (
        <ChooseSet
          initialFolder={lastFolder}
          onChosen={(folder, set) => {
            setLastFolder(folder);
            setStep({ kind: 'unlock', folder, set });
          }}
        />
      );
    case 'unlock':
      return (
        <UnlockSet
          folder={step.folder}
          set={step.set}
          onChecked={(preview) => setStep({ kind: 'confirm', preview })}
          onBack={() => setStep({ kind: 'choose' })}
        />
      );
    case 'confirm':
      return <ConfirmRestore preview={step.preview} onDone={onRestored} onCancel={() => void cancel()} />;
  }
}
