import { Alert, Anchor, Button, Checkbox, Container, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { RecoverySheet, SessionStatus } from '../../../../shared/schemas/session';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { FormError } from '../../components/Page';
import { saveDocument } from '../../downloads';
import { useApiForm } from '../../api/useApiForm';
import { OfficialStrip } from '../../shell/OfficialStrip';
import { RecoverySheetPrint } from './RecoverySheetPrint';

// The recovery key, shown once. The DSL prints the sheet, stores it, and says where; until then the
// app stays on this screen. If the key is no longer in memory (the page was reloaded), a new one
// is made instead: the old one can never be shown again.
// The sheet is printed from memory: the print dialog prints a print-only copy of the page, and no
// file is made. Saving a PDF copy is a separate choice, made after a warning, and the screen then
// says to delete the copy once the sheet is printed.

/** Shows the print-only sheet, opens the print dialog, and takes the sheet off the page once printing is done. */
function usePrintSheet(): { sheet: RecoverySheet | null; print: (sheet: RecoverySheet) => void } {
  const [sheet, setSheet] = useState<RecoverySheet | null>(null);
  useEffect(() => {
    const done = () => setSheet(null);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);
  const print = useCallback((next: RecoverySheet) => {
    // The sheet must be on the page before the dialog takes its picture of it.
    flushSync(() => setSheet(next));
    window.print();
  }, []);
  return { sheet, print };
}

export function RecoveryKeyScreen(props: {
  recoveryKey: string | null;
  onNewKey: (key: string) => void;
  onConfirmed: (status: SessionStatus) => void;
}) {
  const { status } = useSession();
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState(false);
  const [copyOffered, setCopyOffered] = useState(false);
  const [copyUnderstood, setCopyUnderstood] = useState(false);
  const [copySaved, setCopySaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const printSheet = usePrintSheet();
  const [making, setMaking] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  // The contract accepts only `confirmed: true`; the tick box is checked here, before sending.
  const toInput = useCallback(
    (values: { confirmed: boolean; storedWhere: string }) => ({ confirmed: true as const, storedWhere: values.storedWhere }),
    [],
  );
  const form = useApiForm({
    method: 'session.confirmRecoveryKeyStored',
    initial: { confirmed: false, storedWhere: '' },
    toInput,
    onSuccess: props.onConfirmed,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.confirmed) {
      setConfirmError('Tick to confirm the recovery sheet is printed and stored safely.');
      form.touch('storedWhere');
      return;
    }
    void form.submit();
  };

  const print = async () => {
    setPrinting(true);
    setSheetError(null);
    const result = await apiBridge.call('session.recoverySheet', {});
    setPrinting(false);
    if (!result.ok) return setSheetError(result.error.message);
    printSheet.print(result.value);
    setPrinted(true);
  };

  const saveCopy = async () => {
    setSaving(true);
    setSheetError(null);
    const result = await apiBridge.call('session.recoverySheetCopy', { understood: true });
    setSaving(false);
    if (!result.ok) return setSheetError(result.error.message);
    saveDocument(result.value);
    setCopySaved(true);
    setCopyOffered(false);
  };

  const keep = async () => {
    const result = await apiBridge.call('session.keepCurrentRecoveryKey', {});
    if (result.ok) props.onConfirmed(result.value);
    else setSheetError(result.error.message);
  };

  const makeNew = async () => {
    setMaking(true);
    const result = await apiBridge.call('session.replaceRecoveryKey', {});
    setMaking(false);
    if (result.ok) props.onNewKey(result.value.recoveryKey);
    else setSheetError(result.error.message);
  };

  return (
    <>
      <OfficialStrip />
      <Container size="sm" py="xl">
        <Stack gap="lg">
          <Title order={1}>Your recovery key</Title>
          {props.recoveryKey ? (
            <>
              <Text>
                This key opens the records if every passphrase is forgotten. It is shown <strong>only now</strong>. Print the recovery sheet
                and store it sealed in the school safe or another locked place. It is printed straight from this screen: nothing is saved on
                this computer.
              </Text>
              <Paper withBorder p="lg" radius="md" aria-label="Recovery key">
                <div className="key-groups" data-testid="recovery-key" aria-label={`Recovery key: ${props.recoveryKey}`}>
                  {props.recoveryKey.split('-').map((group, index) => (
                    <span key={index}>{group}</span>
                  ))}
                </div>
              </Paper>
              <Stack gap="xs">
                <Group>
                  <Button onClick={() => void print()} loading={printing}>
                    Print the recovery sheet
                  </Button>
                </Group>
                <Text size="sm" c="dimmed">
                  In the print dialog choose a printer, not “Save as PDF” or “Microsoft Print to PDF”: those write the key to a file.
                  {printed ? ' Not printed? Print again.' : ''}
                </Text>
              </Stack>
              {copySaved ? (
                <Alert color="orange" title="Delete the saved copy once the sheet is printed" role="status">
                  A copy of the recovery sheet was saved as a file, “Escalation Log recovery sheet.pdf” (usually in Downloads). Print it,
                  then delete it and empty the Recycle Bin. Do not keep it, email it, or put it in a shared or backed-up folder.
                </Alert>
              ) : copyOffered ? (
                <Alert color="orange" title="Save the recovery key in a file?" role="alert">
                  <Stack gap="xs">
                    <Text size="sm">
                      A saved copy is the master key to every record, in a file. It can end up in Downloads, in backups, in cloud sync and
                      in search indexes, where anyone who can reach them can use it with a copy of the records file. Save a copy only if
                      this computer cannot print now.
                    </Text>
                    <List size="sm">
                      <List.Item>Print it as soon as you can.</List.Item>
                      <List.Item>Then delete the file and empty the Recycle Bin.</List.Item>
                    </List>
                    <Checkbox
                      label="I understand: I will delete the saved copy once the sheet is printed"
                      checked={copyUnderstood}
                      onChange={(event) => setCopyUnderstood(event.currentTarget.checked)}
                    />
                    <Group>
                      <Button color="orange" disabled={!copyUnderstood} loading={saving} onClick={() => void saveCopy()}>
                        Save a copy (PDF)
                      </Button>
                      <Button variant="default" onClick={() => setCopyOffered(false)}>
                        Cancel
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              ) : (
                <Text size="sm">
                  Can’t print from this computer now?{' '}
                  <Anchor component="button" type="button" size="sm" onClick={() => setCopyOffered(true)}>
                    Save a copy as a file instead
                  </Anchor>
                </Text>
              )}
              {printSheet.sheet ? <RecoverySheetPrint sheet={printSheet.sheet} /> : null}
              {sheetError ? (
                <Alert color="red" role="alert">
                  {sheetError}
                </Alert>
              ) : null}
              <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
                <Stack>
                  <FormError error={form.formError} />
                  <Checkbox
                    label="I have printed the recovery sheet and stored it safely"
                    checked={form.values.confirmed}
                    onChange={(event) => {
                      form.set('confirmed', event.currentTarget.checked);
                      if (event.currentTarget.checked) setConfirmError(null);
                    }}
                    error={confirmError}
                  />
                  <TextInput
                    label="Where is it stored?"
                    description="For example: sealed envelope in the school safe."
                    required
                    {...form.bind('storedWhere')}
                  />
                  <Group justify="flex-end">
                    <Button type="submit" loading={form.submitting}>
                      Continue to Escalation Log
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            </>
          ) : (
            <Stack>
              {status.recoveryKeyConfirmed ? (
                <Alert color="orange" title="Make a new recovery key, or keep the one on your stored sheet" role="alert">
                  A new recovery key was offered but can’t be shown again (a recovery key is only shown once, straight after it is made).
                  The key on the sheet you stored still works until a new one is confirmed as stored. If that key was typed on this computer
                  or the sheet may have been seen, make a new one.
                </Alert>
              ) : (
                <Alert color="orange" title="The recovery key has not been confirmed as stored" role="alert">
                  A recovery key is only shown once, straight after it is made, and this one can no longer be shown. Make a new recovery
                  key: it replaces this one when you confirm its sheet is stored.
                </Alert>
              )}
              {sheetError ? (
                <Alert color="red" role="alert">
                  {sheetError}
                </Alert>
              ) : null}
              <Group>
                <Button onClick={() => void makeNew()} loading={making}>
                  Make a new recovery key
                </Button>
                {status.recoveryKeyConfirmed ? (
                  <Button variant="default" onClick={() => void keep()}>
                    Keep the key on my stored sheet
                  </Button>
                ) : null}
              </Group>
            </Stack>
          )}
        </Stack>
      </Container>
    </>
  );
}
