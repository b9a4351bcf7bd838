import type { Translate } from '../i18n/i18n';
import type { Me } from './me';

/**
 * One link of the top bar's main navigation; end: it is the current page only on its own path, not below it; waiting:
 * how many things wait there for the person (shown beside the label when there are any).
 */
export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  waiting?: number;
}

/** The top bar's links a person sees, by their roles, in their language, with what waits for a coach in their queue. */
export function mainNavigation(roles: readonly string[], t: Translate, reviewsWaiting?: number): NavItem[] {
  const learner = roles.includes('Learner');
  const coach = roles.includes('Coach');
  const admin = roles.includes('SuperAdmin');
  const items: [boolean, NavItem][] = [
    [learner, { to: '/', label: t('nav.home'), end: true }],
    [learner, { to: '/discover', label: t('nav.discover') }],
    [learner, { to: '/certificates', label: t('nav.certificates') }],
    [coach, { to: '/coach/reviews', label: t('nav.reviews'), waiting: reviewsWaiting }],
    [coach, { to: '/coach/team', label: t('nav.team') }],
    [learner || coach, { to: '/live-sessions', label: t('nav.liveSessions') }],
    [admin, { to: '/admin', label: t('nav.overview'), end: true }],
    [admin, { to: '/admin/catalog', label: t('nav.catalog') }],
    [admin, { to: '/admin/people', label: t('nav.people') }],
    [admin, { to: '/admin/certificates', label: t('nav.adminCertificates') }],
    [admin, { to: '/admin/reports', label: t('nav.reports') }],
    [admin, { to: '/admin/settings', label: t('nav.settings') }],
  ];
  return items.filter(([shown]) => shown).map(([, item]) => item);
}

/** The person and their organization, as the top bar names them. */
export function whoText(me: Me): string {
  return `${me.user.displayName} · ${me.organizationName}`;
}
