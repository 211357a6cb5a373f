import { AppShell, Burger, Button, Group, Kbd, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type MouseEvent } from 'react';
import { roleLabels } from '../../../shared/people/roles';
import { useSession } from '../api/session';
import { href, useRoute, type Route } from '../routing/router';
import { FindChild, FIND_A_CHILD_ID } from './FindChild';
import { OfficialStrip } from './OfficialStrip';
import { Screen } from './Screen';
import { IntegrityAlert } from '../components/IntegrityAlert';

// The app around every signed-in screen: the marking strip, the setting and who is signed in, the
// Lock button (Ctrl+L), "Find a child" (Ctrl+K puts the cursor in it, from any screen), and the left navigation.
// For keyboards and screen readers: a "Skip to main content" link first, one landmark of each kind
// (banner, the main navigation, main). In a narrow window (a small laptop at 200% zoom) the
// navigation folds behind a Menu button, so the screen itself never scrolls sideways.

/** The skip link: focus the screen's heading (or the main area while it loads), without touching the address (the router's). */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.getElementById('main-content');
  const target = main?.querySelector<HTMLElement>('h1[tabindex="-1"]') ?? main;
  target?.focus();
  target?.scrollIntoView();
}

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
  const [menuOpened, menu] = useDisclosure(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'l') {
        event.preventDefault();
        void lock();
      } else if (key === 'k') {
        event.preventDefault();
        document.getElementById(FIND_A_CHILD_ID)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  return (
    <AppShell
      header={{ height: 84 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
      <AppShell.Header>
        <OfficialStrip />
        <Group justify="space-between" px={{ base: 'sm', sm: 'lg' }} h={64} wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={menuOpened}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Menu"
              aria-expanded={menuOpened}
              aria-controls="main-navigation"
            />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={700} size="lg" truncate="end" title={status.settingName}>
                {status.settingName}
              </Text>
              <Text size="xs" c="dimmed">
                Escalation Log
              </Text>
            </Stack>
          </Group>
          <Group className="no-print" style={{ flex: '1 1 200px', justifyContent: 'center', minWidth: 0 }}>
            <FindChild />
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} data-testid="signed-in-name">
                {status.user.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {roleLabels[status.user.role]}
              </Text>
            </Stack>
            <Button variant="default" onClick={() => void lock()} rightSection={<Kbd size="xs">Ctrl L</Kbd>} className="no-print">
              Lock
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main" id="main-navigation">
        {sections.map((section) => (
          <NavLink
            key={section.label}
            href={href(section.route)}
            label={section.label}
            active={section.matches.includes(route.name)}
            fw={600}
            aria-current={section.matches.includes(route.name) ? 'page' : undefined}
            onClick={menu.close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content">
        <IntegrityAlert />
        <Screen route={route} />
      </AppShell.Main>
    </AppShell>
  );
}
