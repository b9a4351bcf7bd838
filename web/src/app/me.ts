import type { Schemas } from '../api/client';

/** The signed-in person, as /me answers. */
export type Me = Schemas['MeResponse'];

export function hasRole(me: Me, role: 'Learner' | 'Coach' | 'SuperAdmin'): boolean {
  return (me.user.roles as string[]).includes(role);
}
