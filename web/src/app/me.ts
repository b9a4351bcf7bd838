import type { Schemas } from '../api/client';

/** The signed-in person, as /me answers. */
export type Me = Schemas['MeResponse'];

export function hasRole(me: Me, role: Role): boolean {
  return (me.user.roles as string[]).includes(role);
}

type Role = 'Learner' | 'Coach' | 'SuperAdmin';

/** The pages each role may open, by where their paths start; a page not listed is anyone's (preferences, not found). */
const areas: readonly (readonly [prefix: string, roles: readonly Role[]])[] = [
  ['/admin', ['SuperAdmin']],
  ['/coach', ['Coach']],
  ['/live-sessions', ['Learner', 'Coach']],
  ['/discover', ['Learner']],
  ['/certificates', ['Learner']],
  ['/enrollments/', ['Learner']],
];

/** Whether the person may open the page at path: a page of another role is not drawn for them at all. */
export function mayOpen(me: Me, path: string): boolean {
  const area = areas.find(([prefix]) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
  return !area || area[1].some((role) => hasRole(me, role));
}

/** Where a person lands: a learner on their certifications, a coach on the review queue, a super admin on the overview. */
export function homeOf(me: Me): string {
  if (hasRole(me, 'Learner')) return '/';
  if (hasRole(me, 'Coach')) return '/coach/reviews';
  return '/admin';
}
