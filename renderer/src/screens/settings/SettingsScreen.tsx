import { Stack, Tabs } from '@mantine/core';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/Page';
import { CalendarSettings } from './CalendarSettings';
import { TermDatesSettings } from './TermDatesSettings';
import { ProcedureSettings } from './ProcedureSettings';
import { SecuritySettings } from './SecuritySettings';
import { PeopleSettings } from './PeopleSettings';

export function SettingsScreen() {
  const { status } = useSession();
  const role = status.user.role;
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle={
          can(role, 'settings.update')
            ? 'Only the Designated Safeguarding Lead can change these.'
            : 'Only the Designated Safeguarding Lead can change most of these.'
        }
      />
      <Tabs defaultValue="procedure" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="procedure">Escalation procedure</Tabs.Tab>
          <Tabs.Tab value="calendar">Calendar</Tabs.Tab>
          <Tabs.Tab value="terms">Term dates</Tabs.Tab>
          <Tabs.Tab value="security">Passphrase and security</Tabs.Tab>
          {can(role, 'users.list') ? <Tabs.Tab value="people">People</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="procedure">
          <ProcedureSettings />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <CalendarSettings />
        </Tabs.Panel>
        <Tabs.Panel value="terms">
          <TermDatesSettings />
        </Tabs.Panel>
        {can(role, 'users.list') ? (
          <Tabs.Panel value="people">
            <PeopleSettings />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="security">
          <Stack>
            <SecuritySettings />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
