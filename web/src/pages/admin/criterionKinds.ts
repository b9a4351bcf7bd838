import type { MessageKey, Translate } from '../../i18n/i18n';

/** The four kinds of criterion, in the order the editor offers them. */
export const kinds = ['content', 'activity', 'review', 'live_session'] as const;

/** A kind in the words the admin screens use ("Activity (LMS or evidence)"). */
export function kindName(kind: string, t: Translate): string {
  return (kinds as readonly string[]).includes(kind) ? t(`criterionKindAdmin.${kind}` as MessageKey) : kind;
}

/** A certification's status (Draft, Published, Archived) in the reader's words. */
export function certificationStatusText(status: string, t: Translate): string {
  return t(`certificationStatus.${status}` as MessageKey);
}
