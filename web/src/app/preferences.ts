import { useMutation, useQueryClient } from '@tanstack/react-query';
import { must, type Schemas } from '../api/client';
import { useServices, type Me } from './context';
import { queries } from './queries';

/** What PUT /me/preferences takes: all of a person's own settings at once (a field left out is cleared). */
export type PreferencesInput = Schemas['PreferencesInput'];

/** The time zone this browser runs in, as an IANA name ("Europe/Berlin"). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The person's settings as they stand, with the changes made on top: the body of one save. */
export function preferencesWith(me: Me, changes: Partial<PreferencesInput>): PreferencesInput {
  return {
    language: me.user.language ?? null,
    timeZone: me.user.timeZone ?? null,
    workingHours: me.user.workingHours ?? null,
    ...changes,
  };
}

/** Saves the person's settings and puts the answer where every page reads who they are (what their zone shapes is keyed by it). */
export function useSavePreferences() {
  const { api } = useServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesInput) => must(api.PUT('/me/preferences', { body })),
    onSuccess: (answer) => client.setQueryData(queries.me(api).queryKey, answer),
  });
}
