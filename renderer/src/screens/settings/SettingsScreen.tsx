import { Stack, Tabs, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/Page';
import { CalendarSettings } from './CalendarSettings';
import { TermDatesSettings } from './TermDatesSettings';
import { ProcedureSettings } from './ProcedureSettings';
import { SecuritySettings } from './SecuritySettings';
import { PeopleSettings } from './PeopleSettings';
import { BackupSettings } from './BackupSettings';
import { RetentionSettings } from './RetentionSettings';
import { AuditLogSettings } from './AuditLogSettings';

/** The tab named in the address (`#/settings?tab=backups`, as the dashboard's backup line links), else the first. */
function tabFromAddress(): string {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('tab') ?? 'procedure';
}

/** Each tab's panel starts with its own heading (for screen readers: the tab shows its name), so the panels' h3s follow an h2. */
function TabHeading({ children }: { children: ReactNode }) {
  return <VisuallyHidden component="h2">{children}</VisuallyHidden>;
}

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
      <Tabs defaultValue={tabFromAddress()} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="procedure">Escalation procedure</Tabs.Tab>
          <Tabs.Tab value="calendar">Calendar</Tabs.Tab>
          <Tabs.Tab value="terms">Term dates</Tabs.Tab>
          <Tabs.Tab value="security">Passphrase and security</Tabs.Tab>
          {can(role, 'users.list') ? <Tabs.Tab value="people">People</Tabs.Tab> : null}
          {can(role, 'backups.updateSettings') ? <Tabs.Tab value="backups">Backups</Tabs.Tab> : null}
          {can(role, 'retention.list') ? <Tabs.Tab value="retention">Retention</Tabs.Tab> : null}
          {can(role, 'auditLog.list') ? <Tabs.Tab value="audit-log">Audit log</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="procedure">
          <TabHeading>Escalation procedure</TabHeading>
          <ProcedureSettings />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <TabHeading>Calendar</TabHeading>
          <CalendarSettings />
        </Tabs.Panel>
        <Tabs.Panel value="terms">
          <TabHeading>Term dates</TabHeading>
          <TermDatesSettings />
        </Tabs.Panel>
        {can(role, 'users.list') ? (
          <Tabs.Panel value="people">
            <TabHeading>People</TabHeading>
            <PeopleSettings />
          </Tabs.Panel>
        ) : null}
        {can(role, 'backups.updateSettings') ? (
          <Tabs.Panel value="backups">
            <TabHeading>Backups</TabHeading>
            <BackupSettings />
          </Tabs.Panel>
        ) : null}
        {can(role, 'retention.list') ? (
          <Tabs.Panel value="retention">
            <TabHeading>Retention</TabHeading>
            <RetentionSettings />
          </Tabs.Panel>
        ) : null}
        {can(role, 'auditLog.list') ? (
          <Tabs.Panel value="audit-log">
            <TabHeading>Audit log</TabHeading>
            <AuditLogSettings />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="security">
          <TabHeading>Passphrase and security</TabHeading>
          <Stack>
            <SecuritySettings />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
