import type { MessageKey, Translate } from '../i18n/i18n';

/** A role's name in the reader's words (the API's names are identifiers: Learner, Coach, SuperAdmin). */
export function roleText(role: string, t: Translate): string {
  return t(`role.${role}` as MessageKey);
}
