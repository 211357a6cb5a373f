import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { regionLabels, regions } from '../../../../shared/deadlines';
import { can } from '../../../../shared/permissions';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { DateField } from '../../components/DateTimeField';
import { FormPaper } from '../../components/FormPaper';
import { FormError, LoadError, Loading } from '../../components/Page';
import { ukDate } from '../../format';
import { useApiForm } from '../../api/useApiForm';

// The calendar every working-day deadline is counted on: the region's bank holidays and the
// setting's own closure days.

export function CalendarSettings() {
  const { status } = useSession();
  const role = status.user.role;
  const settings = useApi('settings.get', {});
  const [error, setError] = useState<string | null>(null);
  const toInput = useCallback((values: { date: string; reason: string }) => values, []);
  const closure = useApiForm({
    method: 'settings.addClosure',
    initial: { date: '', reason: '' },
    toInput,
    onSuccess: settings.setData,
  });
  if (settings.error) return <LoadError error={settings.error} />;
  if (!settings.data) return <Loading what="settings" />;
  const data = settings.data;

  const setRegion = async (value: string | null) => {
    const region = regions.find((candidate) => candidate === value);
    if (!region) return;
    const result = await apiBridge.call('settings.update', { region });
    if (result.ok) settings.setData(result.value);
    else setError(result.error.message);
  };
  const remove = async (date: string) => {
    const result = await apiBridge.call('settings.removeClosure', { date });
    if (result.ok) settings.setData(result.value);
    else setError(result.error.message);
  };

  return (
    <Stack maw={760}>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Select
        label="Region"
        description="Its bank holidays are skipped when working days are counted."
        data={regions.map((region) => ({ value: region, label: regionLabels[region] }))}
        value={data.region}
        onChange={(value) => void setRegion(value)}
        disabled={!can(role, 'settings.update')}
        allowDeselect={false}
        maw={360}
      />
      <Title order={3} size="h5" mt="md">
        Closure days
      </Title>
      <Text size="sm" c="dimmed">
        Days the setting is closed besides weekends and bank holidays (INSET days, for example). They are not counted as working days, and
        every explanation says so.
      </Text>
      {data.extraClosures.length > 0 ? (
        <Table withTableBorder aria-label="Closure days">
          <Table.Tbody>
            {data.extraClosures.map((day) => (
              <Table.Tr key={day.date}>
                <Table.Td>{ukDate(day.date)}</Table.Td>
                <Table.Td>{day.reason}</Table.Td>
                <Table.Td ta="right">
                  {can(role, 'settings.removeClosure') ? (
                    <Button size="xs" variant="subtle" color="red" onClick={() => void remove(day.date)}>
                      Remove
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">No closure days recorded.</Text>
      )}
      {can(role, 'settings.addClosure') ? (
        <FormPaper form={closure} p="md">
          <FormError error={closure.formError} />
          <Group align="flex-end">
            <DateField
              label="Date"
              value={closure.values.date}
              onChange={(value) => closure.set('date', value)}
              error={closure.error('date')}
              key={closure.draftGeneration}
            />
            <TextInput label="Reason" required {...closure.bind('reason')} style={{ flex: 1 }} />
            <Button type="submit" loading={closure.submitting}>
              Add closure day
            </Button>
          </Group>
        </FormPaper>
      ) : null}
    </Stack>
  );
}
