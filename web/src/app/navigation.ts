import type { Me } from './me';

/** One link of the top bar's main navigation; end: it is the current page only on its own path, not below it. */
export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** The top bar's links a person sees, by their roles; the React top bar and the first paint both draw these. */
export function mainNavigation(roles: readonly string[]): NavItem[] {
  const learner = roles.includes('Learner');
  const coach = roles.includes('Coach');
  const admin = roles.includes('SuperAdmin');
  const items: [boolean, NavItem][] = [
    [learner, { to: '/', label: 'My certifications', end: true }],
    [learner, { to: '/discover', label: 'Discover' }],
    [learner, { to: '/certificates', label: 'My certificates' }],
    [coach, { to: '/coach/reviews', label: 'Review queue' }],
    [coach, { to: '/coach/team', label: 'My team' }],
    [learner || coach, { to: '/live-sessions', label: 'Live sessions' }],
    [admin, { to: '/admin/catalog', label: 'Catalog' }],
    [admin, { to: '/admin/people', label: 'People' }],
    [admin, { to: '/admin/certificates', label: 'Certificates' }],
    [admin, { to: '/admin/reports', label: 'Reports' }],
    [admin, { to: '/admin/settings', label: 'Settings' }],
  ];
  return items.filter(([shown]) => shown).map(([, item]) => item);
}

/** Whether a link to `to` is the current page at path, as React Router's NavLink decides it. */
export function isCurrent(to: string, end: boolean | undefined, path: string): boolean {
  const below = to.endsWith('/') ? to : `${to}/`;
  return path === to || (!end && path.startsWith(below));
}

/** The person and their organization, as the top bar names them. */
export function whoText(me: Me): string {
  return `${me.user.displayName} · ${me.organizationName}`;
}
