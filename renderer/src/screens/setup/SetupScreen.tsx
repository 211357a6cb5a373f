import {
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import { settingTypeLabels, settingTypes, type SetupInput } from '../../../../shared/schemas/session';
import { regionLabels, regions } from '../../../../shared/deadlines';
import { FormError } from '../../components/Page';
import { useApiForm } from '../../api/useApiForm';
import { OfficialStrip } from '../../shell/OfficialStrip';
import { PassphraseStrength } from '../../components/PassphraseStrength';

// First run: the setting, then the DSL and their passphrase. The recovery key follows (its own
// screen), because the session gate sends an unconfirmed key there.

type Values = SetupInput;

const initial: Values = {
  settingName: '',
  settingType: 'school',
  region: 'england-and-wales',
  dslName: '',
  passphrase: '',
  passphraseConfirm: '',
};

const settingFields = ['settingName', 'settingType', 'region'] as const;

export function SetupScreen({ onSetUp, onRestore }: { onSetUp: (recoveryKey: string) => void; onRestore?: () => void }) {
  const [step, setStep] = useState(0);
  const toInput = useCallback((values: Values) => values, []);
  const form = useApiForm({
    method: 'session.setup',
    initial,
    toInput,
    onSuccess: (value) => onSetUp(value.recoveryKey),
    // Success leaves this screen (for the recovery key's): starting afresh would only flash an empty form on the way out.
    resetOnSuccess: false,
  });

  const next = () => {
    for (const field of settingFields) form.touch(field);
    if (settingFields.every((field) => !form.error(field) && form.values[field] !== '')) setStep(1);
  };

  return (
    <>
      <OfficialStrip />
      <Container size="sm" py="xl">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1}>Set up Escalation Log</Title>
            <Text c="dimmed">
              Records of professional-disagreement escalations about children, kept in one encrypted file on this computer. Nothing is sent
              anywhere.
            </Text>
            {onRestore ? (
              <Text size="sm">
                Moving Escalation Log to a new computer?{' '}
                <Anchor component="button" type="button" size="sm" onClick={onRestore}>
                  Restore from a backup instead
                </Anchor>
              </Text>
            ) : null}
          </Stack>
          <Stepper active={step} onStepClick={(index) => index < step && setStep(index)} allowNextStepsSelect={false} size="sm">
            <Stepper.Step label="Your setting" description="Name, type and region" />
            <Stepper.Step label="Safeguarding lead" description="Name and passphrase" />
            <Stepper.Step label="Recovery key" description="Print and store it" />
          </Stepper>
          <Paper
            withBorder
            p="lg"
            component="form"
            onSubmit={(event) => void form.submit(event)}
            onKeyDown={(event) => {
              // On the first step Enter goes on to the next (the browser would send half a set-up).
              if (step === 0 && event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'text') {
                event.preventDefault();
                next();
              }
            }}
            noValidate
          >
            <FormError error={form.formError} />
            {step === 0 ? (
              <Stack>
                <TextInput
                  label="Setting name"
                  description="As it should appear on letters and forms."
                  required
                  {...form.bind('settingName')}
                  autoFocus
                />
                <Radio.Group
                  label="Type of setting"
                  required
                  value={form.values.settingType}
                  onChange={(value) => settingTypes.forEach((type) => type === value && form.set('settingType', type))}
                  error={form.error('settingType')}
                >
                  <Group mt={6}>
                    {settingTypes.map((type) => (
                      <Radio key={type} value={type} label={settingTypeLabels[type]} />
                    ))}
                  </Group>
                </Radio.Group>
                <Radio.Group
                  label="Region"
                  description="Sets the bank holidays used when working days are counted."
                  required
                  value={form.values.region}
                  onChange={(value) => regions.forEach((region) => region === value && form.set('region', region))}
                  error={form.error('region')}
                >
                  <Stack mt={6} gap={6}>
                    {regions.map((region) => (
                      <Radio key={region} value={region} label={regionLabels[region]} />
                    ))}
                  </Stack>
                </Radio.Group>
                <Group justify="flex-end">
                  <Button onClick={next}>Continue</Button>
                </Group>
              </Stack>
            ) : (
              <Stack>
                <TextInput
                  label="Designated Safeguarding Lead’s full name"
                  description="First and last name, as it will appear on records."
                  required
                  {...form.bind('dslName')}
                  autoFocus
                />
                <Alert color="indigo" variant="light" title="Choosing a passphrase">
                  Three or four words picked at random work well. It must be hard to guess: anyone with a copy of the records file could try
                  passphrases at their own pace. It unlocks the records on this computer; if it is forgotten, only the recovery key (next
                  step) can open them.
                </Alert>
                <PasswordInput label="Passphrase" required {...form.bind('passphrase')} autoComplete="new-password" />
                <PassphraseStrength passphrase={form.values.passphrase} fieldError={form.error('passphrase')} />
                <PasswordInput label="Passphrase again" required {...form.bind('passphraseConfirm')} autoComplete="new-password" />
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(0)}>
                    Back
                  </Button>
                  <Button type="submit" loading={form.submitting}>
                    Create the encrypted records file
                  </Button>
                </Group>
              </Stack>
            )}
          </Paper>
        </Stack>
      </Container>
    </>
  );
}
