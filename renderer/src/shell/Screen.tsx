import { Alert, Anchor } from '@mantine/core';
import { useEffect } from 'react';
import type { Route } from '../routing/router';
import { setScreenTitle } from '../routing/screen-focus';
import { PageHeader } from '../components/Page';
import { ChildrenList } from '../screens/children/ChildrenList';
import { AddChild } from '../screens/children/AddChild';
import { ChildPage } from '../screens/children/ChildPage';
import { Dashboard } from '../screens/dashboard/Dashboard';
import { EscalationsList } from '../screens/escalations/EscalationsList';
import { OpenEscalation } from '../screens/escalations/OpenEscalation';
import { EscalationPage } from '../screens/escalations/EscalationPage';
import { ReferralsList } from '../screens/referrals/ReferralsList';
import { NewReferral } from '../screens/referrals/NewReferral';
import { ReferralPage } from '../screens/referrals/ReferralPage';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';

/**
 * The window's title for each screen: the kind of screen, never whose record it is. A title is
 * kept outside the encrypted file (the browser's history, the taskbar, a screen share's list of
 * windows), so a child's name must never be in one.
 */
const screenTitles: Record<Route['name'], string> = {
  dashboard: 'Dashboard',
  children: 'Children',
  'child-new': 'Add a child',
  child: 'A child’s record',
  escalations: 'Escalations',
  'escalation-new': 'Open an escalation',
  escalation: 'An escalation',
  referrals: 'Referrals',
  'referral-new': 'Record a referral',
  referral: 'A referral',
  audit: 'Audit',
  settings: 'Settings',
  'not-found': 'Not found',
};

/** The screen for a route. Keyed by id so moving between records starts each screen afresh. */
export function Screen({ route }: { route: Route }) {
  useEffect(() => setScreenTitle(screenTitles[route.name]), [route.name]);
  switch (route.name) {
    case 'dashboard':
      return <Dashboard />;
    case 'children':
      return <ChildrenList />;
    case 'child-new':
      return <AddChild />;
    case 'child':
      return <ChildPage key={route.id} id={route.id} />;
    case 'escalations':
      return <EscalationsList />;
    case 'escalation-new':
      return (
        <OpenEscalation
          key={`${route.childId}/${route.referralId}/${route.milestone}`}
          childId={route.childId}
          referralId={route.referralId}
          milestone={route.milestone}
        />
      );
    case 'escalation':
      return <EscalationPage key={route.id} id={route.id} />;
    case 'referrals':
      return <ReferralsList />;
    case 'referral-new':
      return <NewReferral key={route.childId ?? ''} childId={route.childId} />;
    case 'referral':
      return <ReferralPage key={route.id} id={route.id} />;
    case 'audit':
      return <AuditScreen period={route.period} />;
    case 'settings':
      return <SettingsScreen />;
    case 'not-found':
      return (
        <>
          <PageHeader title="There is nothing at this address" />
          <Alert color="orange">
            <Anchor href="#/">Go to the dashboard</Anchor>
          </Alert>
        </>
      );
  }
}
