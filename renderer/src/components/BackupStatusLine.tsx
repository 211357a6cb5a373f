import { Alert, Anchor, Text } from '@mantine/core';
import type { BackupStatus } from '../../../shared/schemas/backups';
import { can } from '../../../shared/permissions';
import { useSession } from '../api/session';
import { useApi } from '../api/useApi';
import { ukDateTime } from '../format';

// When the last good backup was made, in one line: on the dashboard and in Settings, Backups. Over a
// week old (or never), it says so in orange with the word "Overdue", never by colour alone.

function daysAgo(iso: string): string {
  const days = Math.floor((Date.now() - Date.parse(iso)) / 86_400_000);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

export function BackupStatusLine({ status, showSettingsLink = false }: { status: BackupStatus; showSettingsLink?: boolean }) {
  const good = status.lastGood;
  const failed = status.lastAttempt && !status.lastAttempt.ok ? status.lastAttempt : null;
  const where = showSettingsLink ? (
    <>
      {' '}
      <Anchor href="#/settings?tab=backups" size="sm">
        Back up now in Settings, Backups
      </Anchor>
    </>
  ) : null;
  if (!status.folder && !good) {
    return (
      <Alert color="orange" role="status" title="Backups: overdue">
        <Text size="sm">
          No backup has been made yet. Choose a backup folder on a USB stick or network drive, then back up.
          {where}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color={status.overdue || failed ? 'orange' : 'green'} role="status" title={status.overdue ? 'Backups: overdue' : 'Backups'}>
      <Text size="sm">
        {good
          ? `Last good backup: ${ukDateTime(good.at)} (${daysAgo(good.at)}), "${good.setName ?? ''}" in ${good.folder}.`
          : 'No good backup has been made yet.'}
        {status.overdue && good ? ' It is more than a week old.' : ''}
        {status.automatic ? ' Automatic backups are on.' : ' Automatic backups are off.'}
      </Text>
      {failed ? (
        <Text size="sm">
          The last backup, {ukDateTime(failed.at)}, failed: {failed.message}
        </Text>
      ) : null}
      {status.overdue || failed ? <Text size="sm">{where}</Text> : null}
    </Alert>
  );
}

/** The dashboard's line: loads the backup status itself. */
export function DashboardBackupLine() {
  const { status: session } = useSession();
  const status = useApi('backups.status', {});
  if (!status.data) return null;
  // Only the DSL has Settings, Backups; everyone sees when the last backup was made.
  return <BackupStatusLine status={status.data} showSettingsLink={can(session.user.role, 'backups.run')} />;
}
