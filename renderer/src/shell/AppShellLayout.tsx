import { AppShell, Button, Group, Kbd, NavLink, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { roleLabels } from '../../../shared/people/roles';
import { useSession } from '../api/session';
import { href, useRoute, type Route } from '../routing/router';
import { OfficialStrip } from './OfficialStrip';
import { Screen } from './Screen';

// The app around every signed-in screen: the marking strip, the setting and who is signed in, the
// Lock button (Ctrl+L), and the left navigation. Ctrl+K jumps to "Find a child".

const sections: { label: string; route: Route; matches: Route['name'][] }[] = [
  { label: 'Dashboard', route: { name: 'dashboard' }, matches: ['dashboard'] },
  { label: 'Children', route: { name: 'children' }, matches: ['children', 'child', 'child-new'] },
  { label: 'Escalations', route: { name: 'escalations' }, matches: ['escalations', 'escalation', 'escalation-new'] },
  { label: 'Referrals', route: { name: 'referrals' }, matches: ['referrals', 'referral', 'referral-new'] },
  { label: 'Audit', route: { name: 'audit', period: null }, matches: ['audit'] },
  { label: 'Settings', route: { name: 'settings' }, matches: ['settings'] },
];

export function AppShellLayout() {
  const { status, lock } = useSession();
  const route = useRoute();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'l') {
        event.preventDefault();
        void lock();
      } else if (key === 'k') {
        event.preventDefault();
        if (route.name !== 'children') window.location.hash = href({ name: 'children' });
        window.setTimeout(() => document.getElementById('find-a-child')?.focus(), 50);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock, route.name]);

  return (
    <AppShell header={{ height: 84 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <OfficialStrip />
        <Group justify="space-between" px="lg" h={64} wrap="nowrap">
          <Stack gap={0}>
            <Text fw={700} size="lg">
              {status.settingName}
            </Text>
            <Text size="xs" c="dimmed">
              Escalation Log
            </Text>
          </Stack>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} data-testid="signed-in-name">
                {status.user.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {roleLabels[status.user.role]}
              </Text>
            </Stack>
            <Button variant="default" onClick={() => void lock()} rightSection={<Kbd size="xs">Ctrl L</Kbd>}>
              Lock
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Sections">
        <nav aria-label="Main">
          {sections.map((section) => (
            <NavLink
              key={section.label}
              href={href(section.route)}
              label={section.label}
              active={section.matches.includes(route.name)}
              fw={600}
              aria-current={section.matches.includes(route.name) ? 'page' : undefined}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        <main>
          <Screen route={route} />
        </main>
      </AppShell.Main>
    </AppShell>
  );
}
