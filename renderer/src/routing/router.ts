import { useEffect, useState } from 'react';
import { focusHeadingWhenShown } from './screen-focus';

// A small hash router: the same addresses work under app:// in Electron and http:// in browser
// mode, and nothing ever navigates the window away (navigation is blocked there).

export type Route =
  | { name: 'dashboard' }
  | { name: 'children' }
  | { name: 'child-new' }
  | { name: 'child'; id: string }
  | { name: 'escalations' }
  | { name: 'escalation-new'; childId: string | null; referralId: string | null; milestone: string | null }
  | { name: 'escalation'; id: string }
  | { name: 'referrals' }
  | { name: 'referral-new'; childId: string | null }
  | { name: 'referral'; id: string }
  | { name: 'audit'; period: string | null }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0 || first === 'dashboard') return { name: 'dashboard' };
  if (first === 'children' && !second) return { name: 'children' };
  if (first === 'children' && second === 'new') return { name: 'child-new' };
  if (first === 'children' && second && !third) return { name: 'child', id: second };
  if (first === 'escalations' && !second) return { name: 'escalations' };
  if (first === 'escalations' && second === 'new') {
    return { name: 'escalation-new', childId: params.get('child'), referralId: params.get('referral'), milestone: params.get('milestone') };
  }
  if (first === 'escalations' && second && !third) return { name: 'escalation', id: second };
  if (first === 'referrals' && !second) return { name: 'referrals' };
  if (first === 'referrals' && second === 'new') return { name: 'referral-new', childId: params.get('child') };
  if (first === 'referrals' && second && !third) return { name: 'referral', id: second };
  if (first === 'audit' && !second) return { name: 'audit', period: params.get('period') };
  if (first === 'settings' && !second) return { name: 'settings' };
  return { name: 'not-found', path };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '#/';
    case 'children':
      return '#/children';
    case 'child-new':
      return '#/children/new';
    case 'child':
      return `#/children/${route.id}`;
    case 'escalations':
      return '#/escalations';
    case 'escalation-new': {
      const params = new URLSearchParams();
      if (route.childId) params.set('child', route.childId);
      if (route.referralId) params.set('referral', route.referralId);
      if (route.milestone) params.set('milestone', route.milestone);
      const query = params.toString();
      return `#/escalations/new${query ? `?${query}` : ''}`;
    }
    case 'escalation':
      return `#/escalations/${route.id}`;
    case 'referrals':
      return '#/referrals';
    case 'referral-new':
      return route.childId ? `#/referrals/new?child=${route.childId}` : '#/referrals/new';
    case 'referral':
      return `#/referrals/${route.id}`;
    case 'audit':
      return route.period ? `#/audit?period=${encodeURIComponent(route.period)}` : '#/audit';
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#/${route.path}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      window.scrollTo(0, 0);
      focusHeadingWhenShown();
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
