import { Alert, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { SettingsView } from '../../../../shared/schemas/settings';
import { useApiForm } from '../../api/useApiForm';
import { FormActions, FormPaper } from '../../components/FormPaper';
import { FormError } from '../../components/Page';

// How long the records stay open on an unattended screen. The number is saved as typed, only when
// Save is pressed (saving each keystroke saved 4 on the way to 45), with the contract's own limits
// said beside the field (1 to 30 minutes); the core applies a change to the open session at once.

function minutesInput(values: { idleLockMinutes: string }) {
  const typed = values.idleLockMinutes.trim();
  // Not a whole number as typed: sent as NaN, so the schema says "Enter a number of minutes.".
  return { idleLockMinutes: /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : Number.NaN };
}

export function IdleLockSetting({ minutes, onSaved }: { minutes: number; onSaved: (settings: SettingsView) => void }) {
  const [saved, setSaved] = useState<number | null>(null);
  const form = useApiForm({
    method: 'settings.update',
    initial: () => ({ idleLockMinutes: String(minutes) }),
    toInput: minutesInput,
    onSuccess: (settings) => {
      setSaved(settings.idleLockMinutes);
      onSaved(settings);
    },
    resetOnSuccess: false,
  });
  return (
    <FormPaper form={form} p="md" aria-labelledby="idle-lock">
      <Title order={3} size="h5" mb="xs" id="idle-lock">
        Lock when idle
      </Title>
      <Stack gap="sm">
        <FormError error={form.formError} />
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Lock after this many minutes without use"
            description="From 1 to 30 minutes."
            inputMode="numeric"
            autoComplete="off"
            required
            maw={380}
            {...form.bind('idleLockMinutes')}
            onChange={(event) => {
              setSaved(null);
              form.bind('idleLockMinutes').onChange(event);
            }}
          />
        </Group>
        <FormActions form={form} submitLabel="Save the idle lock" justify="flex-start" />
        {saved !== null ? (
          <Alert color="green" role="status">
            Saved: Escalation Log now locks after {saved} {saved === 1 ? 'minute' : 'minutes'} without use.
          </Alert>
        ) : null}
      </Stack>
    </FormPaper>
  );
}
