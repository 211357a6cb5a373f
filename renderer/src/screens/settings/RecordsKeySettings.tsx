import { Alert, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import { apiBridge } from '../../api/client';
import { useApi } from '../../api/useApi';
import { FormError, LoadError, Loading } from '../../components/Page';
import { ukDateTime } from '../../format';

// Settings, Passphrase and security, for the DSL: the records' key (which generation, when it was
// last replaced, how hard each passphrase is made to guess), what the checks at unlock found (and
// checking again now, every stored document's bytes too), and replacing the key on demand, for
// when a copy of the files may have been taken.

function accessWords(access: string): string {
  switch (access) {
    case 'verified':
      return 'The list of who may open the records matches its seal.';
    case 'changed':
      return 'The list of who may open the records does not match its seal (see above).';
    case 'unsealed':
      return 'The list of who may open the records is not sealed yet.';
    default:
      return '';
  }
}

export function RecordsKeySettings() {
  const status = useApi('security.status', {});
  const [checking, setChecking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [copyTaken, setCopyTaken] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  if (status.error && !status.data) return <LoadError error={status.error} />;
  if (!status.data) return <Loading what="the records' key" />;
  const data = status.data;
  const check = data.lastCheck;

  const checkNow = async () => {
    setChecking(true);
    const result = await apiBridge.call('security.check', {});
    setChecking(false);
    if (result.ok) {
      status.setData(result.value);
      setError(null);
    } else setError(result.error);
  };

  const rotate = async () => {
    setRotating(true);
    const result = await apiBridge.call('security.rotateKey', { confirmed: true, why: copyTaken ? 'copy-taken' : 'routine' });
    setRotating(false);
    setConfirming(false);
    if (result.ok) {
      setError(null);
      setDone(
        `The records' key was replaced (key generation ${result.value.generation}) in ${result.value.seconds} seconds. Copies of the files taken before now open nothing recorded from now on.${
          result.value.notCarried.length > 0 ? ` Add again: ${result.value.notCarried.join(', ')}.` : ''
        }`,
      );
      status.reload();
    } else setError(result.error);
  };

  return (
    <Paper withBorder p="md" aria-labelledby="records-key">
      <Title order={3} size="h5" id="records-key" mb="xs">
        The records’ key and the checks
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          Key generation {data.keyGeneration}
          {data.keyReplacedAt ? `, last replaced ${ukDateTime(data.keyReplacedAt)}` : ', never replaced'}.
          {data.kdf
            ? ` Each passphrase is stretched with scrypt (N = 2^${Math.log2(data.kdf.N)}, r = ${data.kdf.r}, p = ${data.kdf.p}), set for this computer when Escalation Log was set up, so each guess at a passphrase takes about a second.`
            : ''}
        </Text>
        {check ? (
          check.findings.length === 0 ? (
            <Alert color="green" role="status" title="Nothing changed outside Escalation Log">
              <Text size="sm">
                Checked {ukDateTime(check.at)}: the audit log&apos;s{' '}
                {check.auditEntries === 1 ? '1 entry is' : `${check.auditEntries} entries are`} intact and end where the key file says,
                every protection is in place and every stored document matches the fingerprint taken when it was made.{' '}
                {accessWords(check.access)} (The checks took {(check.ms / 1000).toFixed(1)} seconds.)
              </Text>
            </Alert>
          ) : (
            <Alert color="red" role="alert" title="Changed outside Escalation Log">
              <Text size="sm" mb="xs">
                Checked {ukDateTime(check.at)}. Make a backup now, read the audit log, and restore a backup made before the change if
                records were altered. Tell your data protection officer.
              </Text>
              <List size="sm">
                {check.findings.map((finding) => (
                  <List.Item key={finding}>{finding}</List.Item>
                ))}
              </List>
            </Alert>
          )
        ) : null}
        <FormError error={error} />
        {done ? (
          <Alert color="green" role="status">
            {done}
          </Alert>
        ) : null}
        <Group>
          <Button variant="default" loading={checking} onClick={() => void checkNow()}>
            Check now
          </Button>
          {!confirming ? (
            <Button variant="light" color="orange" onClick={() => setConfirming(true)}>
              Replace the key now
            </Button>
          ) : null}
        </Group>
        {confirming ? (
          <Alert color="orange" title="Replace the records’ key?" role="alert">
            <Text size="sm" mb="sm">
              Everyone keeps their passphrase and the recovery key keeps working. A copy of the records file and its key file taken before
              now will open nothing recorded from now on (what was in the copy stays readable to whoever has it). Backups made before keep
              the key of their time. It takes a few seconds; nothing else can be done meanwhile.
            </Text>
            <Checkbox
              mb="sm"
              label="I think a copy of the files was taken (a lost laptop or USB stick, someone who has left)"
              checked={copyTaken}
              onChange={(event) => setCopyTaken(event.currentTarget.checked)}
            />
            <Group>
              <Button color="orange" loading={rotating} onClick={() => void rotate()}>
                Yes, replace the key
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)} disabled={rotating}>
                Cancel
              </Button>
            </Group>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
